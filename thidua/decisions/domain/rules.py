"""Pure rules of issuing and revoking a decision. Each returns its reasons (code, Vietnamese
message, legal basis, form field); an empty list means the command may go ahead."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from thidua.org.domain.reasons import Reason

LAW_93 = "Luật Thi đua, khen thưởng 2022, Điều 93"
LAW_80 = "Luật Thi đua, khen thưởng 2022, Điều 80; Nghị định 129/2025/NĐ-CP"
ND_30 = "Nghị định 30/2020/NĐ-CP, Điều 8"

# The nominee statuses from which a decision may award (nominations.choices.NomineeStatus):
# passed by the council, or passed appraisal for forms that need no council vote.
READY_NOMINEE_STATUSES = ("council_passed", "appraised")
REVOCATION_GROUNDS = ("a", "b", "c", "d")


@dataclass(frozen=True)
class ItemFacts:
    label: str
    award_name: str
    # Who may decide this award on the decision date, as the catalogue says (empty: unknown).
    deciders: tuple[str, ...]
    # None for an item entered directly, not from a nominee.
    nominee_status: str | None = None


@dataclass(frozen=True)
class IssueFacts:
    authority: str
    decided_on: date
    today: date
    signer_name: str
    items: tuple[ItemFacts, ...]


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def is_competent(authority: str, deciders: Sequence[str]) -> bool:
    """Whether `authority` is one of the deciders; each catalogue entry may list several,
    separated by semicolons. An award whose deciders the catalogue does not know passes."""
    if not deciders:
        return True
    wanted = _norm(authority)
    return any(wanted == _norm(part) for entry in deciders for part in entry.split(";"))


def check_issue(facts: IssueFacts) -> list[Reason]:
    reasons: list[Reason] = []
    if not facts.items:
        reasons.append(Reason("NO_ITEMS", "Quyết định chưa có ai được khen thưởng.", "", "__all__"))
    if facts.decided_on > facts.today:
        reasons.append(
            Reason("DATE_IN_FUTURE", "Ngày ký quyết định chưa đến.", ND_30, "decided_on")
        )
    if not facts.signer_name.strip():
        reasons.append(
            Reason("SIGNER_REQUIRED", "Cần ghi họ và tên người ký.", ND_30, "signer_name")
        )
    for item in facts.items:
        if not is_competent(facts.authority, item.deciders):
            reasons.append(
                Reason(
                    "NOT_COMPETENT",
                    f"{item.label}: {facts.authority} không có thẩm quyền quyết định tặng "
                    f"{item.award_name} (thẩm quyền: {'; '.join(item.deciders)}).",
                    LAW_80,
                    "__all__",
                )
            )
        if item.nominee_status is not None and item.nominee_status not in READY_NOMINEE_STATUSES:
            reasons.append(
                Reason(
                    "NOMINEE_NOT_READY",
                    f"{item.label}: đề nghị chưa được Hội đồng thông qua hoặc chưa qua thẩm định.",
                    "Luật Thi đua, khen thưởng 2022, Điều 84",
                    "__all__",
                )
            )
    return reasons


@dataclass(frozen=True)
class RevocationFacts:
    ground: str
    reason: str
    revoking_number: str
    revoked_on: date
    decided_on: date
    today: date


def check_revocation(facts: RevocationFacts) -> list[Reason]:
    reasons: list[Reason] = []
    if facts.ground not in REVOCATION_GROUNDS:
        reasons.append(
            Reason(
                "INVALID_GROUND",
                "Chọn căn cứ hủy bỏ theo Điều 93 khoản 2 (điểm a, b, c hoặc d).",
                LAW_93,
                "ground",
            )
        )
    if not facts.reason.strip():
        reasons.append(Reason("REASON_REQUIRED", "Cần ghi lý do hủy bỏ.", LAW_93, "reason"))
    if not facts.revoking_number.strip():
        reasons.append(
            Reason(
                "REVOKING_NUMBER_REQUIRED",
                "Cần ghi số của quyết định hủy bỏ.",
                LAW_93,
                "revoking_number",
            )
        )
    if facts.revoked_on > facts.today:
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày hủy bỏ chưa đến.", "", "revoked_on"))
    if facts.revoked_on < facts.decided_on:
        reasons.append(
            Reason(
                "REVOKED_BEFORE_DECISION",
                f"Ngày hủy bỏ trước ngày quyết định khen thưởng ({facts.decided_on:%d/%m/%Y}).",
                LAW_93,
                "revoked_on",
            )
        )
    return reasons
