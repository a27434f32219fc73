"""Citizen identity number (CCCD) rules.

Source: Thông tư 59/2021/TT-BCA, Điều 7 (structure of the 12-digit personal identification
number): 3 digits of the province of birth registration, 1 digit for gender and century of
birth, 2 digits for the year of birth, 6 random digits.
"""

from __future__ import annotations

from datetime import date

from thidua.org.domain.reasons import Reason

BASIS = "Thông tư 59/2021/TT-BCA, Điều 7"

# Province codes of birth registration (63 provinces before the 2025 reform; the codes
# stay valid for numbers already issued).
PROVINCE_CODES = frozenset(
    {
        "001",
        "002",
        "004",
        "006",
        "008",
        "010",
        "011",
        "012",
        "014",
        "015",
        "017",
        "019",
        "020",
        "022",
        "024",
        "025",
        "026",
        "027",
        "030",
        "031",
        "033",
        "034",
        "035",
        "036",
        "037",
        "038",
        "040",
        "042",
        "044",
        "045",
        "046",
        "048",
        "049",
        "051",
        "052",
        "054",
        "056",
        "058",
        "060",
        "062",
        "064",
        "066",
        "067",
        "068",
        "070",
        "072",
        "074",
        "075",
        "077",
        "079",
        "080",
        "082",
        "083",
        "084",
        "086",
        "087",
        "089",
        "091",
        "092",
        "093",
        "094",
        "095",
        "096",
    }
)


def century_gender_digit(birth_year: int, is_female: bool) -> int:
    """The 4th digit: 0/1 for 1900s male/female, 2/3 for 2000s, 4/5 for 2100s, ..."""
    century_index = (birth_year // 100) - 19
    return century_index * 2 + (1 if is_female else 0)


def check_national_id(
    number: str, *, date_of_birth: date | None = None, is_female: bool | None = None
) -> list[Reason]:
    """Reasons why `number` is not a valid CCCD (empty list when it is valid).

    When the date of birth or gender is known, the number must agree with them.
    """
    field = "national_id"
    if len(number) != 12 or not number.isascii() or not number.isdigit():
        return [
            Reason(
                "CCCD_FORMAT",
                "Số CCCD phải gồm đúng 12 chữ số (không có chữ, dấu cách hay dấu chấm).",
                BASIS,
                field,
            )
        ]
    reasons: list[Reason] = []
    if number[:3] not in PROVINCE_CODES:
        reasons.append(
            Reason(
                "CCCD_PROVINCE",
                "Ba chữ số đầu của số CCCD ({code}) không phải mã tỉnh nơi đăng ký khai sinh.".format(
                    code=number[:3]
                ),
                BASIS,
                field,
            )
        )
    digit = int(number[3])
    if date_of_birth is not None:
        if number[4:6] != "{:02d}".format(date_of_birth.year % 100):
            reasons.append(
                Reason(
                    "CCCD_BIRTH_YEAR",
                    "Chữ số thứ 5–6 của số CCCD ({digits}) không khớp năm sinh {year}.".format(
                        digits=number[4:6], year=date_of_birth.year
                    ),
                    BASIS,
                    field,
                )
            )
        if digit // 2 != (date_of_birth.year // 100) - 19:
            reasons.append(
                Reason(
                    "CCCD_CENTURY",
                    "Chữ số thứ 4 của số CCCD ({digit}) không khớp thế kỷ sinh của năm {year}.".format(
                        digit=digit, year=date_of_birth.year
                    ),
                    BASIS,
                    field,
                )
            )
    if is_female is not None and (digit % 2 == 1) != is_female:
        reasons.append(
            Reason(
                "CCCD_GENDER",
                "Chữ số thứ 4 của số CCCD ({digit}) không khớp giới tính đã khai.".format(
                    digit=digit
                ),
                BASIS,
                field,
            )
        )
    return reasons
