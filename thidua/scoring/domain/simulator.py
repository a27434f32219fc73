"""The criteria simulator: run a criteria table on last year's raw values and see the
ranking, and which criteria move it most (the ranking with each criterion left out).

Scoring one cluster is also done here (`score_cluster`), so the simulator, the real sheets
and the test that recomputes a stored ranking share one path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from thidua.scoring.domain import formulas
from thidua.scoring.domain.ranking import Policy, RankingResult, UnitScore, rank


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    title: str
    group: int  # index of its group in table order
    kind: str
    formula: str
    max_points: Decimal
    weight: Decimal
    params: Mapping[str, Decimal]


@dataclass(frozen=True)
class UnitInput:
    unit_id: int
    name: str
    sort_key: str
    values: Mapping[str, Decimal]  # raw values by criterion code (missing: 0)


def score_cluster(
    criteria: Sequence[CriterionSpec], units: Sequence[UnitInput], groups: int
) -> list[UnitScore]:
    """Points of every unit on every criterion (× weight), with group sums and penalties."""
    best: dict[str, Decimal | None] = {}
    for c in criteria:
        if formulas.FORMULAS[c.formula].uses_best:
            vals = [u.values[c.code] for u in units if c.code in u.values]
            best[c.code] = formulas.best_value(vals, c.params)
    out: list[UnitScore] = []
    for u in units:
        points: dict[str, Decimal] = {}
        group_points = [formulas.ZERO] * groups
        penalty = formulas.ZERO
        for c in criteria:
            raw = u.values.get(c.code, formulas.ZERO)
            result = formulas.evaluate(
                c.formula, raw, c.max_points, c.params, formulas.Context(best.get(c.code))
            )
            pts = formulas.quantize(result.points * c.weight)
            points[c.code] = pts
            group_points[c.group] += pts
            if pts < 0:
                penalty += -pts
        total = sum(points.values(), formulas.ZERO)
        out.append(
            UnitScore(u.unit_id, u.name, u.sort_key, total, tuple(group_points), penalty, points)
        )
    return out


@dataclass(frozen=True)
class Influence:
    code: str
    title: str
    moved: int  # units whose rank changes when the criterion is left out
    shift: int  # sum of absolute rank changes


@dataclass(frozen=True)
class Simulation:
    ranking: RankingResult
    scores: tuple[UnitScore, ...]
    influence: tuple[Influence, ...]  # most influential first


def simulate(
    criteria: Sequence[CriterionSpec], units: Sequence[UnitInput], groups: int, policy: Policy
) -> Simulation:
    scores = score_cluster(criteria, units, groups)
    base = rank(scores, policy)
    base_rank = {r.unit_id: r.rank for r in base.rows}
    influence: list[Influence] = []
    for c in criteria:
        others = [x for x in criteria if x.code != c.code]
        alt = rank(score_cluster(others, units, groups), policy)
        changes = [abs(r.rank - base_rank[r.unit_id]) for r in alt.rows]
        influence.append(Influence(c.code, c.title, sum(1 for d in changes if d), sum(changes)))
    influence.sort(key=lambda i: (-i.shift, -i.moved, i.code))
    return Simulation(base, tuple(scores), tuple(influence))
