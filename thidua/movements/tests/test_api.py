"""Movements API: scoped reads, writes through the same services, stable error codes."""

from __future__ import annotations

import pytest

from thidua.accounts.services import issue_api_token
from thidua.core.testing.matrix import Case, check_case
from thidua.movements.models import Movement
from thidua.movements.tests.builders import build

pytestmark = pytest.mark.django_db

EVERYONE = dict.fromkeys(
    (
        "outsider",
        "unit_a_clerk",
        "unit_b_clerk",
        "unit_a_viewer",
        "province_officer",
        "council_member",
        "admin",
    ),
    200,
)
SEE = EVERYONE | {"outsider": 404}
NEW_MOVEMENT = {
    "name": "Phong trào qua API",
    "kind": "thematic",
    "launch_level": "province",
    "document_type": "plan",
    "start_date": "2026-01-01",
    "end_date": "2026-12-31",
}


def m(w):
    return [build(w).movement.pk]


CASES = [
    Case("api:list_movements", expect=EVERYONE, api=True),
    Case("api:get_movement", m, SEE, api=True),
    Case(
        "api:create_movement",
        expect={
            "outsider": 404,
            "unit_a_clerk": 404,
            "unit_b_clerk": 404,
            "unit_a_viewer": 404,
            "province_officer": 201,
            "council_member": 403,
            "admin": 201,
        },
        method="post",
        data=lambda w: NEW_MOVEMENT | {"organiser_id": w.province.pk},
        api=True,
    ),
    Case(
        "api:advance_movement",
        m,
        {
            "outsider": 404,
            "unit_a_clerk": 403,
            "unit_b_clerk": 403,
            "unit_a_viewer": 403,
            "province_officer": 409,
            "council_member": 403,
            "admin": 409,
        },
        method="post",
        data=lambda w: {"to": "interim_review", "version": 999},
        api=True,
    ),
    Case("api:list_targets", m, SEE, api=True),
    Case(
        "api:add_target",
        m,
        SEE
        | dict.fromkeys(("unit_a_clerk", "unit_b_clerk", "unit_a_viewer", "council_member"), 403)
        | {"province_officer": 400, "admin": 400},
        method="post",
        data=lambda w: {
            "indicator": "Chỉ tiêu",
            "direction": "at_least",
            "aggregation": "sum",
            "low": "1",
        },
        api=True,
    ),
    Case("api:list_registrations", m, SEE, api=True),
    Case(
        "api:register_unit",
        m,
        {
            "outsider": 404,
            "unit_a_clerk": 400,
            "unit_b_clerk": 404,
            "unit_a_viewer": 403,
            "province_officer": 400,
            "council_member": 403,
            "admin": 400,
        },
        method="post",
        data=lambda w: {"unit_id": w.unit_a.pk},
        api=True,
    ),
    Case("api:list_works", m, SEE, api=True),
    Case(
        "api:add_work",
        m,
        {
            "outsider": 404,
            "unit_a_clerk": 201,
            "unit_b_clerk": 404,
            "unit_a_viewer": 403,
            "province_officer": 201,
            "council_member": 403,
            "admin": 201,
        },
        method="post",
        data=lambda w: {"unit_id": w.unit_a.pk, "name": "Cầu dân sinh", "kind": "inauguration"},
        api=True,
    ),
    Case("api:list_pledges", m, SEE, api=True),
    Case(
        "api:sign_pledge",
        lambda w: [build(w).pledge.pk],
        {
            "outsider": 404,
            "unit_a_clerk": 201,
            "unit_b_clerk": 404,
            "unit_a_viewer": 403,
            "province_officer": 400,
            "council_member": 403,
            "admin": 400,
        },
        method="post",
        data=lambda w: {
            "unit_id": w.unit_a.pk,
            "signer_name": "Nguyễn Văn An",
            "signed_on": "2024-03-06",
        },
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def _auth(world, persona):
    user = world.users[persona]
    return {"Authorization": f"Bearer {issue_api_token(world.users['admin'], user, 'test')}"}


def test_token_of_b_clerk_sees_only_b_works(world, client, built):
    response = client.get(
        f"/api/v1/movements/{built.movement.pk}/works", headers=_auth(world, "unit_b_clerk")
    )
    assert response.status_code == 200
    assert response.json() == []


def test_refusal_carries_code_and_vietnamese_message(world, client):
    response = client.post(
        "/api/v1/movements/",
        NEW_MOVEMENT
        | {"organiser_id": world.province.pk, "start_date": "2026-12-31", "end_date": "2026-01-01"},
        content_type="application/json",
        headers=_auth(world, "province_officer"),
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "PERIOD_ORDER"
    assert "trước khi bắt đầu" in body["message"]
    assert not Movement.objects.exists()


def test_targets_report_progress(world, client, built):
    rows = client.get(
        f"/api/v1/movements/{built.movement.pk}/targets", headers=_auth(world, "province_officer")
    ).json()
    assert rows[0]["label"] == "50–70 nhà"
    assert rows[0]["achieved"] == "10.0000" or float(rows[0]["achieved"]) == 10
    assert rows[0]["percent"] == 20


def test_hostile_api_input_never_gives_500(world, client, built):
    auth = _auth(world, "province_officer")
    for body in ({}, {"unit_id": "x"}, {"unit_id": 2**70}, {"name": "x" * 5000}, []):
        for url in (
            f"/api/v1/movements/{built.movement.pk}/works",
            f"/api/v1/movements/{built.movement.pk}/registrations",
            "/api/v1/movements/",
        ):
            response = client.post(url, body, content_type="application/json", headers=auth)
            assert response.status_code < 500, (url, body)
    for query in ("?year=99999", "?after=zzz", "?limit=-5", "?q=" + "x" * 3000):
        assert client.get("/api/v1/movements/" + query, headers=auth).status_code < 500
