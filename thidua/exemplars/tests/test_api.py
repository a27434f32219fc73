"""Exemplars API: the permission matrix and the stage command."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case, login
from thidua.exemplars.models import ExemplaryModel
from thidua.exemplars.tests.builders import make_model

pytestmark = pytest.mark.django_db

LOGGED_IN = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
)
EVERYONE = dict.fromkeys(LOGGED_IN, 200)
SEE_A = EVERYONE | {"outsider": 404, "unit_b_clerk": 404}
# Each manager records a further nurturing step (allowed: the same stage again).
RECORD = dict.fromkeys(LOGGED_IN, 403) | {
    "outsider": 404,
    "unit_b_clerk": 404,
    "province_officer": 201,
    "admin": 201,
}


def model(w):
    return [make_model(w, stage="nurture").pk]


def _stage(w):
    if not ExemplaryModel.objects.exists():
        make_model(w, stage="nurture")
    m = ExemplaryModel.objects.get()
    return {
        "model_id": m.pk,
        "version": m.version,
        "stage": "nurture",
        "date": "2025-12-01",
        "responsible_unit_id": w.province.pk,
        "note": "Tập huấn lần 2",
    }


CASES = [
    Case("api:list_exemplars", expect=EVERYONE, api=True),
    Case("api:get_exemplar", model, SEE_A, api=True),
    Case("api:list_exemplar_stages", model, SEE_A, api=True),
    Case("api:record_exemplar_stage", expect=RECORD, method="post", data=_stage, api=True),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_the_detail_carries_stages_and_no_personal_data(world, client):
    m = make_model(world, stage="summarise")
    login(client, world, "unit_a_viewer")
    body = client.get(f"/api/v1/exemplars/{m.pk}").json()
    assert body["subject"] == "Nguyễn Văn An"
    assert body["stage"] == "summarise"
    assert [s["stage"] for s in body["stages"]] == ["discover", "nurture", "summarise"]
    assert "national_id" not in str(body)
    assert "date_of_birth" not in str(body)
    rows = client.get("/api/v1/exemplars/?stage=summarise").json()
    assert [r["id"] for r in rows] == [m.pk]
    assert client.get("/api/v1/exemplars/?stage=replicate").json() == []


def test_a_skipped_stage_is_refused_with_a_stable_code_and_nothing_changes(world, client):
    m = make_model(world, stage="discover")
    login(client, world, "province_officer")
    response = client.post(
        "/api/v1/exemplars/stages",
        {
            "model_id": m.pk,
            "version": m.version,
            "stage": "replicate",
            "date": "2025-12-01",
            "responsible_unit_id": world.province.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "STAGE_SKIPPED"
    m.refresh_from_db()
    assert m.stage == "discover"
    assert m.stages.count() == 1
    stale = client.post(
        "/api/v1/exemplars/stages",
        {
            "model_id": m.pk,
            "version": m.version + 5,
            "stage": "nurture",
            "date": "2025-12-01",
            "responsible_unit_id": world.province.pk,
        },
        content_type="application/json",
    )
    assert stale.status_code == 409
