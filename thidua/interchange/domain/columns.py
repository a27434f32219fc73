"""Matching a sheet's header row to the columns an import kind expects (pure).

Headings are compared folded (no diacritics, no case, single spaces, no punctuation), so
"Họ và tên", "HO VA TEN", "họ tên" and "Ho ten:" all find the same column, in any order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from thidua.core.text import fold

_PUNCTUATION: Final = re.compile(r"[^\w\s]")


def heading_key(text: str) -> str:
    """The comparison key of a heading: folded, punctuation dropped, "va"/"và" ignored."""
    words = fold(_PUNCTUATION.sub(" ", text)).split()
    return " ".join(w for w in words if w not in {"va", "cua", "so"} or len(words) == 1)


@dataclass(frozen=True)
class Column:
    """One column an import kind reads: its key, the heading its template writes, other
    headings accepted for it, and whether every row must fill it."""

    key: str
    heading: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    help: str = ""

    def keys(self) -> set[str]:
        return {heading_key(h) for h in (self.heading, *self.aliases)}


@dataclass(frozen=True)
class HeaderMatch:
    positions: dict[str, int]
    missing: tuple[str, ...]  # headings of required columns not found
    ignored: tuple[str, ...]  # headings in the sheet that match no column
    duplicated: tuple[str, ...]  # headings given twice


def match_headers(headings: Sequence[str], columns: Sequence[Column]) -> HeaderMatch:
    lookup: dict[str, str] = {}
    for column in columns:
        for key in column.keys():
            lookup.setdefault(key, column.key)
    positions: dict[str, int] = {}
    ignored: list[str] = []
    duplicated: list[str] = []
    for index, heading in enumerate(headings):
        if not heading.strip():
            continue
        found = lookup.get(heading_key(heading))
        if found is None:
            ignored.append(heading)
        elif found in positions:
            duplicated.append(heading)
        else:
            positions[found] = index
    missing = tuple(c.heading for c in columns if c.required and c.key not in positions)
    return HeaderMatch(positions, missing, tuple(ignored), tuple(duplicated))


def header_problems(match: HeaderMatch) -> list[str]:
    """Sheet-level messages for a header row that cannot be used."""
    problems = []
    if match.missing:
        problems.append(
            "Thiếu cột bắt buộc: {cols}. Hãy dùng dòng tiêu đề của tệp mẫu.".format(
                cols=", ".join(f"“{c}”" for c in match.missing)
            )
        )
    if match.duplicated:
        problems.append(
            "Cột bị lặp lại: {cols}.".format(cols=", ".join(f"“{c}”" for c in match.duplicated))
        )
    return problems
