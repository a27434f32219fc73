"""Award statistics as arithmetic on aggregated counts (pure: no Django, no I/O).

The database groups award records once (`reports.queries.award_counts`); everything here
rolls those groups up: totals, shares (women, people who directly work and produce, ethnic
minorities), year-over-year and unit-by-unit comparisons.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from thidua.core.text import group_digits

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
HOUSEHOLD = "household"
FEMALE = "female"


@dataclass(frozen=True)
class CountRow:
    """One group of award records with the same attributes, and how many there are."""

    year: int
    code: str
    level: str
    kind: str
    category: str
    subject: str  # individual / collective / household
    gender: str  # "" for collectives and households
    ethnicity: str
    direct: bool
    unit_path: str
    count: int


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> Decimal | None:
        """Percentage with one decimal, half-up; None when there is nothing to divide."""
        if self.whole <= 0:
            return None
        value = Decimal(self.part) * 100 / Decimal(self.whole)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Summary:
    total: int
    individuals: int
    collectives: int
    households: int
    women: int
    direct: int
    minority: int

    @property
    def women_share(self) -> Share:
        return Share(self.women, self.individuals)

    @property
    def direct_share(self) -> Share:
        return Share(self.direct, self.individuals)

    @property
    def minority_share(self) -> Share:
        return Share(self.minority, self.individuals)


def is_minority(ethnicity: str, majority: str) -> bool:
    """A person of an ethnic minority: a known ethnicity other than the majority one."""
    return bool(ethnicity) and ethnicity.casefold() != majority.casefold()


def summarise(rows: Iterable[CountRow], majority: str) -> Summary:
    total = individuals = collectives = households = women = direct = minority = 0
    for row in rows:
        total += row.count
        if row.subject == INDIVIDUAL:
            individuals += row.count
            women += row.count if row.gender == FEMALE else 0
            direct += row.count if row.direct else 0
            minority += row.count if is_minority(row.ethnicity, majority) else 0
        elif row.subject == COLLECTIVE:
            collectives += row.count
        else:
            households += row.count
    return Summary(total, individuals, collectives, households, women, direct, minority)


def group(
    rows: Iterable[CountRow], key: Callable[[CountRow], Hashable]
) -> dict[Hashable, list[CountRow]]:
    grouped: dict[Hashable, list[CountRow]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return dict(grouped)


@dataclass(frozen=True)
class Change:
    """A figure against the one it is compared with (previous year, another unit)."""

    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def percent(self) -> Decimal | None:
        if self.before <= 0:
            return None
        value = Decimal(self.delta) * 100 / Decimal(self.before)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class YearRow:
    year: int
    summary: Summary
    change: Change | None  # against the previous year of the period


def by_year(rows: Sequence[CountRow], years: Sequence[int], majority: str) -> list[YearRow]:
    """One row per year of the period (years without awards count zero)."""
    grouped = group(rows, lambda r: r.year)
    out: list[YearRow] = []
    previous: Summary | None = None
    for year in years:
        summary = summarise(grouped.get(year, []), majority)
        change = Change(previous.total, summary.total) if previous is not None else None
        out.append(YearRow(year, summary, change))
        previous = summary
    return out


@dataclass(frozen=True)
class Area:
    """A unit to compare: its id, name and the paths whose records belong to it (its subtree
    and the subtrees of the units whose history it took over)."""

    id: int
    name: str
    paths: tuple[str, ...]

    def holds(self, path: str) -> bool:
        return any(path.startswith(p) for p in self.paths)


@dataclass(frozen=True)
class AreaRow:
    area: Area
    summary: Summary
    share_of_total: Share


def by_area(rows: Sequence[CountRow], areas: Sequence[Area], majority: str) -> list[AreaRow]:
    """Each area's records (a record lying in two areas' paths counts for the first)."""
    buckets: dict[int, list[CountRow]] = {a.id: [] for a in areas}
    for row in rows:
        for area in areas:
            if row.unit_path and area.holds(row.unit_path):
                buckets[area.id].append(row)
                break
    total = sum(r.count for r in rows)
    out = []
    for area in areas:
        summary = summarise(buckets[area.id], majority)
        out.append(AreaRow(area, summary, Share(summary.total, total)))
    return out


@dataclass(frozen=True)
class KeyRow:
    key: str
    count: int
    share: Share


def by_key(rows: Sequence[CountRow], key: Callable[[CountRow], str]) -> list[KeyRow]:
    """Counts per key (award, level, form…), largest first, with their share of the total."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[key(row)] += row.count
    total = sum(counts.values())
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [KeyRow(k, n, Share(n, total)) for k, n in ordered]


def cross_tab(
    rows: Sequence[CountRow],
    row_key: Callable[[CountRow], str],
    col_key: Callable[[CountRow], str],
) -> dict[str, dict[str, int]]:
    """{row: {column: count}}, for stacked charts (e.g. awards by year and level)."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        table[row_key(row)][col_key(row)] += row.count
    return {k: dict(v) for k, v in table.items()}


def vn_int(value: int | Decimal | None) -> str:
    """1234567 → "1.234.567" (Vietnamese grouping); "—" for nothing."""
    if value is None:
        return "—"
    return group_digits(int(value))


def vn_percent(value: Decimal | None) -> str:
    """Decimal("12.5") → "12,5 %" (Vietnamese decimal comma); "—" for nothing."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + " %"
