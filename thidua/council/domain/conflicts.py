"""Conflict-of-interest detection for one council member and one nominee.

A member has a conflict when they are the nominee, belong to the nominee's unit (or to the
collective nominated, or to the household nominated), or are the nominee's direct superior: a
member holding a leadership position (the words are a parameter) in the nominee's unit or its
parent unit. The secretary sees the conflicts and records the recusals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thidua.council.domain.tally import Reason


@dataclass(frozen=True)
class MemberFacts:
    person_id: int | None
    unit_id: int | None  # the member's current unit
    position: str
    household_id: int | None = None


@dataclass(frozen=True)
class NomineeFacts:
    person_id: int | None  # set when the nominee is a person
    unit_id: int | None  # the person's unit, or the collective itself
    parent_unit_id: int | None  # the parent of `unit_id`
    household_id: int | None = None  # set when the nominee is a household
    is_collective: bool = False


def _is_leader(position: str, words: Sequence[str]) -> bool:
    text = position.casefold()
    return any(word.casefold() in text for word in words if word.strip())


def conflicts(
    member: MemberFacts, nominee: NomineeFacts, leadership_words: Sequence[str]
) -> list[Reason]:
    """Every reason this member should not vote on this nominee (empty when none)."""
    if member.person_id is None:
        return []
    found: list[Reason] = []
    if nominee.person_id is not None and member.person_id == nominee.person_id:
        found.append(Reason("IS_NOMINEE", "Thành viên là người được đề nghị khen thưởng."))
        return found
    if nominee.household_id is not None and member.household_id == nominee.household_id:
        found.append(Reason("SAME_HOUSEHOLD", "Thành viên thuộc hộ gia đình được đề nghị."))
    if member.unit_id is not None and member.unit_id == nominee.unit_id:
        if nominee.is_collective:
            found.append(Reason("IN_COLLECTIVE", "Thành viên thuộc tập thể được đề nghị."))
        else:
            found.append(Reason("SAME_UNIT", "Thành viên cùng đơn vị với người được đề nghị."))
    if (
        member.unit_id is not None
        and member.unit_id in {nominee.unit_id, nominee.parent_unit_id}
        and _is_leader(member.position, leadership_words)
    ):
        found.append(
            Reason(
                "DIRECT_SUPERIOR",
                f"Thành viên là cấp trên trực tiếp ({member.position}) của đối tượng được đề nghị.",
            )
        )
    return found
