"""Deadlines at risk (pure): what is overdue or falls due soon and is not done yet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from thidua.core.reasons import Reason

OVERDUE = "overdue"
DUE_SOON = "due_soon"


@dataclass(frozen=True)
class Deadline:
    label: str  # what is due, e.g. "Hồ sơ đề nghị: Bằng khen 2025 (Xã An Phú)"
    due: date
    done: bool
    basis: str = ""  # the document that sets the date
    url: str = ""


@dataclass(frozen=True)
class Risk:
    deadline: Deadline
    level: str  # overdue / due_soon
    days: int  # days late (overdue) or days left (due soon)
    reason: Reason


def at_risk(items: Iterable[Deadline], today: date, window_days: int) -> list[Risk]:
    """Open deadlines already past (overdue) or within `window_days` (due soon); the most
    urgent first. Done items and those further away are not at risk."""
    out: list[Risk] = []
    for item in items:
        if item.done:
            continue
        days = (item.due - today).days
        if days < 0:
            reason = Reason(
                "DEADLINE_OVERDUE",
                f"Đã quá hạn {-days} ngày (hạn {item.due:%d/%m/%Y}).",
                item.basis,
            )
            out.append(Risk(item, OVERDUE, -days, reason))
        elif days <= window_days:
            reason = Reason(
                "DEADLINE_DUE_SOON",
                f"Còn {days} ngày đến hạn {item.due:%d/%m/%Y}.",
                item.basis,
            )
            out.append(Risk(item, DUE_SOON, days, reason))
    out.sort(key=lambda r: (r.level != OVERDUE, r.deadline.due, r.deadline.label))
    return out
