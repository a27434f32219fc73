"""Commands of scoring: one function per command.

Permissions: `TAKE_PART` over the unit (progress reports, self-scores, explanations, peer
scores, votes); `REVIEW_SCORES` over the cluster's leader unit (the leader's review);
`MANAGE_SCORING` over the organising unit (reporting periods, criteria tables, final scores,
lock, publish, reviews). Each command validates with the pure rules in `scoring/domain/`,
saves in one transaction and writes an event; a refusal raises `DomainError` and writes
nothing. Specs: docs/commands/scoring.*.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import RoleAssignment
from thidua.accounts.permissions import ROLE_PERMISSIONS, Permission
from thidua.core import uploads
from thidua.core.concurrency import save_versioned
from thidua.core.errors import DomainError, NotFound, PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.text import clean_text
from thidua.movements.domain import lifecycle
from thidua.movements.domain.targets import format_value
from thidua.movements.models import Movement, Notification, Target, TargetReport
from thidua.movements.services import target_units
from thidua.org.access import has_permission
from thidua.org.choices import ClusterRole
from thidua.org.domain.reasons import Reason
from thidua.org.models import Cluster, ClusterMember, Person, Unit
from thidua.scoring.choices import RankingState, SheetState, Stage, TableState
from thidua.scoring.domain import formulas, peer, progress, ranking, simulator, tables, workflow
from thidua.scoring.models import (
    CriteriaTable,
    Criterion,
    CriterionGroup,
    PeerScore,
    ProgressEvidence,
    ProgressReport,
    Ranking,
    RankingRow,
    RankingVote,
    ReportingPeriod,
    Review,
    ReviewProposal,
    ScoreChange,
    ScoreEntry,
    ScoreEvidence,
    ScoreSheet,
)

MAX_FILE_BYTES = 10 * 1024 * 1024  # a sanity bound on uploads, not a legal figure
EVIDENCE_TYPES = uploads.PHOTO | uploads.DOCUMENT | {uploads.XLSX}
VALUE_LIMIT = Decimal(10) ** 12  # the value columns hold 16 digits, 4 after the point
REMINDER_DUE = "scoring.progress_due"
REMINDER_OVERDUE = "scoring.progress_overdue"
OVERDUE_REMINDER_DAYS = 30  # overdue reports are reminded for 30 days after the deadline


def _today() -> date:
    return timezone.localdate()


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _require(actor: Any, permission: Permission, unit: Unit | None) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _event(actor: Any, action: str, obj: Any, path: str, before: Any, after: Any) -> None:
    record_event(actor=actor, action=action, obj=obj, unit_path=path, before=before, after=after)


def _check_file(upload: UploadedFile, field_name: str) -> list[Reason]:
    """The file's kind is read from its first bytes, never from its name or the browser."""
    return uploads.upload_reasons(
        uploads.read_head(upload),
        upload.size or 0,
        accepted=EVIDENCE_TYPES,
        field=field_name,
        max_bytes=MAX_FILE_BYTES,
        type_message="Loại tệp không được chấp nhận (ảnh, PDF, Word hoặc Excel).",
        declared=upload.content_type or "",
    )


def _check_value(value: Decimal, field_name: str = "value") -> list[Reason]:
    if not value.is_finite() or abs(value) >= VALUE_LIMIT:
        return [Reason("INVALID_INPUT", "Giá trị không hợp lệ hoặc quá lớn.", "", field_name)]
    return []


def leader_unit(cluster: Cluster) -> Unit | None:
    member = (
        ClusterMember.objects.filter(cluster=cluster, role=ClusterRole.LEADER)
        .select_related("unit")
        .first()
    )
    return member.unit if member else None


def can_manage(actor: Any, table: CriteriaTable) -> bool:
    return has_permission(actor, Permission.MANAGE_SCORING, table.organiser)


def can_review(actor: Any, cluster: Cluster, table: CriteriaTable) -> bool:
    leader = leader_unit(cluster)
    if leader is not None and has_permission(actor, Permission.REVIEW_SCORES, leader):
        return True
    return can_manage(actor, table)


# ------------------------------------------------------------------------------ progress


def _require_movement_scoring(actor: Any, movement: Movement) -> None:
    _require(actor, Permission.MANAGE_SCORING, movement.organiser)


def add_reporting_period(
    actor: Any, movement: Movement, *, label: str, start: date, end: date, due: date
) -> ReportingPeriod:
    """A custom reporting period of a movement, with its deadline."""
    _require_movement_scoring(actor, movement)
    label = clean_text(label)
    reasons = progress.check_period(label, start, end, due)
    if start < movement.start_date or end > movement.end_date:
        reasons.append(
            Reason(
                "PERIOD_OUTSIDE",
                "Kỳ báo cáo phải nằm trong thời gian thi đua ({s} – {e}).".format(
                    s=_d(movement.start_date), e=_d(movement.end_date)
                ),
                progress.BASIS,
                "start",
            )
        )
    if movement.reporting_periods.filter(start=start, end=end).exists():
        reasons.append(Reason("PERIOD_EXISTS", "Kỳ báo cáo này đã có.", progress.BASIS, "start"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        period = ReportingPeriod.objects.create(
            movement=movement, label=label, start=start, end=end, due=due
        )
        _event(actor, "scoring.add_period", period, movement.organiser.path, None, snapshot(period))
    return period


def generate_reporting_periods(
    actor: Any, movement: Movement, *, frequency: str, due_days: int
) -> list[ReportingPeriod]:
    """Monthly, quarterly, half-yearly or yearly periods over the movement's dates (the
    ones that already exist are kept)."""
    _require_movement_scoring(actor, movement)
    reasons: list[Reason] = []
    if frequency not in (
        progress.MONTHLY,
        progress.QUARTERLY,
        progress.HALF_YEARLY,
        progress.YEARLY,
    ):
        reasons.append(
            Reason("INVALID_INPUT", "Chu kỳ báo cáo không hợp lệ.", progress.BASIS, "frequency")
        )
    if not 0 <= due_days <= 90:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Hạn nộp phải từ 0 đến 90 ngày sau cuối kỳ.",
                progress.BASIS,
                "due_days",
            )
        )
    if reasons:
        raise refusal(reasons)
    specs = progress.periods(frequency, movement.start_date, movement.end_date, due_days)
    if len(specs) > 400:
        raise DomainError("TOO_MANY_PERIODS", "Quá nhiều kỳ báo cáo; hãy chọn chu kỳ dài hơn.")
    existing = set(movement.reporting_periods.values_list("start", "end"))
    created = []
    with transaction.atomic():
        for spec in specs:
            if (spec.start, spec.end) in existing:
                continue
            created.append(
                ReportingPeriod.objects.create(
                    movement=movement,
                    label=spec.label,
                    start=spec.start,
                    end=spec.end,
                    due=spec.due,
                )
            )
        _event(
            actor,
            "scoring.generate_periods",
            movement,
            movement.organiser.path,
            None,
            {"frequency": frequency, "due_days": due_days, "created": len(created)},
        )
    return created


def _may_report(actor: Any, target: Target, unit: Unit) -> bool:
    if unit.pk == target.movement.organiser_id:
        return has_permission(actor, Permission.MANAGE_SCORING, unit)
    return has_permission(actor, Permission.TAKE_PART, unit)


def _progress_reasons(
    target: Target, unit: Unit, period: ReportingPeriod, value: Decimal
) -> list[Reason]:
    movement = target.movement
    reasons = _check_value(value)
    if movement.state not in lifecycle.TAKING_PART | lifecycle.REPORTING:
        reasons.append(lifecycle.not_open(movement.state, "báo cáo tiến độ"))
    if period.movement_id != movement.pk:
        reasons.append(
            Reason(
                "INVALID_INPUT", "Kỳ báo cáo không thuộc phong trào này.", progress.BASIS, "period"
            )
        )
    if unit.pk != movement.organiser_id and unit.pk not in set(target_units(target)):
        reasons.append(
            Reason(
                "NOT_A_PARTICIPANT",
                "Chỉ tiêu này không áp dụng cho “{u}”.".format(u=unit.name),
                progress.BASIS,
                "unit",
            )
        )
    return reasons


def _save_progress(
    actor: Any,
    target: Target,
    unit: Unit,
    period: ReportingPeriod,
    value: Decimal,
    comment: str,
    source: str,
    today: date,
    expected_version: int | None,
) -> ProgressReport:
    report = ProgressReport.objects.filter(target=target, unit=unit, period=period).first()
    before = snapshot(report) if report else None
    if report is None:
        report = ProgressReport.objects.create(
            target=target,
            unit=unit,
            period=period,
            value=value,
            comment=comment,
            submitted_on=today,
            submitted_by=_user(actor),
            source=source,
        )
    else:
        report.value, report.comment, report.source = value, comment, source
        report.submitted_on, report.submitted_by = today, _user(actor)
        save_versioned(
            report,
            report.version if expected_version is None else expected_version,
            ["value", "comment", "source", "submitted_on", "submitted_by", "updated_at"],
        )
    # The movement's own progress reads its latest TargetReport per unit: keep it in step.
    TargetReport.objects.create(
        target=target,
        unit=unit,
        value=value,
        reported_on=min(period.end, today),
        note="Kỳ báo cáo: {p}".format(p=period.label),
        reported_by=_user(actor),
    )
    _event(actor, "scoring.report_progress", report, unit.path, before, snapshot(report))
    return report


def report_progress(
    actor: Any,
    target: Target,
    *,
    unit: Unit,
    period: ReportingPeriod,
    value: Decimal,
    comment: str = "",
    files: Sequence[UploadedFile] = (),
    expected_version: int | None = None,
    source: str = "form",
    today: date | None = None,
) -> ProgressReport:
    """A unit reports its cumulative figure for a target at the end of a period, with a
    comment and evidence files; reporting again for the same period corrects the figure."""
    if not _may_report(actor, target, unit):
        raise PermissionDenied()
    reasons = _progress_reasons(target, unit, period, value)
    for upload in files:
        reasons += _check_file(upload, "evidence")
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        report = _save_progress(
            actor,
            target,
            unit,
            period,
            value,
            clean_text(comment, multiline=True),
            source,
            today or _today(),
            expected_version,
        )
        for upload in files:
            ProgressEvidence.objects.create(
                report=report,
                file=upload,
                name=clean_text(upload.name or "")[:255],
                uploaded_by=_user(actor),
            )
    return report


@dataclass(frozen=True)
class ProgressRow:
    """One row of an Excel sheet of progress figures (already read by `scoring.excel`)."""

    line: int
    unit_code: str
    target_position: str
    value: str
    comment: str = ""


@dataclass(frozen=True)
class ImportResult:
    saved: int
    errors: tuple[str, ...]
    dry_run: bool


def import_progress(
    actor: Any,
    movement: Movement,
    period: ReportingPeriod,
    rows: Sequence[ProgressRow],
    *,
    dry_run: bool = False,
    today: date | None = None,
) -> ImportResult:
    """Bulk entry of progress figures: every row is checked first; one bad row and nothing is
    saved (the errors name the row). A dry run checks and saves nothing."""
    if not has_permission(actor, Permission.TAKE_PART) and not has_permission(
        actor, Permission.MANAGE_SCORING, movement.organiser
    ):
        raise PermissionDenied()
    targets = {str(t.position): t for t in movement.targets.all()}
    units = {u.code: u for u in Unit.objects.filter(code__in=[r.unit_code for r in rows])}
    errors: list[str] = []
    good: list[tuple[Target, Unit, Decimal, str]] = []
    seen: set[tuple[str, str]] = set()
    if period.movement_id != movement.pk:
        raise DomainError("INVALID_INPUT", "Kỳ báo cáo không thuộc phong trào này.")
    if not rows:
        errors.append("Bảng tính không có dòng số liệu nào.")
    for row in rows:
        prefix = f"Dòng {row.line}: "
        unit = units.get(row.unit_code)
        target = targets.get(row.target_position)
        if unit is None:
            errors.append(prefix + f"không có đơn vị mã “{row.unit_code}”.")
            continue
        if target is None:
            errors.append(prefix + f"phong trào không có chỉ tiêu số “{row.target_position}”.")
            continue
        if (row.unit_code, row.target_position) in seen:
            errors.append(prefix + "trùng đơn vị và chỉ tiêu với một dòng trước.")
            continue
        seen.add((row.unit_code, row.target_position))
        if not _may_report(actor, target, unit):
            errors.append(prefix + f"bạn không có quyền báo cáo cho “{unit.name}”.")
            continue
        try:
            value = Decimal(row.value.replace(" ", "").replace(",", "."))
        except ArithmeticError:
            errors.append(prefix + f"giá trị “{row.value}” không phải là số.")
            continue
        reasons = _progress_reasons(target, unit, period, value)
        if reasons:
            errors.append(prefix + " ".join(r.message for r in reasons))
            continue
        good.append((target, unit, value, clean_text(row.comment)))
    if errors or dry_run:
        return ImportResult(0 if errors else len(good), tuple(errors), dry_run)
    with transaction.atomic():
        for target, unit, value, comment in good:
            _save_progress(
                actor, target, unit, period, value, comment, "excel", today or _today(), None
            )
    return ImportResult(len(good), (), False)


def _focal_roles() -> list[str]:
    return [
        str(role)
        for role, perms in ROLE_PERMISSIONS.items()
        if Permission.TAKE_PART in perms and Permission.MANAGE_MOVEMENTS not in perms
    ]


def missing_reports(period: ReportingPeriod) -> dict[int, list[Target]]:
    """The units (by id) that owe a report for the period, with the targets they owe."""
    reported = set(ProgressReport.objects.filter(period=period).values_list("unit_id", "target_id"))
    owed: dict[int, list[Target]] = {}
    for target in period.movement.targets.all():
        for unit_id in target_units(target):
            if (unit_id, target.pk) not in reported:
                owed.setdefault(unit_id, []).append(target)
    return owed


def send_progress_reminders(*, today: date, days: int) -> int:
    """Remind the focal points of units whose progress reports are due within `days` days or
    overdue (up to 30 days after the deadline). In-app and by email; idempotent per day."""
    from datetime import timedelta

    from django.conf import settings

    periods = ReportingPeriod.objects.filter(
        movement__state__in=list(lifecycle.TAKING_PART | lifecycle.REPORTING),
        due__gte=today - timedelta(days=OVERDUE_REMINDER_DAYS),
        due__lte=today + timedelta(days=days),
    ).select_related("movement", "movement__organiser")
    sent = 0
    for period in periods:
        owed = missing_reports(period)
        if not owed:
            continue
        overdue = today > period.due
        kind = REMINDER_OVERDUE if overdue else REMINDER_DUE
        assignments = RoleAssignment.objects.filter(
            unit_id__in=list(owed), role__in=_focal_roles()
        ).select_related("user", "unit")
        count = 0
        with transaction.atomic():
            for a in assignments:
                n = len(owed[a.unit_id])
                if overdue:
                    message = (
                        "Quá hạn báo cáo tiến độ kỳ “{p}” (hạn {day}) của phong trào “{m}”: "
                        "{u} còn {n} chỉ tiêu chưa báo cáo."
                    )
                else:
                    message = (
                        "Sắp đến hạn báo cáo tiến độ kỳ “{p}” (hạn {day}) của phong trào “{m}”: "
                        "{u} còn {n} chỉ tiêu chưa báo cáo."
                    )
                message = message.format(
                    p=period.label, day=_d(period.due), m=period.movement.name, u=a.unit.name, n=n
                )
                _, created = Notification.objects.get_or_create(
                    user=a.user,
                    movement=period.movement,
                    unit=a.unit,
                    kind=kind,
                    sent_on=today,
                    defaults={"message": message},
                )
                if not created:
                    continue
                count += 1
                if a.user.email:
                    send_mail(
                        "[thidua] Nhắc hạn báo cáo tiến độ thi đua",
                        message
                        + "\n\n"
                        + settings.SITE_URL
                        + f"/scoring/movements/{period.movement_id}/progress/",
                        None,
                        [a.user.email],
                        fail_silently=True,
                    )
            if count:
                record_event(
                    actor=None,
                    action="scoring.remind",
                    obj=period,
                    unit_path=period.movement.organiser.path,
                    after={"sent": count, "on": today, "kind": kind},
                )
        sent += count
    return sent


# ------------------------------------------------------------------------- criteria tables


@dataclass(frozen=True)
class TableData:
    name: str
    year: int
    organiser: Unit
    max_total: Decimal
    movement: Movement | None = None
    cluster: Cluster | None = None
    leading_count: int = 1
    flag_award: str = "CO_BT"
    flag_count: int = 1
    merit_award: str = "BK_BT"
    merit_count: int = 2
    min_total: Decimal = Decimal(0)
    vote_threshold: Decimal = Decimal(80)
    peer_scoring: bool = False
    note: str = ""


def create_criteria_table(actor: Any, data: TableData) -> CriteriaTable:
    """A draft criteria table for a movement and/or a cluster and a year."""
    _require(actor, Permission.MANAGE_SCORING, data.organiser)
    reasons = tables.check_policy(
        data.flag_award,
        data.merit_award,
        data.leading_count,
        data.flag_count,
        data.merit_count,
        data.vote_threshold,
    )
    name = clean_text(data.name)
    if not name:
        reasons.append(
            Reason("INVALID_INPUT", "Tên bảng tiêu chí là bắt buộc.", tables.BASIS, "name")
        )
    if not Decimal(0) < data.max_total < Decimal(100000):
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Điểm tối đa phải lớn hơn 0 (thường là 100 hoặc 1.000).",
                tables.BASIS,
                "max_total",
            )
        )
    if not 1900 <= data.year <= 2100:
        reasons.append(Reason("INVALID_INPUT", "Năm không hợp lệ.", tables.BASIS, "year"))
    if data.cluster is not None and data.cluster.year != data.year:
        reasons.append(
            Reason(
                "CLUSTER_YEAR",
                "Cụm, khối thuộc năm {y}, khác năm của bảng tiêu chí.".format(y=data.cluster.year),
                tables.BASIS,
                "cluster",
            )
        )
    if data.movement is not None and data.movement.organiser_id != data.organiser.pk:
        reasons.append(
            Reason(
                "NOT_ORGANISER",
                "Bảng tiêu chí của phong trào do đơn vị tổ chức phong trào ban hành.",
                tables.BASIS,
                "organiser",
            )
        )
    if data.min_total < 0 or data.min_total > data.max_total:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Điểm tối thiểu để được đề nghị không hợp lệ.",
                tables.BASIS,
                "min_total",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        table = CriteriaTable.objects.create(
            name=name,
            year=data.year,
            organiser=data.organiser,
            movement=data.movement,
            cluster=data.cluster,
            max_total=data.max_total,
            leading_count=data.leading_count,
            flag_award=data.flag_award,
            flag_count=data.flag_count,
            merit_award=data.merit_award,
            merit_count=data.merit_count,
            min_total=data.min_total,
            vote_threshold=data.vote_threshold,
            peer_scoring=data.peer_scoring,
            note=clean_text(data.note, multiline=True),
        )
        _event(actor, "scoring.create_table", table, data.organiser.path, None, snapshot(table))
    return table


def _require_draft_table(actor: Any, table: CriteriaTable) -> None:
    _require(actor, Permission.MANAGE_SCORING, table.organiser)
    if table.state != TableState.DRAFT:
        raise DomainError(
            "TABLE_ADOPTED", "Bảng tiêu chí đã ban hành, không thể sửa; hãy tạo bảng mới."
        )


def add_criterion_group(
    actor: Any, table: CriteriaTable, *, title: str, max_points: Decimal
) -> CriterionGroup:
    """A group of criteria with its maximum points, appended to a draft table."""
    _require_draft_table(actor, table)
    title = clean_text(title)
    reasons = []
    if not title:
        reasons.append(
            Reason("INVALID_INPUT", "Tên nhóm tiêu chí là bắt buộc.", tables.BASIS, "title")
        )
    if not Decimal(0) < max_points <= table.max_total:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Điểm tối đa của nhóm phải lớn hơn 0 và không vượt điểm của bảng.",
                tables.BASIS,
                "max_points",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        position = table.groups.count() + 1
        group = CriterionGroup.objects.create(
            table=table, position=position, title=title, max_points=max_points
        )
        _event(actor, "scoring.add_group", group, table.organiser.path, None, snapshot(group))
    return group


@dataclass(frozen=True)
class CriterionData:
    code: str
    title: str
    kind: str
    formula: str
    max_points: Decimal
    params: Mapping[str, Any]
    weight: Decimal = Decimal(1)
    target: Target | None = None
    guidance: str = ""


def add_criterion(actor: Any, group: CriterionGroup, data: CriterionData) -> Criterion:
    """A criterion with its type, formula name and parameters (checked against the registry)."""
    table = group.table
    _require_draft_table(actor, table)
    params, reasons = formulas.check_criterion(
        data.formula, data.kind, data.params, data.max_points
    )
    code = clean_text(data.code)
    if not code:
        reasons.append(Reason("INVALID_INPUT", "Mã tiêu chí là bắt buộc.", tables.BASIS, "code"))
    if not clean_text(data.title):
        reasons.append(Reason("INVALID_INPUT", "Tên tiêu chí là bắt buộc.", tables.BASIS, "title"))
    if not Decimal(0) < data.weight <= Decimal(100):
        reasons.append(
            Reason(
                "INVALID_INPUT", "Trọng số phải lớn hơn 0 và không quá 100.", tables.BASIS, "weight"
            )
        )
    if data.max_points > table.max_total:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Điểm tối đa của tiêu chí vượt điểm của bảng.",
                tables.BASIS,
                "max_points",
            )
        )
    if Criterion.objects.filter(group__table=table, code=code).exists():
        reasons.append(
            Reason(
                "DUPLICATE_CODE", f"Mã tiêu chí “{code}” đã có trong bảng.", tables.BASIS, "code"
            )
        )
    if (
        data.target is not None
        and table.movement_id
        and data.target.movement_id != table.movement_id
    ):
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Chỉ tiêu không thuộc phong trào của bảng tiêu chí.",
                tables.BASIS,
                "target",
            )
        )
    if (
        data.target is not None
        and "target" not in params
        and formulas.FORMULAS.get(data.formula, None)
        and any(p.name == "target" for p in formulas.FORMULAS[data.formula].params)
    ):
        reasons = [
            r for r in reasons if not (r.code == "MISSING_PARAMETER" and "Chỉ tiêu" in r.message)
        ]
        if data.target.low is not None:
            params["target"] = data.target.low
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        position = group.criteria.count() + 1
        criterion = Criterion.objects.create(
            group=group,
            position=position,
            code=code,
            title=clean_text(data.title),
            kind=data.kind,
            formula=data.formula,
            params={k: str(v) for k, v in params.items()},
            max_points=data.max_points,
            weight=data.weight,
            target=data.target,
            guidance=clean_text(data.guidance, multiline=True),
        )
        _event(
            actor,
            "scoring.add_criterion",
            criterion,
            table.organiser.path,
            None,
            snapshot(criterion),
        )
    return criterion


def remove_criterion(actor: Any, criterion: Criterion) -> None:
    """Remove a criterion from a draft table."""
    table = criterion.group.table
    _require_draft_table(actor, table)
    with transaction.atomic():
        _event(
            actor,
            "scoring.remove_criterion",
            criterion,
            table.organiser.path,
            snapshot(criterion),
            None,
        )
        criterion.delete()


def table_structure(table: CriteriaTable) -> list[tables.GroupFacts]:
    return [
        tables.GroupFacts(
            g.title,
            g.max_points,
            tuple(
                tables.CriterionFacts(c.code, c.kind, c.max_points, c.weight)
                for c in g.criteria.all()
            ),
        )
        for g in table.groups.prefetch_related("criteria")
    ]


def adopt_criteria_table(
    actor: Any, table: CriteriaTable, *, expected_version: int
) -> CriteriaTable:
    """Adopt (ban hành) a draft table once its points add up; it cannot change afterwards."""
    _require_draft_table(actor, table)
    reasons = tables.check_structure(table.max_total, table_structure(table))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        table.state = TableState.ADOPTED
        save_versioned(table, expected_version, ["state", "updated_at"])
        _event(
            actor,
            "scoring.adopt_table",
            table,
            table.organiser.path,
            {"state": "draft"},
            {"state": "adopted"},
        )
    return table


def open_scoring(actor: Any, table: CriteriaTable, cluster: Cluster) -> list[ScoreSheet]:
    """Open a score sheet for every member of the cluster on an adopted table."""
    _require(actor, Permission.MANAGE_SCORING, table.organiser)
    reasons: list[Reason] = []
    if table.state != TableState.ADOPTED:
        reasons.append(Reason("TABLE_NOT_ADOPTED", "Bảng tiêu chí chưa ban hành.", tables.BASIS))
    if table.cluster_id and table.cluster_id != cluster.pk:
        reasons.append(
            Reason(
                "OTHER_CLUSTER",
                "Bảng tiêu chí này dành cho cụm, khối khác.",
                tables.BASIS,
                "cluster",
            )
        )
    if cluster.year != table.year:
        reasons.append(
            Reason(
                "CLUSTER_YEAR",
                "Cụm, khối thuộc năm {y}, khác năm của bảng tiêu chí.".format(y=cluster.year),
                tables.BASIS,
                "cluster",
            )
        )
    if reasons:
        raise refusal(reasons)
    criteria = list(Criterion.objects.filter(group__table=table))
    with transaction.atomic():
        sheets = []
        for member in cluster.members.select_related("unit"):
            sheet, created = ScoreSheet.objects.get_or_create(
                table=table, cluster=cluster, unit=member.unit
            )
            if created:
                ScoreEntry.objects.bulk_create(
                    [ScoreEntry(sheet=sheet, criterion=c) for c in criteria]
                )
            sheets.append(sheet)
        _event(
            actor,
            "scoring.open_scoring",
            table,
            table.organiser.path,
            None,
            {"cluster": cluster.pk, "sheets": len(sheets)},
        )
    return sheets


# ---------------------------------------------------------------------------- score sheets


def criterion_spec(c: Criterion, groups: Mapping[int, int]) -> simulator.CriterionSpec:
    params = {k: Decimal(str(v)) for k, v in (c.params or {}).items()}
    return simulator.CriterionSpec(
        c.code, c.title, groups[c.group_id], c.kind, c.formula, c.max_points, c.weight, params
    )


def table_specs(table: CriteriaTable) -> tuple[list[simulator.CriterionSpec], int]:
    groups = {g.pk: i for i, g in enumerate(table.groups.order_by("position", "id"))}
    criteria = Criterion.objects.filter(group__table=table).order_by(
        "group__position", "position", "id"
    )
    return [criterion_spec(c, groups) for c in criteria], len(groups)


_STAGE_FIELDS = {
    Stage.SELF: ("self_value", "self_points"),
    Stage.REVIEW: ("reviewed_value", "reviewed_points"),
    Stage.FINAL: ("final_value", "final_points"),
}


def _stage_value(entry: ScoreEntry, stage: str) -> Decimal | None:
    """The value at a stage: its own, else the previous stage's."""
    order = [Stage.SELF, Stage.REVIEW, Stage.FINAL]
    for s in reversed(order[: order.index(Stage(stage)) + 1]):
        v: Decimal | None = getattr(entry, _STAGE_FIELDS[s][0])
        if v is not None:
            return v
    return None


def _score_stage(
    table: CriteriaTable, cluster: Cluster, stage: str, only: ScoreSheet | None = None
) -> None:
    """Recompute the points of a stage from the stage's values across the cluster (formulas
    relative to the best unit need every member's value); write them to `only` or to all."""
    specs, n_groups = table_specs(table)
    sheets = list(
        ScoreSheet.objects.filter(table=table, cluster=cluster).prefetch_related(
            "entries__criterion"
        )
    )
    inputs = []
    for sheet in sheets:
        values = {}
        for e in sheet.entries.all():
            v = _stage_value(e, stage)
            if v is not None:
                values[e.criterion.code] = v
        inputs.append(simulator.UnitInput(sheet.unit_id, "", "", values))
    scores = {s.unit_id: s for s in simulator.score_cluster(specs, inputs, n_groups)}
    value_field, points_field = _STAGE_FIELDS[Stage(stage)]
    total_field = {
        Stage.SELF: "self_total",
        Stage.REVIEW: "reviewed_total",
        Stage.FINAL: "final_total",
    }[Stage(stage)]
    for sheet in sheets:
        if only is not None and sheet.pk != only.pk:
            continue
        score = scores[sheet.unit_id]
        for e in sheet.entries.all():
            setattr(e, points_field, score.points.get(e.criterion.code, formulas.ZERO))
            if stage != Stage.SELF and getattr(e, value_field) is None:
                setattr(e, value_field, _stage_value(e, stage))
            e.save(update_fields=[value_field, points_field, "updated_at"])
        ScoreSheet.objects.filter(pk=sheet.pk).update(**{total_field: score.total})
        setattr(sheet, total_field, score.total)
        if only is not None:
            setattr(only, total_field, score.total)


def _transition(actor: Any, sheet: ScoreSheet, action: str) -> str:
    """Permission and state check of a sheet command; returns the next state."""
    found = workflow.step(sheet.state, action)
    who = (
        workflow.TRANSITIONS[(sheet.state, action)].who
        if isinstance(found, workflow.Step)
        else None
    )
    # Permission first, whatever the state: who may never do this gets no hint of the state.
    allowed = {
        workflow.UNIT: lambda: has_permission(actor, Permission.TAKE_PART, sheet.unit),
        workflow.LEADER: lambda: can_review(actor, sheet.cluster, sheet.table),
        workflow.ORGANISER: lambda: can_manage(actor, sheet.table),
    }
    needed = who or _natural_role(action)
    if not allowed[needed]():
        raise PermissionDenied()
    if isinstance(found, Reason):
        raise refusal([found])
    return found.to


def _natural_role(action: str) -> str:
    for (_, act), step in workflow.TRANSITIONS.items():
        if act == action:
            return step.who
    return workflow.ORGANISER


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_value(value)
    return str(value)


def _record(
    sheet: ScoreSheet,
    actor: Any,
    action: str,
    stage: str = "",
    code: str = "",
    before: Any = "",
    after: Any = "",
    comment: str = "",
) -> None:
    ScoreChange.objects.create(
        sheet=sheet,
        actor=_user(actor),
        action=action,
        stage=stage,
        criterion_code=code,
        before=_shown(before),
        after=_shown(after),
        comment=comment,
    )


@dataclass(frozen=True)
class EntryInput:
    value: Decimal | None
    note: str = ""  # evidence note (self) or comment (review, final)


def _apply_values(
    sheet: ScoreSheet, actor: Any, stage: str, values: Mapping[int, EntryInput]
) -> None:
    entries = {e.criterion_id: e for e in sheet.entries.select_related("criterion")}
    unknown = set(values) - set(entries)
    reasons: list[Reason] = []
    if unknown:
        reasons.append(
            Reason(
                "INVALID_INPUT", "Có tiêu chí không thuộc bảng điểm này.", workflow.BASIS, "values"
            )
        )
    for cid, item in values.items():
        if item.value is not None:
            reasons += _check_value(item.value, f"value_{cid}")
    if reasons:
        raise refusal(reasons)
    value_field = _STAGE_FIELDS[Stage(stage)][0]
    for cid, item in values.items():
        e = entries[cid]
        old = getattr(e, value_field)
        setattr(e, value_field, item.value)
        note = clean_text(item.note)[:1000]
        if stage == Stage.SELF:
            e.evidence_note = note
        elif note:
            e.comment = note
        e.save(update_fields=[value_field, "evidence_note", "comment", "updated_at"])
        if old != item.value:
            _record(sheet, actor, "value", stage, e.criterion.code, old, item.value, note)


def save_self_scores(
    actor: Any,
    sheet: ScoreSheet,
    values: Mapping[int, EntryInput],
    *,
    expected_version: int,
    files: Sequence[UploadedFile] = (),
) -> ScoreSheet:
    """The unit enters its own values (by criterion id) with evidence; points are computed."""
    _transition(actor, sheet, "save_self")
    reasons: list[Reason] = []
    for upload in files:
        reasons += _check_file(upload, "evidence")
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        save_versioned(sheet, expected_version, ["updated_at"])
        _apply_values(sheet, actor, Stage.SELF, values)
        _score_stage(sheet.table, sheet.cluster, Stage.SELF, only=sheet)
        for upload in files:
            ScoreEvidence.objects.create(
                sheet=sheet,
                file=upload,
                name=clean_text(upload.name or "")[:255],
                uploaded_by=_user(actor),
            )
        _event(
            actor,
            "scoring.save_self",
            sheet,
            sheet.unit.path,
            None,
            {"self_total": sheet.self_total},
        )
    return sheet


def _move(
    actor: Any,
    sheet: ScoreSheet,
    to: str,
    expected_version: int,
    action: str,
    fields: Sequence[str] = (),
    comment: str = "",
) -> None:
    before = sheet.state
    sheet.state = to
    save_versioned(sheet, expected_version, ["state", "updated_at", *fields])
    _record(sheet, actor, action, before=before, after=to, comment=comment)
    _event(
        actor,
        f"scoring.{action}",
        sheet,
        sheet.unit.path,
        {"state": before},
        {"state": to, **{f: getattr(sheet, f) for f in fields}},
    )


def submit_self_score(actor: Any, sheet: ScoreSheet, *, expected_version: int) -> ScoreSheet:
    """The unit submits its self-score to the cluster leader; every criterion needs a value."""
    to = _transition(actor, sheet, "submit")
    missing = [
        e.criterion.code for e in sheet.entries.select_related("criterion") if e.self_value is None
    ]
    if missing:
        raise DomainError(
            "MISSING_VALUES",
            "Chưa tự chấm các tiêu chí: {c}.".format(c=", ".join(missing)),
        )
    with transaction.atomic():
        _move(actor, sheet, to, expected_version, "submit")
    return sheet


def return_sheet(
    actor: Any, sheet: ScoreSheet, *, comment: str, expected_version: int
) -> ScoreSheet:
    """The cluster leader returns a submitted sheet to the unit, saying why."""
    to = _transition(actor, sheet, "return")
    comment = clean_text(comment, multiline=True)
    if not comment:
        raise refusal(
            [Reason("INVALID_INPUT", "Hãy ghi lý do trả lại bảng điểm.", workflow.BASIS, "comment")]
        )
    with transaction.atomic():
        sheet.review_comment = comment
        _move(actor, sheet, to, expected_version, "return", ["review_comment"], comment)
    return sheet


def _not_own_sheet(actor: Any, sheet: ScoreSheet) -> None:
    """The leader unit does not review its own sheet (the organising level does)."""
    if not can_manage(actor, sheet.table) and sheet.unit_id == getattr(
        leader_unit(sheet.cluster), "pk", None
    ):
        raise DomainError(
            "OWN_SHEET",
            "Đơn vị trưởng cụm không tự thẩm định bảng điểm của mình; cấp tổ chức thẩm định.",
        )


def review_sheet(
    actor: Any,
    sheet: ScoreSheet,
    values: Mapping[int, EntryInput],
    *,
    comment: str,
    expected_version: int,
) -> ScoreSheet:
    """The cluster leader's review: corrected values where needed, and a comment."""
    to = _transition(actor, sheet, "review")
    _not_own_sheet(actor, sheet)
    with transaction.atomic():
        _apply_values(sheet, actor, Stage.REVIEW, values)
        _score_stage(sheet.table, sheet.cluster, Stage.REVIEW, only=sheet)
        sheet.review_comment = clean_text(comment, multiline=True)
        _move(
            actor,
            sheet,
            to,
            expected_version,
            "review",
            ["review_comment", "reviewed_total"],
            sheet.review_comment,
        )
    return sheet


def explain_sheet(
    actor: Any, sheet: ScoreSheet, *, explanation: str, expected_version: int
) -> ScoreSheet:
    """The unit's explanation (giải trình) of the points the leader changed."""
    to = _transition(actor, sheet, "explain")
    text = clean_text(explanation, multiline=True)
    if not text:
        raise refusal(
            [
                Reason(
                    "INVALID_INPUT", "Hãy nhập nội dung giải trình.", workflow.BASIS, "explanation"
                )
            ]
        )
    with transaction.atomic():
        sheet.explanation = text
        _move(actor, sheet, to, expected_version, "explain", ["explanation"], text)
    return sheet


def finalise_sheet(
    actor: Any,
    sheet: ScoreSheet,
    values: Mapping[int, EntryInput],
    *,
    comment: str,
    expected_version: int,
) -> ScoreSheet:
    """The organising level's final score (values it does not change keep the review's)."""
    to = _transition(actor, sheet, "finalise")
    with transaction.atomic():
        _apply_values(sheet, actor, Stage.FINAL, values)
        _score_stage(sheet.table, sheet.cluster, Stage.FINAL, only=sheet)
        sheet.final_comment = clean_text(comment, multiline=True)
        _move(
            actor,
            sheet,
            to,
            expected_version,
            "finalise",
            ["final_comment", "final_total"],
            sheet.final_comment,
        )
    return sheet


def unit_scores(table: CriteriaTable, cluster: Cluster) -> list[ranking.UnitScore]:
    """The final scores of a cluster recomputed from the stored final values (the one path
    the lock, the explanation view and the reproducibility test share)."""
    specs, n_groups = table_specs(table)
    sheets = (
        ScoreSheet.objects.filter(table=table, cluster=cluster)
        .select_related("unit")
        .prefetch_related("entries__criterion")
    )
    inputs = [
        simulator.UnitInput(
            s.unit_id,
            s.unit.name,
            s.unit.sort_key,
            {
                e.criterion.code: v
                for e in s.entries.all()
                if (v := _stage_value(e, Stage.FINAL)) is not None
            },
        )
        for s in sheets
    ]
    return simulator.score_cluster(specs, inputs, n_groups)


def policy_of(table: CriteriaTable) -> ranking.Policy:
    return ranking.Policy(
        table.leading_count,
        table.flag_award,
        table.flag_count,
        table.merit_award,
        table.merit_count,
        table.min_total,
    )


def lock_cluster(
    actor: Any, table: CriteriaTable, cluster: Cluster, *, today: date | None = None
) -> Ranking:
    """Lock every finalised sheet of the cluster and compute its (draft) ranking."""
    _require(actor, Permission.MANAGE_SCORING, table.organiser)
    sheets = list(ScoreSheet.objects.filter(table=table, cluster=cluster))
    if not sheets:
        raise DomainError("NO_SHEETS", "Cụm, khối chưa có bảng điểm trên bảng tiêu chí này.")
    pending = [s for s in sheets if s.state != SheetState.FINALISED]
    if any(s.state == SheetState.LOCKED for s in sheets):
        raise DomainError("SHEET_LOCKED", "Bảng điểm của cụm, khối đã khóa.")
    if pending:
        raise DomainError(
            "NOT_FINALISED",
            "Còn {n} bảng điểm chưa được cấp tổ chức chấm chính thức.".format(n=len(pending)),
        )
    with transaction.atomic():
        _score_stage(table, cluster, Stage.FINAL)
        for sheet in sheets:
            sheet.refresh_from_db()
            _move(actor, sheet, SheetState.LOCKED, sheet.version, "lock")
        result = ranking.rank(unit_scores(table, cluster), policy_of(table))
        peer_avg = peer_averages(table, cluster)
        board, _ = Ranking.objects.get_or_create(
            table=table, cluster=cluster, defaults={"computed_on": today or _today()}
        )
        board.warnings = "\n".join(w.message for w in result.warnings)
        board.computed_on = today or _today()
        board.save(update_fields=["warnings", "computed_on", "updated_at"])
        board.rows.all().delete()
        RankingRow.objects.bulk_create(
            [
                RankingRow(
                    ranking=board,
                    unit_id=r.unit_id,
                    total=r.total,
                    rank=r.rank,
                    leading=r.leading,
                    award=r.award,
                    tie_note=r.tie_note,
                    peer_average=peer_avg.get(r.unit_id),
                )
                for r in result.rows
            ]
        )
        _event(
            actor,
            "scoring.lock",
            board,
            table.organiser.path,
            None,
            {"rows": [(r.unit_id, str(r.total), r.rank, r.award) for r in result.rows]},
        )
    return board


# ------------------------------------------------------------------------- votes, publish


def cluster_units(cluster: Cluster) -> set[int]:
    return set(cluster.members.values_list("unit_id", flat=True))


def cast_ranking_vote(
    actor: Any, board: Ranking, *, unit: Unit, approve: bool, comment: str = ""
) -> RankingVote:
    """A member unit approves or rejects its cluster's ranking (it may change its vote until
    the ranking is published)."""
    _require(actor, Permission.TAKE_PART, unit)
    if unit.pk not in cluster_units(board.cluster):
        raise DomainError("NOT_A_MEMBER", "Chỉ đơn vị thành viên của cụm, khối được biểu quyết.")
    if board.state != RankingState.DRAFT:
        raise DomainError("RANKING_PUBLISHED", "Kết quả xếp hạng đã công bố, không thể biểu quyết.")
    with transaction.atomic():
        vote, _ = RankingVote.objects.update_or_create(
            ranking=board,
            unit=unit,
            defaults={
                "approve": approve,
                "comment": clean_text(comment)[:1000],
                "voted_by": _user(actor),
            },
        )
        _event(actor, "scoring.vote", vote, unit.path, None, snapshot(vote))
    return vote


def vote_result(board: Ranking) -> ranking.VoteResult:
    members = len(cluster_units(board.cluster))
    approvals = board.votes.filter(approve=True).count()
    return ranking.tally(members, approvals, board.table.vote_threshold)


def publish_ranking(
    actor: Any, board: Ranking, *, expected_version: int, today: date | None = None
) -> Ranking:
    """Publish a cluster's ranking once its members approved it by the table's threshold."""
    _require(actor, Permission.MANAGE_SCORING, board.table.organiser)
    if board.state == RankingState.PUBLISHED:
        raise DomainError("RANKING_PUBLISHED", "Kết quả xếp hạng đã công bố.")
    result = vote_result(board)
    if not result.approved:
        raise DomainError(
            "VOTE_NOT_APPROVED", "Cụm, khối chưa thông qua kết quả xếp hạng: " + result.message
        )
    with transaction.atomic():
        board.state = RankingState.PUBLISHED
        board.published_on = today or _today()
        save_versioned(board, expected_version, ["state", "published_on", "updated_at"])
        _event(
            actor,
            "scoring.publish",
            board,
            board.table.organiser.path,
            {"state": "draft"},
            {"state": "published", "vote": result.message},
        )
    return board


# ------------------------------------------------------------------------------- peer scores


def submit_peer_scores(
    actor: Any,
    table: CriteriaTable,
    cluster: Cluster,
    *,
    scorer: Unit,
    marks: Mapping[int, Decimal],
) -> list[PeerScore]:
    """A member unit scores the other members (never itself); it replaces its earlier marks."""
    _require(actor, Permission.TAKE_PART, scorer)
    members = cluster_units(cluster)
    reasons: list[Reason] = []
    if not table.peer_scoring:
        reasons.append(
            Reason("NO_PEER_SCORING", "Bảng tiêu chí này không dùng chấm chéo.", peer.BASIS)
        )
    if Ranking.objects.filter(table=table, cluster=cluster).exists():
        reasons.append(Reason("SHEET_LOCKED", "Điểm của cụm, khối đã khóa.", peer.BASIS))
    if scorer.pk not in members:
        reasons.append(
            Reason(
                "NOT_A_MEMBER",
                "Chỉ đơn vị thành viên của cụm, khối được chấm chéo.",
                peer.BASIS,
                "scorer",
            )
        )
    for v in marks.values():
        reasons += _check_value(v, "points")
    if not reasons:
        reasons += peer.check_marks(
            [peer.PeerMark(scorer.pk, unit_id, pts) for unit_id, pts in marks.items()],
            members,
            table.max_total,
        )
    if reasons:
        raise refusal(list({r.message: r for r in reasons}.values()))
    with transaction.atomic():
        PeerScore.objects.filter(table=table, cluster=cluster, scorer=scorer).delete()
        rows = PeerScore.objects.bulk_create(
            [
                PeerScore(
                    table=table,
                    cluster=cluster,
                    scorer=scorer,
                    scored_id=u,
                    points=p,
                    scored_by=_user(actor),
                )
                for u, p in marks.items()
            ]
        )
        _event(
            actor,
            "scoring.peer_scores",
            scorer,
            scorer.path,
            None,
            {
                "table": table.pk,
                "cluster": cluster.pk,
                "marks": {str(k): v for k, v in marks.items()},
            },
        )
    return rows


def peer_rows(table: CriteriaTable, cluster: Cluster) -> list[peer.Normalised]:
    marks = [
        peer.PeerMark(s.scorer_id, s.scored_id, s.points)
        for s in PeerScore.objects.filter(table=table, cluster=cluster).order_by(
            "scorer_id", "scored_id"
        )
    ]
    return peer.normalise(marks, table.max_total)


def peer_averages(table: CriteriaTable, cluster: Cluster) -> dict[int, Decimal]:
    if not table.peer_scoring:
        return {}
    return peer.received_average(peer_rows(table, cluster))


# ---------------------------------------------------------------------------------- reviews


@dataclass(frozen=True)
class ReviewData:
    kind: str
    held_on: date
    place: str = ""
    chaired_by: str = ""
    participants: str = ""
    conclusions: str = ""


def record_review(actor: Any, movement: Movement, data: ReviewData) -> Review:
    """Record an interim or final review; the published rankings of the movement's tables
    become its proposals (flag and certificate, with the reason)."""
    _require_movement_scoring(actor, movement)
    reasons: list[Reason] = []
    if data.kind not in ("interim", "final"):
        reasons.append(
            Reason("INVALID_INPUT", "Loại hội nghị không hợp lệ.", progress.BASIS, "kind")
        )
    if data.held_on < movement.start_date:
        reasons.append(
            Reason(
                "REVIEW_BEFORE_START",
                "Ngày hội nghị ({d}) trước ngày bắt đầu phong trào ({s}).".format(
                    d=_d(data.held_on), s=_d(movement.start_date)
                ),
                progress.BASIS,
                "held_on",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        review = Review.objects.create(
            movement=movement,
            kind=data.kind,
            held_on=data.held_on,
            place=clean_text(data.place),
            chaired_by=clean_text(data.chaired_by),
            participants=clean_text(data.participants, multiline=True),
            conclusions=clean_text(data.conclusions, multiline=True),
            recorded_by=_user(actor),
        )
        if data.kind == "final":
            rows = (
                RankingRow.objects.filter(
                    ranking__table__movement=movement, ranking__state=RankingState.PUBLISHED
                )
                .exclude(award="")
                .select_related("ranking__cluster", "unit")
            )
            for row in rows:
                ReviewProposal.objects.create(
                    review=review,
                    unit=row.unit,
                    award=row.award,
                    ranking_row=row,
                    reason="Xếp thứ {r} {c} với {t} điểm{lead}.".format(
                        r=row.rank,
                        c=row.ranking.cluster.name,
                        t=formulas.fmt(row.total),
                        lead=", đơn vị dẫn đầu" if row.leading else "",
                    ),
                )
        _event(
            actor, "scoring.record_review", review, movement.organiser.path, None, snapshot(review)
        )
    return review


def add_review_proposal(
    actor: Any,
    review: Review,
    *,
    award: str,
    reason: str,
    unit: Unit | None = None,
    person: Person | None = None,
) -> ReviewProposal:
    """A unit or person the review proposes besides the ranking (e.g. an exemplary person)."""
    _require_movement_scoring(actor, review.movement)
    reasons: list[Reason] = []
    if (unit is None) == (person is None):
        reasons.append(
            Reason("INVALID_INPUT", "Hãy chọn một đơn vị hoặc một cá nhân.", progress.BASIS, "unit")
        )
    award = clean_text(award).upper()
    if not award or len(award) > 20:
        reasons.append(
            Reason(
                "INVALID_INPUT", "Mã hình thức khen thưởng không hợp lệ.", progress.BASIS, "award"
            )
        )
    if not clean_text(reason):
        reasons.append(
            Reason("INVALID_INPUT", "Hãy ghi thành tích, lý do đề nghị.", progress.BASIS, "reason")
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        proposal = ReviewProposal.objects.create(
            review=review, unit=unit, person=person, award=award, reason=clean_text(reason)[:1000]
        )
        _event(
            actor,
            "scoring.add_proposal",
            proposal,
            review.movement.organiser.path,
            None,
            snapshot(proposal),
        )
    return proposal


def get_or_404(model: Any, pk: int) -> Any:
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise NotFound()
    return obj
