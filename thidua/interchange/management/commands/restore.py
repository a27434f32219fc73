"""`thidua restore FILE`: check a backup's checksums, then load it into an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.interchange import backup


class Command(BaseCommand):
    help = "Khôi phục bản sao lưu vào cơ sở dữ liệu mới tạo (thidua migrate) sau khi kiểm tra."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp sao lưu (.tar.gz) do `thidua backup` tạo.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["file"])
        if not source.is_file():
            raise CommandError(f"Không có tệp {source}.")
        try:
            summary = backup.restore_backup(source)
        except backup.BackupError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(
            f"Đã khôi phục {summary.rows} dòng của {summary.tables} bảng"
            f" và {summary.media_files} tệp; chuỗi băm nhật ký toàn vẹn."
        )
