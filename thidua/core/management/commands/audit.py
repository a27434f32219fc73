"""`thidua audit verify`: walk the hash chain and report the first broken link."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thidua.core.events import verify_chain


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của nhật ký sự kiện (chuỗi băm)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Kiểm tra chuỗi băm của nhật ký sự kiện.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain()
        if report.ok:
            self.stdout.write(
                "Nhật ký toàn vẹn: đã kiểm tra {n} sự kiện, không có liên kết nào bị phá vỡ.".format(
                    n=report.checked
                )
            )
            return
        where = (
            "sau sự kiện cuối cùng"
            if report.broken_at == -1
            else "tại sự kiện #{id}".format(id=report.broken_at)
        )
        self.stderr.write(
            "Nhật ký đã bị can thiệp: liên kết hỏng {where} ({reason}); {n} sự kiện trước đó hợp lệ.".format(
                where=where, reason=report.reason, n=report.checked
            )
        )
        raise SystemExit(1)
