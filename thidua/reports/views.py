"""Pages of the reports app: dashboards, statistics, statutory forms and the review report.

Every page needs `reports.view` somewhere (403 without it); a movement or unit outside the
user's scope is a 404. Figures are always limited to the user's scope.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from thidua.awards.choices import AwardLevel
from thidua.core.htmx import render_page
from thidua.council.choices import ItemResult
from thidua.movements.choices import WorkStatus
from thidua.nominations.choices import NomineeStatus
from thidua.reports import documents, excel, figures, queries
from thidua.reports.domain import charts
from thidua.reports.domain.stats import Share, vn_int, vn_percent
from thidua.reports.forms import StatisticsForm, StatutoryForm
from thidua.scoring.choices import SheetState

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
UNIT_CHOICES_CAP = 500  # a bound on the select box, not a legal figure


# Colours that carry meaning on the dashboard's rings: done/passed green, failed red.
WORK_TONES: dict[str, str] = {
    WorkStatus.COMPLETED: "ok",
    WorkStatus.IN_PROGRESS: "warn",
    WorkStatus.CANCELLED: "bad",
}
RESULT_TONES: dict[str, str] = {ItemResult.PASSED: "ok", ItemResult.FAILED: "bad"}


def _guard(request: HttpRequest) -> None:
    if not queries.can_view_reports(request.user):
        raise PermissionDenied


def _today() -> date:
    return timezone.localdate()


def _unit_choices(user: Any) -> list[tuple[int, str]]:
    qs = (
        queries.report_units(user)
        .filter(~Q(level__in=["village", "grassroots"]))
        .order_by("path")
        .values_list("pk", "name", "depth", "valid_to")[:UNIT_CHOICES_CAP]
    )
    out = []
    for pk, name, depth, valid_to in qs:
        label = "· " * depth + name + (f" ({_('until')} {valid_to:%d/%m/%Y})" if valid_to else "")
        out.append((pk, label))
    return out


def _attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _guard(request)
    from thidua.movements.queries import visible_movements

    movements = list(
        visible_movements(request.user)
        .exclude(state="draft")
        .select_related("organiser")
        .order_by("-start_date", "-pk")[:20]
    )
    return render_page(
        request,
        "reports/index.html",
        {
            "movements": movements,
            "units": queries.top_units(request.user),
            "nav_section": "reports",
        },
    )


# ------------------------------------------------------------------ movement dashboard


def _svg(markup: str) -> str:
    return mark_safe(markup)  # noqa: S308 - built by domain.charts with every text escaped


def movement_charts(f: queries.MovementFigures) -> dict[str, str]:
    targets = [
        charts.Progress(
            row.target.indicator,
            row.progress.percent / 100,
            _("%(achieved)s of %(goal)s — %(percent)s %%")
            % {
                "achieved": row.achieved_label or "0",
                "goal": row.label,
                "percent": row.progress.percent,
            }
            + (" ✓" if row.progress.met else ""),
            "ok" if row.progress.met else ("warn" if row.progress.percent >= 50 else "bad"),
        )
        for row in f.targets
    ]
    reg = Share(f.registered, f.participants)
    coverage = [
        charts.Progress(
            _("Units registered for the emulation"),
            (f.registered / f.participants) if f.participants else 0.0,
            _("%(done)s of %(total)s units (%(percent)s)")
            % {
                "done": vn_int(f.registered),
                "total": vn_int(f.participants),
                "percent": vn_percent(reg.percent),
            },
            "ok" if reg.percent is not None and reg.percent >= 80 else "warn",
        )
    ]
    c = f.compliance
    quota_total = sum(c.values())
    if quota_total:
        met = c.get("within", 0) + c.get("above", 0)
        coverage.append(
            charts.Progress(
                _("Units meeting their work quota"),
                met / quota_total,
                _("%(done)s of %(total)s (%(below)s below the quota)")
                % {
                    "done": vn_int(met),
                    "total": vn_int(quota_total),
                    "below": vn_int(c.get("below", 0)),
                },
                "ok" if not c.get("below") else "warn",
            )
        )
    works = [
        charts.Bar(str(WorkStatus(k).label), v, tone=WORK_TONES.get(k, ""))
        for k, v in sorted(
            f.works_by_status.items(), key=lambda kv: list(WorkStatus.values).index(kv[0])
        )
    ]
    sheets = [
        charts.Bar(str(SheetState(k).label), v)
        for k, v in sorted(
            f.sheets_by_state.items(), key=lambda kv: list(SheetState.values).index(kv[0])
        )
    ]
    nominees = [
        charts.Bar(str(NomineeStatus(k).label), v)
        for k, v in sorted(
            f.nominees_by_status.items(), key=lambda kv: list(NomineeStatus.values).index(kv[0])
        )
    ]
    council = [
        charts.Bar(str(ItemResult(k).label), v, tone=RESULT_TONES.get(k, ""))
        for k, v in sorted(
            f.council_by_result.items(), key=lambda kv: list(ItemResult.values).index(kv[0])
        )
    ]
    return {
        "targets": _svg(charts.progress_bars(targets, title=_("Targets"))),
        "coverage": _svg(charts.progress_bars(coverage, title=_("Registration and works"))),
        "works": _svg(charts.donut(works, title=_("Works by status"))),
        "sheets": _svg(charts.donut(sheets, title=_("Score sheets by state"))),
        "nominees": _svg(charts.bar_chart(nominees, title=_("Nominations in the pipeline"))),
        "council": _svg(charts.donut(council, title=_("Council results"))),
    }


def _headline(f: queries.MovementFigures) -> list[tuple[str, str, str]]:
    """(figure, what it is, tone) cards a leader reads first."""
    met = sum(1 for t in f.targets if t.progress.met)
    reg = Share(f.registered, f.participants)
    works_done = f.works_by_status.get(WorkStatus.COMPLETED, 0)
    works_all = sum(v for k, v in f.works_by_status.items() if k != WorkStatus.CANCELLED)
    decided = f.nominees_by_status.get(NomineeStatus.DECIDED, 0)
    return [
        (
            f"{met}/{len(f.targets)}",
            _("targets met"),
            "success" if f.targets and met == len(f.targets) else "warning",
        ),
        (
            vn_percent(reg.percent),
            _("of units registered"),
            "success" if (reg.percent or 0) >= 80 else "warning",
        ),
        (
            f"{vn_int(works_done)}/{vn_int(works_all)}",
            _("works completed"),
            "success" if works_all and works_done == works_all else "secondary",
        ),
        (
            vn_int(f.compliance.get("below", 0)),
            _("units below their work quota"),
            "danger" if f.compliance.get("below") else "success",
        ),
        (vn_int(sum(f.nominees_by_status.values())), _("nominations"), "secondary"),
        (vn_int(decided), _("awarded by decision"), "secondary"),
        (vn_int(len(f.risks)), _("deadlines at risk"), "danger" if f.risks else "success"),
    ]


def _by_rule(f: queries.MovementFigures) -> list[tuple[str, int, int]]:
    """(quota, units below it, units it applies to), one row per quota rule."""
    rows: dict[str, list[int]] = {}
    for r in f.compliance_rows:
        counts = rows.setdefault(r.rule.label, [0, 0])
        counts[0] += r.status == "below"
        counts[1] += 1
    return [(label, below, total) for label, (below, total) in rows.items()]


@login_required
def movement_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    movement = queries.get_movement(request.user, pk)
    _guard(request)
    f = queries.movement_figures(request.user, movement, _today())
    names = queries.award_names() if f.awards_by_code else {}
    return render_page(
        request,
        "reports/movement_dashboard.html",
        {
            "movement": movement,
            "f": f,
            "charts": movement_charts(f),
            "headline": _headline(f),
            "awards": [(names.get(k, k), vn_int(v)) for k, v in sorted(f.awards_by_code.items())],
            "below": [r for r in f.compliance_rows if r.status == "below"][:50],
            "quota_rules": _by_rule(f),
            "nav_section": "reports",
        },
    )


@login_required
def review_docx(request: HttpRequest, pk: int) -> HttpResponse:
    movement = queries.get_movement(request.user, pk)
    _guard(request)
    f = queries.movement_figures(request.user, movement, _today())
    final = request.GET.get("stage", "final") != "interim"
    data = documents.review_docx(f, final=final, today=_today(), names=queries.award_names())
    stage = "tong-ket" if final else "so-ket"
    return _attachment(data, DOCX, f"bao-cao-{stage}-phong-trao-{movement.pk}.docx")


# ----------------------------------------------------------------------- unit dashboard


@login_required
def unit_dashboard(request: HttpRequest) -> HttpResponse:
    _guard(request)
    raw = request.GET.get("unit", "")
    tops = queries.top_units(request.user)
    if raw.isdigit():
        unit = queries.get_report_unit(request.user, int(raw))
    elif tops:
        unit = tops[0]
    else:
        raise PermissionDenied
    today = _today()
    span = int(request.GET.get("years", "5")) if request.GET.get("years", "5").isdigit() else 5
    span = min(max(span, 1), 15)
    filters = queries.Filters(
        year_from=today.year - span,
        year_to=today.year,
        unit=unit,
        area_paths=queries.areas_for([unit])[0].paths,
    )
    stats = figures.statistics(request.user, filters)
    levels = [(k, str(v)) for k, v in AwardLevel.choices]
    years = [str(y) for y in filters.years]
    series = [
        (label, [stats.by_year_level.get(y, {}).get(k, 0) for y in years]) for k, label in levels
    ]
    s = stats.summary
    chart = {
        "years": _svg(charts.stacked_columns(years, series, title=_("Awards by year and level"))),
        "forms": _svg(
            charts.bar_chart(
                [
                    charts.Bar(k.key, k.count, f"({vn_percent(k.share.percent)})")
                    for k in stats.by_kind
                ],
                title=_("Awards by form"),
            )
        ),
        "people": _svg(
            charts.donut(
                [
                    charts.Bar(_("Collectives"), s.collectives),
                    charts.Bar(_("Individuals"), s.individuals),
                    charts.Bar(_("Households"), s.households),
                ],
                title=_("Who was awarded"),
            )
        ),
        "areas": _svg(
            charts.bar_chart(
                [charts.Bar(a.area.name, a.summary.total) for a in stats.areas if a.summary.total][
                    :25
                ],
                title=_("Awards by unit"),
            )
        ),
    }
    return render_page(
        request,
        "reports/unit_dashboard.html",
        {
            "unit": unit,
            "stats": stats,
            "chart": chart,
            "risks": queries.dossier_risks(request.user, unit, today),
            "bonus": vn_int(stats.bonus),
            "span": span,
            "unit_choices": _unit_choices(request.user),
            "nav_section": "reports",
        },
    )


# --------------------------------------------------------------------------- statistics


def _statistics(request: HttpRequest) -> tuple[StatisticsForm, figures.Statistics | None, str]:
    form = StatisticsForm(request.GET or None, units=_unit_choices(request.user))
    if not request.GET:
        form = StatisticsForm({"year_to": _today().year - 1}, units=_unit_choices(request.user))
    if not form.is_valid():
        return form, None, ""
    filters, unit = figures.filters_from(request.user, form.cleaned_data)
    scope_name = (
        unit.name if unit else ", ".join(u.name for u in queries.top_units(request.user)[:3])
    )
    return form, figures.statistics(request.user, filters), scope_name


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    _guard(request)
    form, result, scope_name = _statistics(request)
    chart = ""
    if result is not None and len(result.years) > 1:
        levels = list(AwardLevel.choices)
        years = [str(y.year) for y in result.years]
        chart = _svg(
            charts.stacked_columns(
                years,
                [
                    (str(label), [result.by_year_level.get(y, {}).get(k, 0) for y in years])
                    for k, label in levels
                ],
                title=_("Awards by year and level"),
            )
        )
    return render_page(
        request,
        "reports/statistics.html",
        {
            "form": form,
            "r": result,
            "scope_name": scope_name,
            "chart": chart,
            "query": request.GET.urlencode(),
            "nav_section": "reports",
        },
        partial="reports/_statistics_result.html",
    )


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    _guard(request)
    form, result, scope_name = _statistics(request)
    if result is None:
        response = render_page(
            request,
            "reports/statistics.html",
            {
                "form": form,
                "r": None,
                "scope_name": "",
                "chart": "",
                "query": "",
                "nav_section": "reports",
            },
        )
        response.status_code = 400
        return response
    data = excel.statistics_xlsx(result, scope_name=scope_name)
    f = result.filters
    return _attachment(data, XLSX, f"thong-ke-khen-thuong-{f.year_from}-{f.year_to}.xlsx")


# ------------------------------------------------------------------------ statutory forms


def _statutory(request: HttpRequest) -> tuple[StatutoryForm, list[figures.CheckedForm], int, str]:
    codes = [(f.code, f"{f.code} — {f.title}") for f in queries.forms()]
    form = StatutoryForm(request.GET or None, codes=codes, units=_unit_choices(request.user))
    if request.GET and not form.is_valid():
        return form, [], 0, ""
    data = form.cleaned_data if request.GET else {}
    year = data.get("year") or _today().year - 1
    unit = queries.get_report_unit(request.user, int(data["unit"])) if data.get("unit") else None
    chosen = [data["form"]] if data.get("form") else None
    unit_name = (
        unit.name if unit else ", ".join(u.name for u in queries.top_units(request.user)[:3])
    )
    return form, figures.statutory_forms(request.user, year, unit, chosen), year, unit_name


@login_required
def statutory(request: HttpRequest) -> HttpResponse:
    _guard(request)
    form, checked, year, unit_name = _statutory(request)
    return render_page(
        request,
        "reports/statutory.html",
        {
            "form": form,
            "checked": checked,
            "year": year,
            "unit_name": unit_name,
            "query": request.GET.urlencode(),
            "nav_section": "reports",
        },
    )


@login_required
def statutory_xlsx(request: HttpRequest) -> HttpResponse:
    _guard(request)
    form, checked, year, unit_name = _statutory(request)
    if not checked:
        response = render_page(
            request,
            "reports/statutory.html",
            {
                "form": form,
                "checked": [],
                "year": year,
                "unit_name": "",
                "query": "",
                "nav_section": "reports",
            },
        )
        response.status_code = 400
        return response
    data = excel.statutory_xlsx(checked, year=year, unit_name=unit_name)
    return _attachment(data, XLSX, f"bieu-thong-ke-tdkt-{year}.xlsx")
