"""Reads of movements. Every read goes through unit scoping.

A user sees a movement when its organising unit lies in their scope, or — once it is
launched — when one of its participants does (a commune officer sees the provincial
movement their commune takes part in). Inside a movement, the per-unit records
(registrations, works, reports, compliance rows) are shown for the units in the user's scope;
those who see the organiser see them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from thidua.accounts.permissions import Permission
from thidua.core.models import Event
from thidua.movements.choices import ItemKind, MovementState
from thidua.movements.domain import quotas, targets
from thidua.movements.models import (
    Movement,
    Notification,
    Participant,
    Pledge,
    PledgeSignature,
    Registration,
    Target,
    Work,
)
from thidua.org.access import scope_for
from thidua.org.models import Cluster, ClusterMember, Unit

PAGE_SIZE = 30


def visible_movements(user: Any) -> QuerySet[Movement]:
    scope = scope_for(user, Permission.VIEW)
    if scope.everything:
        return Movement.objects.all()
    if not scope.paths:
        return Movement.objects.none()
    taking_part = Participant.objects.filter(scope.q("unit__path"), movement=OuterRef("pk"))
    return Movement.objects.filter(
        scope.q("organiser__path") | (Q(Exists(taking_part)) & ~Q(state=MovementState.DRAFT))
    )


def get_movement(user: Any, pk: int) -> Movement:
    movement = (
        visible_movements(user).select_related("organiser", "lead_unit").filter(pk=pk).first()
    )
    if movement is None:
        raise Http404
    return movement


def sees_everything_in(user: Any, movement: Movement) -> bool:
    return scope_for(user, Permission.VIEW).contains(movement.organiser.path)


def unit_q(user: Any, movement: Movement, lookup: str = "unit__path") -> Q:
    """Rows of units this user may see inside a movement they can see."""
    if sees_everything_in(user, movement):
        return Q()
    return scope_for(user, Permission.VIEW).q(lookup)


def decode_cursor(after: str) -> tuple[date, int] | None:
    key, _, last = after.rpartition("|")
    try:
        day, pk = date.fromisoformat(key), int(last)
    except ValueError:
        return None
    return (day, pk) if 0 < pk < 2**63 else None


def movement_page(
    user: Any,
    *,
    level: str = "",
    kind: str = "",
    year: int | None = None,
    state: str = "",
    text: str = "",
    after: str = "",
    limit: int = PAGE_SIZE,
) -> tuple[list[Movement], str]:
    """Movements newest first, keyset-paginated on (start date, id)."""
    from thidua.core.text import fold

    qs = visible_movements(user).select_related("organiser")
    if level:
        qs = qs.filter(launch_level=level)
    if kind:
        qs = qs.filter(kind=kind)
    if state:
        qs = qs.filter(state=state)
    if year is not None:
        qs = qs.filter(start_date__year__lte=year, end_date__year__gte=year)
    for word in fold(text).split():
        qs = qs.filter(search_key__contains=word)
    cursor = decode_cursor(after) if after else None
    if cursor is not None:
        day, last = cursor
        qs = qs.filter(Q(start_date__lt=day) | Q(start_date=day, pk__lt=last))
    rows = list(qs.order_by("-start_date", "-pk")[: limit + 1])
    next_cursor = ""
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = f"{rows[-1].start_date.isoformat()}|{rows[-1].pk}"
    return rows, next_cursor


def items_by_kind(movement: Movement) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {k: [] for k in ItemKind.values}
    for item in movement.items.all():
        grouped[item.kind].append(item)
    return grouped


@dataclass(frozen=True)
class TargetRow:
    target: Target
    label: str
    progress: targets.Progress
    achieved_label: str


def _report_facts(target: Target) -> list[targets.ReportFacts]:
    return [
        targets.ReportFacts(r.unit_id, r.value, r.reported_on, r.pk) for r in target.reports.all()
    ]


def target_rows(movement: Movement) -> list[TargetRow]:
    rows = []
    participants_by_level: dict[str, list[int]] = {}
    all_units: list[int] = []
    for unit_id, level in movement.participants.values_list("unit_id", "unit__level"):
        participants_by_level.setdefault(level, []).append(unit_id)
        all_units.append(unit_id)
    qs = movement.targets.prefetch_related("reports", "applies_units")
    for t in qs:
        chosen = [u.pk for u in t.applies_units.all()]
        if chosen:
            units = chosen
        elif t.applies_level:
            units = participants_by_level.get(t.applies_level, [])
        else:
            units = all_units
        reports = _report_facts(t)
        if t.aggregation == "latest":
            # a rate reported by the organiser counts as well as by participants
            units = [*units, movement.organiser_id]
        progress = targets.progress(
            direction=t.direction,
            low=t.low,
            high=t.high,
            aggregation=t.aggregation,
            unit_goal=t.unit_goal,
            applicable_units=units,
            reports=reports,
        )
        label = t.label or targets.target_label(t.direction, t.low, t.high, t.unit_of_measure)
        achieved = targets.format_value(progress.achieved) if progress.achieved is not None else ""
        rows.append(TargetRow(t, label, progress, achieved))
    return rows


def participants(user: Any, movement: Movement) -> list[Participant]:
    return list(
        movement.participants.filter(unit_q(user, movement))
        .select_related("unit", "cluster")
        .order_by("unit__sort_key", "unit_id")
    )


@dataclass(frozen=True)
class CoverageRow:
    unit: Unit
    registration: Registration | None


def coverage(user: Any, movement: Movement) -> list[CoverageRow]:
    regs = {
        r.unit_id: r
        for r in movement.registrations.filter(unit_q(user, movement)).select_related("unit")
    }
    rows = [CoverageRow(p.unit, regs.get(p.unit_id)) for p in participants(user, movement)]
    # not registered first, then by name
    return sorted(rows, key=lambda r: (r.registration is not None, r.unit.sort_key))


def registrations(user: Any, movement: Movement) -> QuerySet[Registration]:
    return (
        movement.registrations.filter(unit_q(user, movement))
        .select_related("unit")
        .order_by("unit__sort_key", "pk")
    )


def works(user: Any, movement: Movement) -> QuerySet[Work]:
    return (
        movement.works.filter(unit_q(user, movement))
        .select_related("unit")
        .order_by("unit__sort_key", "pk")
    )


def compliance(user: Any, movement: Movement) -> list[quotas.Compliance]:
    rules = [
        quotas.QuotaRuleFacts(
            r.pk,
            r.unit_level,
            r.unit_kind,
            tuple(r.work_kinds or ()),
            r.min_count,
            r.max_count,
            quota_label(r),
        )
        for r in movement.quota_rules.all()
    ]
    units = [
        quotas.ParticipantFacts(p.unit_id, p.unit.name, p.unit.level, p.unit.kind)
        for p in participants(user, movement)
    ]
    work_facts = [
        quotas.WorkFacts(unit_id, kind, status)
        for unit_id, kind, status in movement.works.values_list("unit_id", "kind", "status")
    ]
    return quotas.compliance(rules, units, work_facts)


def quota_label(rule: Any) -> str:
    from thidua.movements.choices import WorkKind
    from thidua.org.choices import UnitKind, UnitLevel

    who = []
    if rule.unit_level:
        who.append(str(UnitLevel(rule.unit_level).label))
    if rule.unit_kind:
        who.append(str(UnitKind(rule.unit_kind).label))
    what = ", ".join(str(WorkKind(k).label) for k in (rule.work_kinds or []))
    if rule.max_count is None:
        count = f"≥ {rule.min_count}"
    elif rule.max_count == rule.min_count:
        count = f"{rule.min_count}"
    else:
        count = f"{rule.min_count}–{rule.max_count}"
    return " · ".join(x for x in [" / ".join(who) or "*", count, what] if x)


def visible_pledges(user: Any, movement: Movement) -> QuerySet[Pledge]:
    qs = movement.pledges.select_related("cluster", "cluster__organiser")
    if sees_everything_in(user, movement):
        return qs
    scope = scope_for(user, Permission.VIEW)
    member_clusters = ClusterMember.objects.filter(scope.q("unit__path")).values("cluster_id")
    return qs.filter(scope.q("cluster__organiser__path") | Q(cluster_id__in=member_clusters))


def get_pledge(user: Any, pk: int) -> Pledge:
    pledge = Pledge.objects.select_related("movement", "cluster").filter(pk=pk).first()
    if pledge is None:
        raise Http404
    movement = get_movement(user, pledge.movement_id)
    found = visible_pledges(user, movement).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class PledgeMemberRow:
    member: ClusterMember
    signature: PledgeSignature | None


def pledge_members(pledge: Pledge) -> list[PledgeMemberRow]:
    signatures = {s.unit_id: s for s in pledge.signatures.all()}
    members = pledge.cluster.members.select_related("unit").order_by("role", "unit__sort_key")
    return [PledgeMemberRow(m, signatures.get(m.unit_id)) for m in members]


def get_work(user: Any, pk: int) -> Work:
    work = Work.objects.select_related("movement", "unit").filter(pk=pk).first()
    if work is None:
        raise Http404
    movement = get_movement(user, work.movement_id)
    if not scope_for(user, Permission.VIEW).contains(work.unit.path) and not sees_everything_in(
        user, movement
    ):
        raise Http404
    return work


def get_registration(user: Any, pk: int) -> Registration:
    reg = Registration.objects.select_related("movement", "unit").filter(pk=pk).first()
    if reg is None:
        raise Http404
    movement = get_movement(user, reg.movement_id)
    if not scope_for(user, Permission.VIEW).contains(reg.unit.path) and not sees_everything_in(
        user, movement
    ):
        raise Http404
    return reg


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    label: str
    done: bool


STATE_ACTIONS = {
    "movements.create_movement": "Lập dự thảo",
    "movements.launch": "Phát động",
    "movements.start": "Triển khai",
    "movements.interim_review": "Sơ kết",
    "movements.resume": "Tiếp tục triển khai",
    "movements.final_review": "Tổng kết",
    "movements.close": "Kết thúc",
}


def timeline(movement: Movement, today: date) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    if movement.document_date:
        entries.append(
            TimelineEntry(movement.document_date, "Ban hành " + movement.document_label, True)
        )
    entries.append(
        TimelineEntry(movement.start_date, "Bắt đầu đợt thi đua", movement.start_date <= today)
    )
    if movement.registration_deadline:
        entries.append(
            TimelineEntry(
                movement.registration_deadline,
                "Hạn đăng ký thi đua",
                movement.registration_deadline <= today,
            )
        )
    for m in movement.milestones.all():
        label = str(m.get_kind_display()) + (f": {m.title}" if m.title else "")
        entries.append(TimelineEntry(m.due_date, label, m.due_date <= today))
    if movement.results_due:
        entries.append(
            TimelineEntry(
                movement.results_due, "Hoàn thành nội dung thi đua", movement.results_due <= today
            )
        )
    entries.append(
        TimelineEntry(movement.end_date, "Kết thúc đợt thi đua", movement.end_date <= today)
    )
    return sorted(entries, key=lambda e: e.day)


def state_history(movement: Movement) -> list[Event]:
    return list(
        Event.objects.filter(
            object_type="movements.movement",
            object_id=str(movement.pk),
            action__in=list(STATE_ACTIONS),
        ).order_by("id")
    )


def notifications_for(user: Any, movement: Movement | None = None, limit: int = 10) -> list[Any]:
    if not getattr(user, "is_authenticated", False):
        return []
    qs = Notification.objects.filter(user=user, read_at__isnull=True).select_related("movement")
    if movement is not None:
        qs = qs.filter(movement=movement)
    return list(qs.order_by("-id")[:limit])


def manageable_clusters(user: Any) -> QuerySet[Cluster]:
    from thidua.org.queries import visible_clusters

    return visible_clusters(user).select_related("organiser").order_by("-year", "name")


def money(value: Decimal | None) -> str:
    return targets.format_value(value) if value is not None else ""


def units_of(ids: Sequence[int]) -> list[Unit]:
    return list(Unit.objects.filter(pk__in=list(ids)).order_by("sort_key"))
