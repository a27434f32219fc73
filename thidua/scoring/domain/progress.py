"""Progress against targets: status of one value (đạt / vượt / chưa đạt), the count line
("14/15 chỉ tiêu đạt và vượt"), roll-up along the unit tree, reporting periods and
deadlines (due / overdue)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from thidua.org.domain.reasons import Reason

BASIS = "Thông tư 01/2024/TT-BNV (theo dõi, báo cáo kết quả phong trào thi đua)"

EXCEEDED = "exceeded"
MET = "met"
NOT_MET = "not_met"
NO_DATA = "no_data"
LABELS = {EXCEEDED: "vượt", MET: "đạt", NOT_MET: "chưa đạt", NO_DATA: "chưa báo cáo"}

MONTHLY = "monthly"
QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
YEARLY = "yearly"


def status(direction: str, low: Decimal | None, high: Decimal | None, value: Decimal | None) -> str:
    """đạt (met) when the value meets the target exactly at its bound; vượt (exceeded) when it
    goes beyond it in the good direction; "between" targets are met inside the range and
    exceeded above it."""
    if value is None:
        return NO_DATA
    if direction == "at_most":
        if high is None:
            return NO_DATA
        return EXCEEDED if value < high else MET if value == high else NOT_MET
    if direction == "between":
        if low is None or high is None:
            return NO_DATA
        return EXCEEDED if value > high else MET if value >= low else NOT_MET
    if direction == "exactly":
        return MET if low is not None and value == low else NOT_MET
    if low is None:
        return NO_DATA
    return EXCEEDED if value > low else MET if value == low else NOT_MET


@dataclass(frozen=True)
class Tally:
    met_or_exceeded: int
    total: int

    @property
    def line(self) -> str:
        return f"{self.met_or_exceeded}/{self.total} chỉ tiêu đạt và vượt"


def tally(statuses: Sequence[str]) -> Tally:
    return Tally(sum(1 for s in statuses if s in (MET, EXCEEDED)), len(statuses))


def rollup(
    parent_of: Mapping[int, int | None], values: Mapping[int, Decimal], aggregation: str
) -> dict[int, Decimal]:
    """Each unit's value including its descendants: the sum (``sum``, ``count_meeting``) or the
    latest reported own value (``latest`` is not additive: own value, else the children's
    sum is not meaningful, so only units that reported get one)."""
    if aggregation == "latest":
        return dict(values)
    totals: dict[int, Decimal] = {}
    for unit_id, value in values.items():
        seen: set[int] = set()
        node: int | None = unit_id
        while node is not None and node not in seen:
            seen.add(node)
            totals[node] = totals.get(node, Decimal(0)) + value
            node = parent_of.get(node)
    return totals


@dataclass(frozen=True)
class PeriodSpec:
    label: str
    start: date
    end: date
    due: date


def periods(frequency: str, start: date, end: date, due_days: int) -> list[PeriodSpec]:
    """Reporting periods covering [start, end]: calendar months, quarters, halves or years,
    the first and last cut to the movement's dates; each is due `due_days` after its end."""
    step = {MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12}[frequency]
    out: list[PeriodSpec] = []
    year, month = start.year, ((start.month - 1) // step) * step + 1
    while True:
        p_start = date(year, month, 1)
        end_month = month + step - 1
        p_end = date(year, end_month, calendar.monthrange(year, end_month)[1])
        if p_start > end:
            break
        s, e = max(p_start, start), min(p_end, end)
        if frequency == MONTHLY:
            label = f"Tháng {month}/{year}"
        elif frequency == QUARTERLY:
            label = f"Quý {(month - 1) // 3 + 1}/{year}"
        elif frequency == HALF_YEARLY:
            label = f"{'6 tháng đầu' if month == 1 else '6 tháng cuối'} năm {year}"
        else:
            label = f"Năm {year}"
        out.append(PeriodSpec(label, s, e, e + timedelta(days=due_days)))
        month += step
        if month > 12:
            month, year = 1, year + 1
    return out


def check_period(label: str, start: date, end: date, due: date) -> list[Reason]:
    reasons: list[Reason] = []
    if not label.strip():
        reasons.append(Reason("INVALID_INPUT", "Tên kỳ báo cáo là bắt buộc.", BASIS, "label"))
    if end < start:
        reasons.append(
            Reason(
                "PERIOD_ORDER",
                "Kỳ báo cáo kết thúc ({e}) trước khi bắt đầu ({s}).".format(
                    e=end.strftime("%d/%m/%Y"), s=start.strftime("%d/%m/%Y")
                ),
                BASIS,
                "end",
            )
        )
    if due < end:
        reasons.append(
            Reason(
                "DUE_BEFORE_END",
                "Hạn nộp báo cáo ({d}) trước ngày cuối kỳ ({e}).".format(
                    d=due.strftime("%d/%m/%Y"), e=end.strftime("%d/%m/%Y")
                ),
                BASIS,
                "due",
            )
        )
    return reasons


DUE = "due"
OVERDUE = "overdue"
SUBMITTED = "submitted"
LATE = "late"
NOT_YET = "not_yet"


def deadline_state(due: date, today: date, submitted_on: date | None, window_days: int) -> str:
    """submitted (on time), late (submitted after the due date), overdue, due (within the
    reminder window) or not yet due."""
    if submitted_on is not None:
        return LATE if submitted_on > due else SUBMITTED
    if today > due:
        return OVERDUE
    if (due - today).days <= window_days:
        return DUE
    return NOT_YET
