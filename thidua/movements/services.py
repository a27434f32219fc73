"""Commands on movements: one function per command.

Each command checks permission in the unit's scope (`Permission.MANAGE_MOVEMENTS` over the
organising unit for the plan; `Permission.TAKE_PART` over the unit for registrations, works,
signatures and reports), validates with the pure rules in `movements/domain/`, saves in one
transaction and writes an event. A refused command raises `DomainError` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from thidua.accounts.models import RoleAssignment
from thidua.accounts.permissions import ROLE_PERMISSIONS, Permission
from thidua.core import uploads
from thidua.core.concurrency import save_versioned
from thidua.core.errors import DomainError, PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.text import clean_text, fold, vietnamese_sort_key
from thidua.movements.choices import (
    Aggregation,
    AwardCode,
    Direction,
    DocumentType,
    ItemKind,
    LaunchLevel,
    MilestoneKind,
    MovementKind,
    MovementState,
    ScopeKind,
    SubjectKind,
    WorkKind,
    WorkStatus,
)
from thidua.movements.domain import lifecycle, quotas, registration, targets
from thidua.movements.models import (
    Milestone,
    Movement,
    MovementItem,
    Notification,
    Participant,
    PersonRegistration,
    PlannedAward,
    Pledge,
    PledgeSignature,
    QuotaRule,
    RegisteredIndicator,
    Registration,
    Target,
    TargetReport,
    Work,
    WorkPhoto,
)
from thidua.org.access import has_permission
from thidua.org.choices import UnitKind, UnitLevel
from thidua.org.domain.reasons import Reason
from thidua.org.models import Cluster, ClusterMember, Person, Unit

MAX_PHOTO_BYTES = 10 * 1024 * 1024  # a sanity bound on uploads, not a legal figure
PHOTO_TYPES = uploads.PHOTO
DOCUMENT_TYPES = uploads.DOCUMENT


def _require(actor: Any, permission: Permission, unit: Unit | None) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _require_manage(actor: Any, movement: Movement) -> None:
    _require(actor, Permission.MANAGE_MOVEMENTS, movement.organiser)


def _today() -> date:
    return timezone.localdate()


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def movement_snapshot(movement: Movement) -> dict[str, Any]:
    data = snapshot(movement)
    data["document_file"] = movement.document_file.name if movement.document_file else ""
    return data


def _event(actor: Any, action: str, obj: Any, path: str, before: Any, after: Any) -> None:
    record_event(actor=actor, action=action, obj=obj, unit_path=path, before=before, after=after)


def _check_upload(
    upload: UploadedFile | None, allowed: frozenset[str], field_name: str
) -> list[Reason]:
    """The file's kind is read from its first bytes, never from its name or the browser."""
    if upload is None:
        return []
    return uploads.upload_reasons(
        uploads.read_head(upload),
        upload.size or 0,
        accepted=allowed,
        field=field_name,
        max_bytes=MAX_PHOTO_BYTES,
        type_message="Loại tệp không được chấp nhận.",
        declared=upload.content_type or "",
    )


# ------------------------------------------------------------------------------ movements


@dataclass(frozen=True)
class AwardPlan:
    award: str
    subject: str
    quota: int | None = None
    note: str = ""


@dataclass(frozen=True)
class MovementData:
    """Everything the launch document says (Law Art 17)."""

    name: str
    kind: str
    launch_level: str
    organiser: Unit
    document_type: str
    start_date: date
    end_date: date
    theme: str = ""
    slogan: str = ""
    launched_by: str = ""
    launcher_name: str = ""
    launcher_title: str = ""
    document_number: str = ""
    document_date: date | None = None
    document_issuer: str = ""
    objectives: str = ""
    registration_deadline: date | None = None
    results_due: date | None = None
    budget: Decimal | None = None
    budget_note: str = ""
    lead_unit: Unit | None = None
    cooperating_units: tuple[Unit, ...] = ()
    content_items: tuple[str, ...] = ()
    key_programmes: tuple[str, ...] = ()
    task_groups: tuple[str, ...] = ()
    milestones: tuple[tuple[str, date, str], ...] = ()
    planned_awards: tuple[AwardPlan, ...] = ()
    note: str = ""


_TEXT_FIELDS = (
    "name",
    "theme",
    "slogan",
    "launched_by",
    "launcher_name",
    "launcher_title",
    "document_number",
    "document_issuer",
    "budget_note",
)
_SCALAR_FIELDS = (
    "kind",
    "launch_level",
    "document_type",
    "start_date",
    "end_date",
    "document_date",
    "registration_deadline",
    "results_due",
    "budget",
)


def _clean_lines(items: Sequence[str]) -> list[str]:
    return [t for t in (clean_text(i, multiline=True) for i in items) if t]


def _validate_movement(actor: Any, data: MovementData) -> list[Reason]:
    reasons: list[Reason] = []
    if not clean_text(data.name):
        reasons.append(Reason("INVALID_INPUT", "Tên phong trào là bắt buộc.", "", "name"))
    for value, choices, name in (
        (data.kind, MovementKind.values, "kind"),
        (data.launch_level, LaunchLevel.values, "launch_level"),
        (data.document_type, DocumentType.values, "document_type"),
    ):
        if value not in choices:
            reasons.append(Reason("INVALID_INPUT", "Giá trị không hợp lệ.", "", name))
    if data.budget is not None and data.budget < 0:
        reasons.append(Reason("INVALID_INPUT", "Kinh phí không được âm.", "", "budget"))
    reasons += lifecycle.check_period(
        data.start_date,
        data.end_date,
        document_date=data.document_date,
        registration_deadline=data.registration_deadline,
        results_due=data.results_due,
    )
    if data.start_date <= data.end_date:
        reasons += lifecycle.check_milestones(
            data.start_date, data.end_date, [(k, d) for k, d, _ in data.milestones]
        )
    for kind, _day, _title in data.milestones:
        if kind not in MilestoneKind.values:
            reasons.append(Reason("INVALID_INPUT", "Loại mốc không hợp lệ.", "", "milestones"))
    for plan in data.planned_awards:
        if plan.award not in AwardCode.values or plan.subject not in SubjectKind.values:
            reasons.append(
                Reason(
                    "INVALID_INPUT",
                    "Hình thức khen thưởng dự kiến không hợp lệ.",
                    "",
                    "planned_awards",
                )
            )
        if plan.quota is not None and plan.quota < 0:
            reasons.append(
                Reason("INVALID_INPUT", "Số lượng dự kiến không được âm.", "", "planned_awards")
            )
    for unit in (data.lead_unit, *data.cooperating_units):
        if unit is not None and not has_permission(actor, Permission.VIEW, unit):
            raise PermissionDenied()
    return reasons


def _apply(movement: Movement, data: MovementData, fields: set[str]) -> None:
    for name in _TEXT_FIELDS:
        if name in fields:
            setattr(movement, name, clean_text(getattr(data, name)))
    for name in _SCALAR_FIELDS:
        if name in fields:
            setattr(movement, name, getattr(data, name))
    if "objectives" in fields:
        movement.objectives = clean_text(data.objectives, multiline=True)
    if "note" in fields:
        movement.note = clean_text(data.note, multiline=True)
    if "organiser" in fields:
        movement.organiser = data.organiser
    if "lead_unit" in fields:
        movement.lead_unit = data.lead_unit
    movement.search_key = fold(
        f"{movement.name} {movement.theme} {movement.slogan} {movement.document_number}"
    )[:255]
    movement.sort_key = vietnamese_sort_key(movement.name)[:255]


def _current_children(movement: Movement) -> dict[str, Any]:
    items: dict[str, list[str]] = {k: [] for k in ItemKind.values}
    for item in movement.items.order_by("kind", "position"):
        items[item.kind].append(item.title)
    return {
        "items": items,
        "milestones": [
            (m.kind, m.due_date, m.title) for m in movement.milestones.order_by("due_date", "id")
        ],
        "planned_awards": [
            AwardPlan(p.award, p.subject, p.quota, p.note)
            for p in movement.planned_awards.order_by("id")
        ],
        "cooperating_units": sorted(movement.cooperating_units.values_list("pk", flat=True)),
    }


def _wanted_children(data: MovementData) -> dict[str, Any]:
    return {
        "items": {
            ItemKind.CONTENT: _clean_lines(data.content_items),
            ItemKind.KEY_PROGRAMME: _clean_lines(data.key_programmes),
            ItemKind.TASK_GROUP: _clean_lines(data.task_groups),
        },
        "milestones": sorted(
            ((k, d, clean_text(t)) for k, d, t in data.milestones), key=lambda m: m[1]
        ),
        "planned_awards": [
            AwardPlan(p.award, p.subject, p.quota, clean_text(p.note)) for p in data.planned_awards
        ],
        "cooperating_units": sorted({u.pk for u in data.cooperating_units}),
    }


def _save_children(movement: Movement, wanted: dict[str, Any], changed: set[str]) -> None:
    if "items" in changed:
        movement.items.all().delete()
        MovementItem.objects.bulk_create(
            [
                MovementItem(movement=movement, kind=kind, position=i, title=title)
                for kind, titles in wanted["items"].items()
                for i, title in enumerate(titles, start=1)
            ]
        )
    if "milestones" in changed:
        movement.milestones.all().delete()
        Milestone.objects.bulk_create(
            [
                Milestone(movement=movement, kind=k, due_date=d, title=t)
                for k, d, t in wanted["milestones"]
            ]
        )
    if "planned_awards" in changed:
        movement.planned_awards.all().delete()
        PlannedAward.objects.bulk_create(
            [
                PlannedAward(
                    movement=movement, award=p.award, subject=p.subject, quota=p.quota, note=p.note
                )
                for p in wanted["planned_awards"]
            ]
        )
    if "cooperating_units" in changed:
        movement.cooperating_units.set(wanted["cooperating_units"])


def _children_after(movement: Movement) -> dict[str, Any]:
    c = _current_children(movement)
    return {
        "items": c["items"],
        "milestones": c["milestones"],
        "planned_awards": [vars(p) for p in c["planned_awards"]],
        "cooperating_units": c["cooperating_units"],
    }


def create_movement(
    actor: Any, data: MovementData, *, document_file: UploadedFile | None = None
) -> Movement:
    """Draft a movement (state `draft`); participants, targets and quotas come next."""
    _require(actor, Permission.MANAGE_MOVEMENTS, data.organiser)
    reasons = _validate_movement(actor, data)
    reasons += _check_upload(document_file, DOCUMENT_TYPES, "document_file")
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        movement = Movement(organiser=data.organiser, state=MovementState.DRAFT)
        _apply(movement, data, set(lifecycle.editable_fields(lifecycle.DRAFT)))
        if document_file is not None:
            movement.document_file = document_file
        movement.save()
        wanted = _wanted_children(data)
        _save_children(
            movement, wanted, {"items", "milestones", "planned_awards", "cooperating_units"}
        )
        _event(
            actor,
            "movements.create_movement",
            movement,
            movement.organiser.path,
            None,
            {**movement_snapshot(movement), **_children_after(movement)},
        )
    return movement


def update_movement(
    actor: Any,
    movement: Movement,
    data: MovementData,
    *,
    expected_version: int,
    document_file: UploadedFile | None = None,
) -> Movement:
    """Edit what the movement's state allows (lifecycle.EDITABLE)."""
    _require_manage(actor, movement)
    if data.organiser.pk != movement.organiser_id:
        _require(actor, Permission.MANAGE_MOVEMENTS, data.organiser)
    changed: set[str] = set()
    for name in _TEXT_FIELDS:
        if clean_text(getattr(data, name)) != getattr(movement, name):
            changed.add(name)
    for name in _SCALAR_FIELDS:
        if getattr(data, name) != getattr(movement, name):
            changed.add(name)
    if clean_text(data.objectives, multiline=True) != movement.objectives:
        changed.add("objectives")
    if clean_text(data.note, multiline=True) != movement.note:
        changed.add("note")
    if data.organiser.pk != movement.organiser_id:
        changed.add("organiser")
    if (data.lead_unit.pk if data.lead_unit else None) != movement.lead_unit_id:
        changed.add("lead_unit")
    if document_file is not None:
        changed.add("document_file")
    current = _current_children(movement)
    wanted = _wanted_children(data)
    for key in ("items", "milestones", "planned_awards", "cooperating_units"):
        if current[key] != wanted[key]:
            changed.add(key)
    reasons = lifecycle.check_edit(movement.state, changed)
    if reasons:
        raise refusal(reasons)
    reasons = _validate_movement(actor, data)
    reasons += _check_upload(document_file, DOCUMENT_TYPES, "document_file")
    if reasons:
        raise refusal(reasons)
    before = {**movement_snapshot(movement), **_children_after(movement)}
    with transaction.atomic():
        _apply(movement, data, changed)
        if document_file is not None:
            movement.document_file.save(document_file.name or "van-ban", document_file, save=False)
        fields = [
            f
            for f in (*_TEXT_FIELDS, *_SCALAR_FIELDS, "objectives", "note", "document_file")
            if f in changed
        ]
        if "organiser" in changed:
            fields.append("organiser")
        if "lead_unit" in changed:
            fields.append("lead_unit")
        save_versioned(movement, expected_version, [*fields, "search_key", "sort_key"])
        _save_children(movement, wanted, changed)
        _event(
            actor,
            "movements.update_movement",
            movement,
            movement.organiser.path,
            before,
            {**movement_snapshot(movement), **_children_after(movement)},
        )
    return movement


def _facts(movement: Movement) -> lifecycle.MovementFacts:
    return lifecycle.MovementFacts(
        state=movement.state,
        kind=movement.kind,
        start_date=movement.start_date,
        end_date=movement.end_date,
        document_number=movement.document_number,
        document_date=movement.document_date,
        participant_count=movement.participants.count(),
        target_count=movement.targets.count(),
        item_count=movement.items.count(),
        has_final_milestone=movement.milestones.filter(kind=MilestoneKind.FINAL).exists(),
    )


def _transition(
    actor: Any, movement: Movement, to_state: str, expected_version: int, action: str
) -> Movement:
    _require_manage(actor, movement)
    reasons = lifecycle.check_transition(_facts(movement), to_state)
    if reasons:
        raise refusal(reasons)
    before = {"state": movement.state}
    with transaction.atomic():
        movement.state = to_state
        save_versioned(movement, expected_version, ["state"])
        _event(actor, action, movement, movement.organiser.path, before, {"state": to_state})
    return movement


def launch_movement(actor: Any, movement: Movement, *, expected_version: int) -> Movement:
    """Phát động: the plan is fixed; units may register, add works and sign pledges."""
    return _transition(
        actor, movement, MovementState.LAUNCHED, expected_version, "movements.launch"
    )


def start_movement(actor: Any, movement: Movement, *, expected_version: int) -> Movement:
    """Triển khai: units report progress."""
    return _transition(
        actor, movement, MovementState.UNDER_WAY, expected_version, "movements.start"
    )


def open_interim_review(actor: Any, movement: Movement, *, expected_version: int) -> Movement:
    """Sơ kết."""
    return _transition(
        actor, movement, MovementState.INTERIM_REVIEW, expected_version, "movements.interim_review"
    )


def resume_movement(actor: Any, movement: Movement, *, expected_version: int) -> Movement:
    """Back to work after an interim review."""
    return _transition(
        actor, movement, MovementState.UNDER_WAY, expected_version, "movements.resume"
    )


def open_final_review(actor: Any, movement: Movement, *, expected_version: int) -> Movement:
    """Tổng kết."""
    return _transition(
        actor, movement, MovementState.FINAL_REVIEW, expected_version, "movements.final_review"
    )


def close_movement(actor: Any, movement: Movement, *, expected_version: int) -> Movement:
    """Kết thúc: nothing changes any more."""
    return _transition(actor, movement, MovementState.CLOSED, expected_version, "movements.close")


TRANSITIONS = {
    MovementState.LAUNCHED: launch_movement,
    MovementState.UNDER_WAY: start_movement,
    MovementState.INTERIM_REVIEW: open_interim_review,
    MovementState.FINAL_REVIEW: open_final_review,
    MovementState.CLOSED: close_movement,
}


def advance_movement(
    actor: Any, movement: Movement, to_state: str, *, expected_version: int
) -> Movement:
    """The lifecycle step to `to_state` (the one the page and the API call)."""
    if movement.state == MovementState.INTERIM_REVIEW and to_state == MovementState.UNDER_WAY:
        return resume_movement(actor, movement, expected_version=expected_version)
    command = TRANSITIONS.get(to_state)  # type: ignore[call-overload]
    if command is None:
        _require_manage(actor, movement)
        raise DomainError("INVALID_TRANSITION", "Trạng thái không hợp lệ.")
    result: Movement = command(actor, movement, expected_version=expected_version)
    return result


# --------------------------------------------------------------------------- participants

DEFAULT_LEVELS = (
    UnitLevel.DEPARTMENT,
    UnitLevel.DISTRICT,
    UnitLevel.COMMUNE,
    UnitLevel.GRASSROOTS,
)


def _active_on(units: Any, day: date) -> Any:
    from django.db.models import Q

    return units.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def set_participants(
    actor: Any,
    movement: Movement,
    *,
    scope_kind: str,
    levels: Sequence[str] = (),
    units: Sequence[Unit] = (),
    clusters: Sequence[Cluster] = (),
    expected_version: int,
) -> list[Participant]:
    """Who takes part: the organiser's subtree at some levels (units active on the start
    date), chosen units, or the members of clusters or blocks."""
    _require_manage(actor, movement)
    reasons: list[Reason] = []
    if movement.state not in lifecycle.PARTICIPANTS_EDITABLE:
        reasons.append(lifecycle.not_open(movement.state, "thay đổi đối tượng tham gia"))
    if scope_kind not in ScopeKind.values:
        reasons.append(Reason("INVALID_INPUT", "Phạm vi không hợp lệ.", "", "scope_kind"))
    bad_levels = [lv for lv in levels if lv not in UnitLevel.values]
    if bad_levels:
        reasons.append(Reason("INVALID_INPUT", "Cấp đơn vị không hợp lệ.", "", "levels"))
    if reasons:
        raise refusal(reasons)
    rows: dict[int, Cluster | None] = {}
    if scope_kind == ScopeKind.SUBTREE:
        qs = _active_on(
            Unit.objects.filter(path__startswith=movement.organiser.path).exclude(
                pk=movement.organiser_id
            ),
            movement.start_date,
        ).filter(level__in=list(levels or DEFAULT_LEVELS))
        rows = dict.fromkeys(qs.values_list("pk", flat=True))
    elif scope_kind == ScopeKind.UNITS:
        for unit in units:
            if not has_permission(actor, Permission.VIEW, unit):
                raise PermissionDenied()
            rows[unit.pk] = None
    else:
        for cluster in clusters:
            if not has_permission(actor, Permission.VIEW, cluster.organiser):
                raise PermissionDenied()
            for member in ClusterMember.objects.filter(cluster=cluster):
                rows.setdefault(member.unit_id, cluster)
    if not rows:
        raise DomainError(
            "NO_PARTICIPANTS",
            "Phạm vi đã chọn không có đơn vị nào (đang hoạt động vào ngày bắt đầu {day}).".format(
                day=_d(movement.start_date)
            ),
            fields={"scope_kind": "Không có đơn vị nào."},
        )
    old = set(movement.participants.values_list("unit_id", flat=True))
    removed = old - set(rows)
    in_use = set(
        movement.registrations.filter(unit_id__in=removed).values_list("unit_id", flat=True)
    ) | set(movement.works.filter(unit_id__in=removed).values_list("unit_id", flat=True))
    if in_use:
        names = ", ".join(
            Unit.objects.filter(pk__in=in_use).order_by("sort_key").values_list("name", flat=True)
        )
        raise DomainError(
            "PARTICIPANT_IN_USE",
            "Không thể bỏ đơn vị đã đăng ký thi đua hoặc có công trình: {names}.".format(
                names=names
            ),
            fields={"scope_kind": "Đơn vị đang được dùng."},
        )
    with transaction.atomic():
        save_versioned(movement, expected_version)
        movement.scope_kind = scope_kind
        movement.scope_levels = list(levels) if scope_kind == ScopeKind.SUBTREE else []
        Movement.objects.filter(pk=movement.pk).update(
            scope_kind=movement.scope_kind, scope_levels=movement.scope_levels
        )
        movement.scope_clusters.set(list(clusters) if scope_kind == ScopeKind.CLUSTERS else [])
        movement.participants.filter(unit_id__in=removed).delete()
        Participant.objects.bulk_create(
            [
                Participant(movement=movement, unit_id=pk, cluster=cluster)
                for pk, cluster in rows.items()
                if pk not in old
            ]
        )
        _event(
            actor,
            "movements.set_participants",
            movement,
            movement.organiser.path,
            {"units": sorted(old)},
            {
                "scope_kind": scope_kind,
                "levels": list(levels),
                "clusters": sorted(c.pk for c in clusters),
                "units": sorted(rows),
            },
        )
    return list(movement.participants.select_related("unit"))


def is_participant(movement: Movement, unit: Unit) -> bool:
    return movement.participants.filter(unit=unit).exists()


# -------------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class TargetData:
    indicator: str
    direction: str
    aggregation: str
    low: Decimal | None = None
    high: Decimal | None = None
    unit_of_measure: str = ""
    weight: Decimal = Decimal(1)
    unit_goal: Decimal | None = None
    applies_level: str = ""
    applies_units: tuple[Unit, ...] = ()
    label: str = ""
    note: str = ""


def add_target(actor: Any, movement: Movement, data: TargetData) -> Target:
    """Add an indicator with its target value or range (draft or just launched)."""
    _require_manage(actor, movement)
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TARGETS_EDITABLE:
        reasons.append(lifecycle.not_open(movement.state, "thêm chỉ tiêu"))
    if data.direction not in Direction.values:
        reasons.append(Reason("INVALID_INPUT", "Chiều chỉ tiêu không hợp lệ.", "", "direction"))
    if data.aggregation not in Aggregation.values:
        reasons.append(Reason("INVALID_INPUT", "Cách tính không hợp lệ.", "", "aggregation"))
    if data.applies_level and data.applies_level not in UnitLevel.values:
        reasons.append(Reason("INVALID_INPUT", "Cấp đơn vị không hợp lệ.", "", "applies_level"))
    reasons += targets.check_target(
        clean_text(data.indicator),
        data.direction,
        data.low,
        data.high,
        data.aggregation,
        data.unit_goal,
        data.weight,
    )
    if reasons:
        raise refusal(reasons)
    for unit in data.applies_units:
        if not has_permission(actor, Permission.VIEW, unit):
            raise PermissionDenied()
    with transaction.atomic():
        position = (
            movement.targets.order_by("-position").values_list("position", flat=True).first() or 0
        ) + 1
        target = Target.objects.create(
            movement=movement,
            position=position,
            indicator=clean_text(data.indicator),
            unit_of_measure=clean_text(data.unit_of_measure),
            direction=data.direction,
            low=data.low if data.direction != Direction.AT_MOST else None,
            high=data.high if data.direction in (Direction.AT_MOST, Direction.BETWEEN) else None,
            weight=data.weight,
            aggregation=data.aggregation,
            unit_goal=data.unit_goal,
            applies_level=data.applies_level,
            label=clean_text(data.label)[:120],
            note=clean_text(data.note),
        )
        target.applies_units.set(data.applies_units)
        _event(
            actor,
            "movements.add_target",
            target,
            movement.organiser.path,
            None,
            {**snapshot(target), "applies_units": sorted(u.pk for u in data.applies_units)},
        )
    return target


def remove_target(actor: Any, target: Target) -> None:
    """Remove a target while the movement is a draft or just launched and nothing is reported."""
    movement = target.movement
    _require_manage(actor, movement)
    if movement.state not in lifecycle.TARGETS_EDITABLE:
        raise refusal([lifecycle.not_open(movement.state, "xóa chỉ tiêu")])
    if target.reports.exists():
        raise DomainError("TARGET_IN_USE", "Chỉ tiêu đã có số liệu báo cáo, không thể xóa.")
    with transaction.atomic():
        before = snapshot(target)
        _event(actor, "movements.remove_target", target, movement.organiser.path, before, None)
        target.delete()


def target_units(target: Target) -> list[int]:
    """The participant units a target applies to (its units, else its level, else all)."""
    chosen = list(target.applies_units.values_list("pk", flat=True))
    if chosen:
        return chosen
    qs = target.movement.participants.all()
    if target.applies_level:
        qs = qs.filter(unit__level=target.applies_level)
    return list(qs.values_list("unit_id", flat=True))


def report_target_value(
    actor: Any,
    target: Target,
    *,
    unit: Unit,
    value: Decimal,
    reported_on: date,
    note: str = "",
) -> TargetReport:
    """A unit reports where it stands on a target (the organiser may report for all)."""
    movement = target.movement
    organiser_reports = unit.pk == movement.organiser_id
    if organiser_reports:
        _require_manage(actor, movement)
    else:
        _require(actor, Permission.TAKE_PART, unit)
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TAKING_PART | lifecycle.REPORTING:
        reasons.append(lifecycle.not_open(movement.state, "báo cáo kết quả"))
    if not organiser_reports and unit.pk not in set(target_units(target)):
        reasons.append(
            Reason(
                "NOT_A_PARTICIPANT",
                "Chỉ tiêu này không áp dụng cho “{u}”.".format(u=unit.name),
                registration.BASIS,
                "unit",
            )
        )
    if reported_on < movement.start_date:
        reasons.append(
            Reason(
                "REPORT_BEFORE_START",
                "Ngày số liệu ({day}) trước ngày bắt đầu đợt thi đua ({start}).".format(
                    day=_d(reported_on), start=_d(movement.start_date)
                ),
                "",
                "reported_on",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        report = TargetReport.objects.create(
            target=target,
            unit=unit,
            value=value,
            reported_on=reported_on,
            note=clean_text(note),
            reported_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        _event(actor, "movements.report_target", report, unit.path, None, snapshot(report))
    return report


# --------------------------------------------------------------------------------- quotas


def add_quota_rule(
    actor: Any,
    movement: Movement,
    *,
    min_count: int | None,
    max_count: int | None = None,
    unit_level: str = "",
    unit_kind: str = "",
    work_kinds: Sequence[str] = (),
    note: str = "",
) -> QuotaRule:
    """How many works each unit of a level or kind must register (min, optional max)."""
    _require_manage(actor, movement)
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TARGETS_EDITABLE:
        reasons.append(lifecycle.not_open(movement.state, "thêm định mức công trình"))
    reasons += quotas.check_rule(
        unit_level,
        unit_kind,
        min_count,
        max_count,
        UnitLevel.values,
        UnitKind.values,
        list(work_kinds),
        WorkKind.values,
    )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        rule = QuotaRule.objects.create(
            movement=movement,
            unit_level=unit_level,
            unit_kind=unit_kind,
            work_kinds=sorted(set(work_kinds)),
            min_count=min_count or 0,
            max_count=max_count,
            note=clean_text(note),
        )
        _event(
            actor, "movements.add_quota_rule", rule, movement.organiser.path, None, snapshot(rule)
        )
    return rule


def remove_quota_rule(actor: Any, rule: QuotaRule) -> None:
    movement = rule.movement
    _require_manage(actor, movement)
    if movement.state not in lifecycle.TARGETS_EDITABLE:
        raise refusal([lifecycle.not_open(movement.state, "xóa định mức công trình")])
    with transaction.atomic():
        _event(
            actor,
            "movements.remove_quota_rule",
            rule,
            movement.organiser.path,
            snapshot(rule),
            None,
        )
        rule.delete()


# -------------------------------------------------------------------------- registrations


@dataclass(frozen=True)
class IndicatorData:
    indicator: str
    value: Decimal | None = None
    unit_of_measure: str = ""
    target: Target | None = None


def _registration_after(reg: Registration) -> dict[str, Any]:
    return {
        **snapshot(reg),
        "indicators": [
            {"indicator": i.indicator, "value": i.value, "target": i.target_id}
            for i in reg.indicators.all()
        ],
        "people": sorted(reg.people.values_list("person_id", "title")),
    }


def register_unit(
    actor: Any,
    movement: Movement,
    unit: Unit,
    *,
    collective_title: str = "",
    commitments: str = "",
    indicators: Sequence[IndicatorData] = (),
    people: Sequence[tuple[Person, str]] = (),
    today: date | None = None,
) -> Registration:
    """Đăng ký thi đua: the title the unit aims for, its committed indicators, its people."""
    _require(actor, Permission.TAKE_PART, unit)
    today = today or _today()
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TAKING_PART:
        reasons.append(lifecycle.not_open(movement.state, "đăng ký thi đua"))
    reasons += registration.check_registration(
        is_participant=is_participant(movement, unit),
        already_registered=movement.registrations.filter(unit=unit).exists(),
        deadline=movement.registration_deadline,
        today=today,
        may_accept_late=has_permission(actor, Permission.MANAGE_MOVEMENTS, movement.organiser),
    )
    if collective_title and collective_title not in AwardCode.values:
        reasons.append(Reason("INVALID_INPUT", "Danh hiệu không hợp lệ.", "", "collective_title"))
    for person, title in people:
        if title not in AwardCode.values:
            reasons.append(Reason("INVALID_INPUT", "Danh hiệu không hợp lệ.", "", "people"))
        if person.unit_id is None or not person.unit or not person.unit.path.startswith(unit.path):
            reasons.append(
                Reason(
                    "PERSON_NOT_IN_UNIT",
                    "“{p}” không thuộc đơn vị đăng ký.".format(p=person.full_name),
                    "",
                    "people",
                )
            )
    for item in indicators:
        if not clean_text(item.indicator):
            reasons.append(
                Reason("INVALID_INPUT", "Tên chỉ tiêu đăng ký là bắt buộc.", "", "indicators")
            )
        if item.target is not None and item.target.movement_id != movement.pk:
            reasons.append(Reason("INVALID_INPUT", "Chỉ tiêu không hợp lệ.", "", "indicators"))
    if reasons:
        raise refusal(reasons)
    try:
        with transaction.atomic():
            reg = Registration.objects.create(
                movement=movement,
                unit=unit,
                collective_title=collective_title,
                commitments=clean_text(commitments, multiline=True),
                submitted_on=today,
                submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            RegisteredIndicator.objects.bulk_create(
                [
                    RegisteredIndicator(
                        registration=reg,
                        target=i.target,
                        indicator=clean_text(i.indicator),
                        value=i.value,
                        unit_of_measure=clean_text(i.unit_of_measure),
                    )
                    for i in indicators
                ]
            )
            PersonRegistration.objects.bulk_create(
                [PersonRegistration(registration=reg, person=p, title=t) for p, t in people]
            )
            _event(actor, "movements.register", reg, unit.path, None, _registration_after(reg))
    except IntegrityError as exc:  # registered concurrently
        raise DomainError(
            "ALREADY_REGISTERED",
            "Đơn vị đã đăng ký thi đua trong phong trào này; hãy sửa bản đăng ký đã có.",
        ) from exc
    return reg


def update_registration(
    actor: Any,
    reg: Registration,
    *,
    collective_title: str,
    commitments: str,
    expected_version: int,
) -> Registration:
    _require(actor, Permission.TAKE_PART, reg.unit)
    movement = reg.movement
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TAKING_PART:
        reasons.append(lifecycle.not_open(movement.state, "sửa bản đăng ký"))
    if collective_title and collective_title not in AwardCode.values:
        reasons.append(Reason("INVALID_INPUT", "Danh hiệu không hợp lệ.", "", "collective_title"))
    if reasons:
        raise refusal(reasons)
    before = snapshot(reg)
    with transaction.atomic():
        reg.collective_title = collective_title
        reg.commitments = clean_text(commitments, multiline=True)
        save_versioned(reg, expected_version, ["collective_title", "commitments"])
        _event(actor, "movements.update_registration", reg, reg.unit.path, before, snapshot(reg))
    return reg


def title_lookup() -> dict[str, str]:
    """Folded individual-title names and codes → code (for sheets)."""
    from thidua.movements.choices import INDIVIDUAL_TITLES

    table: dict[str, str] = {}
    for code in INDIVIDUAL_TITLES:
        label = str(AwardCode(code).label)
        table[fold(code)] = code
        table[fold(label)] = code
        if "(" in label:  # the Vietnamese name given in brackets
            table[fold(label.split("(", 1)[1].rstrip(")"))] = code
    return table


@dataclass
class ImportReport:
    rows: list[registration.RowResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # sheet-level problems
    saved: int = 0
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems and all(not r.errors for r in self.rows)


def import_people(
    actor: Any,
    reg: Registration,
    sheet_rows: Sequence[registration.SheetRow],
    *,
    dry_run: bool,
    problems: Sequence[str] = (),
) -> ImportReport:
    """Register people from a sheet: all rows or none; a dry run checks without saving."""
    _require(actor, Permission.TAKE_PART, reg.unit)
    report = ImportReport(problems=list(problems), dry_run=dry_run)
    if reg.movement.state not in lifecycle.TAKING_PART:
        report.problems.append(lifecycle.not_open(reg.movement.state, "đăng ký cá nhân").message)
    if not sheet_rows and not report.problems:
        report.problems.append("Bảng tính không có dòng dữ liệu nào.")
    people = Person.objects.filter(unit__path__startswith=reg.unit.path)
    by_id: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for pk, name, national_id in people.values_list("pk", "full_name", "national_id"):
        if national_id:
            by_id[national_id] = pk
        by_name.setdefault(fold(name), []).append(pk)
    index = registration.PersonIndex(
        by_id, by_name, frozenset(reg.people.values_list("person_id", flat=True))
    )
    report.rows = registration.check_rows(sheet_rows, index, title_lookup())
    if not report.ok or dry_run:
        return report
    with transaction.atomic():
        created = PersonRegistration.objects.bulk_create(
            [
                PersonRegistration(registration=reg, person_id=r.person_id, title=r.title_code)
                for r in report.rows
                if r.person_id is not None
            ]
        )
        record_event(
            actor=actor,
            action="movements.import_people",
            obj=reg,
            unit_path=reg.unit.path,
            after={"people": sorted((r.person_id, r.title_code) for r in report.rows)},
        )
    report.saved = len(created)
    return report


# ---------------------------------------------------------------------------------- works


@dataclass(frozen=True)
class WorkData:
    name: str
    kind: str
    budget: Decimal | None = None
    funding_sources: str = ""
    quantity: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    description: str = ""


def _check_work(data: WorkData) -> list[Reason]:
    reasons: list[Reason] = []
    if not clean_text(data.name):
        reasons.append(Reason("INVALID_INPUT", "Tên công trình là bắt buộc.", "", "name"))
    if data.kind not in WorkKind.values:
        reasons.append(Reason("INVALID_INPUT", "Loại công trình không hợp lệ.", "", "kind"))
    if data.budget is not None and data.budget < 0:
        reasons.append(Reason("INVALID_INPUT", "Kinh phí không được âm.", "", "budget"))
    if data.quantity is not None and data.quantity < 0:  # the column is unsigned
        reasons.append(Reason("INVALID_INPUT", "Số lượng không được âm.", "", "quantity"))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        reasons.append(
            Reason(
                "PERIOD_ORDER",
                "Ngày hoàn thành ({end}) trước ngày khởi công ({start}).".format(
                    end=_d(data.end_date), start=_d(data.start_date)
                ),
                "",
                "end_date",
            )
        )
    return reasons


def add_work(actor: Any, movement: Movement, unit: Unit, data: WorkData) -> Work:
    """Register a work marking the occasion for a participating unit."""
    _require(actor, Permission.TAKE_PART, unit)
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TAKING_PART:
        reasons.append(lifecycle.not_open(movement.state, "đăng ký công trình"))
    if not is_participant(movement, unit):
        reasons.append(
            Reason(
                "NOT_A_PARTICIPANT",
                "Đơn vị không thuộc đối tượng tham gia phong trào này.",
                registration.BASIS,
                "unit",
            )
        )
    reasons += _check_work(data)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        work = Work.objects.create(
            movement=movement,
            unit=unit,
            name=clean_text(data.name),
            kind=data.kind,
            budget=data.budget,
            funding_sources=clean_text(data.funding_sources),
            quantity=data.quantity,
            start_date=data.start_date,
            end_date=data.end_date,
            description=clean_text(data.description, multiline=True),
            registered_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        _event(actor, "movements.add_work", work, unit.path, None, snapshot(work))
    return work


def set_work_status(actor: Any, work: Work, *, status: str, expected_version: int) -> Work:
    """Move a work along: registered → in progress → completed (or cancelled)."""
    _require(actor, Permission.TAKE_PART, work.unit)
    reasons: list[Reason] = []
    if status not in WorkStatus.values:
        reasons.append(Reason("INVALID_INPUT", "Trạng thái không hợp lệ.", "", "status"))
    if work.movement.state == MovementState.CLOSED or work.movement.state == MovementState.DRAFT:
        reasons.append(lifecycle.not_open(work.movement.state, "cập nhật công trình"))
    if reasons:
        raise refusal(reasons)
    before = snapshot(work)
    with transaction.atomic():
        work.status = status
        save_versioned(work, expected_version, ["status"])
        _event(actor, "movements.set_work_status", work, work.unit.path, before, snapshot(work))
    return work


def add_work_photo(actor: Any, work: Work, *, image: UploadedFile, caption: str = "") -> WorkPhoto:
    """Attach an evidence photo (JPEG, PNG or WebP, at most 10 MB)."""
    _require(actor, Permission.TAKE_PART, work.unit)
    reasons = _check_upload(image, PHOTO_TYPES, "image")
    if work.movement.state in (MovementState.DRAFT, MovementState.CLOSED):
        reasons.append(lifecycle.not_open(work.movement.state, "thêm ảnh minh chứng"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        photo = WorkPhoto(
            work=work,
            caption=clean_text(caption),
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        photo.image.save(image.name or "anh.jpg", image, save=False)
        photo.save()
        record_event(
            actor=actor,
            action="movements.add_work_photo",
            obj=work,
            unit_path=work.unit.path,
            after={"photo": photo.pk, "file": photo.image.name, "caption": photo.caption},
        )
    return photo


# -------------------------------------------------------------------------------- pledges


def _can_organise_pledge(actor: Any, movement: Movement, cluster: Cluster) -> bool:
    if has_permission(actor, Permission.MANAGE_MOVEMENTS, movement.organiser):
        return True
    leader = cluster.members.filter(role="leader").select_related("unit").first()
    return leader is not None and has_permission(actor, Permission.TAKE_PART, leader.unit)


def create_pledge(
    actor: Any,
    movement: Movement,
    cluster: Cluster,
    *,
    title: str,
    criteria: str,
    ceremony_date: date | None = None,
    ceremony_place: str = "",
    witnesses: str = "",
) -> Pledge:
    """The pledge document of a cluster or block (organiser or the cluster leader)."""
    if not _can_organise_pledge(actor, movement, cluster):
        raise PermissionDenied()
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TAKING_PART | {MovementState.DRAFT}:
        reasons.append(lifecycle.not_open(movement.state, "lập giao ước thi đua"))
    if not clean_text(title):
        reasons.append(Reason("INVALID_INPUT", "Tên giao ước là bắt buộc.", "", "title"))
    if not clean_text(criteria, multiline=True):
        reasons.append(
            Reason("INVALID_INPUT", "Nội dung, tiêu chí giao ước là bắt buộc.", "", "criteria")
        )
    if movement.pledges.filter(cluster=cluster).exists():
        reasons.append(
            Reason(
                "DUPLICATE_PLEDGE",
                "Cụm, khối này đã có giao ước trong phong trào.",
                "",
                "cluster",
            )
        )
    if (
        ceremony_date
        and not (movement.document_date or movement.start_date)
        <= ceremony_date
        <= movement.end_date
    ):
        reasons.append(
            Reason(
                "CEREMONY_OUTSIDE_PERIOD",
                "Ngày ký kết ({day}) nằm ngoài thời gian của phong trào.".format(
                    day=_d(ceremony_date)
                ),
                "",
                "ceremony_date",
            )
        )
    if reasons:
        raise refusal(reasons)
    try:
        with transaction.atomic():
            pledge = Pledge.objects.create(
                movement=movement,
                cluster=cluster,
                title=clean_text(title),
                criteria=clean_text(criteria, multiline=True),
                ceremony_date=ceremony_date,
                ceremony_place=clean_text(ceremony_place),
                witnesses=clean_text(witnesses),
            )
            _event(
                actor,
                "movements.create_pledge",
                pledge,
                cluster.organiser.path,
                None,
                snapshot(pledge),
            )
    except IntegrityError as exc:
        raise DomainError(
            "DUPLICATE_PLEDGE", "Cụm, khối này đã có giao ước trong phong trào."
        ) from exc
    return pledge


def sign_pledge(
    actor: Any,
    pledge: Pledge,
    unit: Unit,
    *,
    signer_name: str,
    signer_title: str = "",
    signed_on: date,
) -> PledgeSignature:
    """A member unit signs the pledge (who, when)."""
    _require(actor, Permission.TAKE_PART, unit)
    movement = pledge.movement
    reasons: list[Reason] = []
    if movement.state not in lifecycle.TAKING_PART:
        reasons.append(lifecycle.not_open(movement.state, "ký giao ước"))
    if not pledge.cluster.members.filter(unit=unit).exists():
        reasons.append(
            Reason(
                "NOT_A_MEMBER",
                "“{u}” không phải thành viên của {c}.".format(u=unit.name, c=pledge.cluster.name),
                "",
                "unit",
            )
        )
    if pledge.signatures.filter(unit=unit).exists():
        reasons.append(Reason("ALREADY_SIGNED", "Đơn vị đã ký giao ước này.", "", "unit"))
    if not clean_text(signer_name):
        reasons.append(Reason("INVALID_INPUT", "Họ tên người ký là bắt buộc.", "", "signer_name"))
    if movement.document_date and signed_on < movement.document_date:
        reasons.append(
            Reason(
                "SIGNED_BEFORE_LAUNCH",
                "Ngày ký ({day}) trước ngày ban hành văn bản phát động ({doc}).".format(
                    day=_d(signed_on), doc=_d(movement.document_date)
                ),
                "",
                "signed_on",
            )
        )
    if reasons:
        raise refusal(reasons)
    try:
        with transaction.atomic():
            signature = PledgeSignature.objects.create(
                pledge=pledge,
                unit=unit,
                signer_name=clean_text(signer_name),
                signer_title=clean_text(signer_title),
                signed_on=signed_on,
                recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            _event(actor, "movements.sign_pledge", signature, unit.path, None, snapshot(signature))
    except IntegrityError as exc:
        raise DomainError("ALREADY_SIGNED", "Đơn vị đã ký giao ước này.") from exc
    return signature


# -------------------------------------------------------------------------- notifications

REMINDER_KIND = "registration_deadline"


def _focal_roles() -> list[str]:
    """Roles that take part for a unit without running movements (its focal points)."""
    return [
        str(role)
        for role, perms in ROLE_PERMISSIONS.items()
        if Permission.TAKE_PART in perms and Permission.MANAGE_MOVEMENTS not in perms
    ]


def send_reminders(*, today: date, days: int, only: Movement | None = None) -> int:
    """Remind the focal points of units that have not registered, for deadlines within
    `days` days (in-app and by email). Idempotent per day. Returns the number sent."""
    from datetime import timedelta

    from django.conf import settings

    sent = 0
    movements = Movement.objects.filter(
        state__in=list(lifecycle.TAKING_PART),
        registration_deadline__gte=today,
        registration_deadline__lte=today + timedelta(days=days),
    ).select_related("organiser")
    if only is not None:
        movements = movements.filter(pk=only.pk)
    for movement in movements:
        assert movement.registration_deadline is not None
        registered = set(movement.registrations.values_list("unit_id", flat=True))
        missing = movement.participants.exclude(unit_id__in=registered).values_list(
            "unit_id", flat=True
        )
        assignments = RoleAssignment.objects.filter(
            unit_id__in=list(missing), role__in=_focal_roles()
        ).select_related("user", "unit")
        count = 0
        with transaction.atomic():
            for a in assignments:
                left = (movement.registration_deadline - today).days
                message = (
                    "Còn {n} ngày đến hạn đăng ký thi đua ({day}) của phong trào “{m}”; "
                    "{u} chưa đăng ký."
                ).format(
                    n=left, day=_d(movement.registration_deadline), m=movement.name, u=a.unit.name
                )
                _, created = Notification.objects.get_or_create(
                    user=a.user,
                    movement=movement,
                    unit=a.unit,
                    kind=REMINDER_KIND,
                    sent_on=today,
                    defaults={"message": message},
                )
                if not created:
                    continue
                count += 1
                if a.user.email:
                    send_mail(
                        "[thidua] Nhắc hạn đăng ký thi đua",
                        message + "\n\n" + settings.SITE_URL + f"/movements/{movement.pk}/",
                        None,
                        [a.user.email],
                        fail_silently=True,
                    )
            if count:
                record_event(
                    actor=None,
                    action="movements.remind",
                    obj=movement,
                    unit_path=movement.organiser.path,
                    after={"sent": count, "on": today},
                )
        sent += count
    return sent


def mark_notification_read(actor: Any, notification: Notification) -> Notification:
    if notification.user_id != getattr(actor, "pk", None):
        raise PermissionDenied()
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification
