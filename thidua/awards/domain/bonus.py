"""Bonus money: a multiple of the base salary in force at the decision date (Nghị định
152/2025/NĐ-CP, Điều 50; Nghị định 98/2023/NĐ-CP, Điều 54), rounded as the rounding
parameter says (legal-rules §10: rounding is unconfirmed, so it is data, not code)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class BonusRounding:
    """Round half-up to a multiple of `to_vnd` đồng."""

    to_vnd: int
    basis: str
    confirmed: bool

    @classmethod
    def parse(cls, raw: Mapping[str, object]) -> BonusRounding:
        to_vnd, basis, confirmed = raw.get("to_vnd"), raw.get("basis"), raw.get("confirmed")
        if isinstance(to_vnd, bool) or not isinstance(to_vnd, int) or to_vnd < 1:
            raise ValueError("bonus_rounding.to_vnd must be a positive integer")
        if not isinstance(basis, str) or not isinstance(confirmed, bool):
            raise ValueError("bonus_rounding needs a basis text and a confirmed flag")
        return cls(to_vnd, basis, confirmed)


def bonus(multiple: Decimal, base_salary: int, rounding: BonusRounding) -> Decimal:
    """multiple × base salary, rounded half-up to a multiple of `rounding.to_vnd`."""
    step = Decimal(rounding.to_vnd)
    return (multiple * base_salary / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
