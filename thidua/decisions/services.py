"""Commands on decisions: one function per command.

Each checks the permission over the issuing body's unit (PREPARE_DECISIONS drafts and
submits; SIGN_DECISIONS returns, issues and revokes), validates with the pure rules in
`decisions/domain/`, saves in one transaction and writes an event. A refused command raises
`DomainError` (or `PermissionDenied`) and writes nothing — not even a register number.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.awards import queries as award_queries
from thidua.awards import services as award_services
from thidua.awards.choices import Category
from thidua.awards.models import AwardRecord, AwardType, Initiative
from thidua.core.concurrency import save_versioned
from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.text import clean_text
from thidua.decisions.choices import DecisionStatus, LayoutKind
from thidua.decisions.domain.layout import Position, check_positions
from thidua.decisions.domain.numbering import next_number, number_text
from thidua.decisions.domain.rules import (
    READY_NOMINEE_STATUSES,
    IssueFacts,
    ItemFacts,
    RevocationFacts,
    check_issue,
    check_revocation,
)
from thidua.decisions.domain.workflow import Action, TransitionNotAllowed, advance
from thidua.decisions.models import (
    CertificateLayout,
    Decision,
    DecisionItem,
    IssuingBody,
    NumberCounter,
)
from thidua.nominations.choices import NomineeStatus
from thidua.nominations.models import Nominee
from thidua.org.access import has_permission
from thidua.org.domain.reasons import Reason
from thidua.org.models import Household, Person, Unit

Subject = Person | Unit | Household
SYMBOL_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ0123456789.&-")


def _today() -> date:
    return timezone.localdate()


def _require(actor: Any, permission: Permission, unit: Unit) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _step(decision: Decision, action: Action) -> str:
    try:
        return advance(decision.status, action).value
    except TransitionNotAllowed as exc:
        raise refusal([exc.reason]) from exc


# --------------------------------------------------------------------------------------------
# Issuing bodies and their registers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BodyData:
    unit: Unit
    name: str
    head_lines: str
    symbol: str
    place: str
    authority: str
    signer_position: str
    on_behalf: str = ""


def save_issuing_body(
    actor: Any,
    data: BodyData,
    *,
    body: IssuingBody | None = None,
    expected_version: int | None = None,
) -> IssuingBody:
    """Add (or correct) a body that issues decisions with its own number symbol."""
    _require(actor, Permission.PREPARE_DECISIONS, data.unit)
    if body is not None:
        _require(actor, Permission.PREPARE_DECISIONS, body.unit)
    values = {
        "name": clean_text(data.name),
        "head_lines": clean_text(data.head_lines, multiline=True),
        "symbol": clean_text(data.symbol).upper(),
        "place": clean_text(data.place),
        "authority": clean_text(data.authority),
        "signer_position": clean_text(data.signer_position),
        "on_behalf": clean_text(data.on_behalf),
    }
    reasons: list[Reason] = []
    for field, message in (
        ("name", "Cần nhập tên cơ quan ban hành."),
        ("head_lines", "Cần nhập tên cơ quan ở đầu văn bản."),
        ("place", "Cần nhập địa danh ghi ở dòng ngày tháng."),
        ("authority", "Cần ghi thẩm quyền quyết định (như trong danh mục khen thưởng)."),
        ("signer_position", "Cần ghi chức vụ người ký."),
    ):
        if not values[field]:
            reasons.append(Reason("REQUIRED", message, "", field))
    symbol = values["symbol"]
    if not symbol or not set(symbol) <= SYMBOL_CHARS:
        reasons.append(
            Reason(
                "INVALID_SYMBOL",
                "Ký hiệu cơ quan chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ UBND, SNV.",
                "Nghị định 30/2020/NĐ-CP, Phụ lục III",
                "symbol",
            )
        )
    if reasons:
        raise refusal(reasons)
    clash = IssuingBody.objects.filter(unit=data.unit, symbol=symbol)
    if body is not None:
        clash = clash.exclude(pk=body.pk)
    if clash.exists():
        raise refusal(
            [
                Reason(
                    "DUPLICATE_SYMBOL",
                    "Đơn vị đã có cơ quan ban hành với ký hiệu này.",
                    "",
                    "symbol",
                )
            ]
        )
    with transaction.atomic():
        before = snapshot(body) if body is not None else None
        if body is None:
            body = IssuingBody.objects.create(unit=data.unit, **values)
        else:
            body.unit = data.unit
            for name, value in values.items():
                setattr(body, name, value)
            save_versioned(body, expected_version or body.version, ["unit", *values])
        record_event(
            actor=actor,
            action="decisions.save_issuing_body",
            obj=body,
            unit_path=body.unit.path,
            before=before,
            after=snapshot(body),
        )
    return body


def _take_number(body: IssuingBody, year: int) -> int:
    """The register's next number for the body and year, under a row lock: two signers at
    once get two consecutive numbers, and a refused issue rolls the number back (no gaps)."""
    try:
        with transaction.atomic():
            NumberCounter.objects.get_or_create(body=body, year=year)
    except IntegrityError:
        pass  # another transaction created the register row first
    counter = NumberCounter.objects.select_for_update().get(body=body, year=year)
    number = next_number(counter.last_number)
    # Conditional on the number read: where the row lock has no effect (SQLite), a writer that
    # read a stale number changes nothing and is refused instead of duplicating it.
    updated = NumberCounter.objects.filter(pk=counter.pk, last_number=counter.last_number).update(
        last_number=F("last_number") + 1
    )
    if updated != 1:
        raise ConcurrentChange()
    return number


# --------------------------------------------------------------------------------------------
# Drafting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionData:
    summary: str
    period: str
    category: str = Category.CONG_TRANG
    basis: str = ""
    article_1: str = ""
    article_2: str = ""
    article_3: str = ""
    recipients: str = ""


DEFAULT_BASIS = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;"
)
DEFAULT_ARTICLE_2 = (
    "Các cá nhân, tập thể có tên tại Điều 1 được hưởng tiền thưởng theo quy định tại Nghị định "
    "số 152/2025/NĐ-CP, mức tiền thưởng ghi trong danh sách kèm theo."
)
DEFAULT_ARTICLE_3 = (
    "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Giám đốc Sở Nội vụ, Thủ "
    "trưởng các cơ quan, đơn vị liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu "
    "trách nhiệm thi hành Quyết định này."
)
DEFAULT_RECIPIENTS = "Như Điều 3;\nBan Thi đua - Khen thưởng;\nLưu: VT, NV."


def _clean_data(data: DecisionData) -> dict[str, str]:
    values = {
        "summary": clean_text(data.summary),
        "period": clean_text(data.period),
        "category": data.category,
        "basis": clean_text(data.basis, multiline=True) or DEFAULT_BASIS,
        "article_1": clean_text(data.article_1, multiline=True),
        "article_2": clean_text(data.article_2, multiline=True) or DEFAULT_ARTICLE_2,
        "article_3": clean_text(data.article_3, multiline=True) or DEFAULT_ARTICLE_3,
        "recipients": clean_text(data.recipients, multiline=True) or DEFAULT_RECIPIENTS,
    }
    reasons: list[Reason] = []
    if not values["summary"]:
        reasons.append(Reason("SUMMARY_REQUIRED", "Cần nhập trích yếu (Về việc …).", "", "summary"))
    if len(values["summary"]) > 500:
        reasons.append(Reason("SUMMARY_TOO_LONG", "Trích yếu quá dài.", "", "summary"))
    if not values["period"] or len(values["period"]) > 255:
        reasons.append(
            Reason("PERIOD_REQUIRED", "Cần nhập thời kỳ lập thành tích (ngắn gọn).", "", "period")
        )
    if data.category not in Category.values:
        reasons.append(
            Reason("INVALID_CATEGORY", "Loại hình khen thưởng không hợp lệ.", "", "category")
        )
    if reasons:
        raise refusal(reasons)
    return values


def _busy_nominee_ids(nominee_ids: Iterable[int]) -> set[int]:
    """Nominees already in a decision that is not revoked."""
    return set(
        DecisionItem.objects.filter(nominee_id__in=list(nominee_ids))
        .exclude(decision__status=DecisionStatus.REVOKED)
        .values_list("nominee_id", flat=True)
    )


def _nominee_refusals(nominees: Sequence[Nominee]) -> list[Reason]:
    reasons: list[Reason] = []
    busy = _busy_nominee_ids(n.pk for n in nominees)
    for nominee in nominees:
        if nominee.status not in READY_NOMINEE_STATUSES:
            reasons.append(
                Reason(
                    "NOMINEE_NOT_READY",
                    f"{nominee.subject}: đề nghị chưa được Hội đồng thông qua hoặc chưa qua "
                    "thẩm định, chưa đưa vào quyết định được.",
                    "Luật Thi đua, khen thưởng 2022, Điều 84",
                    "nominees",
                )
            )
        elif nominee.pk in busy:
            reasons.append(
                Reason(
                    "NOMINEE_IN_DECISION",
                    f"{nominee.subject}: đã có trong một quyết định khác.",
                    "Luật Thi đua, khen thưởng 2022, Điều 5",
                    "nominees",
                )
            )
    return reasons


def _item_from_nominee(decision: Decision, nominee: Nominee, position: int) -> DecisionItem:
    item = DecisionItem.objects.create(
        decision=decision,
        nominee=nominee,
        person_id=nominee.person_id,
        unit_id=nominee.unit_id,
        household_id=nominee.household_id,
        award_type_id=nominee.award_type_id,
        year=nominee.year,
        achievement=nominee.achievement,
        position=position,
    )
    related = getattr(nominee, "initiatives", None)
    if related is not None and hasattr(related, "all"):
        item.initiatives.set(related.all())
    return item


def draft_decision(
    actor: Any, body: IssuingBody, data: DecisionData, *, nominees: Sequence[Nominee] = ()
) -> Decision:
    """Draft a decision of `body`, awarding the chosen council-passed (or appraised) nominees.
    Its number is taken only when it is signed."""
    _require(actor, Permission.PREPARE_DECISIONS, body.unit)
    values = _clean_data(data)
    reasons = _nominee_refusals(nominees)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        decision = Decision.objects.create(
            body=body,
            prepared_by=actor if getattr(actor, "pk", None) else None,
            signer_position=body.signer_position,
            on_behalf=body.on_behalf,
            **values,
        )
        for position, nominee in enumerate(nominees, start=1):
            _item_from_nominee(decision, nominee, position)
        record_event(
            actor=actor,
            action="decisions.draft_decision",
            obj=decision,
            unit_path=body.unit.path,
            after={**snapshot(decision), "nominees": [n.pk for n in nominees]},
        )
    return decision


def update_decision(
    actor: Any, decision: Decision, data: DecisionData, *, expected_version: int
) -> Decision:
    """Correct the draft's summary, period, basis and articles."""
    _require(actor, Permission.PREPARE_DECISIONS, decision.body.unit)
    _step(decision, Action.EDIT)
    values = _clean_data(data)
    with transaction.atomic():
        before = snapshot(decision)
        for name, value in values.items():
            setattr(decision, name, value)
        save_versioned(decision, expected_version, list(values))
        record_event(
            actor=actor,
            action="decisions.update_decision",
            obj=decision,
            unit_path=decision.body.unit.path,
            before=before,
            after=snapshot(decision),
        )
    return decision


@dataclass(frozen=True)
class ItemData:
    award_type: AwardType
    year: int
    achievement: str = ""


def add_item(
    actor: Any,
    decision: Decision,
    subject: Subject | Nominee,
    data: ItemData | None = None,
    *,
    expected_version: int,
) -> DecisionItem:
    """Add an awardee to the draft: a ready nominee, or a subject entered directly."""
    _require(actor, Permission.PREPARE_DECISIONS, decision.body.unit)
    _step(decision, Action.EDIT)
    if isinstance(subject, Nominee):
        reasons = _nominee_refusals([subject])
    else:
        if data is None:
            raise DomainError("AWARD_REQUIRED", "Cần chọn hình thức khen thưởng.")
        reasons = []
        today = _today()
        if not 1945 <= data.year <= today.year:
            reasons.append(
                Reason("INVALID_YEAR", f"Năm thành tích phải từ 1945 đến {today.year}.", "", "year")
            )
        if data.award_type.subject not in ("any", award_services.subject_kind(subject).value):
            reasons.append(
                Reason(
                    "WRONG_SUBJECT",
                    f"{data.award_type.name} không tặng cho đối tượng này.",
                    data.award_type.legal_basis,
                    "award_type",
                )
            )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        save_versioned(decision, expected_version)
        position = decision.items.count() + 1
        if isinstance(subject, Nominee):
            item = _item_from_nominee(decision, subject, position)
        else:
            assert data is not None
            item = DecisionItem.objects.create(
                decision=decision,
                award_type=data.award_type,
                year=data.year,
                achievement=clean_text(data.achievement, multiline=True),
                position=position,
                **award_services.subject_fields(subject),
            )
        record_event(
            actor=actor,
            action="decisions.add_item",
            obj=item,
            unit_path=decision.body.unit.path,
            after=snapshot(item),
        )
    return item


def remove_item(actor: Any, item: DecisionItem, *, expected_version: int) -> Decision:
    """Take an awardee off the draft."""
    decision = item.decision
    _require(actor, Permission.PREPARE_DECISIONS, decision.body.unit)
    _step(decision, Action.EDIT)
    with transaction.atomic():
        save_versioned(decision, expected_version)
        before = snapshot(item)
        item.delete()
        record_event(
            actor=actor,
            action="decisions.remove_item",
            obj=decision,
            unit_path=decision.body.unit.path,
            before=before,
        )
    return decision


# --------------------------------------------------------------------------------------------
# Signature: submit, return, issue
# --------------------------------------------------------------------------------------------


def _transition(
    actor: Any,
    decision: Decision,
    action: Action,
    *,
    expected_version: int,
    fields: Mapping[str, Any] | None = None,
    comment: str = "",
) -> Decision:
    status = _step(decision, action)
    with transaction.atomic():
        before = snapshot(decision)
        decision.status = status
        for name, value in (fields or {}).items():
            setattr(decision, name, value)
        save_versioned(decision, expected_version, ["status", *(fields or {})])
        record_event(
            actor=actor,
            action=f"decisions.{action.value}_decision",
            obj=decision,
            unit_path=decision.body.unit.path,
            before=before,
            after=snapshot(decision),
            comment=comment,
        )
    return decision


def submit_decision(actor: Any, decision: Decision, *, expected_version: int) -> Decision:
    """Send the draft to the signer."""
    _require(actor, Permission.PREPARE_DECISIONS, decision.body.unit)
    if decision.status == DecisionStatus.DRAFT and not decision.items.exists():
        raise refusal([Reason("NO_ITEMS", "Quyết định chưa có ai được khen thưởng.", "", "")])
    return _transition(
        actor,
        decision,
        Action.SUBMIT,
        expected_version=expected_version,
        fields={"return_note": ""},
    )


def return_decision(
    actor: Any, decision: Decision, *, expected_version: int, note: str
) -> Decision:
    """The signer sends the draft back to the office with what to change."""
    _require(actor, Permission.SIGN_DECISIONS, decision.body.unit)
    note = clean_text(note, multiline=True)
    if decision.status == DecisionStatus.SUBMITTED and not note:
        raise refusal([Reason("NOTE_REQUIRED", "Cần ghi nội dung cần sửa.", "", "note")])
    return _transition(
        actor,
        decision,
        Action.RETURN,
        expected_version=expected_version,
        fields={"return_note": note},
        comment=note,
    )


def _subject_label(item: DecisionItem) -> str:
    return str(item.subject)


def issue_decision(
    actor: Any,
    decision: Decision,
    *,
    expected_version: int,
    decided_on: date,
    signer_name: str,
    signer_position: str = "",
    on_behalf: str | None = None,
) -> Decision:
    """Sign and issue: take the next number of the body's register for the year, write every
    item into the award history exactly once (with its bonus), lock the initiatives it used,
    mark the nominees decided, and give each certificate its verification token."""
    body = decision.body
    _require(actor, Permission.SIGN_DECISIONS, body.unit)
    _step(decision, Action.ISSUE)
    signer_name = clean_text(signer_name)
    items = list(
        decision.items.select_related("award_type", "person", "unit", "household", "nominee")
    )
    facts = IssueFacts(
        authority=body.authority,
        decided_on=decided_on,
        today=_today(),
        signer_name=signer_name,
        items=tuple(
            ItemFacts(
                label=_subject_label(item),
                award_name=item.award_type.name,
                deciders=tuple(
                    row.decider for row in award_queries.authorities_on(item.award_type, decided_on)
                ),
                nominee_status=item.nominee.status if item.nominee is not None else None,
            )
            for item in items
        ),
    )
    reasons = check_issue(facts)
    if reasons:
        raise refusal(reasons)
    bonuses = award_queries.BonusTable({item.award_type_id for item in items})
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if locked.version != expected_version:
            raise ConcurrentChange()
        _step(locked, Action.ISSUE)
        before = snapshot(decision)
        number = _take_number(body, decided_on.year)
        text = number_text(number, body.symbol)
        for item in items:
            subject = item.subject
            kind = award_services.subject_kind(subject).value
            data = award_services.AwardData(
                award_type=item.award_type,
                year=item.year,
                category=decision.category,
                decision_number=text,
                decision_date=decided_on,
                issuer=body.name,
                note=f"Quyết định số {text}",
            )
            try:
                record = award_services.record_decided_award(actor, subject, data)
            except DomainError as exc:
                raise DomainError(
                    exc.code,
                    f"{_subject_label(item)}: {exc.message}",
                    fields={"__all__": exc.message},
                ) from exc
            item.award_record = record
            item.bonus = bonuses.amount(item.award_type_id, kind, decided_on)
            item.token = secrets.token_urlsafe(24)
            item.save(update_fields=["award_record", "bonus", "token"])
            for initiative in Initiative.objects.select_for_update().filter(
                pk__in=item.initiatives.values("pk")
            ):
                award_services.use_initiative_for_decision(
                    actor, initiative, record, expected_version=initiative.version
                )
            if item.nominee_id is not None:
                nominee = Nominee.objects.select_for_update().get(pk=item.nominee_id)
                nominee.status = NomineeStatus.DECIDED
                save_versioned(nominee, nominee.version, ["status"])
        decision.status = DecisionStatus.ISSUED
        decision.number = number
        decision.number_year = decided_on.year
        decision.number_text = text
        decision.decided_on = decided_on
        decision.signer = actor if getattr(actor, "pk", None) else None
        decision.signer_name = signer_name
        decision.signer_position = clean_text(signer_position) or body.signer_position
        decision.on_behalf = clean_text(on_behalf) if on_behalf is not None else body.on_behalf
        save_versioned(
            decision,
            expected_version,
            [
                "status",
                "number",
                "number_year",
                "number_text",
                "decided_on",
                "signer",
                "signer_name",
                "signer_position",
                "on_behalf",
            ],
        )
        record_event(
            actor=actor,
            action="decisions.issue_decision",
            obj=decision,
            unit_path=body.unit.path,
            before=before,
            after={**snapshot(decision), "award_records": [i.award_record_id for i in items]},
        )
    return decision


# --------------------------------------------------------------------------------------------
# Revocation (hủy bỏ)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RevocationData:
    ground: str
    reason: str
    revoking_number: str
    revoked_on: date
    recovery: str = ""


def revoke_decision(
    actor: Any, decision: Decision, data: RevocationData, *, expected_version: int
) -> Decision:
    """Revoke an issued decision (Luật TĐKT 2022, Điều 93): its awards leave the history,
    the initiatives they used are free again, and the certificates verify as revoked."""
    _require(actor, Permission.SIGN_DECISIONS, decision.body.unit)
    _step(decision, Action.REVOKE)
    reason = clean_text(data.reason, multiline=True)
    revoking_number = clean_text(data.revoking_number)
    assert decision.decided_on is not None
    reasons = check_revocation(
        RevocationFacts(
            ground=data.ground,
            reason=reason,
            revoking_number=revoking_number,
            revoked_on=data.revoked_on,
            decided_on=decision.decided_on,
            today=_today(),
        )
    )
    if len(revoking_number) > 60:
        reasons.append(Reason("NUMBER_TOO_LONG", "Số quyết định quá dài.", "", "revoking_number"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if locked.version != expected_version:
            raise ConcurrentChange()
        before = snapshot(decision)
        record_reason = f"Hủy bỏ theo Quyết định số {revoking_number}: {reason}"
        records = AwardRecord.objects.select_for_update().filter(
            decision_item__decision=decision, revoked=False
        )
        for record in records:
            award_services.revoke_decided_award(
                actor,
                record,
                expected_version=record.version,
                revoked_on=data.revoked_on,
                reason=record_reason,
            )
            for initiative in Initiative.objects.select_for_update().filter(used_for=record):
                award_services.release_initiative(
                    actor, initiative, expected_version=initiative.version
                )
        decision.status = DecisionStatus.REVOKED
        decision.revocation_ground = data.ground
        decision.revocation_reason = reason
        decision.revoking_number = revoking_number
        decision.revoked_on = data.revoked_on
        decision.recovery = clean_text(data.recovery, multiline=True)
        save_versioned(
            decision,
            expected_version,
            [
                "status",
                "revocation_ground",
                "revocation_reason",
                "revoking_number",
                "revoked_on",
                "recovery",
            ],
        )
        record_event(
            actor=actor,
            action="decisions.revoke_decision",
            obj=decision,
            unit_path=decision.body.unit.path,
            before=before,
            after=snapshot(decision),
            comment=reason,
        )
    return decision


# --------------------------------------------------------------------------------------------
# Certificate layouts for pre-printed blanks
# --------------------------------------------------------------------------------------------


def save_layout(
    actor: Any, kind: str, positions: Mapping[str, Position], *, expected_version: int | None
) -> CertificateLayout:
    """Set where each variable field prints on the blank of one certificate layout."""
    if not has_permission(actor, Permission.PREPARE_DECISIONS):
        raise PermissionDenied()
    if kind not in LayoutKind.values:
        raise refusal([Reason("INVALID_LAYOUT", "Mẫu bằng không hợp lệ.", "", "kind")])
    reasons = check_positions(positions)
    if reasons:
        raise refusal(reasons)
    raw = {name: {"x": p.x, "y": p.y, "size": p.size} for name, p in positions.items()}
    with transaction.atomic():
        layout = CertificateLayout.objects.select_for_update().filter(kind=kind).first()
        before = snapshot(layout) if layout else None
        if layout is None:
            layout = CertificateLayout.objects.create(kind=kind, positions=raw)
        else:
            layout.positions = raw
            save_versioned(
                layout, expected_version if expected_version else layout.version, ["positions"]
            )
        record_event(
            actor=actor,
            action="decisions.save_layout",
            obj=layout,
            before=before,
            after=snapshot(layout),
        )
    return layout
