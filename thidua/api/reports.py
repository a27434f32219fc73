"""API of the reports app (thin: the same filters, queries and figures as the pages)."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from thidua.core.errors import DomainError, PermissionDenied
from thidua.reports import figures, queries
from thidua.reports.domain.stats import Summary
from thidua.reports.forms import StatisticsForm

router = Router(tags=["reports"])


class SummaryOut(Schema):
    total: int
    collectives: int
    individuals: int
    households: int
    women: int
    women_percent: Decimal | None
    direct: int
    direct_percent: Decimal | None
    minority: int
    minority_percent: Decimal | None


class YearOut(Schema):
    year: int
    total: int
    change: int | None


class AreaOut(Schema):
    unit_id: int
    unit: str
    total: int
    women: int
    direct: int


class CountOut(Schema):
    key: str
    count: int
    percent: Decimal | None


class StatisticsOut(Schema):
    year_from: int
    year_to: int
    unit_id: int | None
    summary: SummaryOut
    years: list[YearOut]
    units: list[AreaOut]
    awards: list[CountOut]
    bonus: Decimal


class TargetOut(Schema):
    indicator: str
    goal: str
    achieved: str
    percent: int
    met: bool


class RiskOut(Schema):
    label: str
    due: str
    level: str
    message: str


class DashboardOut(Schema):
    movement_id: int
    name: str
    state: str
    participants: int
    registered: int
    targets: list[TargetOut]
    works_by_status: dict[str, int]
    quota: dict[str, int]
    score_sheets_by_state: dict[str, int]
    nominees_by_status: dict[str, int]
    council_by_result: dict[str, int]
    awards_by_code: dict[str, int]
    risks: list[RiskOut]


def _guard(request: HttpRequest) -> None:
    if not queries.can_view_reports(request.user):
        raise PermissionDenied


def _summary(s: Summary) -> SummaryOut:
    return SummaryOut(
        total=s.total,
        collectives=s.collectives,
        individuals=s.individuals,
        households=s.households,
        women=s.women,
        women_percent=s.women_share.percent,
        direct=s.direct,
        direct_percent=s.direct_share.percent,
        minority=s.minority,
        minority_percent=s.minority_share.percent,
    )


@router.get("/statistics", response=StatisticsOut, url_name="reports_statistics")
def statistics(request: HttpRequest) -> StatisticsOut:
    """Award counts and shares for the filters of the statistics page (`year_from`,
    `year_to`, `unit`, `level`, `kind`, `subject`, `gender`, `ethnicity`, `direct`)."""
    _guard(request)
    form = StatisticsForm(request.GET)
    form.fields["unit"].widget.choices = []
    if not form.is_valid():
        fields = {k: str(v[0]) for k, v in form.errors.items()}
        raise DomainError("INVALID_FILTERS", "Bộ lọc không hợp lệ.", fields=fields)
    filters, unit = figures.filters_from(request.user, form.cleaned_data)
    r = figures.statistics(request.user, filters)
    return StatisticsOut(
        year_from=filters.year_from,
        year_to=filters.year_to,
        unit_id=unit.pk if unit else None,
        summary=_summary(r.summary),
        years=[
            YearOut(year=y.year, total=y.summary.total, change=y.change.delta if y.change else None)
            for y in r.years
        ],
        units=[
            AreaOut(
                unit_id=a.area.id,
                unit=a.area.name,
                total=a.summary.total,
                women=a.summary.women,
                direct=a.summary.direct,
            )
            for a in r.areas
        ],
        awards=[CountOut(key=k.key, count=k.count, percent=k.share.percent) for k in r.by_award],
        bonus=r.bonus,
    )


@router.get(
    "/movements/{movement_id}/dashboard",
    response=DashboardOut,
    url_name="reports_movement_dashboard",
)
def movement_dashboard(request: HttpRequest, movement_id: int) -> DashboardOut:
    """The figures of a movement's dashboard."""
    movement = queries.get_movement(request.user, movement_id)
    _guard(request)
    f = queries.movement_figures(request.user, movement, timezone.localdate())
    return DashboardOut(
        movement_id=movement.pk,
        name=movement.name,
        state=movement.state,
        participants=f.participants,
        registered=f.registered,
        targets=[
            TargetOut(
                indicator=t.target.indicator,
                goal=t.label,
                achieved=t.achieved_label,
                percent=t.progress.percent,
                met=t.progress.met,
            )
            for t in f.targets
        ],
        works_by_status=f.works_by_status,
        quota=f.compliance,
        score_sheets_by_state=f.sheets_by_state,
        nominees_by_status=f.nominees_by_status,
        council_by_result={k or "pending": v for k, v in f.council_by_result.items()},
        awards_by_code=f.awards_by_code,
        risks=[
            RiskOut(
                label=r.deadline.label,
                due=r.deadline.due.isoformat(),
                level=r.level,
                message=r.reason.message,
            )
            for r in f.risks
        ],
    )
