"""The score sheet's workflow: one transition table.

self-score (draft) → submitted → reviewed by the cluster leader (with comment) → explained
by the unit (giải trình, optional) → finalised by the organising level → locked. The leader
may return a submitted sheet to draft. A locked sheet never changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.org.domain.reasons import Reason

DRAFT = "draft"
SUBMITTED = "submitted"
REVIEWED = "reviewed"
EXPLAINED = "explained"
FINALISED = "finalised"
LOCKED = "locked"

UNIT = "unit"  # TAKE_PART over the unit
LEADER = "leader"  # REVIEW_SCORES over the cluster's leader unit (or MANAGE_SCORING)
ORGANISER = "organiser"  # MANAGE_SCORING over the organising unit

BASIS = "Quy chế chấm điểm thi đua của cụm, khối"


@dataclass(frozen=True)
class Step:
    to: str
    who: str


TRANSITIONS: dict[tuple[str, str], Step] = {
    (DRAFT, "save_self"): Step(DRAFT, UNIT),
    (DRAFT, "submit"): Step(SUBMITTED, UNIT),
    (SUBMITTED, "return"): Step(DRAFT, LEADER),
    (SUBMITTED, "review"): Step(REVIEWED, LEADER),
    (REVIEWED, "explain"): Step(EXPLAINED, UNIT),
    (REVIEWED, "finalise"): Step(FINALISED, ORGANISER),
    (EXPLAINED, "finalise"): Step(FINALISED, ORGANISER),
    (FINALISED, "lock"): Step(LOCKED, ORGANISER),
}

STATE_LABELS = {
    DRAFT: "đang tự chấm",
    SUBMITTED: "đã nộp",
    REVIEWED: "trưởng cụm đã thẩm định",
    EXPLAINED: "đơn vị đã giải trình",
    FINALISED: "cấp tổ chức đã chấm",
    LOCKED: "đã khóa",
}
ACTION_LABELS = {
    "save_self": "lưu điểm tự chấm",
    "submit": "nộp bảng tự chấm",
    "return": "trả lại bảng điểm",
    "review": "thẩm định điểm",
    "explain": "giải trình",
    "finalise": "chấm điểm chính thức",
    "lock": "khóa điểm",
}


def step(state: str, action: str) -> Step | Reason:
    found = TRANSITIONS.get((state, action))
    if found is not None:
        return found
    if state == LOCKED:
        return Reason("SHEET_LOCKED", "Bảng điểm đã khóa, không thể thay đổi.", BASIS)
    return Reason(
        "SHEET_STATE",
        "Bảng điểm đang ở trạng thái “{s}”, không thể {a}.".format(
            s=STATE_LABELS.get(state, state), a=ACTION_LABELS.get(action, action)
        ),
        BASIS,
    )
