"""Org API: token auth, scoping, permission matrix."""

import pytest

from thidua.accounts.services import issue_api_token
from thidua.core.testing.matrix import SEE_UNIT_A, Case, check_case

pytestmark = pytest.mark.django_db

SEE_A = SEE_UNIT_A
EVERYONE = dict.fromkeys(SEE_A, 200)

# The eligibility contract, the API schema and its docs are public by design (the contract
# is stateless and reveals no data); the API root does not exist.
PUBLIC = dict.fromkeys(EVERYONE, 200) | {"anonymous": 200}
CONTRACT_INPUT = {
    "award": "LDTT",
    "year": 2025,
    "proposal_date": "2025-12-10",
    "subject": {"kind": "individual", "name": "Nguyễn Văn An"},
    "registered": True,
    "ratings": {"2025": "HTT"},
}

CASES = [
    Case("api:check", expect=PUBLIC, method="post", data=lambda w: CONTRACT_INPUT, api=True),
    Case("api:openapi-json", expect=PUBLIC, api=True),
    Case("api:openapi-view", expect=PUBLIC, api=True),
    Case("api:api-root", expect=dict.fromkeys(PUBLIC, 404), api=True),
    Case("api:list_units", expect=EVERYONE, api=True),
    Case("api:get_unit", lambda w: [w.unit_a.pk], SEE_A, api=True),
    Case("api:list_people", expect=EVERYONE, api=True),
    Case("api:get_person", lambda w: [w.person_a.pk], SEE_A, api=True),
    Case("api:list_clusters", expect=EVERYONE, api=True),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_token_of_b_clerk_lists_only_b(world, client):
    key = issue_api_token(world.users["admin"], world.users["unit_b_clerk"], "tích hợp")
    response = client.get("/api/v1/org/people", headers={"Authorization": f"Bearer {key}"})
    names = [p["full_name"] for p in response.json()["items"]]
    assert names == ["Trần Thị Bình"]
    assert (
        client.get(
            f"/api/v1/org/units/{world.unit_a.pk}", headers={"Authorization": f"Bearer {key}"}
        ).status_code
        == 404
    )


def test_wrong_token_is_refused_in_vietnamese(client, world):
    response = client.get("/api/v1/org/units", headers={"Authorization": "Bearer td_sai"})
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHORISED"


def test_people_api_paginates_with_a_cursor(world, client, province_officer, add_people):
    add_people(5, "Lê Văn Số")
    key = issue_api_token(province_officer, province_officer, "x")
    auth = {"Authorization": f"Bearer {key}"}
    first = client.get("/api/v1/org/people?limit=3", headers=auth).json()
    second = client.get(f"/api/v1/org/people?limit=3&after={first['next']}", headers=auth).json()
    ids = [p["id"] for p in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 6
    assert second["next"] == "" or len(second["items"]) == 3
