"""The printable pledge (.docx) following Nghị định 30/2020/NĐ-CP: Quốc hiệu and tiêu ngữ,
place and date line, title, body, signature blocks; Times New Roman 13–14 pt, A4 margins."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"


def _place(unit_name: str) -> str:
    """The place in the date line: the locality's name without its administrative word."""
    for prefix in ("Tỉnh ", "Thành phố ", "Thị xã ", "Huyện ", "Xã ", "Phường "):
        if unit_name.startswith(prefix):
            return unit_name[len(prefix) :]
    return unit_name


def date_line(place: str, day: Any) -> str:
    if day is None:
        return f"{place}, ngày … tháng … năm …"
    # Nghị định 30/2020: days below 10 and months below 3 are written with a leading zero.
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def pledge_docx(pledge: Any, members: Sequence[Any]) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = FONT  # type: ignore[attr-defined]
    style.font.size = Pt(14)  # type: ignore[attr-defined]

    def para(
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: int = 14,
        align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
        cell: Any = None,
    ) -> Any:
        p = cell.add_paragraph() if cell is not None else doc.add_paragraph()
        p.alignment = align
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size)
        run.font.name = FONT
        return p

    cluster = pledge.cluster
    movement = pledge.movement
    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.paragraphs[0].text = ""
    para(cluster.organiser.name.upper(), size=13, align=WD_ALIGN_PARAGRAPH.CENTER, cell=left)
    para(cluster.name.upper(), bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, cell=left)
    right.paragraphs[0].text = ""
    para(QUOC_HIEU, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, cell=right)
    para(TIEU_NGU, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, cell=right)
    para(
        date_line(_place(cluster.organiser.name), pledge.ceremony_date),
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        cell=right,
    )
    para("")
    para("GIAO ƯỚC THI ĐUA", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(pledge.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    basis = "Căn cứ {doc} của {issuer} về {name};".format(
        doc=movement.document_label,
        issuer=movement.document_issuer or movement.launched_by or movement.organiser.name,
        name=movement.name,
    )
    para(basis, italic=True)
    para(
        "Các đơn vị thành viên {c} thống nhất ký kết giao ước thi đua với các nội dung sau:".format(
            c=cluster.name
        )
    )
    for i, line in enumerate([ln for ln in pledge.criteria.splitlines() if ln.strip()], 1):
        para(f"{i}. {line.strip()}")
    if pledge.ceremony_place or pledge.witnesses:
        text = "Giao ước được ký kết"
        if pledge.ceremony_place:
            text += f" tại {pledge.ceremony_place}"
        if pledge.witnesses:
            text += f", trước sự chứng kiến của {pledge.witnesses}"
        para(text + ".")
    para("")
    para("ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table = doc.add_table(rows=0, cols=2)
    for i in range(0, len(members), 2):
        cells = table.add_row().cells
        for cell, row in zip(cells, members[i : i + 2], strict=False):
            cell.paragraphs[0].text = ""
            para(
                row.member.unit.name.upper(),
                bold=True,
                size=13,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                cell=cell,
            )
            sig = row.signature
            if sig is not None:
                para(
                    (sig.signer_title or "").upper(),
                    bold=True,
                    size=13,
                    align=WD_ALIGN_PARAGRAPH.CENTER,
                    cell=cell,
                )
                para(
                    "(Đã ký ngày {d})".format(d=sig.signed_on.strftime("%d/%m/%Y")),
                    italic=True,
                    size=12,
                    align=WD_ALIGN_PARAGRAPH.CENTER,
                    cell=cell,
                )
                para(sig.signer_name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, cell=cell)
            else:
                para("(Chưa ký)", italic=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, cell=cell)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
