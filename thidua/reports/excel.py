"""Workbooks (.xlsx, openpyxl) of the statistics and the statutory forms.

Values only, never formulas: LibreOffice and Excel show the figures without recalculating.
Text that a spreadsheet could run as a formula is neutralised (`core.cells.neutralise`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from thidua.core.cells import neutralise as safe
from thidua.reports.domain.stats import vn_percent
from thidua.reports.figures import CheckedForm, Statistics

BOLD_HEAD = {"bold": True}


def _sheet_rows(sheet: Any, rows: Sequence[Sequence[Any]], *, start: int = 1) -> int:
    for r, row in enumerate(rows, start=start):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=safe(value))
    return start + len(rows)


def _title(sheet: Any, lines: Sequence[str]) -> int:
    from openpyxl.styles import Font

    for i, line in enumerate(lines, start=1):
        cell = sheet.cell(row=i, column=1, value=safe(line))
        cell.font = Font(bold=i == 1, size=13 if i == 1 else 11)
    return len(lines) + 2


def _heading(sheet: Any, row: int, headings: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font

    for c, text in enumerate(headings, start=1):
        cell = sheet.cell(row=row, column=c, value=safe(text))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _widths(sheet: Any, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = w


def statistics_xlsx(result: Statistics, *, scope_name: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    f = result.filters
    period = f"{f.year_from}–{f.year_to}" if f.year_from != f.year_to else str(f.year_from)
    head = [
        "THỐNG KÊ KHEN THƯỞNG",
        f"Đơn vị: {scope_name}",
        f"Giai đoạn: {period}",
    ]
    s = result.summary
    sheet = book.active
    sheet.title = "Tổng hợp"
    row = _title(sheet, head)
    _heading(sheet, row, ["Chỉ tiêu", "Số lượng", "Tỷ lệ"])
    _sheet_rows(
        sheet,
        [
            ["Tổng số khen thưởng", s.total, ""],
            ["Tập thể", s.collectives, ""],
            ["Cá nhân", s.individuals, ""],
            ["Hộ gia đình", s.households, ""],
            ["Cá nhân là nữ", s.women, vn_percent(s.women_share.percent)],
            [
                "Cá nhân trực tiếp lao động, sản xuất",
                s.direct,
                vn_percent(s.direct_share.percent),
            ],
            ["Cá nhân người dân tộc thiểu số", s.minority, vn_percent(s.minority_share.percent)],
            ["Tiền thưởng theo quyết định (đồng)", int(result.bonus), ""],
        ],
        start=row + 1,
    )
    _widths(sheet, [42, 14, 12])

    sheet = book.create_sheet("Theo năm")
    row = _title(sheet, head)
    _heading(
        sheet,
        row,
        [
            "Năm",
            "Tổng số",
            "Tăng/giảm so với năm trước",
            "Tập thể",
            "Cá nhân",
            "Nữ",
            "Trực tiếp lao động, sản xuất",
            "Hộ gia đình",
        ],
    )
    _sheet_rows(
        sheet,
        [
            [
                y.year,
                y.summary.total,
                y.change.delta if y.change else "",
                y.summary.collectives,
                y.summary.individuals,
                y.summary.women,
                y.summary.direct,
                y.summary.households,
            ]
            for y in result.years
        ],
        start=row + 1,
    )
    _widths(sheet, [8, 10, 14, 10, 10, 10, 16, 12])

    sheet = book.create_sheet("Theo đơn vị")
    row = _title(sheet, head)
    _heading(
        sheet,
        row,
        [
            "Đơn vị (kể cả đơn vị tiền thân)",
            "Tổng số",
            "Tỷ lệ trong tổng",
            "Cá nhân",
            "Nữ",
            "Trực tiếp lao động, sản xuất",
        ],
    )
    body = [
        [
            a.area.name,
            a.summary.total,
            vn_percent(a.share_of_total.percent),
            a.summary.individuals,
            a.summary.women,
            a.summary.direct,
        ]
        for a in result.areas
    ]
    if result.outside_areas:
        body.append(["Không thuộc đơn vị nào ở trên", result.outside_areas, "", "", "", ""])
    _sheet_rows(sheet, body, start=row + 1)
    _widths(sheet, [44, 10, 14, 10, 10, 16])

    sheet = book.create_sheet("Theo danh hiệu")
    row = _title(sheet, head)
    _heading(sheet, row, ["Mã", "Danh hiệu, hình thức", "Số lượng", "Tỷ lệ"])
    _sheet_rows(
        sheet,
        [
            [k.key, result.names.get(k.key, k.key), k.count, vn_percent(k.share.percent)]
            for k in result.by_award
        ],
        start=row + 1,
    )
    _widths(sheet, [10, 48, 10, 10])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def statutory_xlsx(forms: Sequence[CheckedForm], *, year: int, unit_name: str) -> bytes:
    """One sheet per form (title, unit, year, rows, totals) and a "Kiểm tra" sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for checked in forms:
        spec = checked.form.spec
        sheet = book.create_sheet(spec.code.split("/")[0])
        lines = [
            f"Biểu số {spec.code}",
            spec.title.upper(),
            f"Năm {year}",
            f"Đơn vị báo cáo: {unit_name}",
            f"Căn cứ: {spec.basis}",
        ]
        if not spec.confirmed:
            lines.append("Bố cục biểu chưa được đối chiếu với văn bản gốc (chưa xác nhận).")
        if spec.note:
            lines.append(spec.note)
        row = _title(sheet, lines)
        _heading(sheet, row, ["STT", "Nội dung", *[c.label for c in spec.columns]])
        body: list[list[Any]] = [[r.number, r.label, *r.cells] for r in checked.form.rows]
        end = _sheet_rows(sheet, body, start=row + 1)
        total_row = ["", "Tổng cộng", *checked.form.totals]
        _sheet_rows(sheet, [total_row], start=end)
        for c in range(1, len(total_row) + 1):
            sheet.cell(row=end, column=c).font = Font(bold=True)
        _widths(sheet, [6, 46, *[14] * len(spec.columns)])

    sheet = book.create_sheet("Kiểm tra")
    row = _title(
        sheet,
        [
            "ĐỐI CHIẾU SỐ LIỆU BIỂU MẪU VỚI HỒ SƠ KHEN THƯỞNG",
            f"Năm {year} — {unit_name}",
        ],
    )
    _heading(
        sheet, row, ["Biểu", "Tổng số trên biểu", "Số bản ghi khen thưởng", "Kết quả", "Ghi chú"]
    )
    body = []
    for checked in forms:
        spec = checked.form.spec
        if checked.record_count is None:
            body.append(
                [spec.code, checked.form.totals[0], "", "Không áp dụng", "Biểu đếm phong trào"]
            )
            continue
        total = checked.form.column("total")
        verdict = "Khớp" if not checked.reasons else "Không khớp"
        notes = " ".join(r.message for r in checked.reasons)
        if checked.overlaps:
            notes += " Dòng trùng phạm vi: " + ", ".join(checked.overlaps) + "."
        body.append([spec.code, total, checked.record_count, verdict, notes.strip()])
    _sheet_rows(sheet, body, start=row + 1)
    _widths(sheet, [20, 16, 20, 12, 60])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
