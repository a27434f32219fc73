"""Which people, collectives and households to suggest as exemplary models, and why.

Pure: facts in (titles held, places in published rankings, recognised initiatives), suggestions
out, each with its reasons. The thresholds (how many years in a row, which rank, which
recognition level) are the agency's choice, not law: they come from
`exemplars/data/suggestion_parameters.json` and the office may change them.

A suggestion is a prompt for the emulation office, not a decision: the office reads the case,
asks the unit, and adds the model by hand ("Add as model"). People who directly work and
produce come first (Luật TĐKT 2022, Điều 5; Chỉ thị 41-CT/TW).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from thidua.core.reasons import Reason

DIRECT_WORKER_BASIS = (
    "Luật Thi đua, khen thưởng 2022, Điều 5; Chỉ thị 41-CT/TW ngày 26/12/2024 (chú trọng người "
    "trực tiếp lao động, sản xuất)"
)

# ("person" | "unit" | "household", id)
SubjectKey = tuple[str, int]


@dataclass(frozen=True)
class Thresholds:
    """The agency's choice of what makes a candidate (see the data file for each figure's note)."""

    individual_award: str
    individual_years: int
    collective_award: str
    collective_years: int
    recent_years: int
    top_rank: int
    initiative_levels: frozenset[str]
    basis: str = ""


@dataclass(frozen=True)
class Subject:
    key: SubjectKey
    name: str
    sort_key: str
    unit_name: str = ""
    is_direct_worker: bool = False


@dataclass(frozen=True)
class TitleFact:
    """A title held (not revoked) by a subject in a year."""

    subject: SubjectKey
    award_code: str
    award_name: str
    year: int


@dataclass(frozen=True)
class RankFact:
    """A unit's place in a published ranking."""

    subject: SubjectKey
    rank: int
    total: str
    ranking: str
    year: int


@dataclass(frozen=True)
class InitiativeFact:
    initiative_id: int
    subject: SubjectKey
    title: str
    level: str
    level_label: str
    year: int


@dataclass(frozen=True)
class Facts:
    as_of_year: int
    subjects: Sequence[Subject]
    titles: Sequence[TitleFact] = ()
    ranks: Sequence[RankFact] = ()
    initiatives: Sequence[InitiativeFact] = ()
    already_models: frozenset[SubjectKey] = frozenset()


@dataclass(frozen=True)
class Suggestion:
    subject: Subject
    reasons: tuple[Reason, ...]
    initiative_ids: tuple[int, ...] = field(default=())

    @property
    def score(self) -> int:
        return sum(1 for r in self.reasons if r.code != "DIRECT_WORKER")


def streaks(years: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive years as (first, last), oldest first."""
    runs: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _title_reason(
    facts: Sequence[TitleFact], code: str, need: int, as_of: int, recent: int, basis: str
) -> Reason | None:
    held = [f for f in facts if f.award_code == code]
    if not held:
        return None
    best: tuple[int, int] | None = None
    for first, last in streaks(f.year for f in held):
        if last - first + 1 >= need and last >= as_of - recent:
            best = (first, last)
    if best is None:
        return None
    first, last = best
    return Reason(
        "SUSTAINED_TITLE",
        f"{held[0].award_name} {last - first + 1} năm liên tục ({first}–{last}).",
        basis,
    )


def suggest(facts: Facts, thresholds: Thresholds) -> list[Suggestion]:
    """The subjects that meet at least one criterion and are not models yet, best first:
    most reasons, then direct workers, then by name (Vietnamese order)."""
    titles: dict[SubjectKey, list[TitleFact]] = {}
    for t in facts.titles:
        titles.setdefault(t.subject, []).append(t)
    ranks: dict[SubjectKey, list[RankFact]] = {}
    for r in facts.ranks:
        if r.rank <= thresholds.top_rank:
            ranks.setdefault(r.subject, []).append(r)
    initiatives: dict[SubjectKey, list[InitiativeFact]] = {}
    for i in facts.initiatives:
        if i.level in thresholds.initiative_levels:
            initiatives.setdefault(i.subject, []).append(i)

    found: list[Suggestion] = []
    for subject in facts.subjects:
        if subject.key in facts.already_models:
            continue
        reasons: list[Reason] = []
        kind = subject.key[0]
        code, need = (
            (thresholds.individual_award, thresholds.individual_years)
            if kind == "person"
            else (thresholds.collective_award, thresholds.collective_years)
        )
        title = _title_reason(
            titles.get(subject.key, ()),
            code,
            need,
            facts.as_of_year,
            thresholds.recent_years,
            thresholds.basis,
        )
        if title is not None:
            reasons.append(title)
        for r in sorted(ranks.get(subject.key, ()), key=lambda r: (-r.year, r.rank)):
            reasons.append(
                Reason(
                    "TOP_SCORE",
                    f"Xếp thứ {r.rank} ({r.total} điểm) trong {r.ranking}, năm {r.year}.",
                    thresholds.basis,
                )
            )
        chosen = sorted(initiatives.get(subject.key, ()), key=lambda i: (-i.year, i.title))
        for i in chosen:
            reasons.append(
                Reason(
                    "INITIATIVE",
                    f"Sáng kiến “{i.title}” được công nhận {i.level_label} năm {i.year}.",
                    thresholds.basis,
                )
            )
        if not reasons:
            continue
        if subject.is_direct_worker:
            reasons.append(
                Reason(
                    "DIRECT_WORKER",
                    "Người trực tiếp lao động, sản xuất: được ưu tiên.",
                    DIRECT_WORKER_BASIS,
                )
            )
        found.append(Suggestion(subject, tuple(reasons), tuple(i.initiative_id for i in chosen)))
    found.sort(key=lambda s: (-s.score, not s.subject.is_direct_worker, s.subject.sort_key))
    return found
