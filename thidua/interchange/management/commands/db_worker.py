"""`thidua db_worker`: run queued background tasks (imports) from the database.

The worker of django-tasks-db, preceded by the recovery of tasks a killed worker left RUNNING
(`interchange.worker.recover_interrupted`). `--once` runs what is waiting, then stops.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands import db_worker

from thidua.interchange import worker


class Command(db_worker.Command):
    help = "Chạy các tác vụ nền (nhập dữ liệu lớn) đang chờ trong cơ sở dữ liệu."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--once", action="store_true", help="Chạy hết hàng đợi rồi dừng (như --batch)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        lost = worker.recover_interrupted()
        if lost:
            self.stdout.write(
                f"Đã đánh dấu {lost} tác vụ bị dừng giữa chừng (tiến trình nền trước đã chết)."
            )
        if options.pop("once", False):
            options["batch"] = True
        super().handle(*args, **options)
