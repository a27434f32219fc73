"""Spreadsheet cell safety (pure): text that a spreadsheet would run as a formula.

One rule for every sheet thidua writes (exports, statistics, statutory forms)."""

from __future__ import annotations

from typing import Final

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell value that no spreadsheet will run as a formula: text starting with = + - @,
    a tab or a carriage return gets a leading apostrophe. Numbers and dates pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
