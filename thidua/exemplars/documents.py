"""The case summary of an exemplary model (.docx, Nghị định 30/2020/NĐ-CP layout): who, what
field and movement, the story, the achievements, the initiatives, the stages with their dates
and responsible units, the units that replicated it and the conferences that honoured it."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from thidua.core.documents import Nd30Document, place_of
from thidua.exemplars import queries
from thidua.exemplars.domain.stages import LABELS, Stage
from thidua.exemplars.models import ExemplaryModel
from thidua.org.models import Unit


def _province(unit: Unit) -> Unit:
    current = unit
    while current.parent_id is not None and current.parent is not None:
        current = current.parent
    return current


def _paragraphs(doc: Nd30Document, text: str) -> None:
    for block in text.split("\n"):
        if block.strip():
            doc.paragraph(block.strip())


def _number(value: object) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value is not None else ""
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _stage(value: str) -> str:
    return LABELS[Stage(value)].capitalize() if value else ""


def case_summary_docx(model: ExemplaryModel, day: date) -> bytes:
    """Báo cáo tóm tắt điển hình tiên tiến (in Vietnamese whatever the page language)."""
    with translation.override("vi"):
        return _case_summary(model, day)


def _case_summary(model: ExemplaryModel, day: date) -> bytes:
    province = _province(model.home_unit)
    doc = Nd30Document()
    doc.head(
        ["Hội đồng Thi đua – Khen thưởng", province.name],
        number="Số:      /BC-HĐTĐKT",
        place=place_of(province.name),
        day=day,
    )
    doc.title("BÁO CÁO", f"Tóm tắt điển hình tiên tiến “{model.title}”")
    rows = [
        ["Điển hình", queries.subject_name(model)],
        ["Đơn vị", queries.subject_unit_name(model) or model.home_unit.name],
        ["Lĩnh vực", model.get_sector_display()],
        ["Phong trào thi đua", model.movement.name if model.movement else "—"],
        ["Khâu hiện tại", _stage(model.stage) or "Đơn vị đề xuất, chưa tiếp nhận"],
    ]
    if model.person_id:
        rows.append(
            ["Người trực tiếp lao động, sản xuất", "Có" if model.is_direct_worker else "Không"]
        )
    doc.table(["Nội dung", "Thông tin"], rows, widths_cm=(5.0, 11.0))
    doc.paragraph("I. CÂU CHUYỆN ĐIỂN HÌNH", bold=True)
    _paragraphs(doc, model.story or "(Chưa viết.)")
    doc.paragraph("II. THÀNH TÍCH", bold=True)
    _paragraphs(doc, model.achievements or "(Chưa ghi.)")
    initiatives = list(model.initiatives.order_by("-year", "title"))
    if initiatives:
        doc.paragraph("III. SÁNG KIẾN", bold=True)
        doc.table(
            ["STT", "Sáng kiến", "Cấp công nhận", "Năm"],
            [
                [str(i), ini.title, ini.get_level_display(), str(ini.year)]
                for i, ini in enumerate(initiatives, 1)
            ],
            widths_cm=(1.2, 9.0, 4.0, 1.8),
        )
    doc.paragraph("IV. CÁC KHÂU PHÁT HIỆN, BỒI DƯỠNG, TỔNG KẾT, NHÂN RỘNG", bold=True)
    stages = queries.stage_rows(model)
    doc.table(
        ["STT", "Khâu", "Ngày", "Đơn vị phụ trách", "Ghi chú"],
        [
            [
                str(i),
                _stage(s.stage),
                s.date.strftime("%d/%m/%Y"),
                s.responsible_unit.name,
                s.note,
            ]
            for i, s in enumerate(stages, 1)
        ]
        or [["", "Chưa ghi nhận khâu nào.", "", "", ""]],
        widths_cm=(1.2, 2.6, 2.6, 4.6, 5.0),
    )
    replications = queries.replication_rows(model)
    doc.paragraph("V. NHÂN RỘNG", bold=True)
    doc.table(
        ["STT", "Đơn vị áp dụng", "Ngày áp dụng", "Kết quả"],
        [
            [
                str(i),
                r.unit.name,
                r.adopted_on.strftime("%d/%m/%Y"),
                " ".join(
                    p
                    for p in (
                        r.result,
                        f"{r.measure}: {_number(r.measured_value)}"
                        if r.measured_value is not None
                        else "",
                    )
                    if p
                ),
            ]
            for i, r in enumerate(replications, 1)
        ]
        or [["", "Chưa có đơn vị nào áp dụng.", "", ""]],
        widths_cm=(1.2, 5.0, 2.8, 7.0),
    )
    conferences = queries.conferences_of(model)
    if conferences:
        doc.paragraph("VI. ĐƯỢC TÔN VINH TẠI HỘI NGHỊ", bold=True)
        for c in conferences:
            doc.paragraph(
                f"- {c.name}, ngày {c.held_on:%d/%m/%Y}" + (f", {c.place}" if c.place else "") + "."
            )
    doc.signature(
        "Cơ quan thường trực Hội đồng Thi đua – Khen thưởng",
        "",
        recipients=["Hội đồng Thi đua – Khen thưởng;", "Lưu: VT, TĐKT."],
    )
    return doc.to_bytes()
