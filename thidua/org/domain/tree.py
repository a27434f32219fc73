"""Rules of the unit tree and its lineage (reorganisation history).

Source: the 2025 two-tier local government reform (Nghị định 129/2025/NĐ-CP; TT 15/2025/TT-BNV:
dissolved units are not commended and successors inherit history) and the practice that a unit
cannot end before it began.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from thidua.org.domain.reasons import Reason

BASIS_REFORM = "Nghị định 129/2025/NĐ-CP; Thông tư 15/2025/TT-BNV"
BASIS_TREE = "Quy tắc cây đơn vị của hệ thống"


@dataclass(frozen=True)
class UnitFacts:
    """What the rules need to know about a unit."""

    id: int
    name: str
    path: str
    valid_from: date | None
    valid_to: date | None


def is_in_subtree(path: str, ancestor_path: str) -> bool:
    return path.startswith(ancestor_path)


def check_parent(unit: UnitFacts | None, new_parent: UnitFacts | None) -> list[Reason]:
    """A unit cannot be its own ancestor, and cannot hang under a unit that has ended."""
    if new_parent is None:
        return []
    reasons: list[Reason] = []
    if unit is not None and is_in_subtree(new_parent.path, unit.path):
        reasons.append(
            Reason(
                "TREE_CYCLE",
                "Không thể đặt “{unit}” trực thuộc “{parent}” vì “{parent}” đang là đơn vị con "
                "của chính nó (sẽ tạo vòng lặp trong cây đơn vị).".format(
                    unit=unit.name, parent=new_parent.name
                ),
                BASIS_TREE,
                "parent",
            )
        )
    if new_parent.valid_to is not None:
        reasons.append(
            Reason(
                "PARENT_ENDED",
                "Đơn vị cấp trên “{parent}” đã chấm dứt hoạt động từ {day}.".format(
                    parent=new_parent.name, day=new_parent.valid_to.strftime("%d/%m/%Y")
                ),
                BASIS_TREE,
                "parent",
            )
        )
    return reasons


def check_dates(valid_from: date | None, valid_to: date | None) -> list[Reason]:
    if valid_from and valid_to and valid_to < valid_from:
        return [
            Reason(
                "DATES_ORDER",
                "Ngày kết thúc ({end}) không được trước ngày bắt đầu ({start}).".format(
                    end=valid_to.strftime("%d/%m/%Y"), start=valid_from.strftime("%d/%m/%Y")
                ),
                BASIS_TREE,
                "valid_to",
            )
        ]
    return []


def check_change(
    unit: UnitFacts, effective_date: date, field: str = "effective_date"
) -> list[Reason]:
    """A reorganisation (rename, move, merge, split, dissolve) takes effect only after the
    unit began, and only while it is still active."""
    return _check_can_end(unit, effective_date, field)


def check_move(unit: UnitFacts, new_parent: UnitFacts, effective_date: date) -> list[Reason]:
    """A move must not create a cycle, must go under an active unit, and must be a valid
    change of an active unit on its date."""
    return check_parent(unit, new_parent) + check_change(unit, effective_date)


def _check_can_end(unit: UnitFacts, effective_date: date, field: str) -> list[Reason]:
    reasons: list[Reason] = []
    if unit.valid_from is not None and effective_date <= unit.valid_from:
        reasons.append(
            Reason(
                "BEFORE_UNIT_EXISTED",
                "Ngày hiệu lực {day} không hợp lệ: “{unit}” chỉ bắt đầu hoạt động từ {start}.".format(
                    day=effective_date.strftime("%d/%m/%Y"),
                    unit=unit.name,
                    start=unit.valid_from.strftime("%d/%m/%Y"),
                ),
                BASIS_REFORM,
                field,
            )
        )
    if unit.valid_to is not None:
        reasons.append(
            Reason(
                "ALREADY_ENDED",
                "“{unit}” đã chấm dứt hoạt động từ {end}, không thể sắp xếp lại.".format(
                    unit=unit.name, end=unit.valid_to.strftime("%d/%m/%Y")
                ),
                BASIS_REFORM,
                field,
            )
        )
    return reasons


def check_merge(
    predecessors: Sequence[UnitFacts], successor: UnitFacts | None, effective_date: date
) -> list[Reason]:
    """A merge needs at least two units (or one into an existing successor), all active on
    the effective date and existing before it; the successor may be one of them."""
    reasons: list[Reason] = []
    distinct = {u.id for u in predecessors}
    absorbing = successor is not None and successor.id not in distinct
    if len(distinct) < (1 if absorbing else 2):
        reasons.append(
            Reason(
                "MERGE_TOO_FEW",
                "Hợp nhất, sáp nhập cần ít nhất hai đơn vị.",
                BASIS_REFORM,
                "predecessors",
            )
        )
    for unit in predecessors:
        if successor is not None and unit.id == successor.id:
            continue
        reasons.extend(_check_can_end(unit, effective_date, "effective_date"))
    if successor is not None:
        if successor.valid_to is not None:
            reasons.append(
                Reason(
                    "SUCCESSOR_ENDED",
                    "Đơn vị kế thừa “{unit}” đã chấm dứt hoạt động.".format(unit=successor.name),
                    BASIS_REFORM,
                    "successor",
                )
            )
        if successor.valid_from is not None and effective_date < successor.valid_from:
            reasons.append(
                Reason(
                    "BEFORE_UNIT_EXISTED",
                    "Ngày hiệu lực {day} trước ngày “{unit}” bắt đầu hoạt động ({start}).".format(
                        day=effective_date.strftime("%d/%m/%Y"),
                        unit=successor.name,
                        start=successor.valid_from.strftime("%d/%m/%Y"),
                    ),
                    BASIS_REFORM,
                    "effective_date",
                )
            )
    return reasons


def check_split(
    unit: UnitFacts, successor_names: Sequence[str], effective_date: date
) -> list[Reason]:
    """A split ends one unit and creates two or more new ones on the effective date."""
    reasons = _check_can_end(unit, effective_date, "effective_date")
    names = [n.strip() for n in successor_names if n.strip()]
    if len(names) < 2:
        reasons.append(
            Reason(
                "SPLIT_TOO_FEW",
                "Chia tách cần ít nhất hai đơn vị mới.",
                BASIS_REFORM,
                "successor_names",
            )
        )
    return reasons


def check_dissolve(
    unit: UnitFacts, effective_date: date, has_active_children: bool
) -> list[Reason]:
    """A unit can be dissolved only while active, after it began, and once its children
    have been moved, merged or dissolved."""
    reasons = _check_can_end(unit, effective_date, "effective_date")
    if has_active_children:
        reasons.append(
            Reason(
                "HAS_ACTIVE_CHILDREN",
                "“{unit}” còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể các "
                "đơn vị đó trước.".format(unit=unit.name),
                BASIS_REFORM,
                "unit",
            )
        )
    return reasons
