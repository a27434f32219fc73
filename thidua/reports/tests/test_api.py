"""Reports API: the permission matrix and the figures it returns."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case, login
from thidua.movements.tests.builders import build
from thidua.reports.tests.builders import history
from thidua.reports.tests.test_views import MOVEMENT, REPORTS

pytestmark = pytest.mark.django_db

CASES = [
    Case("api:reports_statistics", expect=REPORTS, api=True),
    Case("api:reports_statistics", expect=REPORTS, api=True, query="?year_from=2024&year_to=2025"),
    Case(
        "api:reports_movement_dashboard",
        lambda w: [build(w).movement.pk],
        MOVEMENT,
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_statistics_return_counts_and_shares_in_scope(world, client):
    history(world, 4)
    login(client, world, "province_officer")
    data = client.get("/api/v1/reports/statistics?year_from=2025&year_to=2025").json()
    assert data["summary"]["total"] == 4
    assert data["summary"]["women"] == 2
    assert data["summary"]["direct_percent"] == "66.7"
    login(client, world, "unit_b_clerk")
    data = client.get("/api/v1/reports/statistics?year_from=2025&year_to=2025").json()
    assert data["summary"]["total"] == 2


def test_bad_filters_get_a_vietnamese_error(world, client):
    login(client, world, "province_officer")
    response = client.get("/api/v1/reports/statistics?year_from=2030&year_to=1990")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "INVALID_FILTERS"
    assert "không hợp lệ" in body["message"]
    assert client.get("/api/v1/reports/statistics?unit=999999").status_code == 404


def test_the_dashboard_returns_registration_and_targets(world, client):
    built = build(world)
    login(client, world, "province_officer")
    data = client.get(f"/api/v1/reports/movements/{built.movement.pk}/dashboard").json()
    movement = built.movement
    assert data["participants"] == movement.participants.count() > 0
    assert data["registered"] == movement.registrations.count() == 1
    assert data["targets"][0]["indicator"] == built.target.indicator
