"""`thidua backup FILE [--media]`: a consistent, checksummed backup (see interchange/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.interchange import backup


class Command(BaseCommand):
    help = "Sao lưu toàn bộ dữ liệu (một ảnh chụp nhất quán) và, với --media, các tệp tải lên."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp sao lưu sẽ ghi (.tar.gz).")
        parser.add_argument("--media", action="store_true", help="Kèm mọi tệp trong MEDIA_ROOT.")

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["file"])
        if not target.parent.is_dir():
            raise CommandError(f"Thư mục {target.parent} không tồn tại.")
        try:
            summary = backup.create_backup(target, media=options["media"])
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f"Không sao lưu được: {getattr(exc, 'message', exc)}") from None
        self.stdout.write(
            f"Đã sao lưu {summary.rows} dòng của {summary.tables} bảng"
            f" và {summary.media_files} tệp ({summary.media_bytes} byte) vào {target}."
        )
