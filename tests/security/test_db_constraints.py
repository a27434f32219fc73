"""Invariants that the database itself enforces, not only the services.

Each test writes around the services with the plain ORM — as a bug, a script or a future
feature might — and expects the database to refuse with IntegrityError. Removing the constraint
from the model (and its migration) makes the test fail. Invariants still enforced only in Python
are listed in docs/security.md ("Gaps").
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from thidua.awards.models import AnnualRating, AwardRecord, AwardType
from thidua.core.events import record_event
from thidua.core.models import Event, IdempotencyRecord
from thidua.core.testing.personas import World
from thidua.council.models import Elector, VoteReceipt
from thidua.council.tests import builders as council_builders
from thidua.decisions.models import Decision, DecisionItem
from thidua.decisions.tests import builders as decision_builders
from thidua.movements.models import Registration
from thidua.movements.tests import builders as movement_builders
from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db


def _refused(make: Any) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def _copy(instance: models.Model, **changes: Any) -> models.Model:
    """Insert a copy of a row, bypassing every service check."""
    clone = type(instance)._default_manager.get(pk=instance.pk)
    clone.pk = None
    clone._state.adding = True
    for name, value in changes.items():
        setattr(clone, name, value)
    clone.save(force_insert=True)
    return clone


def test_a_decision_number_is_taken_once_per_body_and_year(world: World):
    # given an issued decision with its register number
    decision = decision_builders.issued(world).decision
    assert decision.number is not None
    before = Decision.objects.count()
    # then a second decision with the same number in the same register is refused
    _refused(lambda: _copy(decision))
    assert Decision.objects.count() == before


def test_an_award_record_is_decided_by_one_decision_item(world: World):
    item = DecisionItem.objects.filter(award_record__isnull=False).first() or (
        decision_builders.issued(world).decision.items.get()
    )
    # a second item pointing at the same award record (with a fresh certificate token)
    _refused(lambda: _copy(item, token=item.token + "x"))


def test_a_certificate_token_is_unique(world: World):
    item = decision_builders.issued(world).decision.items.get()
    _refused(lambda: _copy(item, award_record=None))


def test_one_ballot_receipt_per_elector_and_item(world: World):
    # given an open session with its frozen electorate
    built = council_builders.build(world)
    session = council_builders.open_all_present(world, built)
    elector = Elector.objects.filter(session=session).first()
    assert elector is not None
    VoteReceipt.objects.create(item=built.cstd, elector=elector)
    # then a second receipt — a second vote — for the same item is refused
    _refused(lambda: VoteReceipt.objects.create(item=built.cstd, elector=elector))
    assert VoteReceipt.objects.filter(item=built.cstd, elector=elector).count() == 1


def test_a_member_is_in_a_sessions_electorate_once(world: World):
    built = council_builders.build(world)
    session = council_builders.open_all_present(world, built)
    elector = Elector.objects.filter(session=session).first()
    _refused(lambda: _copy(elector))


def test_a_unit_registers_for_a_movement_once(world: World):
    registration = movement_builders.build(world).registration
    _refused(lambda: _copy(registration))
    assert Registration.objects.filter(movement=registration.movement).count() == 1


def test_a_national_id_belongs_to_one_person(world: World):
    Person.objects.filter(pk=world.person_a.pk).update(national_id="001090001234")
    _refused(lambda: _copy(world.person_a, national_id="001090001234"))


def test_unit_codes_are_unique(world: World):
    _refused(lambda: _copy(world.unit_a, path="x/"))
    assert Unit.objects.filter(code=world.unit_a.code).count() == 1


def test_an_award_record_has_exactly_one_subject(world: World):
    award = AwardType.objects.get(code="LDTT")
    _refused(
        lambda: AwardRecord.objects.create(
            award_type=award, year=2024, person=world.person_a, unit=world.unit_a
        )
    )
    _refused(lambda: AwardRecord.objects.create(award_type=award, year=2024))
    assert not AwardRecord.objects.exists()


def test_one_annual_rating_per_person_and_year(world: World):
    AnnualRating.objects.create(person=world.person_a, year=2024, rating="HTXS")
    _refused(lambda: AnnualRating.objects.create(person=world.person_a, year=2024, rating="HTT"))


def test_event_hashes_are_unique(world: World):
    # an event copied into the log (a replayed or forged row) collides with the original hash
    with transaction.atomic():
        record_event(actor=None, action="test.security", obj=world.unit_a, after={"x": 1})
    event = Event.objects.get(action="test.security")
    clone = Event(
        occurred_at=event.occurred_at,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        prev_hash=event.prev_hash,
        hash=event.hash,
    )
    _refused(clone.save)


def test_an_idempotency_key_is_stored_once_per_user(world: World):
    user = world.users["unit_a_clerk"]

    def make() -> IdempotencyRecord:
        return IdempotencyRecord.objects.create(
            user=user,
            key="k",
            method="POST",
            path="/api/v1/x",
            request_hash="0" * 64,
            created_at=timezone.now(),
        )

    make()
    _refused(make)
