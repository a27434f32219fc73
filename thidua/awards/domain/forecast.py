"""What a subject still lacks for the next rungs of its ladder ("what is missing").

For each award of the ladder the engine is asked twice: once on the record as it stands, and,
if that fails, on the record extended with the smallest set of achievements that the subject can
still make in the year being forecast (the year's title, an HTXS rating, a recognised
initiative, registration). Past years cannot change, so a chain broken in an earlier year or
discipline in force are reported as blocking. The rules applied are exactly those of
`check_eligibility` (Luật TĐKT 2022; NĐ 98/2023; NĐ 152/2025).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from thidua.awards.domain.catalogue import AwardDefinition
from thidua.awards.domain.eligibility import check_eligibility, is_machine_checkable
from thidua.awards.domain.parameters import RuleParameters
from thidua.awards.domain.types import (
    AwardRecord,
    Check,
    EligibilityQuery,
    EligibilityResult,
    Initiative,
    Rating,
    RecognitionLevel,
    SubjectKind,
    SubjectRecord,
)

# The ladders, lowest rung first (Luật TĐKT 2022, Điều 21–24, 27–28, 43–44, 73–74).
LADDERS: Mapping[SubjectKind, tuple[str, ...]] = {
    SubjectKind.INDIVIDUAL: (
        "LDTT",
        "CSTDCS",
        "BK_BT",
        "CSTDBT",
        "BK_TTG",
        "CSTDTQ",
        "HCLD3",
        "HCLD2",
    ),
    SubjectKind.COLLECTIVE: ("TTLDTT", "TTLDXS"),
    SubjectKind.HOUSEHOLD: (),
}

# How many hypothetical achievements a forecast may combine.
MAX_STEPS = 3


@dataclass(frozen=True)
class Step:
    """An achievement the subject can still make in the forecast year."""

    key: str
    text: str

    def apply(self, record: SubjectRecord, year: int) -> SubjectRecord:
        kind, _, value = self.key.partition(":")
        if kind == "award":
            extra = AwardRecord(code=value, year=year)
            return replace(record, awards=(*record.awards, extra))
        if kind == "rating":
            ratings = dict(record.ratings)
            ratings[year] = Rating(value)
            return replace(record, ratings=ratings)
        if kind == "initiative":
            extra_initiative = Initiative(
                id=f"forecast-{value}", level=RecognitionLevel(value), year=year
            )
            return replace(record, initiatives=(*record.initiatives, extra_initiative))
        if kind == "registered":
            return replace(record, registered=True)
        raise ValueError(f"unknown forecast step {self.key}")


@dataclass(frozen=True)
class Forecast:
    """The answer for one rung: eligible now, eligible after `steps`, or blocked by `blocking`."""

    award: str
    name: str
    year: int
    result: EligibilityResult
    steps: tuple[Step, ...] | None
    blocking: tuple[Check, ...]

    @property
    def eligible_now(self) -> bool:
        return self.result.eligible

    @property
    def reachable(self) -> bool:
        return self.steps is not None

    @property
    def summary(self) -> str:
        """One Vietnamese sentence a person can act on."""
        if self.eligible_now:
            return f"Đủ điều kiện {self.name} năm {self.year}."
        if self.steps is not None:
            needs = " và ".join(step.text for step in self.steps)
            return f"Đủ điều kiện {self.name} năm {self.year} nếu {needs}."
        return (
            f"Chưa thể đủ điều kiện {self.name} năm {self.year}: "
            + "; ".join(check.message.rstrip(".") for check in self.blocking)
            + "."
        )


def candidate_steps(
    record: SubjectRecord, year: int, catalogue: Mapping[str, AwardDefinition]
) -> tuple[Step, ...]:
    """The achievements still open to the subject in `year`, cheapest first."""

    def name(code: str) -> str:
        definition = catalogue.get(code)
        return definition.name_vi if definition else code

    held = {award.code for award in record.awards if award.year == year and not award.revoked}
    steps: list[Step] = []
    if not record.registered:
        steps.append(Step("registered", f"đăng ký thi đua năm {year}"))
    if year not in record.ratings:  # a rating already given cannot be changed
        steps.append(Step("rating:HTXS", f"được đánh giá hoàn thành xuất sắc nhiệm vụ năm {year}"))
    titles = LADDERS[record.kind][:4] if record.kind is SubjectKind.INDIVIDUAL else ()
    for code in titles:
        if code in held or code.startswith("BK"):
            continue
        steps.append(Step(f"award:{code}", f"được công nhận {name(code)} năm {year}"))
    if record.kind is SubjectKind.COLLECTIVE:
        for code in LADDERS[SubjectKind.COLLECTIVE]:
            if code not in held:
                steps.append(Step(f"award:{code}", f"được công nhận {name(code)} năm {year}"))
    if record.kind is SubjectKind.INDIVIDUAL:
        levels = {
            RecognitionLevel.CO_SO: "có sáng kiến được công nhận cấp cơ sở",
            RecognitionLevel.BO_TINH: "có sáng kiến được công nhận cấp tỉnh",
            RecognitionLevel.TOAN_QUOC: "có sáng kiến được công nhận cấp toàn quốc",
        }
        for level, text in levels.items():
            steps.append(Step(f"initiative:{level.value}", f"{text} năm {year}"))
    return tuple(steps)


def forecast(
    record: SubjectRecord,
    year: int,
    proposal_date: date,
    catalogue: Mapping[str, AwardDefinition],
    parameters: RuleParameters | Sequence[RuleParameters],
    awards: Sequence[str] | None = None,
) -> tuple[Forecast, ...]:
    """A forecast for each rung of the subject's ladder (or for `awards`) in `year`, judged
    as if proposed on `proposal_date` (which selects the rule set)."""
    codes = LADDERS[record.kind] if awards is None else tuple(awards)
    steps = candidate_steps(record, year, catalogue)
    results: list[Forecast] = []
    for code in codes:
        definition = catalogue.get(code)
        if definition is None or not is_machine_checkable(code, record.kind):
            continue

        def ask(subject: SubjectRecord, code: str = code) -> EligibilityResult:
            query = EligibilityQuery(code, year, proposal_date, subject)
            return check_eligibility(query, catalogue, parameters)

        now = ask(record)
        found: tuple[Step, ...] | None = () if now.eligible else None
        if found is None:
            found = _smallest_fix(record, year, steps, ask, code)
        blocking: tuple[Check, ...] = ()
        if found is None:
            # What still fails with every open step taken cannot be fixed this year; it is
            # explained as the record stands today.
            best = record
            for step in steps:
                best = step.apply(best, year)
            stuck = {check.code for check in ask(best).checks if not check.passed}
            failed = tuple(c for c in now.checks if not c.passed)
            # When only every open step at once would do (more than MAX_STEPS, or steps that
            # are not attainable together), no check is stuck: all of today's failures block.
            blocking = tuple(c for c in failed if c.code in stuck) or failed
        results.append(Forecast(code, definition.name_vi, year, now, found, blocking))
    return tuple(results)


def _smallest_fix(
    record: SubjectRecord,
    year: int,
    steps: Sequence[Step],
    ask: Callable[..., EligibilityResult],
    code: str,
) -> tuple[Step, ...] | None:
    """The first smallest combination of steps that makes `code` eligible, in which every
    award step is itself attainable given the other steps (no suggesting an award the
    subject cannot get)."""
    usable = [step for step in steps if step.key != f"award:{code}"]
    for size in range(1, MAX_STEPS + 1):
        for combo in combinations(usable, size):
            if ask(_apply(record, combo, year)).eligible and _attainable(record, combo, year, ask):
                return combo
    return None


def _apply(record: SubjectRecord, steps: Sequence[Step], year: int) -> SubjectRecord:
    for step in steps:
        record = step.apply(record, year)
    return record


def _attainable(
    record: SubjectRecord,
    combo: Sequence[Step],
    year: int,
    ask: Callable[..., EligibilityResult],
) -> bool:
    for step in combo:
        kind, _, award = step.key.partition(":")
        if kind != "award":
            continue
        others = [other for other in combo if other is not step]
        if not ask(_apply(record, others, year), award).eligible:
            return False
    return True
