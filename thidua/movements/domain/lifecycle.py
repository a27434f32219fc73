"""The lifecycle of a movement and what may be edited in each state.

draft → launched → under way → interim review → final review → closed. A movement is
launched by its document (Law Art 17: objectives, scope, participants, content, timeframe);
every thematic movement must be reviewed when it ends (TT 01/2024), so the final review
comes before closing. An interim review may be skipped (a short campaign has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.org.domain.reasons import Reason

BASIS_LAW_17 = "Luật Thi đua, khen thưởng 2022, Điều 17"
BASIS_SYSTEM = "Quy tắc nhập liệu của hệ thống"

DRAFT = "draft"
LAUNCHED = "launched"
UNDER_WAY = "under_way"
INTERIM_REVIEW = "interim_review"
FINAL_REVIEW = "final_review"
CLOSED = "closed"

ORDER = (DRAFT, LAUNCHED, UNDER_WAY, INTERIM_REVIEW, FINAL_REVIEW, CLOSED)

# state -> states it may move to
NEXT: dict[str, tuple[str, ...]] = {
    DRAFT: (LAUNCHED,),
    LAUNCHED: (UNDER_WAY,),
    UNDER_WAY: (INTERIM_REVIEW, FINAL_REVIEW),
    INTERIM_REVIEW: (UNDER_WAY, FINAL_REVIEW),
    FINAL_REVIEW: (CLOSED,),
    CLOSED: (),
}

STATE_NAMES = {
    DRAFT: "dự thảo",
    LAUNCHED: "đã phát động",
    UNDER_WAY: "đang triển khai",
    INTERIM_REVIEW: "sơ kết",
    FINAL_REVIEW: "tổng kết",
    CLOSED: "đã kết thúc",
}

# What each state allows to change. The launch document, organiser, kind and start date are
# fixed once the movement is launched: units registered against them.
PLAN_FIELDS = frozenset(
    {
        "name",
        "theme",
        "slogan",
        "kind",
        "launch_level",
        "organiser",
        "launched_by",
        "launcher_name",
        "launcher_title",
        "document_type",
        "document_number",
        "document_date",
        "document_issuer",
        "document_file",
        "start_date",
    }
)
RUNNING_FIELDS = frozenset(
    {
        "objectives",
        "end_date",
        "registration_deadline",
        "results_due",
        "budget",
        "budget_note",
        "lead_unit",
        "cooperating_units",
        "items",
        "milestones",
        "planned_awards",
        "note",
    }
)
REVIEW_FIELDS = frozenset({"milestones", "planned_awards", "note"})

EDITABLE: dict[str, frozenset[str]] = {
    DRAFT: PLAN_FIELDS | RUNNING_FIELDS,
    LAUNCHED: RUNNING_FIELDS,
    UNDER_WAY: RUNNING_FIELDS,
    INTERIM_REVIEW: REVIEW_FIELDS,
    FINAL_REVIEW: REVIEW_FIELDS,
    CLOSED: frozenset(),
}

# Which parts of a movement can be changed in a state.
TARGETS_EDITABLE = frozenset({DRAFT, LAUNCHED})
PARTICIPANTS_EDITABLE = frozenset({DRAFT, LAUNCHED})
TAKING_PART = frozenset({LAUNCHED, UNDER_WAY, INTERIM_REVIEW})  # registrations, works, pledges
REPORTING = frozenset({UNDER_WAY, INTERIM_REVIEW, FINAL_REVIEW})


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def check_period(
    start: date | None,
    end: date | None,
    *,
    document_date: date | None = None,
    registration_deadline: date | None = None,
    results_due: date | None = None,
) -> list[Reason]:
    """The period runs forward; the deadlines fall where they can be met."""
    reasons: list[Reason] = []
    if start and end and end < start:
        reasons.append(
            Reason(
                "PERIOD_ORDER",
                "Thời gian thi đua kết thúc ({end}) trước khi bắt đầu ({start}).".format(
                    end=_d(end), start=_d(start)
                ),
                BASIS_SYSTEM,
                "end_date",
            )
        )
    if document_date and end and document_date > end:
        reasons.append(
            Reason(
                "DOCUMENT_AFTER_END",
                "Ngày ban hành văn bản phát động ({day}) sau ngày kết thúc đợt thi đua ({end}).".format(
                    day=_d(document_date), end=_d(end)
                ),
                BASIS_SYSTEM,
                "document_date",
            )
        )
    if registration_deadline and end and registration_deadline > end:
        reasons.append(
            Reason(
                "DEADLINE_AFTER_END",
                "Hạn đăng ký thi đua ({day}) sau ngày kết thúc đợt thi đua ({end}).".format(
                    day=_d(registration_deadline), end=_d(end)
                ),
                BASIS_SYSTEM,
                "registration_deadline",
            )
        )
    if results_due and start and results_due < start:
        reasons.append(
            Reason(
                "RESULTS_BEFORE_START",
                "Hạn hoàn thành nội dung thi đua ({day}) trước ngày bắt đầu ({start}).".format(
                    day=_d(results_due), start=_d(start)
                ),
                BASIS_SYSTEM,
                "results_due",
            )
        )
    return reasons


def check_milestones(start: date, end: date, milestones: list[tuple[str, date]]) -> list[Reason]:
    """Interim reviews fall inside the period; the final review not before the start."""
    reasons: list[Reason] = []
    for kind, day in milestones:
        if day < start:
            reasons.append(
                Reason(
                    "MILESTONE_BEFORE_START",
                    "Mốc {what} ngày {day} trước ngày bắt đầu đợt thi đua ({start}).".format(
                        what="sơ kết" if kind == "interim" else "tổng kết",
                        day=_d(day),
                        start=_d(start),
                    ),
                    BASIS_LAW_17,
                    "milestones",
                )
            )
        elif kind == "interim" and day > end:
            reasons.append(
                Reason(
                    "INTERIM_AFTER_END",
                    "Mốc sơ kết ngày {day} sau ngày kết thúc đợt thi đua ({end}).".format(
                        day=_d(day), end=_d(end)
                    ),
                    BASIS_LAW_17,
                    "milestones",
                )
            )
    return reasons


@dataclass(frozen=True)
class MovementFacts:
    """What the lifecycle rules need to know about a movement."""

    state: str
    kind: str
    start_date: date
    end_date: date
    document_number: str
    document_date: date | None
    participant_count: int
    target_count: int
    item_count: int
    has_final_milestone: bool


def check_transition(facts: MovementFacts, to_state: str) -> list[Reason]:
    """Whether the movement may move from its state to `to_state`."""
    if to_state not in NEXT.get(facts.state, ()):
        return [
            Reason(
                "INVALID_TRANSITION",
                "Phong trào đang ở trạng thái “{now}”, không thể chuyển sang “{to}”.".format(
                    now=STATE_NAMES.get(facts.state, facts.state),
                    to=STATE_NAMES.get(to_state, to_state),
                ),
                BASIS_LAW_17,
            )
        ]
    reasons: list[Reason] = []
    if to_state == LAUNCHED:
        if not facts.document_number or facts.document_date is None:
            reasons.append(
                Reason(
                    "LAUNCH_NEEDS_DOCUMENT",
                    "Cần có số, ký hiệu và ngày của văn bản phát động trước khi phát động.",
                    BASIS_LAW_17,
                    "document_number",
                )
            )
        if facts.participant_count == 0:
            reasons.append(
                Reason(
                    "LAUNCH_NEEDS_PARTICIPANTS",
                    "Cần xác định đối tượng, phạm vi tham gia (ít nhất một đơn vị) trước khi "
                    "phát động.",
                    BASIS_LAW_17,
                    "participants",
                )
            )
        if facts.target_count == 0 and facts.item_count == 0:
            reasons.append(
                Reason(
                    "LAUNCH_NEEDS_CONTENT",
                    "Cần có nội dung thi đua hoặc ít nhất một chỉ tiêu trước khi phát động.",
                    BASIS_LAW_17,
                    "items",
                )
            )
    return reasons


def editable_fields(state: str) -> frozenset[str]:
    return EDITABLE.get(state, frozenset())


def check_edit(state: str, changed: set[str]) -> list[Reason]:
    """Refuse changes to fields the state has frozen."""
    frozen = sorted(changed - editable_fields(state))
    return [
        Reason(
            "FIELD_FROZEN",
            "Không thể sửa mục này khi phong trào ở trạng thái “{state}”.".format(
                state=STATE_NAMES.get(state, state)
            ),
            BASIS_LAW_17,
            name,
        )
        for name in frozen
    ]


def not_open(state: str, what: str) -> Reason:
    return Reason(
        "MOVEMENT_NOT_OPEN",
        "Phong trào đang ở trạng thái “{state}”: không thể {what}.".format(
            state=STATE_NAMES.get(state, state), what=what
        ),
        BASIS_LAW_17,
    )
