"""Excel in and out for progress figures (openpyxl): the template and the reader."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from thidua.core.text import fold, to_unicode
from thidua.scoring.services import ProgressRow

MAX_ROWS = 5000  # a sanity bound on one upload, not a legal figure
COLUMNS = {
    "unit_code": "mã đơn vị",
    "unit_name": "tên đơn vị",
    "target_position": "số chỉ tiêu",
    "indicator": "chỉ tiêu",
    "value": "giá trị",
    "comment": "ghi chú",
}
REQUIRED = ("unit_code", "target_position", "value")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return to_unicode(str(value)).strip()


def read_progress_sheet(upload: Any) -> tuple[list[ProgressRow], list[str]]:
    """The data rows of the first sheet (rows with no value are skipped), and sheet-level
    problems in Vietnamese."""
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
    wanted = {fold(v): k for k, v in COLUMNS.items()}
    positions = {
        wanted[fold(_cell(h))]: i for i, h in enumerate(header) if fold(_cell(h)) in wanted
    }
    missing = [COLUMNS[k] for k in REQUIRED if k not in positions]
    if missing:
        return [], ["Thiếu cột: {c}.".format(c=", ".join(m.capitalize() for m in missing))]
    out: list[ProgressRow] = []
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            return [], ["Bảng tính có quá {n} dòng; hãy chia thành nhiều tệp.".format(n=MAX_ROWS)]
        cells = [_cell(v) for v in values]

        def get(key: str, cells: list[str] = cells) -> str:
            i = positions.get(key)
            return cells[i] if i is not None and i < len(cells) else ""

        if not get("value"):
            continue
        out.append(
            ProgressRow(
                number, get("unit_code"), get("target_position"), get("value"), get("comment")
            )
        )
    workbook.close()
    return out, []


def progress_template(movement: Any, units: Sequence[Any]) -> bytes:
    """One row per unit and target, with the value left blank."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Số liệu tiến độ"
    sheet.append([v.capitalize() for v in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for unit in units:
        for target in movement.targets.all():
            sheet.append([unit.code, unit.name, target.position, target.indicator, None, None])
    for col, width in zip("ABCDEF", (16, 36, 12, 48, 12, 30), strict=True):
        sheet.column_dimensions[col].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
