"""The four stages of work with an exemplary model, in order, and which step is allowed.

Luật Thi đua, khen thưởng 2022, Điều 17 asks those who organise movements to discover, nurture
and replicate exemplary models; practice (and the seed directives: "đảm bảo thực hiện đồng bộ
ở cả 04 khâu: phát hiện, bồi dưỡng, tổng kết và nhân rộng") adds summarising between nurturing
and replicating. A model goes through the stages in that order: a stage may be recorded again
(several nurturing activities, several replication rounds), the next stage may follow, but no
stage is skipped and none goes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from thidua.core.reasons import Reason

LAW_17 = "Luật Thi đua, khen thưởng 2022, Điều 17"
FOUR_STAGES = (
    "Luật Thi đua, khen thưởng 2022, Điều 17; Chỉ thị 41-CT/TW ngày 26/12/2024 (phát hiện, "
    "bồi dưỡng, tổng kết, nhân rộng điển hình tiên tiến)"
)


class Stage(StrEnum):
    DISCOVER = "discover"
    NURTURE = "nurture"
    SUMMARISE = "summarise"
    REPLICATE = "replicate"


ORDER: tuple[Stage, ...] = (Stage.DISCOVER, Stage.NURTURE, Stage.SUMMARISE, Stage.REPLICATE)
LABELS: dict[Stage, str] = {
    Stage.DISCOVER: "phát hiện",
    Stage.NURTURE: "bồi dưỡng",
    Stage.SUMMARISE: "tổng kết",
    Stage.REPLICATE: "nhân rộng",
}


def position(stage: Stage) -> int:
    return ORDER.index(stage)


@dataclass(frozen=True)
class StageFacts:
    """Where the model stands and what is asked: `current` is None before discovery."""

    current: Stage | None
    last_date: date | None
    new: Stage
    new_date: date
    today: date


def stage_reasons(facts: StageFacts) -> list[Reason]:
    """Why the stage may not be recorded (empty: it may)."""
    reasons: list[Reason] = []
    new = facts.new
    if facts.current is None:
        if new is not Stage.DISCOVER:
            reasons.append(
                Reason(
                    "STAGE_SKIPPED",
                    "Điển hình phải được ghi nhận ở khâu phát hiện trước, rồi mới đến khâu "
                    f"{LABELS[new]}.",
                    FOUR_STAGES,
                    "stage",
                )
            )
    else:
        step = position(new) - position(facts.current)
        if step < 0:
            reasons.append(
                Reason(
                    "STAGE_BACKWARDS",
                    f"Điển hình đã ở khâu {LABELS[facts.current]}, không ghi lùi về khâu "
                    f"{LABELS[new]}.",
                    FOUR_STAGES,
                    "stage",
                )
            )
        elif step > 1:
            missing = ", ".join(
                LABELS[s] for s in ORDER[position(facts.current) + 1 : position(new)]
            )
            reasons.append(
                Reason(
                    "STAGE_SKIPPED",
                    f"Chưa qua khâu {missing}: không chuyển thẳng từ khâu "
                    f"{LABELS[facts.current]} sang khâu {LABELS[new]}.",
                    FOUR_STAGES,
                    "stage",
                )
            )
    if facts.new_date > facts.today:
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày ghi nhận chưa đến.", "", "date"))
    if facts.last_date is not None and facts.new_date < facts.last_date:
        reasons.append(
            Reason(
                "DATE_BEFORE_LAST",
                "Ngày ghi nhận sớm hơn ngày của khâu đã ghi trước đó "
                f"({facts.last_date:%d/%m/%Y}).",
                "",
                "date",
            )
        )
    return reasons


def publish_reasons(current: Stage | None, *, accepted: bool) -> list[Reason]:
    """A model is shown to the public once it has been summarised (its story checked and
    written up by the emulation office), never while it is only a unit's proposal."""
    if not accepted:
        return [
            Reason(
                "NOT_ACCEPTED",
                "Điển hình do đơn vị đề xuất chưa được Ban Thi đua – Khen thưởng tiếp nhận "
                "(chưa ghi khâu phát hiện), chưa công bố được.",
                "",
                "",
            )
        ]
    if current is None or position(current) < position(Stage.SUMMARISE):
        return [
            Reason(
                "NOT_SUMMARISED",
                "Chỉ công bố điển hình đã được tổng kết (khâu tổng kết trở đi).",
                FOUR_STAGES,
                "",
            )
        ]
    return []


def replication_reasons(current: Stage | None, adopted_on: date, today: date) -> list[Reason]:
    """Adoption by other units is recorded once the model has been summarised: what is
    replicated is the summarised experience."""
    reasons: list[Reason] = []
    if current is None or position(current) < position(Stage.SUMMARISE):
        reasons.append(
            Reason(
                "NOT_SUMMARISED",
                "Chỉ ghi nhận nhân rộng sau khi điển hình đã được tổng kết.",
                FOUR_STAGES,
                "",
            )
        )
    if adopted_on > today:
        reasons.append(Reason("DATE_IN_FUTURE", "Ngày áp dụng chưa đến.", "", "adopted_on"))
    return reasons
