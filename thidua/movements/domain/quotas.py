"""Work quotas per unit level (e.g. Chỉ thị 42-CT/TU: each commune ≥ 1 work, each district
3–5, each department or enterprise 1) and who is below or above them.

A rule selects units by level and/or kind (neither = every participant) and counts the unit's
works of the listed kinds (none listed = every kind), leaving out cancelled works.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from thidua.org.domain.reasons import Reason

BASIS = "Văn bản phát động phong trào (quy định số công trình theo cấp)"

BELOW = "below"
WITHIN = "within"
ABOVE = "above"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class QuotaRuleFacts:
    id: int
    unit_level: str
    unit_kind: str
    work_kinds: tuple[str, ...]
    min_count: int
    max_count: int | None
    label: str = ""

    def applies_to(self, unit: ParticipantFacts) -> bool:
        if self.unit_level and unit.level != self.unit_level:
            return False
        return not (self.unit_kind and unit.kind != self.unit_kind)

    def counts(self, work: WorkFacts) -> bool:
        return work.status != CANCELLED and (not self.work_kinds or work.kind in self.work_kinds)


@dataclass(frozen=True)
class ParticipantFacts:
    unit_id: int
    name: str
    level: str
    kind: str


@dataclass(frozen=True)
class WorkFacts:
    unit_id: int
    kind: str
    status: str


@dataclass(frozen=True)
class Compliance:
    unit: ParticipantFacts
    rule: QuotaRuleFacts
    count: int
    status: str  # below / within / above

    @property
    def missing(self) -> int:
        return max(0, self.rule.min_count - self.count)


def check_rule(
    unit_level: str,
    unit_kind: str,
    min_count: int | None,
    max_count: int | None,
    levels: Iterable[str],
    kinds: Iterable[str],
    work_kinds: Sequence[str],
    all_work_kinds: Iterable[str],
) -> list[Reason]:
    reasons: list[Reason] = []
    if unit_level and unit_level not in set(levels):
        reasons.append(Reason("INVALID_INPUT", "Cấp đơn vị không hợp lệ.", BASIS, "unit_level"))
    if unit_kind and unit_kind not in set(kinds):
        reasons.append(Reason("INVALID_INPUT", "Loại đơn vị không hợp lệ.", BASIS, "unit_kind"))
    unknown = [k for k in work_kinds if k not in set(all_work_kinds)]
    if unknown:
        reasons.append(
            Reason("INVALID_INPUT", "Loại công trình không hợp lệ.", BASIS, "work_kinds")
        )
    if min_count is None or min_count < 0:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Số công trình tối thiểu phải là số nguyên không âm.",
                BASIS,
                "min_count",
            )
        )
    if max_count is not None and max_count < 0:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Số công trình tối đa phải là số nguyên không âm.",
                BASIS,
                "max_count",
            )
        )
    if min_count is not None and max_count is not None and 0 <= max_count < min_count:
        reasons.append(
            Reason(
                "QUOTA_MIN_ABOVE_MAX",
                "Số công trình tối thiểu ({low}) lớn hơn số tối đa ({high}).".format(
                    low=min_count, high=max_count
                ),
                BASIS,
                "max_count",
            )
        )
    if max_count == 0 and (min_count or 0) == 0:
        reasons.append(
            Reason(
                "QUOTA_EMPTY",
                "Định mức “tối đa 0 công trình” không có ý nghĩa; hãy để trống số tối đa.",
                BASIS,
                "max_count",
            )
        )
    return reasons


def compliance(
    rules: Sequence[QuotaRuleFacts],
    units: Sequence[ParticipantFacts],
    works: Sequence[WorkFacts],
) -> list[Compliance]:
    """One row per (unit, applicable rule): how many works count and where that stands."""
    by_unit: dict[int, list[WorkFacts]] = {}
    for work in works:
        by_unit.setdefault(work.unit_id, []).append(work)
    rows: list[Compliance] = []
    for unit in units:
        for rule in rules:
            if not rule.applies_to(unit):
                continue
            count = sum(1 for w in by_unit.get(unit.unit_id, []) if rule.counts(w))
            if count < rule.min_count:
                status = BELOW
            elif rule.max_count is not None and count > rule.max_count:
                status = ABOVE
            else:
                status = WITHIN
            rows.append(Compliance(unit, rule, count, status))
    return rows


def summary(rows: Sequence[Compliance]) -> dict[str, int]:
    out = {BELOW: 0, WITHIN: 0, ABOVE: 0}
    for row in rows:
        out[row.status] += 1
    return out
