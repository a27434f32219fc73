"""Administrative documents (.docx) in the layout of Nghị định 30/2020/NĐ-CP.

One builder serves every generated document (pledges, submission letters, review reports,
minutes, decisions): the two-column head with the issuing body on the left and the Quốc hiệu,
tiêu ngữ and date line on the right, the number and symbol, a centred title, justified body
paragraphs, tables, the signature block and the recipients list ("Nơi nhận"). Times New Roman,
13–14 pt, A4 with margins 2 cm top and bottom, 3 cm left, 2 cm right.

    doc = Nd30Document()
    doc.head(["UBND TỈNH HÀ TĨNH"], number="Số: 12/QĐ-UBND", place="Hà Tĩnh", day=date(...))
    doc.title("QUYẾT ĐỊNH", "Về việc tặng Bằng khen")
    doc.paragraph("Căn cứ ...", italic=True)
    doc.table(["STT", "Họ và tên"], [["1", "Nguyễn Văn An"]])
    doc.signature("CHỦ TỊCH", "Nguyễn Văn B", recipients=["Như Điều 3;", "Lưu: VT."])
    data = doc.to_bytes()
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from thidua.core.security import xml_safe

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
_PLACE_PREFIXES = ("Tỉnh ", "Thành phố ", "Thị xã ", "Huyện ", "Xã ", "Phường ", "Đặc khu ")


def place_of(unit_name: str) -> str:
    """The place in the date line: the locality's name without its administrative word."""
    for prefix in _PLACE_PREFIXES:
        if unit_name.startswith(prefix):
            return unit_name[len(prefix) :]
    return unit_name


def date_line(place: str, day: date | None) -> str:
    """`Hà Tĩnh, ngày 05 tháng 02 năm 2026`; a blank line to fill by hand when no date."""
    if day is None:
        return f"{place}, ngày … tháng … năm …"
    # Nghị định 30/2020: days below 10 and months below 3 are written with a leading zero.
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


class Nd30Document:
    """A .docx under construction; every method appends to the end of the document."""

    def __init__(self, *, font_size: int = 14, landscape: bool = False) -> None:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        self._doc = Document()
        section = self._doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_height, section.page_width = Cm(21), Cm(29.7)
        else:
            section.page_height, section.page_width = Cm(29.7), Cm(21)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        style = self._doc.styles["Normal"]
        style.font.name = FONT  # type: ignore[attr-defined]
        style.font.size = Pt(font_size)  # type: ignore[attr-defined]
        self.font_size = font_size

    @property
    def docx(self) -> Any:
        """The python-docx Document, for what the builder does not cover."""
        return self._doc

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        size: int | None = None,
        align: str = "justify",
        cell: Any = None,
    ) -> Any:
        """Append a paragraph (to the document, or to a table cell); align is one of
        left, center, right, justify."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        alignments = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }
        p = cell.add_paragraph() if cell is not None else self._doc.add_paragraph()
        p.alignment = alignments[align]
        run = p.add_run(xml_safe(text))
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size or self.font_size)
        run.font.name = FONT
        return p

    def head(
        self,
        body_lines: Sequence[str],
        *,
        number: str = "",
        place: str = "",
        day: date | None = None,
        subject: str = "",
    ) -> None:
        """The two-column head: the issuing body (the last line bold) and the number on the
        left; Quốc hiệu, tiêu ngữ and the date line on the right; `subject` is the "V/v"
        summary line of a letter, under the number."""
        from docx.enum.table import WD_TABLE_ALIGNMENT

        table = self._doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = table.rows[0].cells
        # The Quốc hiệu is one line (12 pt bold, Nghị định 30/2020 allows 12–13): give the right
        # column the room it needs.
        self._widths(table, (5.5, 10.5))
        left.paragraphs[0].text = ""
        right.paragraphs[0].text = ""
        for i, line in enumerate(body_lines):
            last = i == len(body_lines) - 1
            self.paragraph(line.upper(), bold=last, size=13, align="center", cell=left)
        if number:
            self.paragraph(number, size=13, align="center", cell=left)
        if subject:
            self.paragraph(subject, size=12, align="center", cell=left)
        self.paragraph(QUOC_HIEU, bold=True, size=12, align="center", cell=right)
        self.paragraph(TIEU_NGU, bold=True, align="center", cell=right)
        if place or day:
            self.paragraph(date_line(place, day), italic=True, align="center", cell=right)
        self.paragraph("")

    @staticmethod
    def _widths(table: Any, widths_cm: Sequence[float]) -> None:
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)

    def title(self, kind: str, summary: str = "") -> None:
        """The document kind in capitals (QUYẾT ĐỊNH, TỜ TRÌNH, BIÊN BẢN) and its summary."""
        self.paragraph(kind.upper(), bold=True, align="center")
        if summary:
            self.paragraph(summary, bold=True, align="center")

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        size: int = 12,
        widths_cm: Sequence[float] | None = None,
    ) -> Any:
        """A bordered table with bold headings; cells are written as text ("" for None)."""
        table = self._doc.add_table(rows=1, cols=len(headings))
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, headings, strict=True):
            cell.paragraphs[0].text = ""
            self.paragraph(str(heading), bold=True, size=size, align="center", cell=cell)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.paragraphs[0].text = ""
                text = "" if value is None else str(value)
                self.paragraph(text, size=size, align="left", cell=cell)
        if widths_cm:
            self._widths(table, widths_cm)
        for row in table.rows:
            for cell in row.cells:
                # python-docx starts each cell with an empty paragraph; drop it when unused.
                first = cell.paragraphs[0]
                if not first.text and len(cell.paragraphs) > 1:
                    first._element.getparent().remove(first._element)
        return table

    def signature(
        self,
        position: str,
        name: str,
        *,
        on_behalf: str = "",
        note: str = "",
        recipients: Sequence[str] = (),
    ) -> None:
        """Recipients ("Nơi nhận") on the left, the signer on the right: on-behalf line
        (TM. ỦY BAN NHÂN DÂN), position, a note such as "(Đã ký)", then the name."""
        self.paragraph("")
        table = self._doc.add_table(rows=1, cols=2)
        self._widths(table, (8.0, 8.0))
        left, right = table.rows[0].cells
        left.paragraphs[0].text = ""
        right.paragraphs[0].text = ""
        if recipients:
            self.paragraph("Nơi nhận:", bold=True, italic=True, size=12, align="left", cell=left)
            for line in recipients:
                self.paragraph(f"- {line}", size=11, align="left", cell=left)
        if on_behalf:
            self.paragraph(on_behalf.upper(), bold=True, size=13, align="center", cell=right)
        self.paragraph(position.upper(), bold=True, size=13, align="center", cell=right)
        self.paragraph(note, italic=True, size=12, align="center", cell=right)
        self.paragraph("")
        self.paragraph(name, bold=True, align="center", cell=right)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._doc.save(buffer)
        return buffer.getvalue()


def docx_text(data: bytes) -> str:
    """Every paragraph of a .docx, tables included, one per line (for tests and checks)."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)
