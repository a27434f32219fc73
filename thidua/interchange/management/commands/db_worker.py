"""`thidua db_worker`: run queued background tasks (imports) from the database."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thidua.interchange import worker


class Command(BaseCommand):
    help = "Chạy các tác vụ nền (nhập dữ liệu lớn) đang chờ trong cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Chạy hết hàng đợi rồi dừng.")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Giây chờ khi hàng đợi trống."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        requeued = worker.requeue_abandoned()
        if requeued:
            self.stdout.write(f"Đưa lại {requeued} tác vụ bị bỏ dở vào hàng đợi.")
        self.stdout.write("Đang chờ tác vụ nền… (Ctrl+C để dừng)")
        done = worker.work(once=options["once"], interval=options["interval"])
        self.stdout.write(f"Đã chạy {done} tác vụ.")
