"""`thidua bench generate --scale small|tenth|province|nation [--seed N]` and
`thidua bench run [--quick] [--only NAME] [--growth]`.

Both refuse to touch a database whose name does not contain "bench": the benchmarks wipe and
refill it. `make bench` points them at var/bench.sqlite3, `make bench-pg` at
THIDUA_BENCH_DATABASE_URL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.bench import database
from thidua.bench.generator import SCALES
from thidua.core.text import group_digits


class Command(BaseCommand):
    help = "Sinh dữ liệu tổng hợp và chạy các phép đo hiệu năng trên cơ sở dữ liệu benchmark."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        gen = sub.add_parser("generate", help="Xoá và sinh lại dữ liệu benchmark.")
        gen.add_argument("--scale", choices=sorted(SCALES), default="small")
        gen.add_argument("--seed", type=int, default=42)
        run = sub.add_parser("run", help="Chạy các kịch bản đo và ghi bench/results.json.")
        run.add_argument("--quick", action="store_true", help="Quy mô nhỏ, chỉ báo cáo (CI).")
        run.add_argument("--scale", choices=sorted(SCALES), default=None)
        run.add_argument("--seed", type=int, default=42)
        run.add_argument("--only", action="append", default=[], help="Chỉ chạy kịch bản này.")
        run.add_argument(
            "--growth", action="store_true", help="Đo thêm ở quy mô 10 % (sinh lại dữ liệu)."
        )
        run.add_argument(
            "--output",
            default="",
            help="Thư mục ghi kết quả (mặc định bench/, --quick: bench/quick/).",
        )
        child = sub.add_parser("import-child", help="(nội bộ) Đo một lượt nhập người.")
        child.add_argument("path")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            database.require_bench_database()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["action"] == "generate":
            counts = database.regenerate(options["scale"], options["seed"], self.stdout.write)
            for table, n in counts.items():
                self.stdout.write(f"  {table:<28} {group_digits(n):>12}")
            return
        from thidua.bench import scenarios

        if options["action"] == "import-child":
            report = scenarios.import_child(Path(options["path"]))
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        scale = options["scale"] or ("small" if options["quick"] else "province")
        scenarios.main(
            scale=scale,
            seed=options["seed"],
            quick=options["quick"],
            only=options["only"],
            growth=options["growth"],
            output=options["output"] or ("bench/quick" if options["quick"] else "bench"),
            echo=self.stdout.write,
        )
