"""`thidua nominations remind [--days N] [--date YYYY-MM-DD]`: remind whoever must act on a
nomination dossier whose step is due within N days or overdue (in-app and e-mail).

Run it daily (cron or a systemd timer); running it twice on a day sends nothing new.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from thidua.nominations.services import send_reminders


class Command(BaseCommand):
    help = "Việc của hồ sơ đề nghị khen thưởng: `remind` nhắc hạn tiếp nhận, thẩm định, gửi lại."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind", help="Nhắc các hồ sơ đến hạn trong N ngày tới hoặc quá hạn."
        )
        remind.add_argument("--days", type=int, default=2, help="Số ngày (mặc định 2).")
        remind.add_argument("--date", default="", help="Ngày coi là hôm nay (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0 or options["days"] > 366:
            raise CommandError("Số ngày phải từ 0 đến 366.")
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("Ngày không hợp lệ; hãy viết YYYY-MM-DD.") from exc
        sent = send_reminders(today=today, days=options["days"])
        self.stdout.write(f"Đã gửi {sent} lời nhắc xử lý hồ sơ đề nghị khen thưởng.")
