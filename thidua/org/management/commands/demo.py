"""`thidua demo`: load the demo data once (idempotent) and print the demo accounts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from thidua.org.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chỉ một lần; chạy lại không thay đổi gì) và in các tài khoản mẫu."

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        if summary["created"]:
            self.stdout.write(
                "Đã nạp dữ liệu mẫu: {units} đơn vị, {lineage} sự kiện sắp xếp, "
                "{clusters} cụm/khối, {people} cá nhân.".format(**summary)
            )
        else:
            self.stdout.write("Dữ liệu mẫu đã có sẵn; không nạp lại.")
        self.stdout.write("\nTài khoản mẫu (mật khẩu chung: {p}):".format(p=DEMO_PASSWORD))
        for username, role, unit in summary["accounts"]:
            self.stdout.write(f"  {username:<16} {role} — {unit}")
        self.stdout.write(
            "\nTài khoản quản trị, hội đồng, thư ký, lãnh đạo ký cần mã xác thực hai lớp: "
            "in mã hiện tại bằng `.venv/bin/thidua demo_code TÊN_TÀI_KHOẢN`."
        )
