"""Rules for entering the award history (pure): what a record may say.

Each rule returns `Reason`s (code, Vietnamese message, legal basis, field) and never a bare
bool; an empty list means the entry is acceptable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.awards.domain.catalogue import AwardDefinition
from thidua.awards.domain.types import SubjectKind
from thidua.org.domain.reasons import Reason

LAW = "Luật Thi đua, khen thưởng 2022"
ART_5 = f"{LAW}, Điều 5"
ART_9 = f"{LAW}, Điều 9"
REFORM_BASIS = "Thông tư 15/2025/TT-BNV (đơn vị giải thể không được khen thưởng mới)"
FIRST_YEAR = 1945  # the earliest achievement year the history accepts (founding of the State)

SUBJECT_NAMES = {
    SubjectKind.INDIVIDUAL: "cá nhân",
    SubjectKind.COLLECTIVE: "tập thể",
    SubjectKind.HOUSEHOLD: "hộ gia đình",
}


@dataclass(frozen=True)
class AwardEntry:
    """An award about to be written into a subject's history."""

    definition: AwardDefinition
    subject_kind: SubjectKind
    year: int
    decision_date: date | None
    subject_ended_on: date | None = None


def check_award_entry(entry: AwardEntry, today: date) -> list[Reason]:
    """Reasons the entry cannot be recorded as it stands."""
    reasons: list[Reason] = []
    definition = entry.definition
    if not definition.applies_to(entry.subject_kind):
        reasons.append(
            Reason(
                "AWARD_NOT_FOR_SUBJECT",
                f"{definition.name_vi} không dùng để khen {SUBJECT_NAMES[entry.subject_kind]}.",
                definition.legal_basis or ART_9,
                "award_type",
            )
        )
    reasons += check_year(entry.year, today, "year")
    decided = entry.decision_date
    if decided is not None:
        if decided > today:
            reasons.append(
                Reason(
                    "DECISION_IN_FUTURE",
                    f"Ngày quyết định {decided:%d/%m/%Y} chưa đến.",
                    ART_5,
                    "decision_date",
                )
            )
        if decided.year < entry.year:
            reasons.append(
                Reason(
                    "DECISION_BEFORE_ACHIEVEMENT",
                    f"Quyết định ngày {decided:%d/%m/%Y} không thể khen thành tích năm "
                    f"{entry.year} (chưa có thành tích).",
                    ART_5,
                    "decision_date",
                )
            )
        ended = entry.subject_ended_on
        if ended is not None and decided > ended:
            reasons.append(
                Reason(
                    "SUBJECT_ENDED",
                    f"Tập thể đã chấm dứt hoạt động từ {ended:%d/%m/%Y}; không khen thưởng "
                    "sau ngày đó.",
                    REFORM_BASIS,
                    "decision_date",
                )
            )
    return reasons


def check_year(year: int, today: date, field: str) -> list[Reason]:
    """A year of achievement or rating must lie between 1945 and the current year."""
    if year > today.year:
        return [
            Reason(
                "YEAR_IN_FUTURE",
                f"Năm {year} chưa đến; chỉ ghi nhận kết quả đến năm {today.year}.",
                ART_5,
                field,
            )
        ]
    if year < FIRST_YEAR:
        return [Reason("YEAR_TOO_EARLY", f"Năm phải từ {FIRST_YEAR} trở đi.", ART_5, field)]
    return []
