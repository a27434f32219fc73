"""Scoring API: the permission matrix and the push of progress figures."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case
from thidua.scoring.tests.builders import build_full
from thidua.scoring.tests.test_views import DRAFT_RANKING, SEE, SHEET_B

pytestmark = pytest.mark.django_db


def f(w):
    return build_full(w)


REFUSED = {"council_member": 403, "council_secretary": 403, "signer": 403}

CASES = [
    Case(
        "api:report_progress",
        expect=SEE
        | REFUSED
        | {
            "unit_a_clerk": 201,
            "unit_b_clerk": 404,
            "unit_a_viewer": 403,
            "province_officer": 201,
            "admin": 201,
            "cluster_leader": 201,
        },
        method="post",
        data=lambda w: {
            "target_id": f(w).s.target.pk,
            "unit_id": w.unit_a.pk,
            "period_id": f(w).s.period.pk,
            "value": "25",
        },
        api=True,
    ),
    Case("api:get_score_sheet", lambda w: [f(w).s.sheet_b.pk], SHEET_B, api=True),
    Case(
        "api:save_self_scores",
        lambda w: [],
        SHEET_B
        | REFUSED
        | {"unit_b_clerk": 404, "cluster_leader": 404, "province_officer": 409, "admin": 409},
        method="post",
        data=lambda w: {"sheet_id": f(w).s.sheet_c.pk, "version": 999, "values": {"1.1": "5"}},
        api=True,
    ),
    Case("api:get_ranking", lambda w: [f(w).board.pk], DRAFT_RANKING, api=True),
    Case("api:review_proposals", lambda w: [f(w).review.pk], SEE, api=True),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_pushed_figure_is_stored_with_its_source(world, client):
    from thidua.core.testing.matrix import login
    from thidua.scoring.models import ProgressReport

    full = build_full(world)
    login(client, world, "unit_a_clerk")
    response = client.post(
        "/api/v1/scoring/progress",
        {
            "target_id": full.s.target.pk,
            "unit_id": world.unit_a.pk,
            "period_id": full.s.period.pk,
            "value": "31.5",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    report = ProgressReport.objects.get(pk=response.json()["id"])
    assert (report.value, report.source) == (31.5, "api")
    bad = client.post(
        "/api/v1/scoring/progress",
        {
            "target_id": full.s.target.pk,
            "unit_id": world.unit_a.pk,
            "period_id": full.s.period.pk,
            "value": "1e20",
        },
        content_type="application/json",
    )
    assert bad.status_code == 422
