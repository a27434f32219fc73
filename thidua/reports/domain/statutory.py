"""The yearly TĐKT statistics forms (Thông tư 02/2023/TT-BNV, series 0601–0605.N/BNV-TĐKT)
as data, and the pure arithmetic that fills them from aggregated counts.

A form's layout lives in `reports/data/statutory_forms.json`: its rows select award records
(by award code, level, form or category) or movements, its columns say what to count (all,
collectives, individuals, of whom women, direct workers, ethnic minorities, households).
`fill` turns counts into cells with totals; `check` compares a filled form with the award
records counted independently and returns `Reason`s for every disagreement.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from thidua.core.reasons import Reason
from thidua.reports.domain.stats import (
    COLLECTIVE,
    FEMALE,
    HOUSEHOLD,
    INDIVIDUAL,
    CountRow,
    is_minority,
)

AWARDS = "awards"
MOVEMENTS = "movements"
MEASURES = ("total", "collective", "individual", "women", "direct", "minority", "household")
BASIS = "Thông tư 02/2023/TT-BNV (chế độ báo cáo thống kê ngành Nội vụ)"


@dataclass(frozen=True)
class MovementCount:
    kind: str
    launch_level: str
    count: int


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    codes: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    movement_kinds: tuple[str, ...] = ()

    def selects(self, row: CountRow) -> bool:
        return (
            (not self.codes or row.code in self.codes)
            and (not self.levels or row.level in self.levels)
            and (not self.kinds or row.kind in self.kinds)
            and (not self.categories or row.category in self.categories)
        )


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    measure: str = ""  # awards forms: one of MEASURES
    launch_levels: tuple[str, ...] = ()  # movement form: which launch levels count


@dataclass(frozen=True)
class FormSpec:
    code: str
    title: str
    source: str
    basis: str
    confirmed: bool
    note: str
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]


def _strings(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return tuple(value)


def parse_forms(raw: Mapping[str, Any]) -> tuple[FormSpec, ...]:
    """The forms of the data file, checked: known sources and measures, unique keys."""
    forms: list[FormSpec] = []
    for item in raw.get("forms", []):
        source = item.get("source")
        if source not in (AWARDS, MOVEMENTS):
            raise ValueError(f"{item.get('code')}: unknown source {source!r}")
        rows = tuple(
            RowSpec(
                key=r["key"],
                label=r["label"],
                codes=_strings(r, "codes"),
                levels=_strings(r, "levels"),
                kinds=_strings(r, "kinds"),
                categories=_strings(r, "categories"),
                movement_kinds=_strings(r, "movement_kinds"),
            )
            for r in item["rows"]
        )
        columns = tuple(
            ColumnSpec(
                key=c["key"],
                label=c["label"],
                measure=c.get("measure", ""),
                launch_levels=_strings(c, "launch_levels"),
            )
            for c in item["columns"]
        )
        for column in columns:
            if source == AWARDS and column.measure not in MEASURES:
                raise ValueError(f"{item['code']}: unknown measure {column.measure!r}")
        if len({r.key for r in rows}) != len(rows) or len({c.key for c in columns}) != len(columns):
            raise ValueError(f"{item['code']}: duplicate row or column keys")
        forms.append(
            FormSpec(
                code=item["code"],
                title=item["title"],
                source=source,
                basis=item.get("basis", BASIS),
                confirmed=bool(item.get("confirmed", False)),
                note=item.get("note", ""),
                rows=rows,
                columns=columns,
            )
        )
    if len({f.code for f in forms}) != len(forms):
        raise ValueError("duplicate form codes")
    return tuple(forms)


def measure_of(row: CountRow, measure: str, majority: str) -> int:
    """How many of the row's records a column counts."""
    if measure == "total":
        return row.count
    if measure in (COLLECTIVE, HOUSEHOLD, INDIVIDUAL):
        return row.count if row.subject == measure else 0
    if row.subject != INDIVIDUAL:
        return 0
    if measure == "women":
        return row.count if row.gender == FEMALE else 0
    if measure == "direct":
        return row.count if row.direct else 0
    if measure == "minority":
        return row.count if is_minority(row.ethnicity, majority) else 0
    raise ValueError(measure)


@dataclass(frozen=True)
class FilledRow:
    number: str  # "1", "2", … as printed in the STT column
    key: str
    label: str
    cells: tuple[int, ...]


@dataclass(frozen=True)
class FilledForm:
    spec: FormSpec
    rows: tuple[FilledRow, ...]
    totals: tuple[int, ...]

    def column(self, key: str) -> int:
        index = [c.key for c in self.spec.columns].index(key)
        return self.totals[index]


def fill(
    spec: FormSpec,
    *,
    awards: Sequence[CountRow] = (),
    movements: Sequence[MovementCount] = (),
    majority: str = "Kinh",
) -> FilledForm:
    """Cells and totals of one form (numbers only: totals are computed here, not formulas)."""
    filled: list[FilledRow] = []
    for i, row_spec in enumerate(spec.rows, start=1):
        cells: list[int] = []
        for col in spec.columns:
            if spec.source == AWARDS:
                value = sum(
                    measure_of(r, col.measure, majority) for r in awards if row_spec.selects(r)
                )
            else:
                value = sum(
                    m.count
                    for m in movements
                    if (not row_spec.movement_kinds or m.kind in row_spec.movement_kinds)
                    and (not col.launch_levels or m.launch_level in col.launch_levels)
                )
            cells.append(value)
        filled.append(FilledRow(str(i), row_spec.key, row_spec.label, tuple(cells)))
    totals = tuple(sum(r.cells[j] for r in filled) for j in range(len(spec.columns)))
    return FilledForm(spec, tuple(filled), totals)


def covered(spec: FormSpec, awards: Iterable[CountRow]) -> int:
    """Records the form's rows select (each once, even if two rows would select it)."""
    return sum(r.count for r in awards if any(s.selects(r) for s in spec.rows))


def overlapping_rows(spec: FormSpec, awards: Iterable[CountRow]) -> list[str]:
    """Keys of rows that share records with an earlier row (the form would double count)."""
    if spec.source != AWARDS:
        return []
    keys: set[str] = set()
    for record in awards:
        hits = [s.key for s in spec.rows if s.selects(record)]
        if len(hits) > 1:
            keys.update(hits[1:])
    return sorted(keys)


def check(form: FilledForm, *, record_count: int, majority: str = "Kinh") -> list[Reason]:
    """Agreement of a filled awards form with the award records.

    `record_count` is the number of award records the form's rows select, counted directly
    from the records (not from the groups the form was filled from). Returns one Reason per
    disagreement; an empty list means the form agrees.
    """
    if form.spec.source != AWARDS:
        return []
    reasons: list[Reason] = []
    measures = [c.measure for c in form.spec.columns]
    if "total" in measures:
        total = form.totals[measures.index("total")]
        if total != record_count:
            reasons.append(
                Reason(
                    "FORM_TOTAL_DIFFERS",
                    f"Biểu {form.spec.code}: tổng số {total} khác số bản ghi khen thưởng "
                    f"{record_count}.",
                    form.spec.basis,
                )
            )
        parts = [m for m in (COLLECTIVE, INDIVIDUAL, HOUSEHOLD) if m in measures]
        if len(parts) == 3:
            for row in form.rows:
                whole = row.cells[measures.index("total")]
                split = sum(row.cells[measures.index(m)] for m in parts)
                if whole != split:
                    reasons.append(
                        Reason(
                            "FORM_ROW_SPLIT_DIFFERS",
                            f"Biểu {form.spec.code}, dòng {row.number} ({row.label}): tổng "
                            f"{whole} khác tập thể + cá nhân + hộ gia đình = {split}.",
                            form.spec.basis,
                        )
                    )
    if INDIVIDUAL in measures:
        individuals = form.totals[measures.index(INDIVIDUAL)]
        for sub in ("women", "direct", "minority"):
            if sub in measures and form.totals[measures.index(sub)] > individuals:
                label = form.spec.columns[measures.index(sub)].label
                reasons.append(
                    Reason(
                        "FORM_SUBSET_EXCEEDS",
                        f"Biểu {form.spec.code}: cột “{label}” lớn hơn số cá nhân.",
                        form.spec.basis,
                    )
                )
    return reasons
