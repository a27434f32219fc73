"""Commands on the award history and the catalogue's terms: one function per command.

Each command checks permission in the subject's unit scope, validates with the pure rules in
`awards/domain/`, saves in one transaction and writes an event. A refused command raises
`DomainError` (or `PermissionDenied`) and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.awards import catalogue as packaged
from thidua.awards.choices import (
    Category,
    DisciplineLevel,
    InitiativeKind,
    MatterKind,
    RatingChoice,
    RecognitionLevelChoice,
)
from thidua.awards.domain.integrity import AwardFact, same_award_again
from thidua.awards.domain.parameters import (
    FigureOverride,
    ParameterError,
    figure_kind,
    parse_parameter_sets,
    with_overrides,
)
from thidua.awards.domain.records import ART_5, AwardEntry, check_award_entry, check_year
from thidua.awards.domain.types import SubjectKind
from thidua.awards.models import (
    AnnualRating,
    AwardRecord,
    AwardType,
    BaseSalary,
    DisciplineRecord,
    Initiative,
    ParameterChange,
    PendingMatter,
    QuotaRule,
)
from thidua.core.concurrency import save_versioned
from thidua.core.errors import DomainError, PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.text import clean_text
from thidua.org.access import has_permission, scope_for
from thidua.org.domain.reasons import Reason
from thidua.org.models import Household, Person, Unit

Subject = Person | Unit | Household


def subject_unit(subject: Subject) -> Unit | None:
    """The unit whose scope governs the subject's history."""
    if isinstance(subject, Unit):
        return subject
    return subject.unit


def subject_kind(subject: Subject) -> SubjectKind:
    if isinstance(subject, Person):
        return SubjectKind.INDIVIDUAL
    if isinstance(subject, Unit):
        return SubjectKind.COLLECTIVE
    return SubjectKind.HOUSEHOLD


def subject_fields(subject: Subject) -> dict[str, Any]:
    """The keyword arguments that point a history row at `subject`."""
    key = {SubjectKind.INDIVIDUAL: "person", SubjectKind.COLLECTIVE: "unit"}.get(
        subject_kind(subject), "household"
    )
    return {key: subject}


def require_for_subject(actor: Any, subject: Subject) -> None:
    """The actor must hold MANAGE_AWARD_RECORDS over the subject's unit; someone with no
    current unit belongs to no subtree, so only those who reach every unit may act."""
    unit = subject_unit(subject)
    if unit is None:
        if not scope_for(actor, Permission.MANAGE_AWARD_RECORDS).everything:
            raise PermissionDenied()
    elif not has_permission(actor, Permission.MANAGE_AWARD_RECORDS, unit):
        raise PermissionDenied()


def _path(subject: Subject) -> str:
    unit = subject_unit(subject)
    return unit.path if unit is not None else ""


def _today() -> date:
    return timezone.localdate()


# --------------------------------------------------------------------------------------------
# Award records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AwardData:
    award_type: AwardType
    year: int
    category: str = Category.CONG_TRANG
    decision_number: str = ""
    decision_date: date | None = None
    issuer: str = ""
    note: str = ""


def fact_of(record: AwardRecord) -> AwardFact:
    """The pure view of a stored award, for the double-award rules."""
    subject = f"p{record.person_id}" if record.person_id else f"u{record.unit_id}"
    if record.household_id:
        subject = f"h{record.household_id}"
    return AwardFact(
        id=record.pk or 0,
        subject=subject,
        code=record.award_type.code,
        name=record.award_type.name,
        year=record.year,
        category=record.category,
        kind=record.award_type.kind,
        revoked=record.revoked,
    )


def record_award(actor: Any, subject: Subject, data: AwardData) -> AwardRecord:
    """Write an award into the subject's history (Luật TĐKT 2022, Điều 5: one achievement is
    rewarded once)."""
    require_for_subject(actor, subject)
    return _write_award(actor, subject, data)


def record_decided_award(actor: Any, subject: Subject, data: AwardData) -> AwardRecord:
    """Write an award that a decision issues into the history: record_award's validation and
    event, but the caller (decisions.services.issue_decision) checks that the actor may sign
    the decision (SIGN_DECISIONS) — the signer does not manage award records. Run it inside
    the caller's transaction."""
    return _write_award(actor, subject, data)


def _write_award(actor: Any, subject: Subject, data: AwardData) -> AwardRecord:
    definition = packaged.load_catalogue().get(data.award_type.code)
    if definition is None:
        raise DomainError("UNKNOWN_AWARD", "Hình thức khen thưởng không có trong danh mục.")
    if data.category not in Category.values:
        raise refusal(
            [Reason("INVALID_CATEGORY", "Loại hình khen thưởng không hợp lệ.", ART_5, "category")]
        )
    ended = subject.valid_to if isinstance(subject, Unit) else None
    entry = AwardEntry(definition, subject_kind(subject), data.year, data.decision_date, ended)
    reasons = check_award_entry(entry, _today())
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        record = AwardRecord(
            award_type=data.award_type,
            year=data.year,
            category=data.category,
            decision_number=clean_text(data.decision_number),
            decision_date=data.decision_date,
            issuer=clean_text(data.issuer),
            note=clean_text(data.note, multiline=True),
            recorded_by=actor if getattr(actor, "pk", None) else None,
            **subject_fields(subject),
        )
        existing = AwardRecord.objects.select_for_update().filter(
            **subject_fields(subject), award_type=data.award_type, year=data.year, revoked=False
        )
        twin = same_award_again([fact_of(r) for r in existing], fact_of(record))
        if twin is not None:
            raise refusal(
                [
                    Reason(
                        "DUPLICATE_AWARD",
                        f"{definition.name_vi} năm {data.year} đã có trong lịch sử khen thưởng "
                        "của đối tượng này; một thành tích chỉ khen một lần.",
                        ART_5,
                        "award_type",
                    )
                ]
            )
        record.save()
        record_event(
            actor=actor,
            action="awards.record_award",
            obj=record,
            unit_path=_path(subject),
            after=snapshot(record),
        )
    return record


def revoke_award(
    actor: Any, record: AwardRecord, *, expected_version: int, revoked_on: date, reason: str
) -> AwardRecord:
    """Cancel an award (Luật TĐKT 2022, Điều 93). It stops counting toward every ladder."""
    require_for_subject(actor, record.subject)
    return _revoke(
        actor, record, expected_version=expected_version, revoked_on=revoked_on, reason=reason
    )


def revoke_decided_award(
    actor: Any, record: AwardRecord, *, expected_version: int, revoked_on: date, reason: str
) -> AwardRecord:
    """Cancel an award because the decision that issued it is revoked: revoke_award's checks
    and event; the caller (decisions.services.revoke_decision) checks SIGN_DECISIONS."""
    return _revoke(
        actor, record, expected_version=expected_version, revoked_on=revoked_on, reason=reason
    )


def _revoke(
    actor: Any, record: AwardRecord, *, expected_version: int, revoked_on: date, reason: str
) -> AwardRecord:
    reasons: list[Reason] = []
    if record.revoked:
        reasons.append(Reason("ALREADY_REVOKED", "Khen thưởng này đã bị hủy bỏ trước đó.", "", ""))
    if not clean_text(reason):
        reasons.append(
            Reason(
                "REASON_REQUIRED",
                "Cần ghi lý do hủy bỏ (Điều 93 khoản 2 Luật TĐKT 2022).",
                "Luật Thi đua, khen thưởng 2022, Điều 93",
                "reason",
            )
        )
    if revoked_on > _today():
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày hủy bỏ chưa đến.", "", "revoked_on"))
    if record.decision_date and revoked_on < record.decision_date:
        reasons.append(
            Reason(
                "REVOKED_BEFORE_DECISION",
                f"Ngày hủy bỏ trước ngày quyết định khen thưởng ({record.decision_date:%d/%m/%Y}).",
                "",
                "revoked_on",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(record)
        record.revoked = True
        record.revoked_on = revoked_on
        record.revocation_reason = clean_text(reason, multiline=True)
        save_versioned(record, expected_version, ["revoked", "revoked_on", "revocation_reason"])
        record_event(
            actor=actor,
            action="awards.revoke_award",
            obj=record,
            unit_path=_path(record.subject),
            before=before,
            after=snapshot(record),
            comment=record.revocation_reason,
        )
    return record


# --------------------------------------------------------------------------------------------
# Ratings, initiatives, discipline, pending matters
# --------------------------------------------------------------------------------------------


def set_rating(actor: Any, subject: Person | Unit, year: int, rating: str) -> AnnualRating:
    """Record (or correct) the subject's rating for a year (Nghị định 90/2020/NĐ-CP)."""
    require_for_subject(actor, subject)
    reasons = check_year(year, _today(), "year")
    if rating not in RatingChoice.values:
        reasons.append(Reason("INVALID_RATING", "Mức xếp loại không hợp lệ.", "", "rating"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        row = (
            AnnualRating.objects.select_for_update()
            .filter(**subject_fields(subject), year=year)
            .first()
        )
        before = snapshot(row) if row else None
        if row is None:
            row = AnnualRating(year=year, rating=rating, **subject_fields(subject))
            row.save()
        elif row.rating != rating:
            row.rating = rating
            save_versioned(row, row.version, ["rating"])
        else:
            return row
        record_event(
            actor=actor,
            action="awards.set_rating",
            obj=row,
            unit_path=_path(subject),
            before=before,
            after=snapshot(row),
        )
    return row


@dataclass(frozen=True)
class InitiativeData:
    kind: str
    title: str
    level: str
    year: int
    recognised_by: str = ""
    decision_number: str = ""


def record_initiative(
    actor: Any, data: InitiativeData, *, authors: Iterable[Person], unit: Unit | None = None
) -> Initiative:
    """Record a recognised initiative or accepted research result and its authors."""
    people = list(authors)
    if not people and unit is None:
        if not has_permission(actor, Permission.MANAGE_AWARD_RECORDS):
            raise PermissionDenied()
        raise refusal(
            [Reason("AUTHORS_REQUIRED", "Cần ít nhất một tác giả hoặc đơn vị.", "", "authors")]
        )
    for person in people:
        require_for_subject(actor, person)
    if unit is not None:
        require_for_subject(actor, unit)
    title = clean_text(data.title)
    reasons = check_year(data.year, _today(), "year")
    if not title:
        reasons.append(Reason("TITLE_REQUIRED", "Cần nhập tên sáng kiến hoặc đề tài.", "", "title"))
    if data.kind not in InitiativeKind.values:
        reasons.append(Reason("INVALID_KIND", "Loại sáng kiến, đề tài không hợp lệ.", "", "kind"))
    if data.level not in RecognitionLevelChoice.values:
        reasons.append(Reason("INVALID_LEVEL", "Cấp công nhận không hợp lệ.", "", "level"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        initiative = Initiative.objects.create(
            kind=data.kind,
            title=title,
            level=data.level,
            year=data.year,
            recognised_by=clean_text(data.recognised_by),
            decision_number=clean_text(data.decision_number),
            unit=unit,
        )
        initiative.authors.set(people)
        anchor = unit if unit is not None else people[0]
        record_event(
            actor=actor,
            action="awards.record_initiative",
            obj=initiative,
            unit_path=_path(anchor),
            after={**snapshot(initiative), "authors": [p.pk for p in people]},
        )
    return initiative


def use_initiative(
    actor: Any, initiative: Initiative, award: AwardRecord, *, expected_version: int
) -> Initiative:
    """Lock the initiative to the award it supported: one initiative, one award (Hướng dẫn
    3385/BTĐKT-P.II, 20/11/2023)."""
    require_for_subject(actor, award.subject)
    return _use_initiative(actor, initiative, award, expected_version=expected_version)


def _use_initiative(
    actor: Any, initiative: Initiative, award: AwardRecord, *, expected_version: int
) -> Initiative:
    subject = award.subject
    own = (
        initiative.unit_id == subject.pk
        if isinstance(subject, Unit)
        else isinstance(subject, Person) and initiative.authors.filter(pk=subject.pk).exists()
    )
    if not own:
        raise refusal(
            [
                Reason(
                    "INITIATIVE_NOT_OF_SUBJECT",
                    "Sáng kiến không phải của đối tượng được khen thưởng này; chỉ dùng sáng kiến "
                    "của chính tác giả hoặc tập thể được khen.",
                    "Hướng dẫn 3385/BTĐKT-P.II ngày 20/11/2023",
                    "award",
                )
            ]
        )
    if initiative.used_for_id is not None and initiative.used_for_id != award.pk:
        raise refusal(
            [
                Reason(
                    "INITIATIVE_USED",
                    f"Sáng kiến đã dùng làm căn cứ cho {initiative.used_for}; mỗi sáng kiến chỉ "
                    "làm căn cứ cho một khen thưởng.",
                    "Hướng dẫn 3385/BTĐKT-P.II ngày 20/11/2023",
                    "initiative",
                )
            ]
        )
    with transaction.atomic():
        before = snapshot(initiative)
        initiative.used_for = award
        save_versioned(initiative, expected_version, ["used_for"])
        record_event(
            actor=actor,
            action="awards.use_initiative",
            obj=initiative,
            unit_path=_path(award.subject),
            before=before,
            after=snapshot(initiative),
        )
    return initiative


def use_initiative_for_decision(
    actor: Any, initiative: Initiative, award: AwardRecord, *, expected_version: int
) -> Initiative:
    """use_initiative for an award a decision issues: same checks and event; the caller
    checks SIGN_DECISIONS."""
    return _use_initiative(actor, initiative, award, expected_version=expected_version)


def release_initiative(actor: Any, initiative: Initiative, *, expected_version: int) -> Initiative:
    """Free an initiative whose award was revoked, so it may support another award. The
    caller checks its own permission (decisions: SIGN_DECISIONS when revoking a decision)."""
    if initiative.used_for_id is None:
        return initiative
    award = initiative.used_for
    if award is not None and not award.revoked:
        raise refusal(
            [
                Reason(
                    "AWARD_IN_FORCE",
                    f"Sáng kiến đang làm căn cứ cho {award}, khen thưởng này chưa bị hủy bỏ.",
                    "Hướng dẫn 3385/BTĐKT-P.II ngày 20/11/2023",
                    "initiative",
                )
            ]
        )
    with transaction.atomic():
        before = snapshot(initiative)
        initiative.used_for = None
        save_versioned(initiative, expected_version, ["used_for"])
        record_event(
            actor=actor,
            action="awards.release_initiative",
            obj=initiative,
            unit_path=_path(award.subject) if award is not None else "",
            before=before,
            after=snapshot(initiative),
        )
    return initiative


def record_discipline(
    actor: Any,
    person: Person,
    *,
    level: str,
    start: date,
    end: date | None,
    decision_number: str = "",
    note: str = "",
) -> DisciplineRecord:
    """Record a disciplinary measure; while in force it blocks proposals (NĐ 152/2025, Điều 4)."""
    require_for_subject(actor, person)
    reasons: list[Reason] = []
    if level not in DisciplineLevel.values:
        reasons.append(Reason("INVALID_LEVEL", "Hình thức kỷ luật không hợp lệ.", "", "level"))
    if end is not None and end < start:
        reasons.append(
            Reason("END_BEFORE_START", "Ngày hết hiệu lực trước ngày có hiệu lực.", "", "end")
        )
    if start > _today():
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày có hiệu lực chưa đến.", "", "start"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        row = DisciplineRecord.objects.create(
            person=person,
            level=level,
            start=start,
            end=end,
            decision_number=clean_text(decision_number),
            note=clean_text(note, multiline=True),
        )
        record_event(
            actor=actor,
            action="awards.record_discipline",
            obj=row,
            unit_path=_path(person),
            after=snapshot(row),
        )
    return row


def open_matter(
    actor: Any, subject: Person | Unit, *, kind: str, opened: date, note: str = ""
) -> PendingMatter:
    """Record an investigation, inspection, complaint or denunciation under way."""
    require_for_subject(actor, subject)
    reasons: list[Reason] = []
    if kind not in MatterKind.values:
        reasons.append(Reason("INVALID_KIND", "Loại việc không hợp lệ.", "", "kind"))
    if opened > _today():
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày bắt đầu chưa đến.", "", "opened"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        matter = PendingMatter.objects.create(
            kind=kind,
            opened=opened,
            note=clean_text(note, multiline=True),
            **subject_fields(subject),
        )
        record_event(
            actor=actor,
            action="awards.open_matter",
            obj=matter,
            unit_path=_path(subject),
            after=snapshot(matter),
        )
    return matter


def close_matter(
    actor: Any, matter: PendingMatter, *, expected_version: int, closed: date
) -> PendingMatter:
    """Record that the matter was concluded on `closed`."""
    require_for_subject(actor, matter.subject)
    reasons: list[Reason] = []
    if matter.closed is not None:
        reasons.append(Reason("ALREADY_CLOSED", "Việc này đã kết thúc.", "", ""))
    if closed < matter.opened:
        reasons.append(
            Reason("END_BEFORE_START", "Ngày kết thúc trước ngày bắt đầu.", "", "closed")
        )
    if closed > _today():
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày kết thúc chưa đến.", "", "closed"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(matter)
        matter.closed = closed
        save_versioned(matter, expected_version, ["closed"])
        record_event(
            actor=actor,
            action="awards.close_matter",
            obj=matter,
            unit_path=_path(matter.subject),
            before=before,
            after=snapshot(matter),
        )
    return matter


# --------------------------------------------------------------------------------------------
# Catalogue terms: parameters, base salary, quotas (administrators)
# --------------------------------------------------------------------------------------------


_FIGURE_VALUE_TEXT = {
    "bool": "giá trị đúng hoặc sai",
    "int": "một số nguyên không âm",
    "share": "một tỷ lệ từ 0 đến 1 và cách so sánh (từ … trở lên, hoặc trên …)",
}


def _require_catalogue(actor: Any) -> None:
    if not scope_for(actor, Permission.MANAGE_CATALOGUE).everything:
        raise PermissionDenied()


def change_parameter(
    actor: Any,
    *,
    rule_set: str,
    figure: str,
    value: object,
    basis: str,
    confirmed: bool,
    reason: str,
) -> ParameterChange:
    """Change one figure of a rule set; the engine applies it from the next check on."""
    _require_catalogue(actor)
    reasons: list[Reason] = []
    basis, reason = clean_text(basis), clean_text(reason, multiline=True)
    if not basis:
        reasons.append(Reason("BASIS_REQUIRED", "Cần ghi căn cứ pháp lý của con số.", "", "basis"))
    if not reason:
        reasons.append(Reason("REASON_REQUIRED", "Cần ghi lý do thay đổi.", "", "reason"))
    try:
        kind = figure_kind(figure)
    except KeyError:
        reasons.append(Reason("UNKNOWN_FIGURE", "Không có tham số này.", "", "figure"))
    packaged_set = {p.rule_set: p for p in packaged.load_parameter_sets()}.get(rule_set)
    if packaged_set is None or packaged_set.figures is None:
        reasons.append(
            Reason(
                "UNKNOWN_RULE_SET",
                "Không có bộ quy tắc này, hoặc bộ quy tắc này không có tham số để sửa.",
                "",
                "rule_set",
            )
        )
    if reasons:
        raise refusal(reasons)
    overrides = [
        *packaged.database_overrides(),
        FigureOverride(rule_set, figure, value, basis, confirmed),
    ]
    try:
        parse_parameter_sets(
            with_overrides(json.loads(packaged.read_data(packaged.PARAMETERS_FILE)), overrides)
        )
    except ParameterError as exc:
        expected = _FIGURE_VALUE_TEXT[kind]
        raise refusal(
            [Reason("INVALID_VALUE", f"Giá trị không hợp lệ: cần {expected}.", "", "value")]
        ) from exc
    current = {params.rule_set: params for params in packaged.current_parameter_sets()}.get(
        rule_set
    )
    before = None
    if current is not None and current.figures is not None:
        old = getattr(current.figures, figure)
        before = {
            "value": packaged.figure_json(old.value),
            "basis": old.basis,
            "confirmed": old.confirmed,
        }
    with transaction.atomic():
        change = ParameterChange.objects.create(
            rule_set=rule_set,
            figure=figure,
            value=value,
            basis=basis,
            confirmed=confirmed,
            reason=reason,
            changed_by=actor,
        )
        record_event(
            actor=actor,
            action="awards.change_parameter",
            obj=change,
            before=before,
            after={"value": value, "basis": basis, "confirmed": confirmed},
            comment=reason,
        )
    return change


def add_base_salary(
    actor: Any, *, amount: int, effective_from: date, legal_basis: str
) -> BaseSalary:
    """Record a new lương cơ sở from a date on (bonuses use the one in force at the decision)."""
    _require_catalogue(actor)
    reasons: list[Reason] = []
    legal_basis = clean_text(legal_basis)
    if amount <= 0:
        reasons.append(Reason("INVALID_AMOUNT", "Mức lương cơ sở phải lớn hơn 0.", "", "amount"))
    if not legal_basis:
        reasons.append(Reason("BASIS_REQUIRED", "Cần ghi văn bản quy định.", "", "legal_basis"))
    if reasons:
        raise refusal(reasons)
    try:
        with transaction.atomic():
            row = BaseSalary.objects.create(
                amount=amount, effective_from=effective_from, legal_basis=legal_basis
            )
            record_event(actor=actor, action="awards.add_base_salary", obj=row, after=snapshot(row))
    except IntegrityError as exc:
        raise refusal(
            [
                Reason(
                    "DUPLICATE_DATE",
                    f"Đã có mức lương cơ sở từ ngày {effective_from:%d/%m/%Y}.",
                    "",
                    "effective_from",
                )
            ]
        ) from exc
    return row


def set_quota_rule(
    actor: Any,
    *,
    issuer: Unit,
    year: int,
    award_type: AwardType,
    base_award_type: AwardType | None,
    max_percent: Decimal,
    legal_basis: str,
) -> QuotaRule:
    """Set (or replace) an issuer's cap on an award for a year, e.g. CSTĐ cơ sở ≤ 15 % of LĐTT."""
    if not has_permission(actor, Permission.MANAGE_MOVEMENTS, issuer):
        raise PermissionDenied()
    reasons: list[Reason] = []
    legal_basis = clean_text(legal_basis)
    if not (Decimal(0) < max_percent <= Decimal(100)):
        reasons.append(
            Reason("INVALID_PERCENT", "Tỷ lệ phải lớn hơn 0 và không quá 100 %.", "", "max_percent")
        )
    if not legal_basis:
        reasons.append(
            Reason("BASIS_REQUIRED", "Cần ghi văn bản quy định tỷ lệ.", "", "legal_basis")
        )
    if base_award_type is not None and base_award_type.pk == award_type.pk:
        reasons.append(
            Reason("SAME_BASE", "Tỷ lệ phải tính trên một danh hiệu khác.", "", "base_award_type")
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        rule = (
            QuotaRule.objects.select_for_update()
            .filter(issuer=issuer, year=year, award_type=award_type)
            .first()
        )
        before = snapshot(rule) if rule else None
        if rule is None:
            rule = QuotaRule(issuer=issuer, year=year, award_type=award_type)
        rule.base_award_type = base_award_type
        rule.max_percent = max_percent
        rule.legal_basis = legal_basis
        if rule.pk is None:
            rule.save()
        else:
            save_versioned(rule, rule.version, ["base_award_type", "max_percent", "legal_basis"])
        record_event(
            actor=actor,
            action="awards.set_quota_rule",
            obj=rule,
            unit_path=issuer.path,
            before=before,
            after=snapshot(rule),
        )
    return rule
