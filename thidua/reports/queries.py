"""Reads of the reports app: grouped counts (one GROUP BY per figure set, whatever the data
size), always inside the user's `reports.view` scope (their units' subtrees and the units
whose history those took over). The arithmetic on the counts is in `reports/domain/`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Case, CharField, Count, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404

from thidua.accounts.permissions import Permission
from thidua.awards.models import AwardRecord, AwardType
from thidua.council.models import AgendaItem
from thidua.movements import queries as movement_queries
from thidua.movements.choices import MovementState
from thidua.movements.domain import quotas
from thidua.movements.models import Movement
from thidua.nominations.models import Dossier, Nominee
from thidua.org.access import Scope, scope_for
from thidua.org.models import LineageEvent, Unit
from thidua.reports.domain.deadlines import Deadline, Risk, at_risk
from thidua.reports.domain.stats import Area, CountRow
from thidua.reports.domain.statutory import FormSpec, MovementCount, parse_forms
from thidua.scoring.models import ScoreSheet

DATA = Path(__file__).parent / "data" / "statutory_forms.json"


@cache
def _data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


@cache
def forms() -> tuple[FormSpec, ...]:
    return parse_forms(_data())


def majority_ethnicity() -> str:
    value: str = _data()["majority_ethnicity"]["value"]
    return value


def deadline_window() -> int:
    value: int = _data()["deadline_window_days"]["value"]
    return value


# ----------------------------------------------------------------------------- scope


def reports_scope(user: Any) -> Scope:
    return scope_for(user, Permission.VIEW_REPORTS)


def can_view_reports(user: Any) -> bool:
    scope = reports_scope(user)
    return scope.everything or bool(scope.paths)


def _records_in(scope: Scope) -> Q:
    if scope.everything:
        return Q()
    return scope.q("person__unit__path") | scope.q("unit__path") | scope.q("household__unit__path")


def _paths_q(paths: tuple[str, ...]) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= (
            Q(person__unit__path__startswith=path)
            | Q(unit__path__startswith=path)
            | Q(household__unit__path__startswith=path)
        )
    return condition


def lineage_map() -> dict[int, set[int]]:
    """{successor id: ids of its direct predecessors}, from every lineage event (one query;
    the lineage graph is small: one row per reorganised unit)."""
    through = LineageEvent.predecessors.through
    graph: dict[int, set[int]] = {}
    rows = through.objects.values_list("unit_id", "lineageevent__successors")
    for pred, succ in rows:
        if succ is not None and succ != pred:
            graph.setdefault(succ, set()).add(pred)
    return graph


def closure(unit_id: int, graph: dict[int, set[int]]) -> set[int]:
    """The unit and every unit whose history flows into it (transitively)."""
    found = {unit_id}
    frontier = [unit_id]
    while frontier:
        current = frontier.pop()
        for pred in graph.get(current, ()):
            if pred not in found:
                found.add(pred)
                frontier.append(pred)
    return found


def areas_for(units: list[Unit]) -> list[Area]:
    """Each unit with the paths of its subtree and of its predecessors' subtrees (2 queries)."""
    graph = lineage_map()
    closures = {u.pk: closure(u.pk, graph) for u in units}
    ids = set().union(*closures.values()) if closures else set()
    paths = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "path"))
    return [
        Area(u.pk, u.name, tuple(sorted({paths[i] for i in closures[u.pk] if i in paths})))
        for u in units
    ]


def report_units(user: Any) -> QuerySet[Unit]:
    """Units the user may report on."""
    return reports_scope(user).filter(Unit.objects.all())


def get_report_unit(user: Any, pk: int) -> Unit:
    unit = report_units(user).filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def top_units(user: Any) -> list[Unit]:
    """The roots of what the user may report on (active ones first)."""
    scope = reports_scope(user)
    qs = Unit.objects.all() if scope.everything else Unit.objects.filter(path__in=scope.paths)
    if scope.everything:
        qs = qs.filter(parent__isnull=True)
    return list(qs.order_by("valid_to", "sort_key"))


def child_units(unit: Unit, on: date) -> list[Unit]:
    """The unit's children still active on `on` (ended ones pass their history to them)."""
    return list(
        Unit.objects.filter(parent=unit)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("sort_key", "pk")
    )


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class Filters:
    year_from: int
    year_to: int
    unit: Unit | None = None
    level: str = ""
    kind: str = ""
    award: str = ""
    subject: str = ""
    gender: str = ""
    ethnicity: str = ""  # "" / majority / minority
    direct: str = ""  # "" / yes / no
    area_paths: tuple[str, ...] = field(default=())

    @property
    def years(self) -> list[int]:
        return list(range(self.year_from, self.year_to + 1))


SUBJECT = Case(
    When(person__isnull=False, then=Value("individual")),
    When(unit__isnull=False, then=Value("collective")),
    default=Value("household"),
    output_field=CharField(),
)


def records(user: Any, filters: Filters) -> QuerySet[AwardRecord]:
    """Award records in force (not revoked) that the filters select, in the user's scope."""
    qs = AwardRecord.objects.filter(
        _records_in(reports_scope(user)),
        revoked=False,
        year__gte=filters.year_from,
        year__lte=filters.year_to,
    )
    if filters.area_paths:
        qs = qs.filter(_paths_q(filters.area_paths))
    if filters.level:
        qs = qs.filter(award_type__level=filters.level)
    if filters.kind:
        qs = qs.filter(award_type__kind=filters.kind)
    if filters.award:
        qs = qs.filter(award_type__code=filters.award)
    if filters.subject == "individual":
        qs = qs.filter(person__isnull=False)
    elif filters.subject == "collective":
        qs = qs.filter(unit__isnull=False)
    elif filters.subject == "household":
        qs = qs.filter(household__isnull=False)
    if filters.gender:
        qs = qs.filter(person__gender=filters.gender)
    if filters.ethnicity == "majority":
        qs = qs.filter(person__ethnicity__iexact=majority_ethnicity())
    elif filters.ethnicity == "minority":
        qs = qs.filter(person__isnull=False).exclude(
            Q(person__ethnicity__iexact=majority_ethnicity()) | Q(person__ethnicity="")
        )
    if filters.direct == "yes":
        qs = qs.filter(person__is_direct_worker=True)
    elif filters.direct == "no":
        qs = qs.filter(person__isnull=False, person__is_direct_worker=False)
    return qs


def award_counts(user: Any, filters: Filters) -> list[CountRow]:
    """The selected records grouped by everything the statistics and forms need (1 query)."""
    rows = (
        records(user, filters)
        .annotate(
            subject_kind=SUBJECT,
            where=Coalesce("person__unit__path", "unit__path", "household__unit__path"),
        )
        .values(
            "year",
            "award_type__code",
            "award_type__level",
            "award_type__kind",
            "category",
            "subject_kind",
            "person__gender",
            "person__ethnicity",
            "person__is_direct_worker",
            "where",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        CountRow(
            year=r["year"],
            code=r["award_type__code"],
            level=r["award_type__level"],
            kind=r["award_type__kind"],
            category=r["category"],
            subject=r["subject_kind"],
            gender=r["person__gender"] or "",
            ethnicity=r["person__ethnicity"] or "",
            direct=bool(r["person__is_direct_worker"]),
            unit_path=r["where"] or "",
            count=r["n"],
        )
        for r in rows
    ]


def award_names() -> dict[str, str]:
    return dict(AwardType.objects.values_list("code", "name"))


def record_count(user: Any, filters: Filters, spec: FormSpec) -> int:
    """The records a form's rows select, counted straight from the table (the check's
    independent side: it does not reuse the grouped counts the form was filled from)."""
    selection = Q(pk__in=[])
    for row in spec.rows:
        condition = Q()
        if row.codes:
            condition &= Q(award_type__code__in=row.codes)
        if row.levels:
            condition &= Q(award_type__level__in=row.levels)
        if row.kinds:
            condition &= Q(award_type__kind__in=row.kinds)
        if row.categories:
            condition &= Q(category__in=row.categories)
        selection |= condition
    return records(user, filters).filter(selection).count()


def movement_counts(user: Any, filters: Filters) -> list[MovementCount]:
    """Movements (not drafts) running in the period, organised in the scope (1 query)."""
    scope = reports_scope(user)
    qs = Movement.objects.exclude(state=MovementState.DRAFT).filter(
        start_date__year__lte=filters.year_to, end_date__year__gte=filters.year_from
    )
    qs = scope.filter(qs, "organiser__path")
    if filters.area_paths:
        condition = Q(pk__in=[])
        for path in filters.area_paths:
            condition |= Q(organiser__path__startswith=path)
        qs = qs.filter(condition)
    rows = qs.values("kind", "launch_level").annotate(n=Count("id")).order_by()
    return [MovementCount(r["kind"], r["launch_level"], r["n"]) for r in rows]


def bonus_total(user: Any, filters: Filters) -> Decimal:
    """Bonus money of the selected records that came from a decision (1 query)."""
    total = records(user, filters).aggregate(total=Sum("decision_item__bonus"))["total"]
    return total or Decimal(0)


# ------------------------------------------------------------------- movement dashboard


@dataclass(frozen=True)
class MovementFigures:
    movement: Movement
    targets: list[movement_queries.TargetRow]
    participants: int
    registered: int
    compliance: dict[str, int]
    compliance_rows: list[quotas.Compliance]
    works_by_status: dict[str, int]
    sheets_by_state: dict[str, int]
    nominees_by_status: dict[str, int]
    council_by_result: dict[str, int]
    awards_by_code: dict[str, int]
    risks: list[Risk]
    sees_all: bool


def get_movement(user: Any, pk: int) -> Movement:
    return movement_queries.get_movement(user, pk)


def movement_figures(user: Any, movement: Movement, today: date) -> MovementFigures:
    """Everything the movement dashboard shows, in a fixed number of queries."""
    sees_all = reports_scope(user).contains(movement.organiser.path)
    unit_q = movement_queries.unit_q(user, movement)
    coverage = movement_queries.coverage(user, movement)
    compliance_rows = movement_queries.compliance(user, movement)
    works = dict(
        movement.works.filter(unit_q)
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("status", "n")
    )
    sheets = dict(
        ScoreSheet.objects.filter(table__movement=movement)
        .filter(movement_queries.unit_q(user, movement))
        .values("state")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("state", "n")
    )
    nominees_qs = Nominee.objects.filter(dossier__movement=movement)
    if not sees_all:
        nominees_qs = nominees_qs.filter(reports_scope(user).q("dossier__proposing_unit__path"))
    nominees = dict(
        nominees_qs.values("status").annotate(n=Count("id")).order_by().values_list("status", "n")
    )
    council = dict(
        AgendaItem.objects.filter(nominee__in=nominees_qs.values("pk"))
        .values("result")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("result", "n")
    )
    awards = dict(
        AwardRecord.objects.filter(
            decision_item__nominee__in=nominees_qs.values("pk"), revoked=False
        )
        .values("award_type__code")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("award_type__code", "n")
    )
    return MovementFigures(
        movement=movement,
        targets=movement_queries.target_rows(movement),
        participants=len(coverage),
        registered=sum(1 for row in coverage if row.registration is not None),
        compliance=quotas.summary(compliance_rows),
        compliance_rows=compliance_rows,
        works_by_status=works,
        sheets_by_state=sheets,
        nominees_by_status=nominees,
        council_by_result=council,
        awards_by_code=awards,
        risks=movement_risks(user, movement, today, coverage_done=_all_registered(coverage)),
        sees_all=sees_all,
    )


def _all_registered(coverage: list[movement_queries.CoverageRow]) -> bool:
    return all(row.registration is not None for row in coverage)


_REVIEWED = {
    "interim": {MovementState.FINAL_REVIEW, MovementState.CLOSED},
    "final": {MovementState.CLOSED},
}


def movement_risks(
    user: Any, movement: Movement, today: date, *, coverage_done: bool
) -> list[Risk]:
    """Deadlines of the movement that are overdue or due soon (2 queries)."""
    basis = movement.document_label if hasattr(movement, "document_label") else ""
    items: list[Deadline] = []
    closed = movement.state == MovementState.CLOSED
    if movement.registration_deadline:
        items.append(
            Deadline(
                "Hạn đăng ký thi đua",
                movement.registration_deadline,
                closed or coverage_done,
                str(basis),
            )
        )
    if movement.results_due:
        items.append(Deadline("Hạn hoàn thành nội dung", movement.results_due, closed, str(basis)))
    for milestone in movement.milestones.all():
        done = movement.state in _REVIEWED.get(milestone.kind, set())
        label = milestone.title or str(milestone.get_kind_display())
        items.append(Deadline(label, milestone.due_date, done, str(basis)))
    dossiers = Dossier.objects.filter(movement=movement, due_on__isnull=False).select_related(
        "proposing_unit"
    )
    if not reports_scope(user).contains(movement.organiser.path):
        dossiers = dossiers.filter(reports_scope(user).q("proposing_unit__path"))
    for d in dossiers:
        items.append(
            Deadline(
                f"Hồ sơ đề nghị: {d.title}",
                d.due_on,  # type: ignore[arg-type]
                d.submitted_on is not None,
                "",
            )
        )
    return at_risk(items, today, deadline_window())


# ----------------------------------------------------------------------- unit dashboard


def dossier_risks(user: Any, unit: Unit, today: date) -> list[Risk]:
    """Nomination dossiers of the unit's subtree not yet submitted and due soon or overdue."""
    dossiers = (
        Dossier.objects.filter(proposing_unit__path__startswith=unit.path, due_on__isnull=False)
        .filter(submitted_on__isnull=True)
        .filter(reports_scope(user).q("proposing_unit__path"))
        .order_by("due_on")[:200]
    )
    items = [
        Deadline(f"Hồ sơ đề nghị: {d.title}", d.due_on, False, "")  # type: ignore[arg-type]
        for d in dossiers
    ]
    return at_risk(items, today, deadline_window())
