"""The generator: deterministic for a seed, and every row it writes is consistent (it loads
with foreign keys unchecked, so these tests are what guards its references)."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection, transaction

from thidua.accounts.models import RoleAssignment
from thidua.awards.models import AnnualRating, AwardRecord, Initiative
from thidua.bench.generator import BENCH_USER, LAST_YEAR, REFORM_DAY, Scale, generate
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import LineageEvent, Membership, Person, Unit

pytestmark = pytest.mark.django_db

TINY = Scale("tiny", 1, 2, 2, 2, 3, 3, 2, 1, 80, 12)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for model, fields in (
        (Unit, ("code", "name", "path", "valid_to")),
        (Person, ("full_name", "national_id", "unit__code", "date_of_birth")),
        (AwardRecord, ("person__national_id", "unit__code", "award_type__code", "year")),
        (AnnualRating, ("person__national_id", "year", "rating")),
        (Nominee, ("person__national_id", "award_type__code", "dossier__title")),
    ):
        for row in model.objects.order_by(*fields, "pk").values_list(*fields):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def generate_and_fingerprint(seed: int) -> tuple[dict[str, int], str]:
    with transaction.atomic():
        counts = generate(TINY, seed, echo=lambda line: None)
        result = (counts, fingerprint())
        transaction.set_rollback(True)
    return result


def test_the_same_seed_gives_the_same_rows_and_another_seed_does_not():
    first = generate_and_fingerprint(7)
    assert first == generate_and_fingerprint(7)
    assert first[1] != generate_and_fingerprint(8)[1]


def test_generated_rows_are_consistent():
    counts = generate(TINY, 3, echo=lambda line: None)
    assert counts["org_person"] == Person.objects.count() >= TINY.people
    assert counts["nominations_nominee"] == TINY.nominees
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1  # switched back on after the load
    # every path is the chain of the unit's ancestors
    for unit in Unit.objects.select_related("parent"):
        expected = (unit.parent.path if unit.parent else "") + f"{unit.pk:08d}/"
        assert unit.path == expected
    # people work in units that exist today; their history has exactly one subject
    assert not Person.objects.filter(unit__valid_to__isnull=False).exists()
    assert not AwardRecord.objects.filter(person__isnull=True, unit__isnull=True).exists()
    assert not AwardRecord.objects.filter(year__gt=LAST_YEAR).exists()
    # the 2025 reform: every new commune succeeds `merge` old ones, which ended the day before
    events = LineageEvent.objects.prefetch_related("predecessors", "successors")
    assert events.count() == TINY.districts * TINY.old_communes_per_district // TINY.merge
    for event in events:
        assert event.effective_date == REFORM_DAY
        assert len(event.predecessors.all()) == TINY.merge
        assert all(u.valid_to is not None for u in event.predecessors.all())
        assert [u.valid_from for u in event.successors.all()] == [REFORM_DAY]
    # a CSTĐCS is backed by an initiative of its holder
    cstdcs = AwardRecord.objects.filter(award_type__code="CSTDCS")
    for record in cstdcs[:20]:
        assert Initiative.objects.filter(used_for=record, authors=record.person).exists()
    # nominees belong to dossiers of the last year, proposed by their own unit
    for nominee in Nominee.objects.select_related("dossier", "person"):
        assert nominee.year == nominee.dossier.year == LAST_YEAR
        assert nominee.dossier.proposing_unit_id == nominee.person.unit_id
    assert Dossier.objects.count() == counts["nominations_dossier"]
    # everyone has one open membership in their current unit
    for person in Person.objects.all()[:30]:
        current = Membership.objects.get(person=person, valid_to__isnull=True)
        assert current.unit_id == person.unit_id
    # the persona the scenarios act as
    assignment = RoleAssignment.objects.get(user__username=BENCH_USER)
    assert assignment.unit.parent_id is None
