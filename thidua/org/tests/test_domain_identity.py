"""CCCD rules (pure, no database)."""

from datetime import date

import pytest

from thidua.org.domain.identity import century_gender_digit, check_national_id


def codes(reasons):
    return [r.code for r in reasons]


def test_accepts_a_well_formed_number_matching_birth_and_gender():
    # given a woman born 1985 in Hà Tĩnh (042): digit 1 = female, 20th century; "85"
    number = "042185000123"
    # when
    reasons = check_national_id(number, date_of_birth=date(1985, 3, 2), is_female=True)
    # then
    assert reasons == []


@pytest.mark.parametrize(
    "number",
    ["04218500012", "0421850001234", "04218500012a", "042 85000123", "０４２１８５０００１２３"],
    ids=["11-digits", "13-digits", "letter", "space", "fullwidth-digits"],
)
def test_rejects_anything_but_twelve_ascii_digits(number):
    # when
    reasons = check_national_id(number)
    # then
    assert codes(reasons) == ["CCCD_FORMAT"]
    assert "12 chữ số" in reasons[0].message
    assert reasons[0].basis.startswith("Thông tư 59/2021")


def test_rejects_unknown_province_code():
    assert codes(check_national_id("003185000123")) == ["CCCD_PROVINCE"]


def test_rejects_birth_year_and_gender_mismatch():
    # given a number for a woman born 1985, checked against a man born 1990
    reasons = check_national_id("042185000123", date_of_birth=date(1990, 1, 1), is_female=False)
    # then both disagreements are named
    assert codes(reasons) == ["CCCD_BIRTH_YEAR", "CCCD_GENDER"]


def test_century_digit_for_people_born_after_2000():
    # given a man born 2001 -> digit 2
    assert century_gender_digit(2001, is_female=False) == 2
    assert century_gender_digit(1999, is_female=True) == 1
    # when the number says 20th century for a 2001 birth
    reasons = check_national_id("042001000123", date_of_birth=date(2001, 5, 5), is_female=False)
    # then
    assert codes(reasons) == ["CCCD_CENTURY"]
