"""Figures for the pages, the exports and the API: queries (grouped counts) in, domain
arithmetic over them, plain dataclasses out. A fixed number of queries per call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from thidua.awards.choices import AwardKind, AwardLevel
from thidua.org.models import Unit
from thidua.reports import queries
from thidua.reports.domain import stats, statutory
from thidua.reports.domain.stats import Area, AreaRow, CountRow, KeyRow, Summary, YearRow


@dataclass(frozen=True)
class Statistics:
    filters: queries.Filters
    summary: Summary
    years: list[YearRow]
    areas: list[AreaRow]
    outside_areas: int
    by_award: list[KeyRow]
    by_level: list[KeyRow]
    by_kind: list[KeyRow]
    names: dict[str, str]
    bonus: Decimal
    by_year_level: dict[str, dict[str, int]]

    @property
    def award_rows(self) -> list[tuple[str, KeyRow]]:
        return [(self.names.get(k.key, k.key), k) for k in self.by_award]


def filters_from(user: Any, data: dict[str, Any]) -> tuple[queries.Filters, Unit | None]:
    """Filters from a valid form's cleaned data; the unit (if any) with its predecessors."""
    unit = None
    paths: tuple[str, ...] = ()
    if data.get("unit"):
        unit = queries.get_report_unit(user, int(data["unit"]))
        paths = queries.areas_for([unit])[0].paths
    return (
        queries.Filters(
            year_from=int(data["year_from"]),
            year_to=int(data["year_to"]),
            unit=unit,
            level=data.get("level") or "",
            kind=data.get("kind") or "",
            award=data.get("award") or "",
            subject=data.get("subject") or "",
            gender=data.get("gender") or "",
            ethnicity=data.get("ethnicity") or "",
            direct=data.get("direct") or "",
            area_paths=paths,
        ),
        unit,
    )


def comparison_units(user: Any, filters: queries.Filters) -> list[Unit]:
    """Children of the chosen unit, or (none chosen) the user's top units — or their
    children when there is just one."""
    on = date(filters.year_to, 1, 1)
    if filters.unit is not None:
        return queries.child_units(filters.unit, on)
    tops = queries.top_units(user)
    if len(tops) == 1:
        return queries.child_units(tops[0], on)
    return tops


def statistics(user: Any, filters: queries.Filters) -> Statistics:
    majority = queries.majority_ethnicity()
    rows: list[CountRow] = queries.award_counts(user, filters)
    areas: list[Area] = queries.areas_for(comparison_units(user, filters))
    area_rows = stats.by_area(rows, areas, majority)
    total = sum(r.count for r in rows)
    levels = dict(AwardLevel.choices)
    kinds = dict(AwardKind.choices)
    return Statistics(
        filters=filters,
        summary=stats.summarise(rows, majority),
        years=stats.by_year(rows, filters.years, majority),
        areas=area_rows,
        outside_areas=total - sum(a.summary.total for a in area_rows),
        by_award=stats.by_key(rows, lambda r: r.code),
        by_level=[
            KeyRow(str(levels.get(k.key, k.key)), k.count, k.share)
            for k in stats.by_key(rows, lambda r: r.level)
        ],
        by_kind=[
            KeyRow(str(kinds.get(k.key, k.key)), k.count, k.share)
            for k in stats.by_key(rows, lambda r: r.kind)
        ],
        names=queries.award_names(),
        bonus=queries.bonus_total(user, filters),
        by_year_level=stats.cross_tab(rows, lambda r: str(r.year), lambda r: r.level),
    )


@dataclass(frozen=True)
class CheckedForm:
    form: statutory.FilledForm
    record_count: int | None
    reasons: list[Any]
    overlaps: list[str]


def statutory_forms(
    user: Any, year: int, unit: Unit | None, codes: list[str] | None = None
) -> list[CheckedForm]:
    """The chosen forms for a year, filled and checked against the records."""
    paths = queries.areas_for([unit])[0].paths if unit is not None else ()
    filters = queries.Filters(year_from=year, year_to=year, unit=unit, area_paths=paths)
    majority = queries.majority_ethnicity()
    specs = [f for f in queries.forms() if not codes or f.code in codes]
    awards = (
        queries.award_counts(user, filters)
        if any(s.source == statutory.AWARDS for s in specs)
        else []
    )
    movements = (
        queries.movement_counts(user, filters)
        if any(s.source == statutory.MOVEMENTS for s in specs)
        else []
    )
    out = []
    for spec in specs:
        filled = statutory.fill(spec, awards=awards, movements=movements, majority=majority)
        if spec.source == statutory.AWARDS:
            count = queries.record_count(user, filters, spec)
            reasons = statutory.check(filled, record_count=count, majority=majority)
            overlaps = statutory.overlapping_rows(spec, awards)
        else:
            count, reasons, overlaps = None, [], []
        out.append(CheckedForm(filled, count, reasons, overlaps))
    return out
