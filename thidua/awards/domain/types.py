"""Values that go into and come out of the eligibility engine (pure, frozen, stdlib only).

The shapes follow the public contract `contracts/eligibility.md`: a subject's record
(annual ratings, award history, initiatives, research results, discipline, member counts),
the question asked about it, and the answer with one reasoned check per standard.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class SubjectKind(StrEnum):
    """Who is commended (Luật TĐKT 2022, Điều 3: cá nhân, tập thể, hộ gia đình)."""

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"


class Rating(StrEnum):
    """Annual quality rating (đánh giá, xếp loại) under Nghị định 90/2020/NĐ-CP."""

    HTXS = "HTXS"  # hoàn thành xuất sắc nhiệm vụ
    HTT = "HTT"  # hoàn thành tốt nhiệm vụ
    HT = "HT"  # hoàn thành nhiệm vụ
    KHT = "KHT"  # không hoàn thành nhiệm vụ


class AwardCategory(StrEnum):
    """Commendation category (loại hình khen thưởng), Luật TĐKT 2022, Điều 8."""

    CONG_TRANG = "CONG_TRANG"
    DOT_XUAT = "DOT_XUAT"
    PHONG_TRAO = "PHONG_TRAO"
    CONG_HIEN = "CONG_HIEN"
    NIEN_HAN = "NIEN_HAN"
    DOI_NGOAI = "DOI_NGOAI"


class RecognitionLevel(StrEnum):
    """Level at which an initiative (sáng kiến) or research result (đề tài) is recognised."""

    CO_SO = "CO_SO"
    BO_TINH = "BO_TINH"
    TOAN_QUOC = "TOAN_QUOC"

    @property
    def rank(self) -> int:
        """Position in the ladder: cơ sở < bộ/tỉnh < toàn quốc."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {
    RecognitionLevel.CO_SO: 0,
    RecognitionLevel.BO_TINH: 1,
    RecognitionLevel.TOAN_QUOC: 2,
}


@dataclass(frozen=True)
class AwardRecord:
    """One award in the subject's history; `year` is the achievement year it was given for."""

    code: str
    year: int
    category: AwardCategory = AwardCategory.CONG_TRANG
    revoked: bool = False


@dataclass(frozen=True)
class Initiative:
    """A recognised initiative (sáng kiến); `used_for` names the award it already supported."""

    id: str | None
    level: RecognitionLevel
    year: int
    used_for: str | None = None


@dataclass(frozen=True)
class ResearchResult:
    """An accepted research project (đề tài, nghiệm thu in `accepted_year`)."""

    id: str | None
    level: RecognitionLevel
    accepted_year: int
    used_for: str | None = None


@dataclass(frozen=True)
class DisciplinePeriod:
    """A disciplinary measure in force from `start` to `end` (None: still in force)."""

    level: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class MemberStats:
    """Member counts of a collective for the year; None means the count was not given."""

    total: int
    htnv_or_better: int | None = None
    ldtt: int | None = None
    cstdcs: int | None = None
    disciplined_canh_cao_or_above: int | None = None


@dataclass(frozen=True)
class SubjectRecord:
    """Everything the engine knows about one subject. `ratings` is keyed by calendar year."""

    kind: SubjectKind
    name: str | None = None
    ratings: Mapping[int, Rating] = field(default_factory=dict)
    awards: tuple[AwardRecord, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    research: tuple[ResearchResult, ...] = ()
    discipline: tuple[DisciplinePeriod, ...] = ()
    members: MemberStats | None = None
    registered: bool = False
    under_investigation: bool = False


@dataclass(frozen=True)
class EligibilityQuery:
    """Does `record` meet the standard of award `award` for achievement year `year`?

    `proposal_date` selects the rule set in force and is the date at which discipline and
    investigation are judged.
    """

    award: str
    year: int
    proposal_date: date
    record: SubjectRecord


@dataclass(frozen=True)
class Check:
    """One evaluated standard: a stable code, whether it passed, why, and its legal basis."""

    code: str
    passed: bool
    message: str
    basis: str

    def __post_init__(self) -> None:
        # Text is stored and compared in NFC everywhere (DESIGN §5).
        object.__setattr__(self, "message", unicodedata.normalize("NFC", self.message))
        object.__setattr__(self, "basis", unicodedata.normalize("NFC", self.basis))


@dataclass(frozen=True)
class EligibilityResult:
    """The engine's answer. Build it with `from_checks` so that the contract's invariants hold:
    `eligible` is true exactly when every check passed, and `missing` lists the failed codes in
    the order of `checks`."""

    award: str
    year: int
    eligible: bool
    rule_set: str
    checks: tuple[Check, ...]
    missing: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.eligible != all(check.passed for check in self.checks):
            raise ValueError("eligible must be true exactly when every check passed")
        if self.missing != tuple(check.code for check in self.checks if not check.passed):
            raise ValueError("missing must list the failed check codes in order")
        if not self.checks:
            raise ValueError("a result carries at least one check")

    @classmethod
    def from_checks(
        cls, award: str, year: int, rule_set: str, checks: tuple[Check, ...]
    ) -> EligibilityResult:
        """The result whose `eligible` and `missing` are derived from `checks`."""
        return cls(
            award=award,
            year=year,
            eligible=all(check.passed for check in checks),
            rule_set=rule_set,
            checks=checks,
            missing=tuple(check.code for check in checks if not check.passed),
        )
