"""The general report for a movement's interim or final review (.docx, Nghị định 30/2020
layout, built with `core.documents.Nd30Document`): the movement, its targets, registrations,
works against quotas, scoring, nominations, council results, the awards and what is at risk."""

from __future__ import annotations

from datetime import date

from thidua.core.documents import Nd30Document, place_of
from thidua.council.choices import ItemResult
from thidua.movements.choices import WorkStatus
from thidua.nominations.choices import NomineeStatus
from thidua.reports.domain.stats import Share, vn_int, vn_percent
from thidua.reports.queries import MovementFigures
from thidua.scoring.choices import SheetState


def review_docx(
    figures: MovementFigures, *, final: bool, today: date, names: dict[str, str]
) -> bytes:
    m = figures.movement
    organiser = m.organiser
    kind = "tổng kết" if final else "sơ kết"
    doc = Nd30Document()
    body = [organiser.parent.name if organiser.parent else "", organiser.name]
    doc.head(
        [line for line in body if line],
        number="Số:      /BC",
        place=place_of(organiser.name),
        day=today,
    )
    doc.title("BÁO CÁO", f"{kind.capitalize()} {m.name}")
    doc.paragraph("Số liệu do hệ thống thidua tổng hợp từ hồ sơ đã nhập.", italic=True)
    document = getattr(m, "document_label", "") or m.document_number
    doc.paragraph(
        f"Thực hiện {document} ngày {m.document_date:%d/%m/%Y}"
        if m.document_date
        else f"Thực hiện {document}"
    )
    doc.paragraph(
        f"Thời gian thực hiện: từ {m.start_date:%d/%m/%Y} đến {m.end_date:%d/%m/%Y}. "
        f"{organiser.name} báo cáo kết quả {kind} phong trào như sau:"
    )

    doc.paragraph("I. KẾT QUẢ THỰC HIỆN", bold=True)
    doc.paragraph("1. Các chỉ tiêu", bold=True)
    if figures.targets:
        doc.table(
            ["STT", "Chỉ tiêu", "Mục tiêu", "Đạt được", "Tiến độ", "Đánh giá"],
            [
                [
                    str(i),
                    row.target.indicator,
                    row.label,
                    row.achieved_label or "—",
                    f"{row.progress.percent} %",
                    "Đạt" if row.progress.met else "Chưa đạt",
                ]
                for i, row in enumerate(figures.targets, start=1)
            ],
            size=11,
            widths_cm=(1.0, 5.5, 2.6, 2.4, 2.0, 2.5),
        )
    else:
        doc.paragraph("Phong trào không đặt chỉ tiêu định lượng.")

    reg_share = Share(figures.registered, figures.participants)
    doc.paragraph("2. Đăng ký thi đua", bold=True)
    doc.paragraph(
        f"Có {vn_int(figures.registered)}/{vn_int(figures.participants)} đơn vị tham gia đã "
        f"đăng ký thi đua ({vn_percent(reg_share.percent)})."
    )
    doc.paragraph("3. Công trình, phần việc so với định mức", bold=True)
    works = figures.works_by_status
    doc.paragraph(
        f"Tổng số công trình, phần việc: {vn_int(sum(works.values()))}; trong đó hoàn thành "
        f"{vn_int(works.get(WorkStatus.COMPLETED, 0))}, đang thực hiện "
        f"{vn_int(works.get(WorkStatus.IN_PROGRESS, 0))}, đã đăng ký "
        f"{vn_int(works.get(WorkStatus.PLANNED, 0))}, hủy {vn_int(works.get(WorkStatus.CANCELLED, 0))}."
    )
    c = figures.compliance
    doc.paragraph(
        f"Theo định mức: {vn_int(c.get('within', 0))} lượt đơn vị đạt, {vn_int(c.get('above', 0))} "
        f"vượt, {vn_int(c.get('below', 0))} chưa đạt."
    )
    doc.paragraph("4. Chấm điểm, xếp hạng", bold=True)
    sheets = figures.sheets_by_state
    if sheets:
        done = sheets.get(SheetState.FINALISED, 0) + sheets.get(SheetState.LOCKED, 0)
        doc.paragraph(
            f"{vn_int(sum(sheets.values()))} bảng điểm, trong đó {vn_int(done)} đã có điểm chính thức."
        )
    else:
        doc.paragraph("Phong trào chưa có bảng chấm điểm.")

    doc.paragraph("II. KHEN THƯỞNG", bold=True)
    nominees = figures.nominees_by_status
    council = figures.council_by_result
    doc.paragraph(
        f"Số đối tượng được đề nghị: {vn_int(sum(nominees.values()))}; qua thẩm định "
        f"{vn_int(nominees.get(NomineeStatus.APPRAISED, 0))}; Hội đồng thống nhất "
        f"{vn_int(council.get(ItemResult.PASSED, 0))}, không thống nhất "
        f"{vn_int(council.get(ItemResult.FAILED, 0))}; đã có quyết định khen thưởng "
        f"{vn_int(nominees.get(NomineeStatus.DECIDED, 0))}."
    )
    if figures.awards_by_code:
        doc.table(
            ["STT", "Danh hiệu, hình thức khen thưởng", "Số lượng"],
            [
                [str(i), names.get(code, code), vn_int(n)]
                for i, (code, n) in enumerate(sorted(figures.awards_by_code.items()), start=1)
            ],
            size=11,
            widths_cm=(1.2, 11.0, 3.0),
        )

    doc.paragraph("III. TỒN TẠI VÀ VIỆC CẦN LÀM", bold=True)
    if figures.risks:
        for risk in figures.risks:
            doc.paragraph(f"- {risk.deadline.label}: {risk.reason.message}")
    below = [r for r in figures.compliance_rows if r.status == "below"]
    if below:
        doc.paragraph(
            f"- {len(below)} lượt đơn vị chưa đạt định mức công trình, phần việc, gồm: "
            + "; ".join(sorted({r.unit.name for r in below})[:30])
            + ("…" if len({r.unit.name for r in below}) > 30 else "")
            + "."
        )
    if not figures.risks and not below:
        doc.paragraph("Không có nội dung quá hạn hoặc chưa đạt định mức.")
    doc.paragraph("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True)
    doc.paragraph("(Đơn vị bổ sung.)", italic=True)
    doc.signature("THỦ TRƯỞNG ĐƠN VỊ", "", recipients=["Như trên;", "Lưu: VT."])
    return doc.to_bytes()
