"""The row report of an import: every problem with its row, column and Vietnamese message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowError:
    row: int  # the sheet's row number (the header is row 1)
    column: str  # the heading of the column, or "" for the whole row
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}

    def line(self) -> str:
        where = f"Dòng {self.row}" + (f", cột “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class Report:
    """Kept bounded: at most `max_errors` errors are stored, the rest only counted."""

    problems: list[str] = field(default_factory=list)  # file-level problems
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    bad_rows: set[int] = field(default_factory=set)
    rows: int = 0
    max_errors: int = 1000

    def add(self, errors: Iterable[RowError]) -> None:
        for error in errors:
            self.error_count += 1
            self.bad_rows.add(error.row)
            if len(self.errors) < self.max_errors:
                self.errors.append(error)

    @property
    def ok(self) -> bool:
        return not self.problems and self.error_count == 0

    def lines(self) -> list[str]:
        out = list(self.problems) + [e.line() for e in self.errors]
        if self.error_count > len(self.errors):
            out.append("… và {n} lỗi khác.".format(n=self.error_count - len(self.errors)))
        return out
