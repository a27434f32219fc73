"""Awards written and revoked by a decision: record_award's rules and event, the permission
check left to the caller (decisions checks SIGN_DECISIONS)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards import services
from thidua.awards.models import AwardRecord, AwardType, Initiative
from thidua.core.errors import DomainError
from thidua.core.models import Event

pytestmark = pytest.mark.django_db


def _data(**kw):
    values = {
        "award_type": AwardType.objects.get(code="BK_BT"),
        "year": 2025,
        "decision_number": "01/QĐ-UBND",
        "decision_date": date(2026, 1, 15),
    }
    values.update(kw)
    return services.AwardData(**values)


def test_the_signer_writes_a_decided_award_with_the_same_event(world):
    signer = world.users["signer"]
    record = services.record_decided_award(signer, world.person_a, _data())
    assert record.decision_number == "01/QĐ-UBND"
    assert record.recorded_by == signer
    assert Event.objects.filter(action="awards.record_award", object_id=str(record.pk)).exists()


def test_a_decided_award_keeps_record_awards_rules(world):
    signer = world.users["signer"]
    services.record_decided_award(signer, world.person_a, _data())
    with pytest.raises(DomainError) as caught:
        services.record_decided_award(signer, world.person_a, _data())
    assert caught.value.code == "DUPLICATE_AWARD"
    with pytest.raises(DomainError) as caught:
        services.record_decided_award(signer, world.person_b, _data(decision_date=date(2024, 1, 1)))
    assert caught.value.code == "DECISION_BEFORE_ACHIEVEMENT"
    assert AwardRecord.objects.count() == 1


def test_revoking_a_decided_award_and_releasing_its_initiative(world):
    signer = world.users["signer"]
    record = services.record_decided_award(signer, world.person_a, _data())
    initiative = Initiative.objects.create(
        kind="initiative", title="Sáng kiến", level="CO_SO", year=2024
    )
    initiative.authors.add(world.person_a)
    services.use_initiative_for_decision(
        signer, initiative, record, expected_version=initiative.version
    )
    # an initiative whose award is in force cannot be released
    with pytest.raises(DomainError) as caught:
        services.release_initiative(signer, initiative, expected_version=initiative.version)
    assert caught.value.code == "AWARD_IN_FORCE"
    services.revoke_decided_award(
        signer,
        record,
        expected_version=record.version,
        revoked_on=date(2026, 2, 1),
        reason="Khai man",
    )
    initiative.refresh_from_db()
    services.release_initiative(signer, initiative, expected_version=initiative.version)
    initiative.refresh_from_db()
    record.refresh_from_db()
    assert record.revoked
    assert initiative.used_for is None
    assert Event.objects.filter(action="awards.release_initiative").count() == 1


def test_record_award_still_checks_the_permission(world):
    from thidua.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_award(world.users["signer"], world.person_a, _data())
    assert AwardRecord.objects.count() == 0
