"""Building test sheets in memory."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook


def xlsx(rows: Sequence[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class Upload(io.BytesIO):
    """A file-like upload with a name, as the views and the command line pass it."""

    def __init__(self, data: bytes, name: str = "bang-tinh.xlsx") -> None:
        super().__init__(data)
        self.name = name
