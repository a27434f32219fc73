"""Checks of a criteria table's structure and proposal policy before it is adopted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from thidua.org.domain.reasons import Reason
from thidua.scoring.domain.formulas import BONUS_PENALTY, ZERO, fmt

BASIS = "Quy chế chấm điểm thi đua của cụm, khối"

# Collective awards a ranking may propose (codes of the awards catalogue, awards/data/awards.csv).
PROPOSABLE_AWARDS = {
    "CO_CP": "Cờ thi đua của Chính phủ",
    "CO_BT": "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
    "BK_TTG": "Bằng khen của Thủ tướng Chính phủ",
    "BK_BT": "Bằng khen cấp bộ, ban, ngành, tỉnh",
    "GK": "Giấy khen",
}


@dataclass(frozen=True)
class CriterionFacts:
    code: str
    kind: str
    max_points: Decimal
    weight: Decimal


@dataclass(frozen=True)
class GroupFacts:
    title: str
    max_points: Decimal
    criteria: tuple[CriterionFacts, ...]


def check_policy(
    flag_award: str,
    merit_award: str,
    leading_count: int,
    flag_count: int,
    merit_count: int,
    vote_threshold: Decimal,
) -> list[Reason]:
    reasons: list[Reason] = []
    for field, code in (("flag_award", flag_award), ("merit_award", merit_award)):
        if code not in PROPOSABLE_AWARDS:
            reasons.append(
                Reason(
                    "UNKNOWN_AWARD",
                    f"Mã hình thức khen thưởng “{code}” không có trong danh mục đề nghị.",
                    BASIS,
                    field,
                )
            )
    if leading_count < 1:
        reasons.append(
            Reason("INVALID_INPUT", "Số đơn vị dẫn đầu phải ít nhất là 1.", BASIS, "leading_count")
        )
    if flag_count > leading_count:
        reasons.append(
            Reason(
                "FLAG_ABOVE_LEADING",
                "Số đơn vị đề nghị Cờ thi đua không được nhiều hơn số đơn vị dẫn đầu.",
                BASIS,
                "flag_count",
            )
        )
    if not ZERO <= vote_threshold <= Decimal(100):
        reasons.append(
            Reason(
                "INVALID_INPUT", "Ngưỡng biểu quyết phải từ 0 đến 100 %.", BASIS, "vote_threshold"
            )
        )
    return reasons


def check_structure(max_total: Decimal, groups: Sequence[GroupFacts]) -> list[Reason]:
    """Adoptable when the groups' maxima add up to the table's maximum, and the scored
    criteria of each group (weight × maximum; bonus/penalty criteria excepted) add up to
    the group's maximum."""
    reasons: list[Reason] = []
    if not groups:
        return [Reason("EMPTY_TABLE", "Bảng tiêu chí chưa có nhóm tiêu chí nào.", BASIS)]
    total = sum((g.max_points for g in groups), ZERO)
    if total != max_total:
        reasons.append(
            Reason(
                "TOTAL_MISMATCH",
                "Tổng điểm các nhóm ({t}) khác điểm tối đa của bảng ({m}).".format(
                    t=fmt(total), m=fmt(max_total)
                ),
                BASIS,
                "max_total",
            )
        )
    for i, g in enumerate(groups, start=1):
        scored = [c for c in g.criteria if c.kind != BONUS_PENALTY]
        if not g.criteria:
            reasons.append(Reason("EMPTY_GROUP", f"Nhóm {i} “{g.title}” chưa có tiêu chí.", BASIS))
            continue
        s = sum((c.max_points * c.weight for c in scored), ZERO)
        if s != g.max_points:
            reasons.append(
                Reason(
                    "GROUP_MISMATCH",
                    "Nhóm {i} “{t}”: tổng điểm tiêu chí ({s}) khác điểm tối đa của nhóm ({m}).".format(
                        i=i, t=g.title, s=fmt(s), m=fmt(g.max_points)
                    ),
                    BASIS,
                )
            )
    codes = [c.code for g in groups for c in g.criteria]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        reasons.append(
            Reason("DUPLICATE_CODE", "Mã tiêu chí bị trùng: {d}.".format(d=", ".join(dupes)), BASIS)
        )
    return reasons
