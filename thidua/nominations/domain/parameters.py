"""The procedure's figures as data: deadline days per level and step, public comment periods
per form, and the appraisal checklist items per award kind, level, category or code.

The figures come from `nominations/data/parameters.json`; the current decrees give none of
the deadlines for certain (legal-rules §6.4 [U]), so each carries its basis and whether it is
confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

# The steps a deadline is counted for: the receiving level acknowledges receipt, then
# appraises; a returned dossier is sent again by its proposing unit.
STEPS = ("receive", "appraise", "resubmit")


@dataclass(frozen=True)
class DeadlineRule:
    level: str
    step: str
    days: int
    basis: str
    confirmed: bool


@dataclass(frozen=True)
class PublicCommentRule:
    """Forms that need public comment: by award code, or by award level (the code wins)."""

    award: str
    level: str
    days: int
    basis: str
    confirmed: bool


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str
    basis: str
    kinds: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()

    def applies_to(self, award: AwardFacts) -> bool:
        if self.awards and award.code not in self.awards:
            return False
        if self.kinds and award.kind not in self.kinds:
            return False
        if self.levels and award.level not in self.levels:
            return False
        return not (self.categories and award.category not in self.categories)


@dataclass(frozen=True)
class AwardFacts:
    """What the rules need to know about a proposed award."""

    code: str
    kind: str
    level: str
    category: str = "CONG_TRANG"


@dataclass(frozen=True)
class ProcedureParameters:
    effective_from: date
    deadlines: tuple[DeadlineRule, ...]
    public_comment: tuple[PublicCommentRule, ...]
    checklist: tuple[ChecklistItem, ...]

    def deadline(self, level: str, step: str) -> DeadlineRule | None:
        """The rule for a receiving level and step; levels without their own rule (a
        district, a grassroots unit) use the commune's."""
        for wanted in (level, "commune"):
            for rule in self.deadlines:
                if rule.level == wanted and rule.step == step:
                    return rule
        return None

    def public_comment_for(self, award: AwardFacts) -> PublicCommentRule | None:
        for rule in self.public_comment:
            if rule.award and rule.award == award.code:
                return rule
        for rule in self.public_comment:
            if not rule.award and rule.level and rule.level == award.level:
                return rule
        return None

    def checklist_for(self, awards: Iterable[AwardFacts]) -> tuple[ChecklistItem, ...]:
        """The items that apply to at least one of the dossier's proposed awards, in order."""
        wanted = list(awards)
        return tuple(item for item in self.checklist if any(item.applies_to(a) for a in wanted))


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def parse_parameters(raw: Mapping[str, Any]) -> ProcedureParameters:
    """Read the packaged JSON; a missing or malformed figure raises ValueError."""
    try:
        deadlines = tuple(
            DeadlineRule(
                str(r["level"]),
                str(r["step"]),
                int(r["days"]),
                str(r["basis"]),
                bool(r.get("confirmed", False)),
            )
            for r in raw["deadlines"]
        )
        public = tuple(
            PublicCommentRule(
                str(r.get("award", "")),
                str(r.get("level", "")),
                int(r["days"]),
                str(r["basis"]),
                bool(r.get("confirmed", False)),
            )
            for r in raw["public_comment"]
        )
        checklist = tuple(
            ChecklistItem(
                str(r["code"]),
                str(r["label"]),
                str(r.get("basis", "")),
                kinds=_strings(r.get("applies", {}).get("kinds")),
                levels=_strings(r.get("applies", {}).get("levels")),
                categories=_strings(r.get("applies", {}).get("categories")),
                awards=_strings(r.get("applies", {}).get("awards")),
            )
            for r in raw["checklist"]
        )
        effective = date.fromisoformat(str(raw["effective_from"]))
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed procedure parameters: {exc}") from exc
    for rule in deadlines:
        if rule.step not in STEPS or not 0 < rule.days <= 365:
            raise ValueError(f"bad deadline rule {rule}")
    for comment in public:
        if not 0 < comment.days <= 365 or not (comment.award or comment.level):
            raise ValueError(f"bad public comment rule {comment}")
    return ProcedureParameters(effective, deadlines, public, checklist)


def add_working_days(start: date, days: int, holidays: Sequence[date] = ()) -> date:
    """The day `days` working days after `start` (Monday–Friday, skipping `holidays`)."""
    from datetime import timedelta

    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            left -= 1
    return current
