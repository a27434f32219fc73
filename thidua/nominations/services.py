"""Commands on nomination dossiers: one function per command.

Filing commands need `Permission.FILE_NOMINATIONS` over the proposing unit; the receiving
level's commands need `Permission.APPRAISE_NOMINATIONS` over the receiving unit. Each command
checks the pure rules in `nominations/domain/`, saves in one transaction and writes an event.
A refused command raises `DomainError` and writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import RoleAssignment
from thidua.accounts.permissions import ROLE_PERMISSIONS, Permission
from thidua.awards.choices import Category, SubjectScope
from thidua.awards.models import AwardType
from thidua.core.concurrency import save_versioned
from thidua.core.errors import DomainError, NotFound, PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.text import clean_text
from thidua.nominations import eligibility, queries
from thidua.nominations.choices import DossierKind, DossierStatus, NomineeStatus
from thidua.nominations.domain import files, routing
from thidua.nominations.domain.parameters import add_working_days
from thidua.nominations.models import Dossier, EvidenceFile, Nominee, PublicComment, Reminder
from thidua.nominations.parameters import procedure_parameters
from thidua.org.access import has_permission
from thidua.org.choices import UnitLevel
from thidua.org.domain.reasons import Reason
from thidua.org.models import Household, Person, Unit

Subject = Person | Unit | Household
# A public sender may leave this many comments in this many minutes (a light rate limit).
COMMENTS_PER_WINDOW = 5
COMMENT_WINDOW_MINUTES = 10


def _today() -> date:
    return timezone.localdate()


def _require(actor: Any, permission: Permission, unit: Unit) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _require_file(actor: Any, dossier: Dossier) -> None:
    _require(actor, Permission.FILE_NOMINATIONS, dossier.proposing_unit)


def _require_appraise(actor: Any, dossier: Dossier) -> None:
    _require(actor, Permission.APPRAISE_NOMINATIONS, dossier.receiving_unit)


def _check(command: str, dossier: Dossier) -> None:
    reasons = routing.transition_reasons(command, dossier.status)
    if reasons:
        raise refusal(reasons)


def _event(actor: Any, action: str, obj: Any, path: str, before: Any, after: Any) -> None:
    record_event(actor=actor, action=action, obj=obj, unit_path=path, before=before, after=after)


def _due(unit: Unit, step: str, start: date) -> date | None:
    rule = procedure_parameters().deadline(unit.level, step)
    return add_working_days(start, rule.days) if rule else None


def _lock(dossier: Dossier, expected_version: int) -> None:
    save_versioned(dossier, expected_version, ())


# ----------------------------------------------------------------------------- dossiers


def _receiver_reasons(proposing: Unit, receiving: Unit) -> list[Reason]:
    """The receiving level is above the proposing unit: an ancestor, or an agency directly
    under an ancestor (the standing TĐKT body, e.g. Sở Nội vụ)."""
    if receiving.valid_to is not None:
        return [
            Reason(
                "RECEIVER_INACTIVE", "Đơn vị nhận hồ sơ đã ngừng hoạt động.", "", "receiving_unit"
            )
        ]
    ancestor = proposing.path.startswith(receiving.path) and receiving.pk != proposing.pk
    agency = (
        receiving.level == UnitLevel.DEPARTMENT
        and proposing.path.startswith(receiving.path[:-9])
        and not proposing.path.startswith(receiving.path)
    )
    above = ancestor or agency
    if not above or receiving.pk == proposing.pk:
        return [
            Reason(
                "RECEIVER_NOT_ABOVE",
                "Hồ sơ phải gửi lên cấp trên của đơn vị đề nghị.",
                routing.LAW_84,
                "receiving_unit",
            )
        ]
    return []


@dataclass(frozen=True)
class DossierData:
    proposing_unit: Unit
    receiving_unit: Unit
    kind: str
    year: int
    title: str
    movement: Any = None


def create_dossier(actor: Any, data: DossierData) -> Dossier:
    """Open a dossier (hồ sơ đề nghị) of a proposing unit, addressed to a level above it."""
    _require(actor, Permission.FILE_NOMINATIONS, data.proposing_unit)
    reasons = _receiver_reasons(data.proposing_unit, data.receiving_unit)
    if data.kind not in DossierKind.values:
        reasons.append(Reason("INVALID_KIND", "Loại hồ sơ không hợp lệ.", "", "kind"))
    if not 2000 <= data.year <= _today().year + 1:
        reasons.append(
            Reason("INVALID_YEAR", "Năm xét khen phải từ 2000 đến năm sau năm nay.", "", "year")
        )
    title = clean_text(data.title)
    if not title:
        reasons.append(Reason("TITLE_REQUIRED", "Cần nhập tên hồ sơ.", "", "title"))
    if data.kind == DossierKind.MOVEMENT and data.movement is None:
        reasons.append(
            Reason(
                "MOVEMENT_REQUIRED", "Hồ sơ khen phong trào cần chọn phong trào.", "", "movement"
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        dossier = Dossier.objects.create(
            proposing_unit=data.proposing_unit,
            receiving_unit=data.receiving_unit,
            kind=data.kind,
            year=data.year,
            title=title[:500],
            movement=data.movement,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        _event(
            actor,
            "nominations.create_dossier",
            dossier,
            dossier.proposing_unit.path,
            None,
            snapshot(dossier),
        )
    return dossier


# ----------------------------------------------------------------------------- nominees


def _subject_unit(subject: Subject) -> Unit | None:
    return subject if isinstance(subject, Unit) else subject.unit


def _subject_scope(subject: Subject) -> SubjectScope:
    if isinstance(subject, Person):
        return SubjectScope.INDIVIDUAL
    if isinstance(subject, Unit):
        return SubjectScope.COLLECTIVE
    return SubjectScope.HOUSEHOLD


def _subject_fields(subject: Subject) -> dict[str, Any]:
    key = {SubjectScope.INDIVIDUAL: "person", SubjectScope.COLLECTIVE: "unit"}.get(
        _subject_scope(subject), "household"
    )
    return {key: subject}


def _recheck(nominee: Nominee) -> None:
    """Compute the engine's result and store it on the nominee (not saved here)."""
    now = timezone.now()
    result = eligibility.evaluate(
        nominee.subject, nominee.award_type.code, nominee.year, timezone.localdate(now), now
    )
    nominee.eligibility = result
    eligible = result.get("eligible")
    nominee.eligible = eligible if isinstance(eligible, bool) else None
    nominee.eligibility_checked_at = now


@dataclass(frozen=True)
class NomineeData:
    award_type: AwardType
    category: str = Category.CONG_TRANG
    achievement: str = ""
    justification: str = ""
    year: int | None = None


def _nominee_reasons(dossier: Dossier, subject: Subject, data: NomineeData) -> list[Reason]:
    reasons = []
    unit = _subject_unit(subject)
    if unit is None or not unit.path.startswith(dossier.proposing_unit.path):
        reasons.append(
            Reason(
                "SUBJECT_OUTSIDE_UNIT",
                "Chỉ đề nghị khen cho cá nhân, tập thể, hộ gia đình thuộc đơn vị đề nghị.",
                routing.LAW_84,
                "subject",
            )
        )
    if data.award_type.subject not in {SubjectScope.ANY, _subject_scope(subject)}:
        reasons.append(
            Reason(
                "AWARD_NOT_FOR_SUBJECT",
                f"{data.award_type.name} không xét cho đối tượng này.",
                data.award_type.legal_basis,
                "award_type",
            )
        )
    if data.category not in Category.values:
        reasons.append(
            Reason("INVALID_CATEGORY", "Loại hình khen thưởng không hợp lệ.", "", "category")
        )
    year = data.year if data.year is not None else dossier.year
    if not 2000 <= year <= dossier.year:
        reasons.append(
            Reason(
                "INVALID_YEAR",
                "Năm thành tích phải từ 2000 đến năm của hồ sơ.",
                "",
                "year",
            )
        )
    return reasons


def add_nominee(actor: Any, dossier: Dossier, subject: Subject, data: NomineeData) -> Nominee:
    """Propose a person, collective or household for an award; the engine's result is stored."""
    _require_file(actor, dossier)
    _check("edit", dossier)
    reasons = _nominee_reasons(dossier, subject, data)
    if reasons:
        raise refusal(reasons)
    year = data.year if data.year is not None else dossier.year
    with transaction.atomic():
        _lock(dossier, dossier.version)
        if (
            Nominee.objects.filter(
                dossier=dossier, award_type=data.award_type, year=year, **_subject_fields(subject)
            )
            .exclude(status=NomineeStatus.WITHDRAWN)
            .exists()
        ):
            raise refusal(
                [
                    Reason(
                        "DUPLICATE_NOMINEE",
                        "Đối tượng này đã có trong hồ sơ với cùng hình thức khen thưởng.",
                        routing.ART_5,
                        "subject",
                    )
                ]
            )
        nominee = Nominee(
            dossier=dossier,
            award_type=data.award_type,
            year=year,
            category=data.category,
            achievement=clean_text(data.achievement, multiline=True),
            justification=clean_text(data.justification, multiline=True),
            position=dossier.nominees.count() + 1,
            **_subject_fields(subject),
        )
        _recheck(nominee)
        nominee.save()
        _event(
            actor,
            "nominations.add_nominee",
            nominee,
            dossier.proposing_unit.path,
            None,
            snapshot(nominee),
        )
    return nominee


def update_nominee(
    actor: Any,
    nominee: Nominee,
    *,
    expected_version: int,
    category: str,
    achievement: str,
    justification: str,
) -> Nominee:
    """Change what the unit says about a nominee; the eligibility result is computed again."""
    dossier = nominee.dossier
    _require_file(actor, dossier)
    _check("edit", dossier)
    if category not in Category.values:
        raise refusal(
            [Reason("INVALID_CATEGORY", "Loại hình khen thưởng không hợp lệ.", "", "category")]
        )
    with transaction.atomic():
        before = snapshot(nominee)
        nominee.category = category
        nominee.achievement = clean_text(achievement, multiline=True)
        nominee.justification = clean_text(justification, multiline=True)
        _recheck(nominee)
        save_versioned(
            nominee,
            expected_version,
            [
                "category",
                "achievement",
                "justification",
                "eligibility",
                "eligible",
                "eligibility_checked_at",
            ],
        )
        _event(
            actor,
            "nominations.update_nominee",
            nominee,
            dossier.proposing_unit.path,
            before,
            snapshot(nominee),
        )
    return nominee


def remove_nominee(actor: Any, nominee: Nominee) -> None:
    """Take a nominee out of a dossier that is being edited (its files go with it)."""
    dossier = nominee.dossier
    _require_file(actor, dossier)
    _check("edit", dossier)
    with transaction.atomic():
        before = snapshot(nominee)
        stored = [f.file.name or "" for f in nominee.files.all()]
        nominee.comments.all().delete()
        nominee.files.all().delete()
        nominee.delete()
        _event(
            actor, "nominations.remove_nominee", dossier, dossier.proposing_unit.path, before, None
        )
        transaction.on_commit(lambda: _delete_stored(stored))


WITHDRAWABLE = (
    NomineeStatus.DRAFT,
    NomineeStatus.SUBMITTED,
    NomineeStatus.RETURNED,
    NomineeStatus.BLOCKED,
    NomineeStatus.APPRAISED,
)


def withdraw_nominee(
    actor: Any, nominee: Nominee, *, expected_version: int, reason: str
) -> Nominee:
    """The proposing unit withdraws a nominee it no longer proposes (kept on record, with the
    reason), at any step before the council has voted on it."""
    dossier = nominee.dossier
    _require_file(actor, dossier)
    text = clean_text(reason, multiline=True)
    reasons = []
    if nominee.status not in WITHDRAWABLE or dossier.status in {
        DossierStatus.FORWARDED,
        DossierStatus.CLOSED,
    }:
        reasons.append(
            Reason(
                "WRONG_STATUS",
                "Chỉ rút được đối tượng chưa được Hội đồng xét và hồ sơ chưa trình lên cấp trên.",
                routing.LAW_84,
                "",
            )
        )
    if not text:
        reasons.append(Reason("REASON_REQUIRED", "Cần ghi lý do rút đối tượng.", "", "reason"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(nominee)
        nominee.status = NomineeStatus.WITHDRAWN
        nominee.appraisal_note = f"Đơn vị rút đề nghị: {text}"
        save_versioned(nominee, expected_version, ["status", "appraisal_note"])
        _event(
            actor,
            "nominations.withdraw_nominee",
            nominee,
            dossier.proposing_unit.path,
            before,
            snapshot(nominee),
        )
    return nominee


def _delete_stored(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            pass


def recheck_dossier(actor: Any, dossier: Dossier) -> int:
    """Run the engine again for every nominee (the history may have changed). Either side may
    ask: the proposing unit while filing, the receiving level while appraising."""
    if not (queries.can_file(actor, dossier) or queries.can_appraise(actor, dossier)):
        raise PermissionDenied()
    with transaction.atomic():
        count = 0
        for nominee in dossier.nominees.select_related("award_type", "person", "unit", "household"):
            _recheck(nominee)
            nominee.save(update_fields=["eligibility", "eligible", "eligibility_checked_at"])
            count += 1
        _event(
            actor,
            "nominations.recheck",
            dossier,
            dossier.proposing_unit.path,
            None,
            {"nominees": count},
        )
    return count


def add_file(
    actor: Any, nominee: Nominee, *, upload: UploadedFile, kind: str, note: str = ""
) -> EvidenceFile:
    """Attach the achievement report or an evidence file; the type is read from its bytes."""
    dossier = nominee.dossier
    _require_file(actor, dossier)
    _check("edit", dossier)
    if kind not in EvidenceFile.Kind.values:
        raise refusal([Reason("INVALID_KIND", "Loại tệp không hợp lệ.", "", "kind")])
    size = upload.size or 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    reasons = files.upload_reasons(head, size)
    if reasons:
        raise refusal(reasons)
    content_type = files.sniff(head)
    original = clean_text(upload.name or "tep")[:255] or "tep"
    with transaction.atomic():
        row = EvidenceFile(
            nominee=nominee,
            kind=kind,
            original_name=original,
            content_type=content_type,
            size=size,
            note=clean_text(note)[:255],
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        row.file.save("x" + files.EXTENSIONS[content_type], ContentFile(upload.read()), save=False)
        row.save()
        _event(
            actor,
            "nominations.add_file",
            row,
            dossier.proposing_unit.path,
            None,
            snapshot(row) | {"file": row.file.name},
        )
    return row


# ------------------------------------------------------------------------------- routing


def submit_dossier(actor: Any, dossier: Dossier, *, expected_version: int) -> Dossier:
    """Send the dossier to the receiving level. Eligibility is checked again; a nominee found
    not eligible needs a written justification; a quota rule may not be exceeded."""
    _require_file(actor, dossier)
    _check("submit", dossier)
    with transaction.atomic():
        nominees = list(
            dossier.nominees.select_related("award_type", "person", "unit", "household")
        )
        for nominee in nominees:
            _recheck(nominee)
            nominee.save(update_fields=["eligibility", "eligible", "eligibility_checked_at"])
        facts = [
            routing.NomineeFacts(
                str(n.subject), n.status, n.eligible, n.justification, n.award_type.name
            )
            for n in nominees
        ]
        reasons = routing.submission_reasons(facts)
        for counter in queries.quota_counters(dossier):
            if counter.over:
                reasons.append(
                    Reason("OVER_QUOTA", counter.status.message, counter.rule.legal_basis, "")
                )
        if reasons:
            transaction.set_rollback(True)
            raise refusal(reasons)
        before = snapshot(dossier)
        today = _today()
        dossier.status = DossierStatus.SUBMITTED
        dossier.submitted_on = today
        dossier.due_on = _due(dossier.receiving_unit, "receive", today)
        dossier.return_reason = ""
        save_versioned(
            dossier, expected_version, ["status", "submitted_on", "due_on", "return_reason"]
        )
        dossier.nominees.exclude(status=NomineeStatus.WITHDRAWN).update(
            status=NomineeStatus.SUBMITTED, appraisal_note=""
        )
        _event(
            actor,
            "nominations.submit",
            dossier,
            dossier.proposing_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def recall_dossier(actor: Any, dossier: Dossier, *, expected_version: int) -> Dossier:
    """The sender takes back a dossier the receiving level has not received yet."""
    _require_file(actor, dossier)
    _check("recall", dossier)
    with transaction.atomic():
        before = snapshot(dossier)
        dossier.status = DossierStatus.RECALLED
        dossier.due_on = None
        save_versioned(dossier, expected_version, ["status", "due_on"])
        dossier.nominees.filter(status=NomineeStatus.SUBMITTED).update(status=NomineeStatus.DRAFT)
        _event(
            actor,
            "nominations.recall",
            dossier,
            dossier.proposing_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def receive_dossier(actor: Any, dossier: Dossier, *, expected_version: int) -> Dossier:
    """The receiving level acknowledges the dossier; the appraisal deadline starts."""
    _require_appraise(actor, dossier)
    _check("receive", dossier)
    with transaction.atomic():
        before = snapshot(dossier)
        today = _today()
        dossier.status = DossierStatus.RECEIVED
        dossier.received_on = today
        dossier.due_on = _due(dossier.receiving_unit, "appraise", today)
        save_versioned(dossier, expected_version, ["status", "received_on", "due_on"])
        _event(
            actor,
            "nominations.receive",
            dossier,
            dossier.receiving_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def return_dossier(actor: Any, dossier: Dossier, *, expected_version: int, reason: str) -> Dossier:
    """Send the dossier back to its unit with the reasons; the unit corrects and sends again."""
    _require_appraise(actor, dossier)
    _check("return", dossier)
    text = clean_text(reason, multiline=True)
    reasons = routing.return_reasons(text)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(dossier)
        dossier.status = DossierStatus.RETURNED
        dossier.return_reason = text
        dossier.due_on = _due(dossier.proposing_unit, "resubmit", _today())
        save_versioned(dossier, expected_version, ["status", "return_reason", "due_on"])
        dossier.nominees.filter(
            status__in=[
                NomineeStatus.SUBMITTED,
                NomineeStatus.APPRAISED,
                NomineeStatus.NOT_APPROVED,
            ]
        ).update(status=NomineeStatus.RETURNED)
        _event(
            actor,
            "nominations.return",
            dossier,
            dossier.receiving_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def set_checklist(
    actor: Any,
    dossier: Dossier,
    *,
    expected_version: int,
    ticks: Mapping[str, bool],
    notes: Mapping[str, str],
) -> Dossier:
    """Record which parts of the dossier the appraiser found (items are data per form)."""
    _require_appraise(actor, dossier)
    _check("appraise", dossier)
    items = queries.checklist_items(list(dossier.nominees.select_related("award_type")))
    known = {item.code for item in items}
    unknown = set(ticks) - known
    if unknown:
        raise refusal([Reason("UNKNOWN_ITEM", "Mục thẩm định không có trong danh mục.", "", "")])
    with transaction.atomic():
        before = snapshot(dossier)
        dossier.checklist = {
            code: {
                "ok": bool(ticks.get(code, False)),
                "note": clean_text(notes.get(code, ""))[:500],
            }
            for code in sorted(known)
        }
        dossier.status = DossierStatus.APPRAISING
        save_versioned(dossier, expected_version, ["checklist", "status"])
        _event(
            actor,
            "nominations.set_checklist",
            dossier,
            dossier.receiving_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def appraise_nominee(
    actor: Any, nominee: Nominee, *, expected_version: int, result: str, reason: str = ""
) -> Nominee:
    """The appraisal result for one nominee: passed, or not approved with the reason. The
    engine runs again so the appraiser judges against today's history."""
    dossier = nominee.dossier
    _require_appraise(actor, dossier)
    _check("appraise", dossier)
    text = clean_text(reason, multiline=True)
    reasons = routing.appraisal_reasons(result, text, nominee.status)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(nominee)
        _recheck(nominee)
        nominee.status = result
        nominee.appraisal_note = text
        save_versioned(
            nominee,
            expected_version,
            ["status", "appraisal_note", "eligibility", "eligible", "eligibility_checked_at"],
        )
        if dossier.status == DossierStatus.RECEIVED:
            Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.APPRAISING)
            dossier.status = DossierStatus.APPRAISING
        _event(
            actor,
            "nominations.appraise",
            nominee,
            dossier.receiving_unit.path,
            before,
            snapshot(nominee),
        )
    return nominee


def finish_appraisal(actor: Any, dossier: Dossier, *, expected_version: int) -> Dossier:
    """Close the appraisal: every checklist item found, every nominee with a result."""
    _require_appraise(actor, dossier)
    _check("finish", dossier)
    nominees = list(dossier.nominees.select_related("award_type"))
    items = queries.checklist_items(nominees)
    missing = [i.label for i in items if not dossier.checklist.get(i.code, {}).get("ok")]
    reasons = routing.finish_reasons([n.status for n in nominees], missing)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(dossier)
        dossier.status = DossierStatus.APPRAISED
        dossier.appraised_on = _today()
        dossier.due_on = None
        save_versioned(dossier, expected_version, ["status", "appraised_on", "due_on"])
        _event(
            actor,
            "nominations.finish_appraisal",
            dossier,
            dossier.receiving_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def _forward_reasons(dossier: Dossier, target: Unit) -> list[Reason]:
    here = dossier.receiving_unit
    above = target.depth < here.depth and here.path.startswith(target.path[:-9])
    if target.valid_to is not None or not above:
        return [
            Reason(
                "TARGET_NOT_ABOVE",
                "Chỉ trình lên được cấp trên của đơn vị đang thẩm định.",
                routing.LAW_84,
                "target",
            )
        ]
    return []


def forward_dossier(
    actor: Any, dossier: Dossier, *, expected_version: int, target: Unit
) -> Dossier:
    """Send the nominees that passed (appraisal or this level's council) up: a new dossier of
    the receiving level, addressed to `target`, carrying them."""
    _require_appraise(actor, dossier)
    _check("forward", dossier)
    reasons = _forward_reasons(dossier, target)
    passing = list(
        dossier.nominees.filter(
            status__in=[NomineeStatus.APPRAISED, NomineeStatus.COUNCIL_PASSED]
        ).select_related("award_type", "person", "unit", "household")
    )
    if not passing:
        reasons.append(
            Reason(
                "NO_NOMINEES",
                "Không có ai đạt thẩm định để trình lên cấp trên.",
                routing.LAW_84,
                "",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(dossier)
        dossier.status = DossierStatus.FORWARDED
        save_versioned(dossier, expected_version, ["status"])
        today = _today()
        upper = Dossier.objects.create(
            proposing_unit=dossier.receiving_unit,
            receiving_unit=target,
            kind=dossier.kind,
            year=dossier.year,
            movement=dossier.movement,
            title=f"{dossier.title} (trình {target.short_name or target.name})"[:500],
            status=DossierStatus.SUBMITTED,
            submitted_on=today,
            due_on=_due(target, "receive", today),
            forwarded_from=dossier,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        for position, nominee in enumerate(passing, 1):
            Nominee.objects.create(
                dossier=upper,
                award_type=nominee.award_type,
                year=nominee.year,
                category=nominee.category,
                achievement=nominee.achievement,
                status=NomineeStatus.SUBMITTED,
                eligibility=nominee.eligibility,
                eligible=nominee.eligible,
                eligibility_checked_at=nominee.eligibility_checked_at,
                justification=nominee.justification,
                position=position,
                source=nominee,
                person=nominee.person,
                unit=nominee.unit,
                household=nominee.household,
            )
        _event(
            actor,
            "nominations.forward",
            dossier,
            dossier.receiving_unit.path,
            before,
            snapshot(dossier) | {"forwarded_to": upper.pk},
        )
    return upper


# ----------------------------------------------------------------------------- public comment


def publish_dossier(actor: Any, dossier: Dossier, *, expected_version: int, start: date) -> Dossier:
    """Open the public comment period for the dossier's nominees whose form needs one; its
    length is the longest period those forms require (working days, a parameter)."""
    _require_appraise(actor, dossier)
    _check("publish", dossier)
    params = procedure_parameters()
    rules = [
        params.public_comment_for(queries.award_facts(n))
        for n in dossier.nominees.select_related("award_type")
    ]
    days = max((r.days for r in rules if r is not None), default=0)
    reasons = []
    if not days:
        reasons.append(
            Reason(
                "NO_PUBLIC_COMMENT",
                "Không hình thức nào trong hồ sơ cần lấy ý kiến công khai.",
                "Nghị định 98/2023/NĐ-CP, Điều 46",
                "",
            )
        )
    if start < _today() - timedelta(days=30):
        reasons.append(
            Reason("START_IN_PAST", "Ngày bắt đầu công khai đã qua quá lâu.", "", "start")
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(dossier)
        dossier.public_from = start
        # The period counts `days` working days, the first of which is `start`.
        dossier.public_until = add_working_days(start - timedelta(days=1), days)
        save_versioned(dossier, expected_version, ["public_from", "public_until"])
        _event(
            actor,
            "nominations.publish",
            dossier,
            dossier.receiving_unit.path,
            before,
            snapshot(dossier),
        )
    return dossier


def sender_key(address: str) -> str:
    return hashlib.sha256((settings.SECRET_KEY + "|" + address).encode()).hexdigest()


@dataclass(frozen=True)
class CommentData:
    kind: str
    text: str
    name: str = ""
    contact: str = ""


def submit_comment(nominee: Nominee, data: CommentData, *, address: str) -> PublicComment:
    """A comment or complaint from anyone during the public period; an open complaint blocks
    the nominee until it is handled (NĐ 152/2025, Điều 4)."""
    dossier = nominee.dossier
    today = _today()
    if (
        not (
            dossier.public_from
            and dossier.public_until
            and dossier.public_from <= today <= dossier.public_until
        )
        or nominee.status == NomineeStatus.WITHDRAWN
    ):
        raise NotFound("Danh sách này không còn trong thời gian lấy ý kiến.")
    name = clean_text(data.name)[:200]
    contact = clean_text(data.contact)[:200]
    text = clean_text(data.text, multiline=True)[:5000]
    reasons = routing.comment_reasons(data.kind, name, contact, text)
    if reasons:
        raise refusal(reasons)
    key = sender_key(address)
    since = timezone.now() - timedelta(minutes=COMMENT_WINDOW_MINUTES)
    if (
        PublicComment.objects.filter(sender_key=key, created_at__gte=since).count()
        >= COMMENTS_PER_WINDOW
    ):
        raise DomainError(
            "TOO_MANY_COMMENTS",
            "Bạn đã gửi nhiều ý kiến trong thời gian ngắn; hãy thử lại sau ít phút.",
        )
    with transaction.atomic():
        complaint = data.kind == PublicComment.Kind.COMPLAINT
        comment = PublicComment.objects.create(
            nominee=nominee,
            kind=data.kind,
            author_name=name,
            contact=contact,
            text=text,
            state=PublicComment.State.OPEN if complaint else PublicComment.State.NOTED,
            sender_key=key,
        )
        if complaint:
            locked = Nominee.objects.select_for_update().get(pk=nominee.pk)
            if locked.status != NomineeStatus.BLOCKED:
                Nominee.objects.filter(pk=nominee.pk).update(
                    status=NomineeStatus.BLOCKED, status_before_block=locked.status
                )
        record_event(
            actor=None,
            action="nominations.public_comment",
            obj=comment,
            unit_path=dossier.receiving_unit.path,
            after={"kind": comment.kind, "nominee": nominee.pk, "state": comment.state},
        )
    return comment


def resolve_comment(
    actor: Any, comment: PublicComment, *, outcome: str, handling: str
) -> PublicComment:
    """Record how an officer handled a complaint (upheld or dismissed) or noted a comment.
    When a nominee's last open complaint is closed it goes back to its previous status; an
    upheld complaint leaves that to the appraisal (not approved)."""
    dossier = comment.nominee.dossier
    _require_appraise(actor, dossier)
    reasons = []
    if comment.state != PublicComment.State.OPEN:
        reasons.append(Reason("ALREADY_HANDLED", "Ý kiến này đã được xử lý.", "", ""))
    if outcome not in {PublicComment.State.UPHELD, PublicComment.State.DISMISSED}:
        reasons.append(Reason("INVALID_OUTCOME", "Kết quả xử lý không hợp lệ.", "", "outcome"))
    text = clean_text(handling, multiline=True)
    if not text:
        reasons.append(Reason("HANDLING_REQUIRED", "Cần ghi nội dung xử lý.", "", "handling"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(comment)
        updated = PublicComment.objects.filter(
            pk=comment.pk, state=PublicComment.State.OPEN
        ).update(state=outcome, handling=text, handled_at=timezone.now(), handled_by=actor)
        if not updated:
            raise refusal([Reason("ALREADY_HANDLED", "Ý kiến này đã được xử lý.", "", "")])
        comment.refresh_from_db()
        nominee = Nominee.objects.select_for_update().get(pk=comment.nominee_id)
        still_open = nominee.comments.filter(
            kind=PublicComment.Kind.COMPLAINT, state=PublicComment.State.OPEN
        ).exists()
        if not still_open and nominee.status == NomineeStatus.BLOCKED:
            Nominee.objects.filter(pk=nominee.pk).update(
                status=routing.restored_status(nominee.status_before_block), status_before_block=""
            )
        _event(
            actor,
            "nominations.resolve_comment",
            comment,
            dossier.receiving_unit.path,
            before,
            snapshot(comment),
        )
    return comment


# ------------------------------------------------------------------------------- reminders


def _roles_with(permission: Permission) -> list[str]:
    return [str(role) for role, perms in ROLE_PERMISSIONS.items() if permission in perms]


def send_reminders(*, today: date, days: int) -> int:
    """Remind whoever must act on a dossier whose step is due within `days` days or overdue:
    the receiving level for dossiers to receive or appraise, the proposing unit for returned
    ones. Idempotent per day. Returns the number of reminders written."""
    from django.core.mail import send_mail

    waiting = Dossier.objects.filter(
        due_on__isnull=False,
        due_on__lte=today + timedelta(days=days),
        status__in=[
            DossierStatus.SUBMITTED,
            DossierStatus.RECEIVED,
            DossierStatus.APPRAISING,
            DossierStatus.RETURNED,
        ],
    ).select_related("proposing_unit", "receiving_unit")
    sent = 0
    for dossier in waiting:
        assert dossier.due_on is not None
        at_sender = dossier.status == DossierStatus.RETURNED
        unit = dossier.proposing_unit if at_sender else dossier.receiving_unit
        permission = Permission.FILE_NOMINATIONS if at_sender else Permission.APPRAISE_NOMINATIONS
        prefixes = [unit.path[: i + 9] for i in range(0, len(unit.path), 9)]
        assignments = RoleAssignment.objects.filter(
            unit__path__in=prefixes, role__in=_roles_with(permission)
        ).select_related("user")
        left = (dossier.due_on - today).days
        when = f"còn {left} ngày" if left >= 0 else f"đã quá hạn {-left} ngày"
        message = "Hồ sơ “{t}” ({s}): hạn {d}, {w}.".format(
            t=dossier.title,
            s=queries.status_text(dossier, today),
            d=dossier.due_on.strftime("%d/%m/%Y"),
            w=when,
        )
        with transaction.atomic():
            count = 0
            for a in assignments:
                _, created = Reminder.objects.get_or_create(
                    user=a.user,
                    dossier=dossier,
                    status=dossier.status,
                    sent_on=today,
                    defaults={"message": message},
                )
                if not created:
                    continue
                count += 1
                if a.user.email:
                    send_mail(
                        "[thidua] Nhắc hạn xử lý hồ sơ đề nghị khen thưởng",
                        message + "\n\n" + settings.SITE_URL + f"/nominations/{dossier.pk}/",
                        None,
                        [a.user.email],
                        fail_silently=True,
                    )
            if count:
                record_event(
                    actor=None,
                    action="nominations.remind",
                    obj=dossier,
                    unit_path=unit.path,
                    after={"sent": count, "on": today},
                )
        sent += count
    return sent
