"""Dates and numbers as Vietnamese sheets write them (pure: no Django, no clock).

Each parser takes the raw cell value (str, int, float, date or datetime, as openpyxl or the CSV
reader hands it over) and returns the value, or raises `BadValue` with a Vietnamese message.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Final

# Excel's day 0 (serial 1 = 01/01/1900, with Lotus's phantom 29/02/1900 kept): serial 60 and
# above count from 30/12/1899.
EXCEL_EPOCH: Final = date(1899, 12, 30)
# Sanity bounds on dates typed in a sheet (not legal figures): the same as the forms'.
EARLIEST: Final = date(1900, 1, 1)
LATEST: Final = date(2100, 12, 31)
# Two-digit years: below the pivot are 20yy, the rest 19yy ("5/3/85" -> 1985, "1/1/20" -> 2020).
CENTURY_PIVOT: Final = 50

_DMY: Final = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_YEAR_WORDS: Final = re.compile(r"^(?:n[aă]m\s+)?(\d{4})$", re.IGNORECASE)
_NUMBER: Final = re.compile(r"^[+-]?[\d.,\s]+$")


class BadValue(ValueError):
    """A cell that cannot be read as the value its column holds. `message` is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text(raw: object) -> str:
    return " ".join(str(raw).replace("\u00a0", " ").split())


def _in_bounds(day: date) -> date:
    if not EARLIEST <= day <= LATEST:
        raise BadValue(
            "Ngày {d} nằm ngoài khoảng {a}–{b}.".format(
                d=day.strftime("%d/%m/%Y"),
                a=EARLIEST.strftime("%d/%m/%Y"),
                b=LATEST.strftime("%d/%m/%Y"),
            )
        )
    return day


def from_excel_serial(serial: float) -> date:
    """The date of an Excel serial number (1900 date system)."""
    whole = int(serial)
    if whole < 1 or whole > 2958465:
        raise BadValue("Số {n} không phải một ngày Excel.".format(n=serial))
    if whole < 60:  # before Lotus's phantom 29/02/1900
        return date(1899, 12, 31) + timedelta(days=whole)
    return EXCEL_EPOCH + timedelta(days=whole)


def to_excel_serial(day: date) -> int:
    """The Excel serial number of a date (inverse of `from_excel_serial` from 01/03/1900)."""
    return (day - EXCEL_EPOCH).days


def parse_date(raw: object) -> date | None:
    """`dd/mm/yyyy`, `d/m/yy`, `dd-mm-yyyy`, `dd.mm.yyyy`, ISO `yyyy-mm-dd`, an Excel serial
    number or a date cell. Empty -> None."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return _in_bounds(raw.date())
    if isinstance(raw, date):
        return _in_bounds(raw)
    if isinstance(raw, bool):
        raise BadValue("Không đọc được ngày.")
    if isinstance(raw, int | float):
        return _in_bounds(from_excel_serial(raw))
    text = _text(raw)
    if not text:
        return None
    if text.isdigit() and 4 < len(text) <= 6:  # an Excel serial that reached us as text
        return _in_bounds(from_excel_serial(int(text)))
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if year < CENTURY_PIVOT else 1900
    else:
        match = _ISO.match(text)
        if not match:
            raise BadValue("“{t}” không phải ngày dạng ngày/tháng/năm (dd/mm/yyyy).".format(t=text))
        year, month, day = (int(g) for g in match.groups())
    try:
        found = date(year, month, day)
    except ValueError:
        raise BadValue("Ngày “{t}” không có thật trên lịch.".format(t=text)) from None
    return _in_bounds(found)


def parse_year(raw: object) -> int | None:
    """A year: 2020, "2020", "năm 2020", "Năm 2020", or a date (its year). Empty -> None."""
    if raw is None:
        return None
    if isinstance(raw, datetime | date):
        return raw.year
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        year = raw
    else:
        text = _text(raw)
        if not text:
            return None
        match = _YEAR_WORDS.match(text)
        if match:
            year = int(match.group(1))
        else:
            try:
                return parse_date(text).year  # type: ignore[union-attr]
            except BadValue:
                raise BadValue("“{t}” không phải một năm (ví dụ 2020).".format(t=text)) from None
    if not EARLIEST.year <= year <= LATEST.year:
        raise BadValue(
            "Năm {y} nằm ngoài khoảng {a}–{b}.".format(y=year, a=EARLIEST.year, b=LATEST.year)
        )
    return year


def parse_number(raw: object) -> Decimal | None:
    """A number written the Vietnamese way (`1.234.567`, `1.234,5`, `12,5`), the English way
    (`1,234,567.5`) or a numeric cell; a trailing `%` gives the percentage as written
    (`12,5%` -> 12.5). Empty -> None."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise BadValue("Không đọc được số.")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        return raw
    text = _text(raw)
    if not text:
        return None
    original = text
    if text.endswith("%"):
        text = text[:-1].strip()
    text = text.replace(" ", "")
    if not text or not _NUMBER.match(text):
        raise BadValue("“{t}” không phải một số.".format(t=original))
    sign = ""
    if text[0] in "+-":
        sign, text = text[0], text[1:]
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal_sep == "." else "."
        whole, _, frac = text.rpartition(decimal_sep)
        if decimal_sep in whole or not _grouped(whole, thousands):
            raise BadValue("“{t}” không phải một số.".format(t=original))
        text = whole.replace(thousands, "") + "." + frac
    elif dots or commas:
        sep = "." if dots else ","
        if _grouped(text, sep) and (text.count(sep) > 1 or sep == "."):
            text = text.replace(sep, "")  # 1.234.567 / 1.234 / 1,234,567: thousands
        elif text.count(sep) == 1:
            text = text.replace(sep, ".")  # 12,5 / 0.75: a decimal separator
        else:
            raise BadValue("“{t}” không phải một số.".format(t=original))
    try:
        return Decimal(sign + text)
    except InvalidOperation:
        raise BadValue("“{t}” không phải một số.".format(t=original)) from None


def _grouped(text: str, sep: str) -> bool:
    """Whether `text` is digits grouped by threes with `sep` (1.234.567)."""
    if sep not in text:
        return text.isdigit()
    head, *groups = text.split(sep)
    return (
        1 <= len(head) <= 3 and head.isdigit() and all(len(g) == 3 and g.isdigit() for g in groups)
    )


def parse_percent(raw: object) -> Decimal | None:
    """A percentage: `12,5%` or `12,5` -> 12.5; a fraction cell below 1 with `%` format is not
    told apart here, so sheets should write the percent sign or the number of percent."""
    value = parse_number(raw)
    if value is not None and not Decimal(0) <= value <= Decimal(1000):
        raise BadValue("Tỷ lệ {v} % không hợp lý.".format(v=value))
    return value
