"""Where a dossier may go next, what blocks it, and how its status reads to a unit officer.

Statuses are the values of `nominations.choices.DossierStatus`/`NomineeStatus` (strings here,
so the rules stay pure). Legal basis: Luật TĐKT 2022, Điều 84 (dossier), NĐ 152/2025 (flow);
legal-rules §6.1–6.4.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from thidua.org.domain.reasons import Reason

LAW_84 = "Luật Thi đua, khen thưởng 2022, Điều 84"
ART_5 = "Luật Thi đua, khen thưởng 2022, Điều 5"

# Dossier statuses.
DRAFT = "draft"
SUBMITTED = "submitted"
RECEIVED = "received"
RETURNED = "returned"
RECALLED = "recalled"
APPRAISING = "appraising"
APPRAISED = "appraised"
FORWARDED = "forwarded"
CLOSED = "closed"

# The proposing unit may edit its dossier in these statuses.
EDITABLE = frozenset({DRAFT, RETURNED, RECALLED})
# The receiving level works on the dossier in these statuses.
AT_RECEIVER = frozenset({SUBMITTED, RECEIVED, APPRAISING})
# Statuses with a running deadline (the "open" dossiers for quotas and the overdue view).
OPEN = frozenset({DRAFT, SUBMITTED, RECEIVED, APPRAISING, RETURNED, RECALLED, APPRAISED})

# Which command may act on which dossier status.
ALLOWED: dict[str, frozenset[str]] = {
    "edit": EDITABLE,
    "submit": EDITABLE,
    "recall": frozenset({SUBMITTED}),
    "receive": frozenset({SUBMITTED}),
    "return": frozenset({SUBMITTED, RECEIVED, APPRAISING}),
    "appraise": frozenset({RECEIVED, APPRAISING}),
    "finish": frozenset({RECEIVED, APPRAISING}),
    "publish": frozenset({RECEIVED, APPRAISING, APPRAISED}),
    "forward": frozenset({APPRAISED}),
}

_REFUSED: dict[str, str] = {
    "edit": "Chỉ sửa được hồ sơ đang soạn, bị trả lại hoặc đã rút về.",
    "submit": "Chỉ gửi được hồ sơ đang soạn, bị trả lại hoặc đã rút về.",
    "recall": "Chỉ rút về được hồ sơ đã gửi mà cấp trên chưa tiếp nhận.",
    "receive": "Chỉ tiếp nhận được hồ sơ vừa được gửi đến.",
    "return": "Chỉ trả lại được hồ sơ đang chờ tiếp nhận hoặc đang thẩm định.",
    "appraise": "Chỉ thẩm định được hồ sơ đã tiếp nhận.",
    "finish": "Chỉ kết thúc thẩm định được hồ sơ đã tiếp nhận.",
    "publish": "Chỉ công khai được hồ sơ đã tiếp nhận.",
    "forward": "Chỉ trình lên cấp trên được hồ sơ đã thẩm định xong.",
}


def transition_reasons(command: str, status: str) -> list[Reason]:
    """Empty when `command` may act on a dossier in `status`."""
    if status in ALLOWED[command]:
        return []
    return [Reason("WRONG_STATUS", _REFUSED[command], LAW_84, "")]


@dataclass(frozen=True)
class NomineeFacts:
    """What the submission rules need about one nominee."""

    name: str
    status: str
    eligible: bool | None
    justification: str
    award_name: str


def submission_reasons(nominees: Sequence[NomineeFacts]) -> list[Reason]:
    """Why a dossier cannot be sent: no nominee, or a nominee the engine found not eligible
    with no written justification (the reviewers must see why it is proposed anyway)."""
    active = [n for n in nominees if n.status != "withdrawn"]
    if not active:
        return [Reason("NO_NOMINEES", "Hồ sơ chưa có ai được đề nghị.", LAW_84, "")]
    reasons = []
    for nominee in active:
        if nominee.eligible is False and not nominee.justification.strip():
            reasons.append(
                Reason(
                    "JUSTIFICATION_REQUIRED",
                    f"{nominee.name} chưa đủ tiêu chuẩn {nominee.award_name} theo kết quả "
                    "kiểm tra; cần ghi rõ lý do vẫn đề nghị trước khi gửi hồ sơ.",
                    ART_5,
                    "justification",
                )
            )
        if nominee.status == "blocked":
            reasons.append(
                Reason(
                    "NOMINEE_BLOCKED",
                    f"{nominee.name} đang bị tạm dừng xét vì có khiếu nại chưa giải quyết.",
                    "Nghị định 152/2025/NĐ-CP, Điều 4",
                    "",
                )
            )
    return reasons


def finish_reasons(statuses: Sequence[str], checklist_missing: Sequence[str]) -> list[Reason]:
    """Appraisal ends when every item of the checklist is ticked and every nominee has a
    result (or was withdrawn)."""
    reasons = []
    if checklist_missing:
        reasons.append(
            Reason(
                "CHECKLIST_INCOMPLETE",
                "Danh mục thẩm định chưa đủ: " + "; ".join(checklist_missing) + ".",
                LAW_84,
                "",
            )
        )
    pending = [s for s in statuses if s in {"submitted", "blocked", "returned", "draft"}]
    if pending:
        reasons.append(
            Reason(
                "NOMINEES_PENDING",
                f"Còn {len(pending)} người/tập thể chưa có kết quả thẩm định "
                "(hoặc đang bị tạm dừng vì khiếu nại).",
                LAW_84,
                "",
            )
        )
    return reasons


def appraisal_reasons(result: str, reason: str, nominee_status: str) -> list[Reason]:
    reasons = []
    if result not in {"appraised", "not_approved"}:
        reasons.append(Reason("INVALID_RESULT", "Kết quả thẩm định không hợp lệ.", "", "result"))
    if nominee_status == "blocked":
        reasons.append(
            Reason(
                "NOMINEE_BLOCKED",
                "Đối tượng đang bị tạm dừng xét vì có khiếu nại chưa giải quyết.",
                "Nghị định 152/2025/NĐ-CP, Điều 4",
                "result",
            )
        )
    elif nominee_status not in {"submitted", "appraised", "not_approved"}:
        reasons.append(
            Reason("WRONG_STATUS", "Đối tượng này không ở bước thẩm định.", LAW_84, "result")
        )
    if result == "not_approved" and not reason.strip():
        reasons.append(Reason("REASON_REQUIRED", "Cần ghi lý do không đề nghị.", LAW_84, "reason"))
    return reasons


def return_reasons(reason: str) -> list[Reason]:
    if not reason.strip():
        return [Reason("REASON_REQUIRED", "Cần ghi lý do trả lại hồ sơ.", LAW_84, "reason")]
    return []


def _d(day: date) -> str:
    return day.strftime("%d/%m")


def status_line(
    status: str,
    receiving: str,
    due: date | None,
    today: date,
    *,
    appraising_body: str = "",
) -> str:
    """The status in one sentence, e.g. "Đang thẩm định tại Sở Nội vụ, hạn 15/12"."""
    where = appraising_body or receiving
    due_text = ""
    if due is not None:
        due_text = f", hạn {_d(due)}"
        if due < today and status in OPEN - {APPRAISED}:
            due_text += f" (quá hạn {(today - due).days} ngày)"
    texts = {
        DRAFT: "Đang soạn, chưa gửi",
        SUBMITTED: f"Đã gửi {where}, chờ tiếp nhận{due_text}",
        RECEIVED: f"Đang thẩm định tại {where}{due_text}",
        APPRAISING: f"Đang thẩm định tại {where}{due_text}",
        RETURNED: f"Bị {where} trả lại, cần sửa và gửi lại{due_text}",
        RECALLED: "Đã rút về để sửa, chưa gửi lại",
        APPRAISED: f"Đã thẩm định xong tại {where}, chờ Hội đồng xét",
        FORWARDED: f"{where} đã trình lên cấp trên",
        CLOSED: "Đã kết thúc",
    }
    return texts.get(status, status)


def comment_reasons(kind: str, name: str, contact: str, text: str) -> list[Reason]:
    """A public comment needs a text; a complaint also the complainant's name and a way to
    reach them (Luật Khiếu nại: anonymous complaints are not handled)."""
    reasons = []
    if kind not in {"comment", "complaint"}:
        reasons.append(Reason("INVALID_KIND", "Loại ý kiến không hợp lệ.", "", "kind"))
    if len(text.strip()) < 10:
        reasons.append(
            Reason("TEXT_TOO_SHORT", "Nội dung ý kiến cần ít nhất 10 ký tự.", "", "text")
        )
    if kind == "complaint":
        if not name.strip():
            reasons.append(
                Reason(
                    "NAME_REQUIRED",
                    "Phản ánh, khiếu nại cần ghi họ và tên người gửi.",
                    "Luật Khiếu nại 2011, Điều 8",
                    "name",
                )
            )
        if not contact.strip():
            reasons.append(
                Reason(
                    "CONTACT_REQUIRED",
                    "Phản ánh, khiếu nại cần ghi số điện thoại hoặc thư điện tử để liên hệ.",
                    "Luật Khiếu nại 2011, Điều 8",
                    "contact",
                )
            )
    return reasons


def restored_status(previous: str) -> str:
    """The status a nominee goes back to when its last open complaint is resolved."""
    return previous if previous and previous != "blocked" else "submitted"
