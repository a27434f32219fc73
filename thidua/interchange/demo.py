"""Demo for the import centre: sample sheets to try by hand (no rows are imported).

Writes `var/samples/nhan-su-5000.xlsx` (5,000 people in Unicode, TCVN3 and VNI, Excel serial
dates, 5 broken rows) for the demo's first commune, once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from thidua.interchange.sample import write_people_sheet
from thidua.org.models import Unit


def load_demo() -> dict[str, Any]:
    folder = Path(settings.BASE_DIR) / "var" / "samples"
    target = folder / "nhan-su-5000.xlsx"
    if target.exists():
        # Nothing to load, but the officer still needs to know where the sample is.
        return {
            "created": False,
            "message": "bảng tính mẫu để thử trang Nhập dữ liệu có tại {f}.".format(
                f=target.relative_to(settings.BASE_DIR)
            ),
        }
    codes = list(
        Unit.objects.filter(kind__in=["commune", "ward"], valid_to__isnull=True)
        .order_by("path")
        .values_list("code", flat=True)[:3]
    )
    if not codes:
        return {"created": False, "message": ""}
    folder.mkdir(parents=True, exist_ok=True)
    write_people_sheet(target, 5000, codes, broken=5)
    return {
        "created": True,
        "message": "bảng tính mẫu {f} (5.000 người, lẫn TCVN3/VNI/Unicode, 5 dòng lỗi) để thử "
        "trang Nhập dữ liệu.".format(f=target.relative_to(settings.BASE_DIR)),
    }
