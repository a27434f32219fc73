"""Awards API: scoping, permission matrix and behaviour of the write endpoints."""

from itertools import count

import pytest

from thidua.awards.models import AwardRecord, AwardType
from thidua.core.models import Event
from thidua.core.testing.matrix import SEE_UNIT_A, Case, check_case, login

pytestmark = pytest.mark.django_db

EVERYONE = dict.fromkeys(SEE_UNIT_A, 200)
# Writers over commune A: its focal point, the province officer, the administrator.
WRITE_A = dict(SEE_UNIT_A) | {
    "unit_a_clerk": 201,
    "unit_a_viewer": 403,
    "province_officer": 201,
    "council_member": 403,
    "admin": 201,
}
# Each persona records a different year, so every allowed call is a genuinely new award.
_YEARS = count(2025, -1)


def _award_payload(world):
    return {"award": "LDTT", "year": next(_YEARS), "person_id": world.person_a.pk}


def _revocable(world):
    record = AwardRecord.objects.create(
        person=world.person_a, award_type=AwardType.objects.get(code="LDTT"), year=2020
    )
    return [record.pk]


CASES = [
    Case("api:list_catalogue", expect=EVERYONE, api=True),
    Case("api:search_records", expect=EVERYONE, api=True),
    Case("api:search_records", expect=EVERYONE, query="?year=2024&award=LDTT", api=True),
    Case("api:person_history", lambda w: [w.person_a.pk], SEE_UNIT_A, api=True),
    Case("api:person_forecast", lambda w: [w.person_a.pk], SEE_UNIT_A, api=True),
    Case("api:unit_history", lambda w: [w.unit_a.pk], SEE_UNIT_A, api=True),
    Case("api:create_record", expect=WRITE_A, method="post", data=_award_payload, api=True),
    # The first writer revokes; later writers find it already revoked (400, nothing changes).
    Case(
        "api:revoke_record",
        _revocable,
        dict(WRITE_A) | {"unit_a_clerk": 200, "province_officer": 400, "admin": 400},
        method="post",
        data=lambda w: {"expected_version": 1, "revoked_on": "2024-05-01", "reason": "Khai man"},
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_catalogue_lists_every_award_with_its_bonus_today(world, client):
    # given a logged-in user
    client.force_login(world.users["unit_a_viewer"])
    # when
    rows = client.get("/api/v1/awards/catalogue").json()
    # then every catalogue code is listed, CSTĐ cơ sở with 1.0 × lương cơ sở
    assert len(rows) == AwardType.objects.count()
    cstdcs = next(row for row in rows if row["code"] == "CSTDCS")
    assert float(cstdcs["bonus_individual"]) == 1.0
    assert cstdcs["bonus_collective"] is None


def test_recording_an_award_twice_is_refused_in_vietnamese_and_writes_nothing(world, client):
    # given an award already recorded through the API
    client.force_login(world.users["unit_a_clerk"])
    payload = {"award": "LDTT", "year": 2024, "person_id": world.person_a.pk}
    assert (
        client.post("/api/v1/awards/records", payload, content_type="application/json").status_code
        == 201
    )
    records, events = AwardRecord.objects.count(), Event.objects.count()
    # when the same achievement is recorded again
    response = client.post("/api/v1/awards/records", payload, content_type="application/json")
    # then it is refused with the stable code and a Vietnamese message, and nothing is written
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "DUPLICATE_AWARD"
    assert "một thành tích chỉ khen một lần" in body["message"]
    assert (AwardRecord.objects.count(), Event.objects.count()) == (records, events)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"award": "LDTT", "year": 2024}, "SUBJECT_REQUIRED"),
        ({"award": "KHONG_CO", "year": 2024, "person": True}, "UNKNOWN_AWARD"),
        ({"award": "TTLDTT", "year": 2024, "person": True}, "AWARD_NOT_FOR_SUBJECT"),
        ({"award": "LDTT", "year": 2999, "person": True}, "YEAR_IN_FUTURE"),
    ],
)
def test_bad_award_input_is_refused_with_its_code(world, client, payload, code):
    # given a focal point of commune A
    client.force_login(world.users["unit_a_clerk"])
    if payload.pop("person", False):
        payload["person_id"] = world.person_a.pk
    before = AwardRecord.objects.count()
    # when
    response = client.post("/api/v1/awards/records", payload, content_type="application/json")
    # then
    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert AwardRecord.objects.count() == before


def test_unit_history_includes_the_awards_of_its_predecessors(world, client):
    # given commune A merged with commune B into a new ward, B having a collective award
    from datetime import date

    from thidua.org.services import NewUnit, merge_units

    AwardRecord.objects.create(
        unit=world.unit_b, award_type=AwardType.objects.get(code="TTLDTT"), year=2023
    )
    admin = world.users["admin"]
    event = merge_units(
        admin,
        [world.unit_a, world.unit_b],
        new_unit=NewUnit(code="W-AB", name="Phường Hợp Nhất", kind=world.unit_a.kind),
        parent=world.district,
        effective_date=date(2025, 7, 1),
        legal_reference="Nghị quyết sáp nhập",
    )
    ward = event.successors.get()
    login(client, world, "admin")
    # when
    body = client.get(f"/api/v1/awards/units/{ward.pk}/history").json()
    # then B's award shows on the ward's history, marked as inherited from B
    assert [(a["award"], a["year"], a["inherited_from"]) for a in body["awards"]] == [
        ("TTLDTT", 2023, world.unit_b.pk)
    ]
