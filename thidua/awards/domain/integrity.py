"""Duplicate people, double awards and quota caps (pure rules).

- One person must have one record: two records with the same CCCD, or with the same folded
  name and date of birth, are probably the same person (Thông tư 59/2021/TT-BCA on the CCCD
  number as the personal identifier).
- "Một thành tích không khen thưởng nhiều lần, nhiều hình thức" (Luật TĐKT 2022, Điều 5): the
  same award twice for one year's achievement is refused; two commendation forms for the same
  year's công trạng achievement are flagged for review.
- Quotas are caps set by a ministry or province (legal-rules §4.1: the Law has none of its
  own); the figure comes from the quota rule, never from code.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ART_5 = "Luật Thi đua, khen thưởng 2022, Điều 5"
CCCD_BASIS = "Thông tư 59/2021/TT-BCA"


@dataclass(frozen=True)
class PersonKey:
    id: int
    name: str
    folded_name: str
    birth_date: date | None
    national_id: str


@dataclass(frozen=True)
class DuplicateGroup:
    """People who are probably one person, and why."""

    code: str
    message: str
    basis: str
    people: tuple[PersonKey, ...]


def find_duplicate_people(people: Iterable[PersonKey]) -> list[DuplicateGroup]:
    """Groups of two or more people sharing a CCCD, or a folded name and a date of birth."""
    by_id: dict[str, list[PersonKey]] = defaultdict(list)
    by_name: dict[tuple[str, date], list[PersonKey]] = defaultdict(list)
    for person in people:
        if person.national_id:
            by_id[person.national_id].append(person)
        if person.birth_date is not None and person.folded_name:
            by_name[(person.folded_name, person.birth_date)].append(person)
    groups = [
        DuplicateGroup(
            "SAME_NATIONAL_ID",
            f"{len(members)} hồ sơ cùng số định danh {number}.",
            CCCD_BASIS,
            tuple(members),
        )
        for number, members in by_id.items()
        if len(members) > 1
    ]
    for (_, born), members in by_name.items():
        ids = {member.national_id for member in members if member.national_id}
        if len(members) > 1 and len(ids) <= 1:
            groups.append(
                DuplicateGroup(
                    "SAME_NAME_AND_BIRTH_DATE",
                    f"{len(members)} hồ sơ cùng họ tên {members[0].name} và ngày sinh "
                    f"{born:%d/%m/%Y}; có thể là một người.",
                    ART_5,
                    tuple(members),
                )
            )
    return groups


@dataclass(frozen=True)
class AwardFact:
    """An award as the double-award rules see it."""

    id: int
    subject: str
    code: str
    name: str
    year: int
    category: str
    kind: str
    revoked: bool = False


@dataclass(frozen=True)
class DoubleAward:
    code: str
    message: str
    basis: str
    awards: tuple[AwardFact, ...]


def _one_per_year(award: AwardFact) -> bool:
    """Titles are annual, and a year's công trạng is one achievement: either can be given
    once a year. Đột xuất and campaign awards reward separate achievements, so the same form
    may be given several times in a year (Điều 5: one form, many times)."""
    return award.kind == "title" or award.category == "CONG_TRANG"


def same_award_again(existing: Iterable[AwardFact], new: AwardFact) -> AwardFact | None:
    """The live award that `new` would repeat (same subject, code and achievement year, for
    a title or a công trạng award)."""
    if not _one_per_year(new):
        return None
    for award in existing:
        if (
            not award.revoked
            and _one_per_year(award)
            and award.id != new.id
            and (award.subject, award.code, award.year) == (new.subject, new.code, new.year)
        ):
            return award
    return None


def find_double_awards(awards: Iterable[AwardFact]) -> list[DoubleAward]:
    """Live awards given twice for one achievement, or two forms for one year's công trạng."""
    same: dict[tuple[str, str, int], list[AwardFact]] = defaultdict(list)
    forms: dict[tuple[str, int], list[AwardFact]] = defaultdict(list)
    for award in awards:
        if award.revoked:
            continue
        if _one_per_year(award):
            same[(award.subject, award.code, award.year)].append(award)
        if award.kind == "form" and award.category == "CONG_TRANG":
            forms[(award.subject, award.year)].append(award)
    found = [
        DoubleAward(
            "SAME_AWARD_TWICE",
            f"{members[0].name} năm {year} được ghi nhận {len(members)} lần.",
            ART_5,
            tuple(members),
        )
        for (_, _, year), members in same.items()
        if len(members) > 1
    ]
    for (_, year), members in forms.items():
        codes = {member.code for member in members}
        if len(codes) > 1:
            names = ", ".join(sorted({member.name for member in members}))
            found.append(
                DoubleAward(
                    "TWO_FORMS_ONE_ACHIEVEMENT",
                    f"Thành tích năm {year} được khen bằng nhiều hình thức ({names}); "
                    "một thành tích chỉ được khen một hình thức.",
                    ART_5,
                    tuple(members),
                )
            )
    return found


@dataclass(frozen=True)
class QuotaStatus:
    """How much of a cap is used: `limit` awards are allowed out of `base`."""

    base: int
    limit: int
    used: int
    message: str
    basis: str

    @property
    def remaining(self) -> int:
        return self.limit - self.used

    @property
    def exceeded(self) -> bool:
        return self.used > self.limit


def quota_status(
    award_name: str, base: int, used: int, max_percent: Decimal, basis: str
) -> QuotaStatus:
    """The cap ⌊base × max_percent / 100⌋ and how much of it `used` takes."""
    limit = math.floor(Decimal(base) * max_percent / 100)
    percent = f"{max_percent.normalize():f}".replace(".", ",")
    if used > limit:
        message = (
            f"{award_name}: {used} vượt chỉ tiêu {limit} ({percent} % của {base}); "
            f"vượt {used - limit}."
        )
    else:
        message = f"{award_name}: {used}/{limit} ({percent} % của {base}); còn {limit - used}."
    return QuotaStatus(base, limit, used, message, basis)
