"""Reading an uploaded sheet safely and row by row (bounded memory).

The file's first bytes decide its type; an .xlsx zip is inspected (entry count, uncompressed
size, compression ratio) before openpyxl opens it, in read-only mode, without evaluating
anything: a formula cell is reported, never computed. Text cells go through
`core.text.to_unicode`, so TCVN3, VNI, decomposed Unicode and stray spaces become clean NFC,
cell by cell.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thidua.core.text import group_digits, to_unicode
from thidua.interchange.domain.safety import LIMITS, Limits, Refused, ZipEntry, check_zip, sniff


@dataclass(frozen=True)
class Cell:
    value: Any  # str (clean NFC), int, float, date/datetime, or None
    formula: bool = False


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number in the sheet (header = 1)
    cells: tuple[Cell, ...]

    def is_empty(self) -> bool:
        return all(c.value in (None, "") for c in self.cells)


@lru_cache(maxsize=65_536)
def _decode(value: str) -> str:
    # Names, units and positions repeat down a sheet: detect and decode each text once.
    return to_unicode(value, multiline=False)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _decode(value)
    return value


def open_sheet(path: Path, limits: Limits = LIMITS) -> tuple[list[str], Iterator[SheetRow], int]:
    """(headings, data rows, an estimate of the number of data rows). Raises `Refused`."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(8)
    kind = sniff(head, size, limits)
    if kind == "xlsx":
        return _open_xlsx(path, limits)
    return _open_csv(path, limits)


def _open_xlsx(path: Path, limits: Limits) -> tuple[list[str], Iterator[SheetRow], int]:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = [
                ZipEntry(i.filename, i.file_size, i.compress_size) for i in archive.infolist()
            ]
    except (zipfile.BadZipFile, OSError):
        raise Refused("Tệp .xlsx bị hỏng, không mở được.") from None
    check_zip(entries, limits)
    from openpyxl import load_workbook

    handle = path.open("rb")  # a handle: openpyxl judges a path by its extension
    try:
        book = load_workbook(handle, read_only=True, data_only=False, keep_links=False)
        sheet = book.worksheets[0]
    except Exception:  # noqa: BLE001 - any unreadable workbook gets the same explanation
        handle.close()
        raise Refused("Không đọc được bảng tính. Hãy lưu lại bằng Excel dưới dạng .xlsx.") from None

    def close() -> None:
        book.close()
        handle.close()

    estimate = max((sheet.max_row or 1) - 1, 0)
    if estimate > limits.max_rows:
        close()
        raise _too_many_rows(limits)
    if (sheet.max_column or 0) > limits.max_columns * 4:
        close()
        raise _too_many_columns(limits)
    rows = sheet.iter_rows()

    def cells_of(raw: tuple[Any, ...]) -> tuple[Cell, ...]:
        out = []
        for cell in raw:
            value = getattr(cell, "value", None)
            formula = getattr(cell, "data_type", "") == "f"
            out.append(Cell(value if formula else _clean(value), formula))
        while out and out[-1].value in (None, ""):
            out.pop()
        return tuple(out)

    header_raw = next(rows, None)
    if header_raw is None:
        close()
        raise Refused("Bảng tính trống.")
    header = cells_of(header_raw)
    if len(header) > limits.max_columns:
        close()
        raise _too_many_columns(limits)

    def generate() -> Iterator[SheetRow]:
        try:
            for number, raw in enumerate(rows, start=2):
                if number - 1 > limits.max_rows:
                    raise _too_many_rows(limits)
                cells = cells_of(raw)
                if len(cells) > limits.max_columns:
                    raise _too_many_columns(limits)
                yield SheetRow(number, cells)
        finally:
            close()

    return [str(c.value or "") for c in header], generate(), estimate


def _decode_text(path: Path) -> io.StringIO | io.TextIOWrapper:
    raw = path.open("rb")
    sample = raw.read(64 * 1024)
    raw.seek(0)
    try:
        sample.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        # A cut in the middle of a character at the sample's end is still UTF-8.
        encoding = "utf-8-sig" if exc.start > len(sample) - 4 else "cp1252"
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _open_csv(path: Path, limits: Limits) -> tuple[list[str], Iterator[SheetRow], int]:
    text = _decode_text(path)
    sample = text.read(16 * 1024)
    text.seek(0)
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(limits.max_cell_chars * 4)
    reader = csv.reader(text, dialect)
    try:
        header_raw = next(reader, None)
    except csv.Error:
        text.close()
        raise Refused("Tệp CSV không đọc được (ô quá dài hoặc sai định dạng).") from None
    if not header_raw:
        text.close()
        raise Refused("Bảng tính trống.")
    if len(header_raw) > limits.max_columns:
        text.close()
        raise _too_many_columns(limits)
    with path.open("rb") as counting:
        estimate = max(sum(1 for _ in counting) - 1, 0)
    if estimate > limits.max_rows:
        text.close()
        raise _too_many_rows(limits)

    def generate() -> Iterator[SheetRow]:
        try:
            for number, raw in enumerate(reader, start=2):
                if number - 1 > limits.max_rows:
                    raise _too_many_rows(limits)
                if len(raw) > limits.max_columns:
                    raise _too_many_columns(limits)
                cells = [
                    Cell(None if v == "" else _clean(v), formula=v.startswith("=")) for v in raw
                ]
                while cells and cells[-1].value in (None, ""):
                    cells.pop()
                yield SheetRow(number, tuple(cells))
        except csv.Error:
            raise Refused("Tệp CSV có ô quá dài hoặc sai định dạng.") from None
        finally:
            text.close()

    return [_clean(h) for h in header_raw], generate(), estimate


def _too_many_rows(limits: Limits) -> Refused:
    return Refused(
        "Bảng tính có quá {n} dòng dữ liệu; hãy chia thành nhiều tệp.".format(
            n=group_digits(limits.max_rows)
        )
    )


def _too_many_columns(limits: Limits) -> Refused:
    return Refused("Bảng tính có quá {n} cột; hãy dùng tệp mẫu.".format(n=limits.max_columns))
