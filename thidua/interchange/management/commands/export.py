"""`thidua export KIND FILE` (.xlsx or .csv by extension) and `thidua export --all FILE [--media]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.interchange import archive
from thidua.interchange.exporting import EXPORTS, write_csv, write_xlsx
from thidua.interchange.management.commands._common import operator


class Command(BaseCommand):
    help = "Xuất danh sách ra .xlsx/.csv, hoặc toàn bộ dữ liệu ra bản lưu trữ JSON (--all)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("args", nargs="+", metavar="KIND FILE | FILE")
        parser.add_argument("--all", action="store_true", help="Bản lưu trữ JSON đầy đủ.")
        parser.add_argument("--media", action="store_true", help="Kèm các tệp đính kèm.")
        parser.add_argument("--user", help="Xuất theo phạm vi của tài khoản này.")
        parser.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE")

    def handle(self, *args: str, **options: Any) -> None:
        if options["all"]:
            if len(args) != 1:
                raise CommandError("Cách dùng: thidua export --all TỆP.json [--media]")
            with Path(args[0]).open("w", encoding="utf-8") as out:
                counts = archive.export_all(out, media=options["media"])
            self.stdout.write(
                f"Đã ghi {sum(counts.values())} dòng của {len(counts)} bảng vào {args[0]}."
            )
            return
        if len(args) != 2:
            raise CommandError("Cách dùng: thidua export LOẠI TỆP.xlsx|TỆP.csv")
        key, path = args
        kind = EXPORTS.get(key)
        if kind is None:
            raise CommandError(
                "Loại “{k}” không có; chọn một trong: {all}.".format(k=key, all=", ".join(EXPORTS))
            )
        suffix = Path(path).suffix.lower()
        if suffix not in {".xlsx", ".csv"}:
            raise CommandError("Tên tệp phải kết thúc bằng .xlsx hoặc .csv.")
        user = operator(options.get("user"))
        params = dict(item.split("=", 1) for item in options["filter"] if "=" in item)
        with Path(path).open("wb") as out:
            writer = write_xlsx if suffix == ".xlsx" else write_csv
            count = writer(kind, kind.rows(user, params), out)
        self.stdout.write(f"Đã xuất {count} dòng vào {path}.")
