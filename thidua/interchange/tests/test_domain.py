"""Pure rules: dates and numbers as sheets write them, headings, hostile files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.interchange.domain.columns import Column, match_headers
from thidua.interchange.domain.safety import Limits, Refused, ZipEntry, check_zip, neutralise, sniff
from thidua.interchange.domain.values import (
    BadValue,
    from_excel_serial,
    parse_date,
    parse_number,
    parse_percent,
    parse_year,
    to_excel_serial,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/03/1985", date(1985, 3, 5)),
        ("5/3/1985", date(1985, 3, 5)),
        ("5/3/85", date(1985, 3, 5)),
        ("1/1/20", date(2020, 1, 1)),
        ("1/1/49", date(2049, 1, 1)),
        ("1/1/50", date(1950, 1, 1)),
        ("05-03-1985", date(1985, 3, 5)),
        ("05.03.1985", date(1985, 3, 5)),
        ("1985-03-05", date(1985, 3, 5)),
        (" 05 / 03 / 1985 ", date(1985, 3, 5)),
        (31111, date(1985, 3, 5)),
        (31111.5, date(1985, 3, 5)),
        ("31111", date(1985, 3, 5)),
        (61, date(1900, 3, 1)),
        (1, date(1900, 1, 1)),
        (datetime(2020, 2, 29, 10, 30, tzinfo=UTC), date(2020, 2, 29)),
        (date(2020, 2, 29), date(2020, 2, 29)),
        ("", None),
        (None, None),
    ],
)
def test_dates_as_vietnamese_sheets_write_them(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("31/02/1990", "không có thật"),
        ("29/02/2023", "không có thật"),
        ("13/13/2000", "không có thật"),
        ("hôm qua", "dd/mm/yyyy"),
        ("01/01/1899", "ngoài khoảng"),
        (0, "không phải một ngày Excel"),
        (-5, "không phải một ngày Excel"),
        (True, "Không đọc được ngày"),
    ],
)
def test_impossible_dates_are_refused_in_vietnamese(raw, message):
    with pytest.raises(BadValue) as caught:
        parse_date(raw)
    assert message in caught.value.message


def test_excel_serial_dates_round_trip_from_march_1900():
    for day in (date(1900, 3, 1), date(1985, 3, 5), date(2024, 12, 31), date(2100, 12, 31)):
        assert from_excel_serial(to_excel_serial(day)) == day


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
def test_every_date_survives_its_excel_serial(day):
    assert parse_date(to_excel_serial(day)) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (2020, 2020),
        (2020.0, 2020),
        ("2020", 2020),
        ("năm 2020", 2020),
        ("Năm 2020", 2020),
        ("NAM 2020", 2020),
        ("15/06/2020", 2020),
        (date(2020, 6, 15), 2020),
        ("", None),
    ],
)
def test_years(raw, expected):
    assert parse_year(raw) == expected


@pytest.mark.parametrize("raw", ["năm ngoái", "20", "năm 3000", 1800])
def test_bad_years(raw):
    with pytest.raises(BadValue):
        parse_year(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.234.567", Decimal(1234567)),
        ("1.234", Decimal(1234)),
        ("1.234,5", Decimal("1234.5")),
        ("12,5", Decimal("12.5")),
        ("0,75", Decimal("0.75")),
        ("0.75", Decimal("0.75")),
        ("1,234,567.5", Decimal("1234567.5")),
        ("-1.000", Decimal(-1000)),
        ("12,5%", Decimal("12.5")),
        ("100 %", Decimal(100)),
        (" 1 234 567 ", Decimal(1234567)),
        (42, Decimal(42)),
        (0.1, Decimal("0.1")),
        ("", None),
    ],
)
def test_numbers_as_vietnamese_sheets_write_them(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "1.23.4", "1,2,3", "12,5,", "1.234,5.6", "--1", True])
def test_bad_numbers(raw):
    with pytest.raises(BadValue):
        parse_number(raw)


def test_percentages_must_be_plausible():
    assert parse_percent("12,5%") == Decimal("12.5")
    with pytest.raises(BadValue):
        parse_percent("-3%")


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_grouping_round_trips(n):
    assert parse_number(f"{n:,}".replace(",", ".")) == n


COLUMNS = (
    Column("full_name", "Họ và tên", ("Họ tên",), True),
    Column("gender", "Giới tính", (), True),
    Column("national_id", "Số CCCD", ("CCCD", "Căn cước công dân")),
)


def test_headings_match_with_or_without_diacritics_in_any_order():
    match = match_headers(["cccd", "GIOI TINH", "Họ, tên:", "Ghi chú"], COLUMNS)
    assert match.positions == {"national_id": 0, "gender": 1, "full_name": 2}
    assert match.missing == ()
    assert match.ignored == ("Ghi chú",)


def test_missing_and_repeated_headings_are_reported():
    match = match_headers(["Họ và tên", "Ho va ten"], COLUMNS)
    assert match.missing == ("Giới tính",)
    assert match.duplicated == ("Ho va ten",)


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
        (b"%PDF-1.7", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"MZ\x90\x00", "chương trình"),
        (b"ab\x00cd", "không phải bảng tính"),
    ],
)
def test_wrong_file_types_are_told_by_their_first_bytes(head, message):
    with pytest.raises(Refused) as caught:
        sniff(head, 100)
    assert message in caught.value.message


def test_sniff_accepts_zip_and_text_and_refuses_empty_or_huge_files():
    assert sniff(b"PK\x03\x04", 100) == "xlsx"
    assert sniff("Họ và tên".encode(), 100) == "csv"
    with pytest.raises(Refused):
        sniff(b"", 0)
    with pytest.raises(Refused, match="quá lớn"):
        sniff(b"PK\x03\x04", 10**9, Limits(max_bytes=10**6))


def _entries(*extra: ZipEntry) -> list[ZipEntry]:
    return [
        ZipEntry("[Content_Types].xml", 1000, 300),
        ZipEntry("xl/workbook.xml", 900, 300),
        *extra,
    ]


def test_zip_bombs_are_refused_before_opening():
    check_zip(_entries(ZipEntry("xl/worksheets/sheet1.xml", 5_000_000, 400_000)))
    with pytest.raises(Refused, match="bom nén"):
        check_zip(
            _entries(ZipEntry("xl/worksheets/sheet1.xml", 5_000_000_000, 5_000_000)),
            Limits(max_uncompressed=10**10),
        )
    with pytest.raises(Refused, match="giải nén"):
        check_zip(_entries(ZipEntry("xl/worksheets/sheet1.xml", 10**9, 10**8)))
    with pytest.raises(Refused, match="quá nhiều"):
        check_zip(_entries(*[ZipEntry(f"xl/{i}", 1, 1) for i in range(3000)]))
    with pytest.raises(Refused, match="không phải bảng tính"):
        check_zip([ZipEntry("word/document.xml", 10, 5), ZipEntry("[Content_Types].xml", 1, 1)])


@pytest.mark.parametrize(
    "text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=cmd|'/c calc'!A1"]
)
def test_formula_like_text_is_neutralised(text):
    assert neutralise(text) == "'" + text


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.dates(), st.text()))
def test_nothing_neutralised_starts_a_formula(value):
    out = neutralise(value)
    if isinstance(value, str):
        assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert out.removeprefix("'") == value or out == value
    else:
        assert out == value
