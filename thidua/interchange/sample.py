"""A realistic people sheet for trying the import centre by hand and for the acceptance test.

Names are typed in a mix of Unicode, TCVN3 and VNI (as old sheets are), dates of birth are
Excel serial numbers or dd/mm/yyyy text, and `broken` rows carry the usual mistakes.

    .venv/bin/python -m thidua.interchange.sample var/nhan-su-5000.xlsx 5000 T.H.A T.H.B
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from thidua.core.text import encode_tcvn3, encode_vni
from thidua.interchange.domain.values import to_excel_serial

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
MIDDLE_M = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Xuân")
MIDDLE_F = ("Thị", "Thị Thu", "Ngọc", "Thị Mỹ", "Thanh", "Thị Hồng", "Khánh")
GIVEN_M = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hùng",
    "Khải",
    "Long",
    "Nghĩa",
    "Phúc",
    "Quang",
    "Sơn",
    "Tuấn",
    "Việt",
    "Đạt",
)
GIVEN_F = (
    "Anh",
    "Chi",
    "Dung",
    "Hà",
    "Hằng",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Thảo",
    "Trang",
    "Yến",
)
HEADINGS = ("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Mã đơn vị", "Chức vụ")
BROKEN = (
    ("Ngày sinh", "31/02/1990"),
    ("Số CCCD", "12345"),
    ("Mã đơn vị", "KHONG.CO"),
    ("Giới tính", "?"),
    ("Họ và tên", ""),
)


def people_rows(
    n: int, unit_codes: Sequence[str], *, broken: int = 5, seed: int = 1
) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = [list(HEADINGS)]
    bad_at = set(rng.sample(range(n), min(broken, n)))
    for i in range(n):
        female = rng.random() < 0.5
        name = " ".join(
            (
                rng.choice(FAMILY),
                rng.choice(MIDDLE_F if female else MIDDLE_M),
                rng.choice(GIVEN_F if female else GIVEN_M),
            )
        )
        encoding = rng.choice(("unicode", "tcvn3", "vni"))
        typed = (
            encode_tcvn3(name)
            if encoding == "tcvn3"
            else encode_vni(name)
            if encoding == "vni"
            else name
        )
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 40))
        dob: object = to_excel_serial(born) if rng.random() < 0.6 else born.strftime("%d/%m/%Y")
        # A valid CCCD: province 001 (Hà Nội), century/gender digit, two-digit year, serial.
        century = (0 if born.year < 2000 else 2) + (1 if female else 0)
        cccd = f"001{century}{born.year % 100:02d}{i:06d}"
        row: list[object] = [
            i + 1,
            typed,
            "Nữ" if female else "Nam",
            dob,
            cccd,
            unit_codes[i % len(unit_codes)],
            "Chuyên viên",
        ]
        if i in bad_at:
            heading, value = BROKEN[len([b for b in bad_at if b < i]) % len(BROKEN)]
            row[HEADINGS.index(heading)] = value
        rows.append(row)
    return rows


def write_people_sheet(
    path: Path, n: int, unit_codes: Sequence[str], *, broken: int = 5, seed: int = 1
) -> list[list[object]]:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Nhân sự")
    rows = people_rows(n, unit_codes, broken=broken, seed=seed)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return rows


if __name__ == "__main__":  # pragma: no cover - a helper for trying things by hand
    out, count, *codes = sys.argv[1:]
    write_people_sheet(Path(out), int(count), codes or ["T.H.A"])
    sys.stdout.write(f"{out}: {count} dòng\n")
