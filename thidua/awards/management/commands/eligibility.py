"""`thidua eligibility check FILE`: the eligibility contract on the command line.

Reads one JSON input object (or an array of them) from FILE, or from standard input when FILE
is `-`, and prints the result object (or array) as JSON. Exit 0 whether or not the subject is
eligible; exit 2 with a Vietnamese message on standard error naming every bad field when the
input is invalid. See docs/commands/awards.eligibility_check.md.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser, OutputWrapper

from thidua.awards.domain.contract import describe_errors
from thidua.awards.eligibility_io import evaluate_payload

#: Exit status for invalid input (the contract's "exit 2").
EXIT_INVALID_INPUT = 2

_READ_ERRORS = {
    FileNotFoundError: "tệp không tồn tại",
    IsADirectoryError: "đây là một thư mục, không phải tệp",
    PermissionError: "không có quyền đọc tệp",
}


class Command(BaseCommand):
    help = "Kiểm tra điều kiện khen thưởng (danh hiệu, hình thức) từ dữ liệu JSON."
    # Stateless: needs neither the database nor the system checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        check = actions.add_parser(
            "check",
            help="Kiểm tra một đối tượng JSON (hoặc một mảng) theo hợp đồng eligibility.",
        )
        check.add_argument("file", help="Tệp JSON đầu vào; dùng - để đọc từ đầu vào chuẩn.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = str(options["file"])
        text = self._read(source)
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            self._fail(
                f"Dữ liệu không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}: {exc.msg})."
            )
        result, errors = evaluate_payload(payload)
        if errors:
            self._fail(describe_errors(errors))
        _use_utf8(self.stdout)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _read(self, source: str) -> str:
        name = "đầu vào chuẩn" if source == "-" else f"tệp {source}"
        try:
            if source == "-":
                stdin = sys.stdin
                raw: bytes | str = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
            else:
                raw = Path(source).read_bytes()
            return raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.lstrip("\ufeff")
        except UnicodeDecodeError:
            self._fail(f"Không đọc được {name}: nội dung không phải văn bản UTF-8.")
        except OSError as exc:
            reason = _READ_ERRORS.get(type(exc), exc.strerror or str(exc))
            self._fail(f"Không đọc được {name}: {reason}.")

    def _fail(self, message: str) -> NoReturn:
        _use_utf8(self.stderr)
        self.stderr.write(message)
        raise SystemExit(EXIT_INVALID_INPUT)


def _use_utf8(stream: OutputWrapper) -> None:
    """Vietnamese text must not fail on a console whose locale is not UTF-8."""
    target = getattr(stream, "_out", None)
    if isinstance(target, io.TextIOWrapper) and target.encoding.lower() not in ("utf-8", "utf8"):
        target.reconfigure(encoding="utf-8")
