"""Decisions API: the permission matrix and the behaviour of the commands."""

from __future__ import annotations

import pytest

from thidua.awards.models import AwardRecord
from thidua.core.testing.matrix import Case, check_case, login
from thidua.decisions.models import Decision, IssuingBody
from thidua.decisions.tests.builders import drafted, issued, make_body, make_nominee

pytestmark = pytest.mark.django_db

ALL = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
    "cluster_leader",
    "council_secretary",
    "signer",
)
EVERYONE = dict.fromkeys(ALL, 200)
PREPARERS = ("province_officer", "admin", "council_secretary")
SEE_ISSUED = EVERYONE | {"outsider": 404, "unit_b_clerk": 404}
HIDDEN_DRAFT = dict.fromkeys(ALL, 404)


def _draft_body(w):
    body = make_body(w)
    return {"body_id": body.pk, "summary": "Về việc tặng Bằng khen", "period": "năm 2025"}


def _step(w):
    d = Decision.objects.get()
    return {"decision_id": d.pk, "version": d.version}


def _draft(w):
    drafted(w, submitted=False)
    return []


def _submitted(w):
    drafted(w)
    return []


def _issued(w):
    issued(w)
    return []


CASES = [
    Case("api:list_decisions", expect=EVERYONE, api=True),
    Case("api:get_decision", lambda w: [issued(w).decision.pk], SEE_ISSUED, api=True),
    Case(
        "api:draft_decision",
        expect=dict.fromkeys(ALL, 403) | dict.fromkeys(PREPARERS, 201),
        method="post",
        data=lambda w: (
            _draft_body(w)
            if not IssuingBody.objects.exists()
            else {
                "body_id": IssuingBody.objects.get().pk,
                "summary": "Về việc tặng Bằng khen",
                "period": "năm 2025",
            }
        ),
        api=True,
    ),
    Case(
        "api:submit_decision",
        _draft,
        HIDDEN_DRAFT
        | {"province_officer": 200, "admin": 400, "council_secretary": 400, "signer": 403},
        method="post",
        data=_step,
        api=True,
    ),
    Case(
        "api:return_decision",
        _submitted,
        HIDDEN_DRAFT | dict.fromkeys(PREPARERS, 403) | {"signer": 200},
        method="post",
        data=lambda w: _step(w) | {"note": "Sửa trích yếu"},
        api=True,
    ),
    Case(
        "api:issue_decision",
        _submitted,
        HIDDEN_DRAFT | dict.fromkeys(PREPARERS, 403) | {"signer": 200},
        method="post",
        data=lambda w: _step(w) | {"decided_on": "2026-01-15", "signer_name": "Võ Trọng Hải"},
        api=True,
    ),
    Case(
        "api:revoke_decision",
        _issued,
        dict.fromkeys(SEE_ISSUED, 403) | {"outsider": 404, "unit_b_clerk": 404, "signer": 200},
        method="post",
        data=lambda w: (
            _step(w)
            | {
                "ground": "a",
                "reason": "Khai man",
                "revoking_number": "09/QĐ-UBND",
                "revoked_on": "2026-02-01",
            }
        ),
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_draft_and_issue_through_the_api(world, client):
    body = make_body(world)
    nominee = make_nominee(world)
    login(client, world, "province_officer")
    created = client.post(
        "/api/v1/decisions/drafts",
        {
            "body_id": body.pk,
            "summary": "Về việc tặng Bằng khen",
            "period": "năm 2025",
            "nominee_ids": [nominee.pk],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    decision = created.json()
    assert decision["number"] == ""
    assert decision["items"][0]["nominee_id"] == nominee.pk
    assert decision["items"][0]["bonus"] is not None  # shown while drafting
    client.post(
        "/api/v1/decisions/submit",
        {"decision_id": decision["id"], "version": decision["version"]},
        content_type="application/json",
    )
    login(client, world, "signer")
    version = Decision.objects.get().version
    out = client.post(
        "/api/v1/decisions/issue",
        {
            "decision_id": decision["id"],
            "version": version,
            "decided_on": "2026-01-15",
            "signer_name": "Võ Trọng Hải",
        },
        content_type="application/json",
    ).json()
    assert out["status"] == "issued"
    assert out["number"] == "01/QĐ-UBND"
    assert out["items"][0]["award_record_id"] == AwardRecord.objects.get().pk


def test_hostile_ids_are_refused_without_a_server_error(world, client):
    login(client, world, "signer")
    for body in ({"decision_id": 10**12, "version": 1}, {"decision_id": 1, "version": -1}, [], {}):
        response = client.post("/api/v1/decisions/submit", body, content_type="application/json")
        assert response.status_code in (404, 422), response.content
    response = client.post(
        "/api/v1/decisions/drafts",
        {"body_id": 1, "summary": "\x00", "period": "x", "nominee_ids": [10**12]},
        content_type="application/json",
    )
    assert response.status_code == 422
