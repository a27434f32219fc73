"""Targets (chỉ tiêu): their values, and progress from unit reports.

Progress formulas (docs/movements.md):
* ``sum`` — the sum, over the units the target applies to, of each unit's latest report;
* ``count_meeting`` — the number of those units whose latest report meets ``unit_goal``
  (at most ``unit_goal`` when the direction is "at most", otherwise at least it);
* ``latest`` — the latest value reported by any unit (province-wide rates such as 12 %/year).
The achieved value is then compared with the target: at least ``low``; at most ``high``;
exactly ``low``; between ``low`` and ``high``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from thidua.org.domain.reasons import Reason

BASIS = "Thông tư 01/2024/TT-BNV (phong trào thi đua phải có chỉ tiêu cụ thể)"

AT_LEAST = "at_least"
AT_MOST = "at_most"
EXACTLY = "exactly"
BETWEEN = "between"
SUM = "sum"
COUNT_MEETING = "count_meeting"
LATEST = "latest"

HUNDRED = Decimal(100)


def format_value(value: Decimal | int | None) -> str:
    """12.5000 → "12,5"; 1500000 → "1.500.000" (Vietnamese separators)."""
    if value is None:
        return ""
    d = Decimal(value).normalize()
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    sign = "-" if d < 0 else ""
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def target_label(
    direction: str, low: Decimal | None, high: Decimal | None, unit_of_measure: str
) -> str:
    """How the target reads: "≥ 1 công trình", "50–70 nhà", "12 %", "≤ 5 vụ"."""
    unit = f" {unit_of_measure}" if unit_of_measure else ""
    if direction == BETWEEN:
        return f"{format_value(low)}–{format_value(high)}{unit}"
    if direction == AT_MOST:
        return f"≤ {format_value(high)}{unit}"
    if direction == EXACTLY:
        return f"{format_value(low)}{unit}"
    return f"≥ {format_value(low)}{unit}"


def check_target(
    indicator: str,
    direction: str,
    low: Decimal | None,
    high: Decimal | None,
    aggregation: str,
    unit_goal: Decimal | None,
    weight: Decimal | None,
) -> list[Reason]:
    reasons: list[Reason] = []
    if not indicator:
        reasons.append(Reason("INVALID_INPUT", "Tên chỉ tiêu là bắt buộc.", BASIS, "indicator"))
    if direction in (AT_LEAST, EXACTLY, BETWEEN) and low is None:
        reasons.append(Reason("INVALID_INPUT", "Hãy nhập giá trị chỉ tiêu (từ).", BASIS, "low"))
    if direction in (AT_MOST, BETWEEN) and high is None:
        reasons.append(Reason("INVALID_INPUT", "Hãy nhập giá trị chỉ tiêu (đến).", BASIS, "high"))
    if low is not None and high is not None and high < low:
        reasons.append(
            Reason(
                "TARGET_RANGE_ORDER",
                "Giá trị “đến” ({high}) nhỏ hơn giá trị “từ” ({low}).".format(
                    high=format_value(high), low=format_value(low)
                ),
                BASIS,
                "high",
            )
        )
    if aggregation == COUNT_MEETING and unit_goal is None:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Chỉ tiêu tính theo số đơn vị đạt cần mức mỗi đơn vị phải đạt.",
                BASIS,
                "unit_goal",
            )
        )
    if weight is not None and weight < 0:
        reasons.append(Reason("INVALID_INPUT", "Trọng số không được âm.", BASIS, "weight"))
    return reasons


@dataclass(frozen=True)
class ReportFacts:
    unit_id: int
    value: Decimal
    reported_on: date
    order: int  # tie-break for the same day (the row id)


@dataclass(frozen=True)
class Progress:
    achieved: Decimal | None
    percent: int  # 0–100, for the progress bar
    met: bool
    units_reporting: int
    units_total: int


def _latest_per_unit(reports: Sequence[ReportFacts]) -> dict[int, ReportFacts]:
    latest: dict[int, ReportFacts] = {}
    for r in reports:
        cur = latest.get(r.unit_id)
        if cur is None or (r.reported_on, r.order) > (cur.reported_on, cur.order):
            latest[r.unit_id] = r
    return latest


def _meets(direction: str, value: Decimal, low: Decimal | None, high: Decimal | None) -> bool:
    if direction == AT_MOST:
        return high is not None and value <= high
    if direction == EXACTLY:
        return low is not None and value == low
    if direction == BETWEEN:
        return low is not None and high is not None and low <= value <= high
    return low is not None and value >= low


def progress(
    *,
    direction: str,
    low: Decimal | None,
    high: Decimal | None,
    aggregation: str,
    unit_goal: Decimal | None,
    applicable_units: Sequence[int],
    reports: Sequence[ReportFacts],
) -> Progress:
    """Progress of one target from the reports of the units it applies to."""
    allowed = set(applicable_units)
    relevant = [r for r in reports if not allowed or r.unit_id in allowed]
    latest = _latest_per_unit(relevant)
    achieved: Decimal | None
    if not latest:
        achieved = None
    elif aggregation == SUM:
        achieved = sum((r.value for r in latest.values()), Decimal(0))
    elif aggregation == COUNT_MEETING:
        goal = unit_goal if unit_goal is not None else Decimal(0)
        if direction == AT_MOST:
            achieved = Decimal(sum(1 for r in latest.values() if r.value <= goal))
        else:
            achieved = Decimal(sum(1 for r in latest.values() if r.value >= goal))
    else:
        achieved = max(relevant, key=lambda r: (r.reported_on, r.order)).value
    if achieved is None:
        return Progress(None, 0, False, 0, len(allowed))
    met = _meets(direction, achieved, low, high)
    if direction == AT_MOST:
        percent = 100 if met else int(min(HUNDRED, (high or Decimal(0)) * HUNDRED / achieved))
    else:
        goal_value = low if low is not None else high
        if not goal_value:
            percent = 100 if met else 0
        else:
            percent = int(max(Decimal(0), min(HUNDRED, achieved * HUNDRED / goal_value)))
    return Progress(achieved, percent, met, len(latest), len(allowed))
