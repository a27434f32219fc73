"""Decision commands: drafting from nominees, signing and numbering, the award history
written exactly once, initiatives locked and freed, revocation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua.awards.models import AwardRecord, AwardType, Initiative
from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.decisions import services
from thidua.decisions.models import Decision, DecisionItem, NumberCounter
from thidua.decisions.tests.builders import (
    DECIDED_ON,
    drafted,
    fresh_person,
    issued,
    make_body,
    make_nominee,
)

pytestmark = pytest.mark.django_db


def _issue(world, decision, **kw):
    decision.refresh_from_db()
    args = {
        "expected_version": decision.version,
        "decided_on": DECIDED_ON,
        "signer_name": "Võ Trọng Hải",
    }
    args.update(kw)
    return services.issue_decision(world.users["signer"], decision, **args)


def test_issuing_numbers_the_decision_and_writes_the_award_into_the_history(world, submitted):
    # when the signer issues the submitted decision
    decision = _issue(world, submitted.decision)
    # then it carries the register's first number for the year and the signer
    decision.refresh_from_db()
    assert (decision.status, decision.number, decision.number_text) == ("issued", 1, "01/QĐ-UBND")
    assert decision.decided_on == DECIDED_ON
    assert decision.signer == world.users["signer"]
    # and the award is in the person's history, linked to the item, with the bonus
    item = decision.items.get()
    record = item.award_record
    assert record.person == world.person_a
    assert record.award_type.code == "BK_BT"
    assert (record.decision_number, record.decision_date, record.year) == (
        "01/QĐ-UBND",
        DECIDED_ON,
        2025,
    )
    assert record.issuer == "Ủy ban nhân dân tỉnh Thử Nghiệm"
    # 1.5 × lương cơ sở 2.340.000 in force on 15/01/2026
    assert item.bonus == Decimal("3510000")
    assert item.token
    assert len(item.token) >= 30
    # and the nominee is decided
    submitted.nominee.refresh_from_db()
    assert submitted.nominee.status == "decided"
    assert Event.objects.filter(action="decisions.issue_decision").count() == 1
    assert Event.objects.filter(action="awards.record_award", object_id=str(record.pk)).exists()


def test_a_second_issue_is_refused_and_writes_no_second_record(world, done):
    records, events = AwardRecord.objects.count(), Event.objects.count()
    with pytest.raises(DomainError) as caught:
        _issue(world, done.decision)
    assert caught.value.code == "ALREADY_ISSUED"
    assert (AwardRecord.objects.count(), Event.objects.count()) == (records, events)


def test_a_stale_version_cannot_issue(world, submitted):
    with pytest.raises(ConcurrentChange):
        _issue(world, submitted.decision, expected_version=submitted.decision.version - 1)
    assert AwardRecord.objects.count() == 0


def test_numbers_run_per_body_and_year_without_gaps(world):
    first = issued(world).decision
    second = issued(world, person=fresh_person(world)).decision
    other_body = issued(world, symbol="SNV", person=fresh_person(world)).decision
    assert [first.number_text, second.number_text, other_body.number_text] == [
        "01/QĐ-UBND",
        "02/QĐ-UBND",
        "01/QĐ-SNV",
    ]
    # a new year starts again at 1
    third = drafted(world, person=fresh_person(world)).decision
    third = _issue(world, third, decided_on=date(2026, 1, 2))
    assert third.number == 3  # still 2026
    assert NumberCounter.objects.get(body=first.body, year=2026).last_number == 3


def test_a_refused_issue_leaves_no_gap_in_the_register(world, submitted):
    # given the person already holds the same award for 2025 (recorded by hand)
    AwardRecord.objects.create(
        person=world.person_a, award_type=AwardType.objects.get(code="BK_BT"), year=2025
    )
    # when the signer issues, the history refuses the double award
    with pytest.raises(DomainError) as caught:
        _issue(world, submitted.decision)
    assert "Nguyễn Văn An" in caught.value.message
    assert caught.value.code == "DUPLICATE_AWARD"
    # then nothing was numbered: the next decision gets number 1
    submitted.decision.refresh_from_db()
    assert submitted.decision.status == "submitted"
    assert submitted.decision.number is None
    assert not NumberCounter.objects.filter(last_number__gt=0).exists()
    submitted.nominee.refresh_from_db()
    assert submitted.nominee.status == "council_passed"


def test_only_the_competent_authority_may_issue(world, submitted):
    body = submitted.body
    body.authority = "Chủ tịch Ủy ban nhân dân cấp xã"
    body.save()
    submitted.decision.refresh_from_db()
    with pytest.raises(DomainError) as caught:
        _issue(world, submitted.decision)
    assert caught.value.code == "NOT_COMPETENT"
    assert "không có thẩm quyền" in caught.value.message
    assert AwardRecord.objects.count() == 0


def test_the_province_officer_drafts_but_cannot_sign(world, submitted):
    with pytest.raises(PermissionDenied):
        services.issue_decision(
            world.users["province_officer"],
            submitted.decision,
            expected_version=submitted.decision.version,
            decided_on=DECIDED_ON,
            signer_name="X",
        )
    assert Decision.objects.get().status == "submitted"


def test_drafting_refuses_a_nominee_not_passed_and_one_already_in_a_decision(world, submitted):
    body = submitted.body
    failed = make_nominee(world, person=world.person_b, status="council_failed")
    data = services.DecisionData(summary="Về việc tặng Bằng khen", period="năm 2025")
    with pytest.raises(DomainError) as caught:
        services.draft_decision(
            world.users["province_officer"], body, data, nominees=[failed, submitted.nominee]
        )
    assert caught.value.code == "INVALID_INPUT"
    assert "chưa được Hội đồng thông qua" in caught.value.message
    assert "đã có trong một quyết định khác" in caught.value.message
    assert Decision.objects.count() == 1


def test_drafting_fills_the_standard_basis_and_articles(world):
    body = make_body(world)
    decision = services.draft_decision(
        world.users["council_secretary"],
        body,
        services.DecisionData(summary="Về việc tặng Bằng khen", period="năm 2025"),
    )
    assert decision.basis_lines[1] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    assert "Nghị định số 152/2025/NĐ-CP" in decision.article_2
    assert decision.recipient_lines[0] == "Như Điều 3;"
    with pytest.raises(DomainError) as caught:
        services.submit_decision(
            world.users["council_secretary"], decision, expected_version=decision.version
        )
    assert caught.value.code == "NO_ITEMS"


def test_items_entered_directly_are_checked_for_the_subject(world):
    body = make_body(world)
    officer = world.users["province_officer"]
    decision = services.draft_decision(
        officer, body, services.DecisionData(summary="Về việc tặng Bằng khen", period="năm 2025")
    )
    collective_only = AwardType.objects.get(code="TTLDXS")
    with pytest.raises(DomainError) as caught:
        services.add_item(
            officer,
            decision,
            world.person_b,
            services.ItemData(collective_only, 2025),
            expected_version=decision.version,
        )
    assert caught.value.code == "WRONG_SUBJECT"
    item = services.add_item(
        officer,
        decision,
        world.person_b,
        services.ItemData(AwardType.objects.get(code="BK_BT"), 2025, "Cứu người"),
        expected_version=decision.version,
    )
    assert item.person == world.person_b
    assert item.nominee is None
    services.remove_item(officer, item, expected_version=decision.version)
    assert not decision.items.exists()


def test_returning_needs_a_note_and_sends_the_draft_back(world, submitted):
    signer = world.users["signer"]
    with pytest.raises(DomainError) as caught:
        services.return_decision(
            signer, submitted.decision, expected_version=submitted.decision.version, note=" "
        )
    assert caught.value.code == "NOTE_REQUIRED"
    services.return_decision(
        signer,
        submitted.decision,
        expected_version=submitted.decision.version,
        note="Sửa trích yếu",
    )
    submitted.decision.refresh_from_db()
    assert (submitted.decision.status, submitted.decision.return_note) == ("draft", "Sửa trích yếu")


def _initiative(world):
    initiative = Initiative.objects.create(
        kind="initiative", title="Số hóa hồ sơ", level="CO_SO", year=2024
    )
    initiative.authors.add(world.person_a)
    return initiative


def test_issuing_locks_the_initiatives_and_revoking_reverses_everything(world, submitted):
    initiative = _initiative(world)
    submitted.decision.items.get().initiatives.add(initiative)
    decision = _issue(world, submitted.decision)
    record = decision.items.get().award_record
    initiative.refresh_from_db()
    assert initiative.used_for == record
    # when the signer revokes the decision
    decision.refresh_from_db()
    services.revoke_decision(
        world.users["signer"],
        decision,
        services.RevocationData(
            ground="b",
            reason="Giả mạo hồ sơ",
            revoking_number="09/QĐ-UBND",
            revoked_on=date(2026, 2, 1),
            recovery="Thu hồi Bằng khen và 3.510.000 đồng",
        ),
        expected_version=decision.version,
    )
    # then the award is revoked in the history and the initiative is free again
    record.refresh_from_db()
    initiative.refresh_from_db()
    decision.refresh_from_db()
    assert record.revoked
    assert record.revoked_on == date(2026, 2, 1)
    assert "09/QĐ-UBND" in record.revocation_reason
    assert initiative.used_for is None
    assert (decision.status, decision.revocation_ground, decision.revoking_number) == (
        "revoked",
        "b",
        "09/QĐ-UBND",
    )
    # and the nominee may be decided again in a new decision
    redo = services.draft_decision(
        world.users["province_officer"],
        submitted.body,
        services.DecisionData(summary="Về việc tặng lại", period="năm 2025"),
        nominees=[],
    )
    assert redo.pk


def test_revocation_is_refused_before_the_decision_date_and_changes_nothing(world, done):
    events = Event.objects.count()
    with pytest.raises(DomainError) as caught:
        services.revoke_decision(
            world.users["signer"],
            done.decision,
            services.RevocationData("a", "Khai man", "09/QĐ-UBND", date(2026, 1, 14)),
            expected_version=done.decision.version,
        )
    assert caught.value.code == "REVOKED_BEFORE_DECISION"
    assert Event.objects.count() == events
    assert not AwardRecord.objects.filter(revoked=True).exists()


def test_a_draft_cannot_be_revoked(world, submitted):
    with pytest.raises(DomainError) as caught:
        services.revoke_decision(
            world.users["signer"],
            submitted.decision,
            services.RevocationData("a", "Khai man", "09/QĐ-UBND", date(2026, 1, 14)),
            expected_version=submitted.decision.version,
        )
    assert caught.value.code == "WRONG_STATE"


def test_issuing_body_symbols_are_validated_and_unique_per_unit(world):
    officer = world.users["province_officer"]
    data = services.BodyData(
        unit=world.province,
        name="Sở Nội vụ",
        head_lines="UBND TỈNH\nSỞ NỘI VỤ",
        symbol="snv",
        place="Thử Nghiệm",
        authority="Thủ trưởng đơn vị",
        signer_position="Giám đốc",
    )
    body = services.save_issuing_body(officer, data)
    assert body.symbol == "SNV"
    with pytest.raises(DomainError) as caught:
        services.save_issuing_body(officer, data)
    assert caught.value.code == "DUPLICATE_SYMBOL"
    with pytest.raises(DomainError) as caught:
        services.save_issuing_body(
            officer, services.BodyData(**{**data.__dict__, "symbol": "S/NV"})
        )
    assert caught.value.code == "INVALID_SYMBOL"


def test_layout_positions_are_saved_and_bounded(world):
    from thidua.decisions.domain.layout import DEFAULT_POSITIONS, Position

    officer = world.users["council_secretary"]
    positions = dict(DEFAULT_POSITIONS) | {"recipient": Position(60, 90, 20)}
    layout = services.save_layout(officer, "bang_khen", positions, expected_version=None)
    assert layout.positions["recipient"] == {"x": 60, "y": 90, "size": 20}
    with pytest.raises(DomainError) as caught:
        services.save_layout(
            officer,
            "bang_khen",
            {"recipient": Position(400, 90, 20)},
            expected_version=layout.version,
        )
    assert caught.value.code == "OFF_PAGE"
    with pytest.raises(PermissionDenied):
        services.save_layout(world.users["signer"], "bang_khen", positions, expected_version=None)


def test_items_are_not_duplicated_when_issue_is_retried_after_a_refusal(world, submitted):
    body = submitted.body
    body.authority = "Chủ tịch Ủy ban nhân dân cấp xã"
    body.save()
    with pytest.raises(DomainError):
        _issue(world, submitted.decision)
    body.authority = "Chủ tịch Ủy ban nhân dân cấp tỉnh"
    body.save()
    submitted.decision.refresh_from_db()
    _issue(world, submitted.decision)
    assert AwardRecord.objects.count() == 1
    assert DecisionItem.objects.filter(award_record__isnull=False).count() == 1
