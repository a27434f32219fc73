"""Counting one agenda item's ballots against the threshold of the nominee's form.

Pure: counts and the rule in, a result with its reasons out. Legal figures (the percentage, its
base, the comparison, the quorum) come in the `Rule`, read from the voting-rule table.

Recusals: a recused member leaves the base of that item, whatever the base (all members or
members present), and never leaves the quorum (the member is still a member, and present if
they attended). So with 10 members and one recused, 9 "agree" out of a base of 9 is 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ALL = "all"
PRESENT = "present"
GTE = "gte"
GT = "gt"


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    basis: str = ""
    field: str = ""


@dataclass(frozen=True)
class Rule:
    """A threshold: `percent` of `base` (all | present), compared `gte` (≥) or `gt` (>), and a
    quorum of `quorum_numerator`/`quorum_denominator` of all members present."""

    base: str
    percent: Decimal
    comparison: str
    quorum_numerator: int
    quorum_denominator: int
    basis: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class Count:
    """The frozen electorate of a session and one item's ballots.

    `members` is the electorate, `present` those who attended; `recused` and
    `recused_present` the recused members (all of them, and those among the present);
    `yes`, `no`, `abstain` the ballots cast (written ballots of absent members included).
    """

    members: int
    present: int
    recused: int = 0
    recused_present: int = 0
    yes: int = 0
    no: int = 0
    abstain: int = 0


@dataclass(frozen=True)
class Tally:
    passed: bool
    quorum_met: bool
    base: int
    yes: int
    no: int
    abstain: int
    not_voted: int
    percent: Decimal  # yes / base × 100, rounded to 2 decimals for display (0 when base is 0)
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def base_size(rule: Rule, count: Count) -> int:
    if rule.base == PRESENT:
        return count.present - count.recused_present
    return count.members - count.recused


def quorum_met(rule: Rule, count: Count) -> bool:
    """Exact fraction: present × denominator ≥ members × numerator (no rounding)."""
    if count.members <= 0:
        return False
    return count.present * rule.quorum_denominator >= count.members * rule.quorum_numerator


def meets_threshold(rule: Rule, yes: int, base: int) -> bool:
    """Exact arithmetic: yes × 100 compared with percent × base (no rounding)."""
    if base <= 0:
        return False
    left, right = Decimal(yes) * 100, rule.percent * base
    return left >= right if rule.comparison == GTE else left > right


def describe(rule: Rule) -> str:
    """`≥ 90 % tổng số thành viên Hội đồng`."""
    sign = "≥" if rule.comparison == GTE else ">"
    base = "tổng số thành viên Hội đồng" if rule.base == ALL else "số thành viên có mặt"
    percent = format(rule.percent.normalize(), "f")
    return f"{sign} {percent} % {base}"


def validate(rule: Rule) -> list[Reason]:
    """A rule an administrator may save."""
    reasons = []
    if rule.base not in (ALL, PRESENT):
        reasons.append(Reason("INVALID_RULE", "Cơ sở tính tỷ lệ không hợp lệ.", "", "base"))
    if rule.comparison not in (GTE, GT):
        reasons.append(Reason("INVALID_RULE", "Phép so sánh không hợp lệ.", "", "comparison"))
    if not Decimal(0) < rule.percent <= Decimal(100):
        reasons.append(
            Reason("INVALID_RULE", "Tỷ lệ phải lớn hơn 0 và không quá 100 %.", "", "percent")
        )
    if not 0 <= rule.quorum_numerator <= rule.quorum_denominator or rule.quorum_denominator <= 0:
        reasons.append(
            Reason(
                "INVALID_RULE",
                "Túc số phải là một phân số từ 0 đến 1 (tử số ≤ mẫu số, mẫu số > 0).",
                "",
                "quorum_numerator",
            )
        )
    if not rule.basis.strip():
        reasons.append(Reason("INVALID_RULE", "Cần ghi căn cứ của ngưỡng.", "", "basis"))
    return reasons


def tally(rule: Rule, count: Count) -> Tally:
    """The result of one item. Fails (with its reason) on no quorum, an empty base, or a
    share of "agree" ballots below the threshold."""
    base = max(base_size(rule, count), 0)
    cast = count.yes + count.no + count.abstain
    percent = (
        (Decimal(count.yes) * 100 / base).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if base
        else Decimal(0)
    )
    has_quorum = quorum_met(rule, count)
    reasons: list[Reason] = []
    if count.members <= 0:
        reasons.append(Reason("NO_ELECTORATE", "Hội đồng không có thành viên nào.", rule.basis))
    elif not has_quorum:
        reasons.append(
            Reason(
                "NO_QUORUM",
                f"Không đủ túc số: {count.present}/{count.members} thành viên có mặt, cần ít "
                f"nhất {rule.quorum_numerator}/{rule.quorum_denominator}.",
                rule.basis,
            )
        )
    if count.members > 0 and base <= 0:
        reasons.append(Reason("EMPTY_BASE", "Không còn thành viên nào được biểu quyết.", ""))
    passed = has_quorum and meets_threshold(rule, count.yes, base)
    if has_quorum and base > 0 and not passed:
        reasons.append(
            Reason(
                "BELOW_THRESHOLD",
                f"{count.yes}/{base} phiếu đồng ý ({percent} %), chưa đạt {describe(rule)}.",
                rule.basis,
            )
        )
    return Tally(
        passed=passed,
        quorum_met=has_quorum,
        base=base,
        yes=count.yes,
        no=count.no,
        abstain=count.abstain,
        not_voted=max(base - cast, 0),
        percent=percent,
        reasons=tuple(reasons),
    )
