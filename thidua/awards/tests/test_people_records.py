"""awards.queries.people_records: the same facts as person_record, in a fixed number of
queries whatever the number of people (the year's nominees are checked in bulk)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards import queries
from thidua.awards.models import (
    AnnualRating,
    AwardRecord,
    AwardType,
    DisciplineRecord,
    Initiative,
    PendingMatter,
)
from thidua.core.testing.personas import _person

pytestmark = pytest.mark.django_db


def rich_history(world, person):
    ldtt = AwardType.objects.get(code="LDTT")
    cstdcs = AwardType.objects.get(code="CSTDCS")
    for year in (2022, 2023, 2024):
        AnnualRating.objects.create(person=person, year=year, rating="HTXS")
        AwardRecord.objects.create(person=person, award_type=ldtt, year=year)
    used = AwardRecord.objects.create(person=person, award_type=cstdcs, year=2023)
    for year, used_for in ((2023, used), (2024, None)):
        item = Initiative.objects.create(
            title=f"Sáng kiến {year}", level="CO_SO", year=year, used_for=used_for
        )
        item.authors.add(person)
    Initiative.objects.create(
        kind="research", title="Đề tài", level="BO_TINH", year=2024
    ).authors.add(person)
    DisciplineRecord.objects.create(person=person, level="KHIEN_TRACH", start=date(2021, 1, 1))
    PendingMatter.objects.create(person=person, kind="complaint", opened=date(2025, 1, 1))


def test_bulk_records_equal_one_by_one_records(world):
    rich_history(world, world.person_a)
    others = [_person(f"Người Số {i}", "female", world.unit_a) for i in range(3)]
    ids = [world.person_a.pk, world.person_b.pk, *(p.pk for p in others)]
    bulk = queries.people_records(ids, 2024)
    for person in [world.person_a, world.person_b, *others]:
        one = queries.person_record(person, registered=queries.is_registered(person, 2024))
        assert bulk[person.pk] == one


def test_query_count_does_not_grow_with_people(world, django_assert_max_num_queries):
    people = [_person(f"Người Số {i}", "male", world.unit_a) for i in range(40)]
    for person in people[:10]:
        rich_history(world, person)
    with django_assert_max_num_queries(10):
        records = queries.people_records([p.pk for p in people], 2024)
    assert len(records) == 40
    assert len(records[people[0].pk].awards) == 4
