"""Excel in and out for registrations (openpyxl): the people sheet and its template."""

from __future__ import annotations

import io
from typing import Any

from thidua.core.text import to_unicode
from thidua.movements.choices import INDIVIDUAL_TITLES, AwardCode
from thidua.movements.domain.registration import COLUMNS, SheetRow, header_positions

MAX_ROWS = 5000  # a sanity bound on one upload, not a legal figure


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return to_unicode(str(value))


def read_people_sheet(upload: Any) -> tuple[list[SheetRow], list[str]]:
    """The data rows of the first sheet, and sheet-level problems (in Vietnamese)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file gets the same explanation
        return [], ["Không đọc được tệp. Hãy tải lên bảng tính Excel (.xlsx) theo mẫu."]
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return [], ["Bảng tính trống."]
    positions, missing = header_positions([_cell(h) for h in header])
    if missing:
        return [], missing
    out: list[SheetRow] = []
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            return [], ["Bảng tính có quá {n} dòng; hãy chia thành nhiều tệp.".format(n=MAX_ROWS)]
        cells = [_cell(v) for v in values]
        if not any(cells):
            continue

        def get(key: str, cells: list[str] = cells) -> str:
            i = positions.get(key)
            return cells[i] if i is not None and i < len(cells) else ""

        out.append(SheetRow(number, get("name"), get("national_id"), get("title")))
    workbook.close()
    return out, []


def people_template(registration: Any) -> bytes:
    """A sheet with the headings, one example row, and the accepted titles."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Đăng ký cá nhân"
    sheet.append([h.capitalize() for h in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    person = registration.unit.people.order_by("sort_key").first()
    if person is not None:
        sheet.append([person.full_name, person.national_id or "", "Lao động tiên tiến"])
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 40
    titles = book.create_sheet("Danh hiệu")
    titles.append(["Mã", "Danh hiệu"])
    for code in INDIVIDUAL_TITLES:
        label = str(AwardCode(code).label)
        titles.append([code, label.split("(", 1)[1].rstrip(")") if "(" in label else label])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
