"""The award-history search (awards.queries.search_records, page awards:record_list, API
GET /api/v1/awards/records): unit subtree with predecessors, filters, scope, keyset pages."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards import queries
from thidua.awards.models import AwardRecord, AwardType
from thidua.core.testing.matrix import login
from thidua.org import services as org_services

pytestmark = pytest.mark.django_db


def award(code: str, year: int, **subject) -> AwardRecord:
    return AwardRecord.objects.create(
        award_type=AwardType.objects.get(code=code), year=year, **subject
    )


@pytest.fixture
def history(world):
    """A's person and A itself have awards; B too; then B is merged into A (2025)."""
    officer = world.users["province_officer"]
    records = {
        "a_person": award("LDTT", 2023, person=world.person_a),
        "a_unit": award("TTLDTT", 2022, unit=world.unit_a),
        "village": award("THON_VH", 2021, unit=world.village_a),
        "b_person": award("CSTDCS", 2020, person=world.person_b),
        "b_unit": award("TTLDXS", 2019, unit=world.unit_b),
    }
    return officer, records


def ids(rows):
    return {r.pk for r in rows}


def test_a_unit_filter_reaches_its_subtree(world, history):
    officer, rec = history
    rows, cursor = queries.search_records(officer, queries.RecordFilters(unit=world.unit_a))
    assert ids(rows) == {rec["a_person"].pk, rec["a_unit"].pk, rec["village"].pk}
    assert cursor == ""


def test_a_merged_unit_brings_its_predecessors_history(world, history):
    officer, rec = history
    org_services.merge_units(
        officer, [world.unit_b], successor=world.unit_a, effective_date=date(2025, 7, 1)
    )
    rows, _ = queries.search_records(officer, queries.RecordFilters(unit=world.unit_a))
    assert {rec["b_person"].pk, rec["b_unit"].pk} <= ids(rows)
    # but B's search does not reach A (history flows forward only)
    rows, _ = queries.search_records(officer, queries.RecordFilters(unit=world.unit_b))
    assert rec["a_person"].pk not in ids(rows)


def test_filters_by_year_award_kind_and_level(world, history):
    officer, rec = history
    search = queries.search_records
    assert ids(search(officer, queries.RecordFilters(year=2020))[0]) == {rec["b_person"].pk}
    assert ids(search(officer, queries.RecordFilters(award="TTLDTT"))[0]) == {rec["a_unit"].pk}
    by_level = search(officer, queries.RecordFilters(level="bo_tinh"))[0]
    assert ids(by_level) == {rec["b_unit"].pk}  # TTLĐXS is a provincial-level title
    assert len(search(officer, queries.RecordFilters(kind="form"))[0]) == 0


def test_each_user_sees_only_their_scope(world, history):
    _, rec = history
    rows, _ = queries.search_records(world.users["unit_b_clerk"], queries.RecordFilters())
    assert ids(rows) == {rec["b_person"].pk, rec["b_unit"].pk}
    rows, _ = queries.search_records(world.users["outsider"], queries.RecordFilters())
    assert rows == []


def test_keyset_pages_cover_everything_once_newest_first(world, history):
    officer, rec = history
    seen: list[AwardRecord] = []
    cursor = ""
    while True:
        rows, cursor = queries.search_records(
            officer, queries.RecordFilters(), after=cursor, limit=2
        )
        seen += rows
        if not cursor:
            break
    assert [r.pk for r in seen] == [r.pk for r in sorted(rec.values(), key=lambda r: -r.year)]


def test_the_page_filters_and_its_query_count_is_pinned(
    world, history, client, django_assert_max_num_queries
):
    _, rec = history
    for year in range(2000, 2015):  # more rows must not mean more queries
        award("GK", year, person=world.person_a)
    login(client, world, "province_officer")
    with django_assert_max_num_queries(16):
        response = client.get(f"/awards/records/?unit={world.unit_a.pk}&year=2023")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nguyễn Văn An" in html
    assert "Lao động tiên tiến" in html
    assert "Thôn Một" not in html  # its 2021 title is filtered out by the year


def test_a_unit_outside_the_scope_is_not_found(world, history, client):
    login(client, world, "unit_b_clerk")
    assert client.get(f"/awards/records/?unit={world.unit_a.pk}").status_code == 404
    assert client.get(f"/api/v1/awards/records?unit={world.unit_a.pk}").status_code == 404


def test_bad_filters_are_ignored_on_the_page_and_refused_by_the_api(world, history, client):
    login(client, world, "province_officer")
    page = client.get("/awards/records/?year=abc&award=NOPE&kind=x&after=zzz")
    assert page.status_code == 200
    assert client.get("/api/v1/awards/records?year=abc").status_code == 422


def test_the_api_pages_with_a_cursor(world, history, client):
    _, rec = history
    for year in range(1960, 2020):  # 60 more records: two pages
        award("GK", year, person=world.person_a)
    login(client, world, "province_officer")
    first = client.get("/api/v1/awards/records").json()
    assert len(first["items"]) == queries.RECORD_PAGE_SIZE
    assert first["next"]
    second = client.get("/api/v1/awards/records", {"after": first["next"]}).json()
    assert not second["next"]
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert len(seen) == len(set(seen)) == AwardRecord.objects.count()
