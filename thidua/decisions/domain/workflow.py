"""The decision's states and the one table of allowed transitions.

draft → submitted (for signature) → issued (signed and numbered in one step) → revoked;
the signer may send a submitted draft back to the drafter (submitted → draft).
"""

from __future__ import annotations

from enum import StrEnum

from thidua.org.domain.reasons import Reason

LAW_93 = "Luật Thi đua, khen thưởng 2022, Điều 93"


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ISSUED = "issued"
    REVOKED = "revoked"


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    ISSUE = "issue"
    REVOKE = "revoke"
    EDIT = "edit"


# (state, action) → next state. Editing the items keeps the state.
TRANSITIONS: dict[tuple[State, Action], State] = {
    (State.DRAFT, Action.EDIT): State.DRAFT,
    (State.DRAFT, Action.SUBMIT): State.SUBMITTED,
    (State.SUBMITTED, Action.RETURN): State.DRAFT,
    (State.SUBMITTED, Action.ISSUE): State.ISSUED,
    (State.ISSUED, Action.REVOKE): State.REVOKED,
}

_REFUSALS: dict[Action, str] = {
    Action.EDIT: "Chỉ sửa được quyết định khi còn là dự thảo.",
    Action.SUBMIT: "Chỉ trình ký được dự thảo quyết định.",
    Action.RETURN: "Chỉ trả lại được quyết định đang chờ ký.",
    Action.ISSUE: "Chỉ ký ban hành được quyết định đã trình ký; quyết định đã ban hành không ban hành lại.",
    Action.REVOKE: "Chỉ hủy bỏ được quyết định đã ban hành và chưa bị hủy bỏ.",
}


class TransitionNotAllowed(Exception):
    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.message)
        self.reason = reason


def advance(state: str, action: Action) -> State:
    """The next state, or TransitionNotAllowed carrying the Vietnamese reason."""
    try:
        return TRANSITIONS[(State(state), action)]
    except (KeyError, ValueError):
        code = (
            "ALREADY_ISSUED"
            if action is Action.ISSUE and state in {"issued", "revoked"}
            else ("WRONG_STATE")
        )
        basis = LAW_93 if action is Action.REVOKE else ""
        raise TransitionNotAllowed(Reason(code, _REFUSALS[action], basis)) from None
