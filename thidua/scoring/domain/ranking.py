"""Ranking a cluster: totals, ranks with documented tie-breaks, leading units, proposals,
the cluster's vote on the ranking, and the "why is X above Y" explanation.

Tie-breaks (docs/scoring-formulas.md §Xếp hạng), applied in order when totals are equal:
1. the higher sum of points in the first criteria group, then the second, … (table order);
2. the fewer penalty points (bonus/penalty criteria below zero, as an absolute value);
3. still equal: the units share the rank ("đồng hạng"), listed in Vietnamese name order.
Ranks are "competition" ranks: two units sharing rank 1 are followed by rank 3.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from thidua.org.domain.reasons import Reason
from thidua.scoring.domain.formulas import ZERO, fmt

BASIS = "Luật Thi đua, khen thưởng 2022, Điều 26 (Cờ thi đua cho tập thể dẫn đầu cụm, khối)"
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class UnitScore:
    unit_id: int
    name: str
    sort_key: str  # Vietnamese name order, for display among equals
    total: Decimal
    group_points: tuple[Decimal, ...] = ()  # by criteria group, table order
    penalty: Decimal = ZERO  # points lost on penalty criteria (≥ 0)
    points: Mapping[str, Decimal] = field(default_factory=dict)  # by criterion code


@dataclass(frozen=True)
class Policy:
    """From the criteria table: how many units lead, get the flag, get the certificate."""

    leading_count: int = 1
    flag_award: str = "CO_BT"
    flag_count: int = 1
    merit_award: str = "BK_BT"
    merit_count: int = 2
    min_total: Decimal = ZERO  # a unit below this total is proposed for nothing


@dataclass(frozen=True)
class Ranked:
    unit_id: int
    name: str
    total: Decimal
    rank: int
    leading: bool
    award: str  # the proposed award code, or ""
    tie_note: str  # why it is above the unit below it at equal total, or "đồng hạng"


@dataclass(frozen=True)
class RankingResult:
    rows: tuple[Ranked, ...]
    warnings: tuple[Reason, ...]


def _key(s: UnitScore) -> tuple[object, ...]:
    return (-s.total, tuple(-g for g in s.group_points), s.penalty)


def _tie_note(a: UnitScore, b: UnitScore) -> str:
    if a.total != b.total:
        return ""
    for i, (x, y) in enumerate(zip(a.group_points, b.group_points, strict=False), start=1):
        if x != y:
            return f"Bằng tổng điểm; hơn ở nhóm tiêu chí {i} ({fmt(x)} so với {fmt(y)})."
    if a.penalty != b.penalty:
        return f"Bằng tổng điểm và điểm các nhóm; bị trừ ít hơn ({fmt(a.penalty)} so với {fmt(b.penalty)})."
    return "Đồng hạng."


def rank(scores: Sequence[UnitScore], policy: Policy = Policy()) -> RankingResult:
    ordered = sorted(scores, key=lambda s: (_key(s), s.sort_key, s.unit_id))
    rows: list[Ranked] = []
    warnings: list[Reason] = []
    current_rank = 0
    for i, s in enumerate(ordered):
        if i == 0 or _key(s) != _key(ordered[i - 1]):
            current_rank = i + 1
        note = ""
        if i + 1 < len(ordered):
            note = _tie_note(s, ordered[i + 1])
        if i > 0 and _key(s) == _key(ordered[i - 1]):
            note = "Đồng hạng."
        eligible = s.total >= policy.min_total
        award = ""
        if eligible and current_rank <= policy.flag_count:
            award = policy.flag_award
        elif eligible and current_rank <= policy.flag_count + policy.merit_count:
            award = policy.merit_award
        rows.append(
            Ranked(
                s.unit_id,
                s.name,
                s.total,
                current_rank,
                eligible and current_rank <= policy.leading_count,
                award,
                note,
            )
        )
    for limit, label in (
        (policy.flag_count, "Cờ thi đua"),
        (policy.flag_count + policy.merit_count, "Bằng khen"),
    ):
        at_limit = [r for r in rows if r.rank <= limit]
        if limit and len(at_limit) > limit:
            warnings.append(
                Reason(
                    "TIE_AT_QUOTA",
                    f"Có {len(at_limit)} đơn vị đồng hạng trong {limit} suất đề nghị {label}; "
                    "cụm cần biểu quyết hoặc cấp tổ chức quyết định.",
                    BASIS,
                )
            )
    return RankingResult(tuple(rows), tuple(warnings))


@dataclass(frozen=True)
class Difference:
    criterion: str
    title: str
    x_points: Decimal
    y_points: Decimal

    @property
    def delta(self) -> Decimal:
        return self.x_points - self.y_points


@dataclass(frozen=True)
class Explanation:
    above: bool  # X is ranked above Y
    total_delta: Decimal
    differences: tuple[Difference, ...]  # the criteria that differ, largest gap first
    summary: str


def explain(x: UnitScore, y: UnitScore, titles: Mapping[str, str]) -> Explanation:
    """Why X is (not) ranked above Y: criterion by criterion, then the tie-break."""
    codes = list(dict.fromkeys([*x.points, *y.points]))
    diffs = [
        Difference(c, titles.get(c, c), x.points.get(c, ZERO), y.points.get(c, ZERO))
        for c in codes
        if x.points.get(c, ZERO) != y.points.get(c, ZERO)
    ]
    diffs.sort(key=lambda d: (-abs(d.delta), d.criterion))
    above = (_key(x), x.sort_key, x.unit_id) < (_key(y), y.sort_key, y.unit_id)
    delta = x.total - y.total
    if delta:
        gains = [d for d in diffs if (d.delta > 0) == (delta > 0)]
        top = ", ".join(d.title for d in gains[:3])
        summary = "{a} {w} {b} {n} điểm, chủ yếu ở: {t}.".format(
            a=x.name, w="hơn" if delta > 0 else "kém", b=y.name, n=fmt(abs(delta)), t=top or "—"
        )
    else:
        first, second = (x, y) if above else (y, x)
        summary = "Bằng tổng điểm. " + (_tie_note(first, second) or "Đồng hạng.")
    return Explanation(above, delta, tuple(diffs), summary)


@dataclass(frozen=True)
class VoteResult:
    members: int
    approvals: int
    percent: Decimal
    threshold: Decimal
    approved: bool
    message: str


def tally(members: int, approvals: int, threshold_percent: Decimal) -> VoteResult:
    """The cluster's vote on its ranking: approved when approvals / members ≥ threshold
    (percent of all members, not of those who voted)."""
    percent = (
        (Decimal(approvals) * HUNDRED / members).quantize(Decimal("0.01")) if members else ZERO
    )
    approved = members > 0 and percent >= threshold_percent
    message = "{a}/{m} thành viên tán thành ({p} %; cần ≥ {t} %): {v}.".format(
        a=approvals,
        m=members,
        p=fmt(percent),
        t=fmt(threshold_percent),
        v="thông qua" if approved else "chưa thông qua",
    )
    return VoteResult(members, approvals, percent, threshold_percent, approved, message)
