"""`thidua import KIND FILE [--dry-run]` and `thidua import --all FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.core.errors import DomainError
from thidua.interchange import archive, services
from thidua.interchange.choices import ImportKind, JobStatus
from thidua.interchange.management.commands._common import operator


class Command(BaseCommand):
    help = (
        "Nhập bảng tính (.xlsx/.csv) theo loại dữ liệu — tất cả hoặc không dòng nào — "
        "hoặc nạp bản lưu trữ đầy đủ (--all) vào cơ sở dữ liệu trống."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("args", nargs="+", metavar="KIND FILE | FILE")
        parser.add_argument("--all", action="store_true", help="Nạp bản lưu trữ JSON đầy đủ.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")
        parser.add_argument("--user", help="Tài khoản thực hiện (mặc định: quản trị đầu tiên).")
        parser.add_argument("--no-media", action="store_true", help="Không chép tệp đính kèm.")

    def handle(self, *args: str, **options: Any) -> None:
        if options["all"]:
            if len(args) != 1:
                raise CommandError("Cách dùng: thidua import --all TỆP.json")
            try:
                with Path(args[0]).open(encoding="utf-8") as source:
                    counts = archive.import_all(source, media=not options["no_media"])
            except OSError as exc:
                raise CommandError(f"Không đọc được tệp: {exc}") from exc
            except archive.ArchiveError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(
                "Đã nạp {n} dòng của {t} bảng.".format(n=sum(counts.values()), t=len(counts))
            )
            return
        if len(args) != 2:
            raise CommandError("Cách dùng: thidua import LOẠI TỆP [--dry-run]")
        kind, path = args
        if kind not in ImportKind.values:
            raise CommandError(
                "Loại “{k}” không có; chọn một trong: {all}.".format(
                    k=kind, all=", ".join(ImportKind.values)
                )
            )
        actor = operator(options.get("user"))
        try:
            with Path(path).open("rb") as upload:
                job = services.start_import(
                    actor, kind=kind, upload=upload, dry_run=options["dry_run"]
                )
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp: {exc}") from exc
        except DomainError as exc:
            raise CommandError(exc.message, returncode=2) from exc
        if not options["dry_run"]:
            job.dry_run = False
            job.save(update_fields=["dry_run"])
        job = services.enqueue(job, inline=True)
        for line in job.problems:
            self.stdout.write(line)
        for error in job.errors:
            where = f"Dòng {error['row']}" + (
                f", cột “{error['column']}”" if error["column"] else ""
            )
            self.stdout.write(f"{where}: {error['message']}")
        if job.status == JobStatus.CHECKED:
            self.stdout.write(f"Kiểm tra xong {job.total_rows} dòng: không có lỗi.")
        elif job.status == JobStatus.DONE:
            self.stdout.write(
                f"Đã nhập {job.total_rows} dòng ({job.created_count} bản ghi mới). Lượt nhập số {job.pk}."
            )
        else:
            raise CommandError(
                f"{job.error_count} lỗi trong {job.total_rows} dòng; không dữ liệu nào được ghi.",
                returncode=2,
            )
