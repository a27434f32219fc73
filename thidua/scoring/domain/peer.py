"""Peer scoring: members of a cluster score each other, never themselves.

Normalisation per scorer (docs/scoring-formulas.md §Chấm chéo): each scorer's points are
turned into z-scores over the points that scorer gave, z = (x − mean_s) / sd_s (population
standard deviation), then put back on the scale of all raw points, x' = M + z × S, where M
and S are the mean and population standard deviation of every raw point, and clamped to
[0, max]. A scorer who gave everyone the same points (sd_s = 0) has z = 0 for all: their
marks carry no ranking information and become M. A point is flagged as an outlier when
|x − median of the points the scored unit received| > outlier_gap × max (raw scale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from thidua.org.domain.reasons import Reason
from thidua.scoring.domain.formulas import ZERO, quantize

BASIS = "Quy chế chấm điểm thi đua của cụm, khối (chấm chéo giữa các thành viên)"


@dataclass(frozen=True)
class PeerMark:
    scorer_id: int
    scored_id: int
    points: Decimal


@dataclass(frozen=True)
class Normalised:
    scorer_id: int
    scored_id: int
    raw: Decimal
    normalised: Decimal
    outlier: bool


def check_marks(marks: Sequence[PeerMark], members: set[int], max_points: Decimal) -> list[Reason]:
    reasons: list[Reason] = []
    for m in marks:
        if m.scorer_id == m.scored_id:
            reasons.append(
                Reason(
                    "SELF_SCORE",
                    "Đơn vị không tự chấm điểm cho mình trong chấm chéo.",
                    BASIS,
                    "scored",
                )
            )
        if m.scored_id not in members or m.scorer_id not in members:
            reasons.append(
                Reason(
                    "NOT_A_MEMBER", "Chỉ chấm cho đơn vị thành viên của cụm, khối.", BASIS, "scored"
                )
            )
        if not ZERO <= m.points <= max_points:
            reasons.append(
                Reason(
                    "OUT_OF_RANGE",
                    "Điểm chấm chéo phải từ 0 đến {m}.".format(m=max_points),
                    BASIS,
                    "points",
                )
            )
    return reasons


def _mean(xs: Sequence[Decimal]) -> Decimal:
    return sum(xs, ZERO) / len(xs)


def _sd(xs: Sequence[Decimal]) -> Decimal:
    m = _mean(xs)
    var = sum(((x - m) ** 2 for x in xs), ZERO) / len(xs)
    return var.sqrt()


def normalise(
    marks: Sequence[PeerMark], max_points: Decimal, *, outlier_gap: Decimal = Decimal("0.3")
) -> list[Normalised]:
    if not marks:
        return []
    raw = [m.points for m in marks]
    grand_mean, grand_sd = _mean(raw), _sd(raw)
    by_scorer: dict[int, list[Decimal]] = {}
    by_scored: dict[int, list[Decimal]] = {}
    for m in marks:
        by_scorer.setdefault(m.scorer_id, []).append(m.points)
        by_scored.setdefault(m.scored_id, []).append(m.points)
    out: list[Normalised] = []
    for m in marks:
        own = by_scorer[m.scorer_id]
        sd = _sd(own)
        z = (m.points - _mean(own)) / sd if sd > 0 else ZERO
        value = max(ZERO, min(max_points, grand_mean + z * grand_sd))
        received = by_scored[m.scored_id]
        mid = Decimal(median(received))
        outlier = len(received) >= 3 and abs(m.points - mid) > outlier_gap * max_points
        out.append(Normalised(m.scorer_id, m.scored_id, m.points, quantize(value), outlier))
    return out


def received_average(rows: Sequence[Normalised], *, normalised: bool = True) -> dict[int, Decimal]:
    """Each scored unit's average of the (normalised) points it received."""
    sums: dict[int, list[Decimal]] = {}
    for r in rows:
        sums.setdefault(r.scored_id, []).append(r.normalised if normalised else r.raw)
    return {k: quantize(_mean(v)) for k, v in sums.items()}
