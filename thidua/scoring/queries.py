"""Reads of scoring, scoped: a unit sees its own sheets and, once published, its cluster's
ranking; the cluster leader sees its cluster's sheets and draft ranking; the organising level
sees everything of its tables. Nobody sees another cluster's drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.permissions import Permission
from thidua.movements.models import Movement, Target
from thidua.movements.queries import visible_movements
from thidua.movements.services import target_units
from thidua.org.access import scope_for
from thidua.org.choices import ClusterRole
from thidua.org.models import Cluster, ClusterMember, Unit
from thidua.scoring import services
from thidua.scoring.choices import RankingState
from thidua.scoring.domain import progress, ranking, simulator
from thidua.scoring.models import (
    CriteriaTable,
    ProgressEvidence,
    ProgressReport,
    Ranking,
    ReportingPeriod,
    Review,
    ScoreEvidence,
    ScoreSheet,
)

# ------------------------------------------------------------------------------ visibility


def _led_clusters(user: Any) -> QuerySet[ClusterMember]:
    scope = scope_for(user, Permission.REVIEW_SCORES)
    return scope.filter(ClusterMember.objects.filter(role=ClusterRole.LEADER), "unit__path")


def visible_tables(user: Any) -> QuerySet[CriteriaTable]:
    """Tables the user's scope organises, or adopted tables its units are scored on."""
    view = scope_for(user, Permission.VIEW)
    if view.everything:
        return CriteriaTable.objects.all()
    if not view.paths:
        return CriteriaTable.objects.none()
    scored = ScoreSheet.objects.filter(view.q("unit__path")).values("table_id")
    led = ScoreSheet.objects.filter(cluster_id__in=_led_clusters(user).values("cluster_id")).values(
        "table_id"
    )
    return CriteriaTable.objects.filter(
        view.q("organiser__path") | Q(pk__in=scored) | Q(pk__in=led)
    ).distinct()


def get_table(user: Any, pk: int) -> CriteriaTable:
    table = (
        visible_tables(user)
        .select_related("organiser", "movement", "cluster")
        .filter(pk=pk)
        .first()
    )
    if table is None:
        raise Http404
    return table


def visible_sheets(user: Any) -> QuerySet[ScoreSheet]:
    view = scope_for(user, Permission.VIEW)
    if view.everything:
        return ScoreSheet.objects.all()
    if not view.paths:
        return ScoreSheet.objects.none()
    return ScoreSheet.objects.filter(
        view.q("unit__path")
        | view.q("table__organiser__path")
        | Q(cluster_id__in=_led_clusters(user).values("cluster_id"))
    )


def get_sheet(user: Any, pk: int) -> ScoreSheet:
    sheet = (
        visible_sheets(user)
        .select_related("table", "table__organiser", "cluster", "unit")
        .filter(pk=pk)
        .first()
    )
    if sheet is None:
        raise Http404
    return sheet


def visible_rankings(user: Any) -> QuerySet[Ranking]:
    """Drafts for the organising level and the cluster's leader; published rankings also for
    every member unit (and anyone whose scope covers one)."""
    view = scope_for(user, Permission.VIEW)
    if view.everything:
        return Ranking.objects.all()
    if not view.paths:
        return Ranking.objects.none()
    member_clusters = view.filter(ClusterMember.objects.all(), "unit__path").values("cluster_id")
    return Ranking.objects.filter(
        view.q("table__organiser__path")
        | Q(cluster_id__in=_led_clusters(user).values("cluster_id"))
        | (Q(state=RankingState.PUBLISHED) & Q(cluster_id__in=member_clusters))
    )


def get_ranking(user: Any, pk: int) -> Ranking:
    board = (
        visible_rankings(user)
        .select_related("table", "table__organiser", "cluster")
        .filter(pk=pk)
        .first()
    )
    if board is None:
        raise Http404
    return board


def get_movement(user: Any, pk: int) -> Movement:
    movement = visible_movements(user).select_related("organiser").filter(pk=pk).first()
    if movement is None:
        raise Http404
    return movement


def get_report(user: Any, pk: int) -> ProgressReport:
    scope = scope_for(user, Permission.VIEW)
    report = (
        ProgressReport.objects.filter(
            scope.q("unit__path") | scope.q("target__movement__organiser__path")
        )
        .select_related("target", "target__movement", "unit", "period")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def get_evidence(user: Any, pk: int) -> ProgressEvidence:
    evidence = ProgressEvidence.objects.filter(pk=pk).first()
    if evidence is None:
        raise Http404
    get_report(user, evidence.report_id)
    return evidence


def get_sheet_evidence(user: Any, pk: int) -> ScoreEvidence:
    evidence = ScoreEvidence.objects.filter(pk=pk).first()
    if evidence is None:
        raise Http404
    get_sheet(user, evidence.sheet_id)
    return evidence


def get_review(user: Any, pk: int) -> Review:
    review = Review.objects.select_related("movement", "movement__organiser").filter(pk=pk).first()
    if review is None or not visible_movements(user).filter(pk=review.movement_id).exists():
        raise Http404
    return review


def get_cluster(pk: int) -> Cluster:
    cluster = Cluster.objects.filter(pk=pk).first()
    if cluster is None:
        raise Http404
    return cluster


# -------------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class TargetStatus:
    target: Target
    value: Decimal | None
    status: str
    label: str
    units_reported: int
    units_total: int


@dataclass(frozen=True)
class PeriodProgress:
    period: ReportingPeriod | None
    rows: list[TargetStatus]
    tally: progress.Tally


def movement_progress(
    user: Any, movement: Movement, period: ReportingPeriod | None = None
) -> PeriodProgress:
    """Each target's value up to the period (sum over the units, or latest), its status and
    the count line. Units see their own figures only unless they see the whole movement."""
    from thidua.movements.queries import sees_everything_in

    everything = sees_everything_in(user, movement)
    scope = scope_for(user, Permission.VIEW)
    reports = ProgressReport.objects.filter(target__movement=movement).select_related("period")
    if period is not None:
        reports = reports.filter(period__end__lte=period.end)
    if not everything:
        reports = reports.filter(scope.q("unit__path"))
    latest: dict[tuple[int, int], ProgressReport] = {}
    for r in reports.order_by("period__end", "id"):
        latest[(r.target_id, r.unit_id)] = r
    rows = []
    for target in movement.targets.all():
        values = [r.value for (t, _), r in latest.items() if t == target.pk]
        if not values:
            value = None
        elif target.aggregation == "latest":
            value = values[-1]
        elif target.aggregation == "count_meeting":
            goal = target.unit_goal or Decimal(0)
            value = Decimal(sum(1 for v in values if v >= goal))
        else:
            value = sum(values, Decimal(0))
        if everything or target.unit_goal is None:
            st = progress.status(target.direction, target.low, target.high, value)
        else:  # a unit's own figure against what each unit must reach
            st = progress.status(target.direction, target.unit_goal, target.unit_goal, value)
        rows.append(
            TargetStatus(
                target,
                value,
                st,
                progress.LABELS[st],
                len(values),
                len(target_units(target)) if everything else 1,
            )
        )
    return PeriodProgress(period, rows, progress.tally([r.status for r in rows]))


@dataclass(frozen=True)
class OverdueRow:
    period: ReportingPeriod
    unit: Unit
    targets: list[Target]
    state: str  # due or overdue


def overdue(user: Any, today: date, window_days: int = 10) -> list[OverdueRow]:
    """Reports due within the window or overdue, for the units the user may see."""
    from datetime import timedelta

    scope = scope_for(user, Permission.VIEW)
    periods = ReportingPeriod.objects.filter(
        movement__in=visible_movements(user),
        due__lte=today + timedelta(days=window_days),
        due__gte=today - timedelta(days=services.OVERDUE_REMINDER_DAYS),
    ).select_related("movement")
    out = []
    for period in periods[:50]:
        owed = services.missing_reports(period)
        units = {u.pk: u for u in Unit.objects.filter(pk__in=list(owed)) if scope.contains(u.path)}
        for unit_id, unit in sorted(units.items(), key=lambda kv: kv[1].sort_key):
            state = progress.deadline_state(period.due, today, None, window_days)
            out.append(OverdueRow(period, unit, owed[unit_id], state))
    return out


@dataclass(frozen=True)
class RollupRow:
    unit: Unit
    value: Decimal
    depth: int


def rollup(user: Any, target: Target) -> list[RollupRow]:
    """A target's figures summed up the unit tree (latest report per unit)."""
    scope = scope_for(user, Permission.VIEW)
    latest: dict[int, Decimal] = {}
    for r in ProgressReport.objects.filter(target=target).order_by("period__end", "id"):
        latest[r.unit_id] = r.value
    units = {u.pk: u for u in Unit.objects.filter(pk__in=list(latest))}
    parent_of: dict[int, int | None] = {}
    for u in list(units.values()):
        ids = [int(p) for p in u.path.strip("/").split("/")]
        for child, parent in zip(ids[1:], ids[:-1], strict=True):
            parent_of[child] = parent
        parent_of.setdefault(ids[0], None)
    totals = progress.rollup(parent_of, latest, target.aggregation)
    all_units = {u.pk: u for u in Unit.objects.filter(pk__in=list(totals))}
    base = target.movement.organiser.depth
    rows = [
        RollupRow(all_units[k], v, all_units[k].depth - base)
        for k, v in totals.items()
        if k in all_units and scope.contains(all_units[k].path) and all_units[k].depth >= base
    ]
    rows.sort(key=lambda r: r.unit.path)
    return rows


# ---------------------------------------------------------------------------- rankings


@dataclass(frozen=True)
class Proposal:
    """What a review proposes, for the nominations app (the hand-off seam)."""

    unit_id: int | None
    unit_name: str
    person_id: int | None
    person_name: str
    award: str  # a code of the awards catalogue (e.g. CO_BT, BK_BT)
    reason: str
    review_id: int


def review_proposals(review: Review) -> list[Proposal]:
    """The units and people a review proposes, with the award code and reason."""
    return [
        Proposal(
            p.unit_id,
            p.unit.name if p.unit else "",
            p.person_id,
            p.person.full_name if p.person else "",
            p.award,
            p.reason,
            review.pk,
        )
        for p in review.proposals.select_related("unit", "person").order_by("id")
    ]


def explanation(board: Ranking, x_id: int, y_id: int) -> ranking.Explanation | None:
    scores = {s.unit_id: s for s in services.unit_scores(board.table, board.cluster)}
    if x_id not in scores or y_id not in scores:
        return None
    from thidua.scoring.models import Criterion

    titles = dict(Criterion.objects.filter(group__table=board.table).values_list("code", "title"))
    return ranking.explain(scores[x_id], scores[y_id], {k: f"{k}. {v}" for k, v in titles.items()})


def simulate(table: CriteriaTable, source: Ranking) -> simulator.Simulation:
    """Run `table` on the final values of an earlier (locked) ranking's sheets, matched by
    criterion code; criteria the old table lacks count as 0."""
    specs, n_groups = services.table_specs(table)
    sheets = (
        ScoreSheet.objects.filter(table=source.table, cluster=source.cluster)
        .select_related("unit")
        .prefetch_related("entries__criterion")
    )
    inputs = [
        simulator.UnitInput(
            s.unit_id,
            s.unit.name,
            s.unit.sort_key,
            {e.criterion.code: v for e in s.entries.all() if (v := _latest_value(e)) is not None},
        )
        for s in sheets
    ]
    return simulator.simulate(specs, inputs, n_groups, services.policy_of(table))


def _latest_value(entry: Any) -> Decimal | None:
    for v in (entry.final_value, entry.reviewed_value, entry.self_value):
        if v is not None:
            return v  # type: ignore[no-any-return]
    return None


def simulation_sources(user: Any, table: CriteriaTable) -> QuerySet[Ranking]:
    """Locked rankings of earlier years the user may see (last year's data)."""
    return (
        visible_rankings(user)
        .filter(table__year__lt=table.year)
        .select_related("table", "cluster")
        .order_by("-table__year", "id")
    )


def sheets_by_group(sheet: ScoreSheet) -> list[tuple[Any, list[Any]]]:
    entries = list(
        sheet.entries.select_related("criterion", "criterion__group").order_by(
            "criterion__group__position", "criterion__position", "id"
        )
    )
    groups: dict[int, tuple[Any, list[Any]]] = {}
    for e in entries:
        groups.setdefault(e.criterion.group_id, (e.criterion.group, []))[1].append(e)
    return list(groups.values())


def rows_with_units(board: Ranking) -> Sequence[Any]:
    return list(board.rows.select_related("unit").order_by("rank", "unit__sort_key"))
