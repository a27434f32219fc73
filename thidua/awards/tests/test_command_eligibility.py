"""`thidua eligibility check FILE`: JSON out and exit 0; exit 2 naming every bad field.

Exercised both in-process (`call_command`) and as a real process
(`python -m thidua.manage eligibility check FILE`), since the exit status and the bytes on
standard output are the contract.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

# The command reads the administrators' parameter changes from the database.
pytestmark = pytest.mark.django_db

REPO_ROOT = Path(__file__).resolve().parents[3]

ELIGIBLE: dict[str, Any] = {
    "award": "CSTDBT",
    "year": 2025,
    "proposal_date": "2025-12-10",
    "subject": {"kind": "individual", "name": "Nguyễn Thị Hoa"},
    "registered": True,
    "ratings": {"2023": "HTT", "2024": "HTXS", "2025": "HTXS"},
    "awards": [{"code": "CSTDCS", "year": year} for year in (2023, 2024, 2025)],
    "initiatives": [{"id": "SK-17", "level": "BO_TINH", "year": 2025, "used_for": None}],
    "research": [],
    "discipline": [],
    "under_investigation": False,
}
NOT_ELIGIBLE: dict[str, Any] = {
    "award": "CSTDCS",
    "year": 2025,
    "proposal_date": "2025-12-01",
    "subject": {"kind": "individual", "name": "Trần Văn Nam"},
    "registered": True,
    "ratings": {"2025": "HTT"},
    "initiatives": [{"id": "SK-3", "level": "CO_SO", "year": 2025, "used_for": "GK-2025-114"}],
}
INVALID: dict[str, Any] = {
    **ELIGIBLE,
    "award": "CSTDBT",
    "year": "2025",
    "proposal_date": "2025-02-30",
    "subject": {"kind": "collective", "name": "Phòng A"},
    "awards": [{"code": "CSTDCS", "year": 2023}, {"code": "CSTDCS"}],
}


def write(tmp_path: Path, document: object, name: str = "input.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def run_command(*args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("eligibility", *args, stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return int(exit_.code or 0), stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def run_process(
    *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.test_settings", **env}
    return subprocess.run(
        [sys.executable, "-m", "thidua.manage", "eligibility", "check", *args],
        cwd=REPO_ROOT,
        env=environment,
        input=None if stdin is None else stdin.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )


# -- in-process --------------------------------------------------------------------------------


def test_prints_the_result_and_exits_0_when_eligible(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, ELIGIBLE)
    # when
    code, out, err = run_command("check", str(path))
    # then
    assert code == 0
    assert err == ""
    result = json.loads(out)
    assert result["eligible"] is True
    assert result["missing"] == []


def test_exits_0_when_not_eligible(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, NOT_ELIGIBLE)
    # when
    code, out, _ = run_command("check", str(path))
    # then
    assert code == 0
    assert json.loads(out)["missing"] == ["CSTDCS_ACHIEVEMENT"]


def test_output_is_indented_utf8_json_not_ascii_escaped(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, NOT_ELIGIBLE)
    # when
    _, out, _ = run_command("check", str(path))
    # then
    assert out.startswith('{\n  "award": "CSTDCS",')
    assert "Chiến sĩ thi đua" in out
    assert "\\u" not in out


def test_invalid_input_exits_2_naming_every_bad_field(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, INVALID)
    # when
    code, out, err = run_command("check", str(path))
    # then
    assert code == 2
    assert out == ""
    assert "Dữ liệu đầu vào không hợp lệ (4 lỗi)" in err
    for field in ("year:", "proposal_date:", "award:", "awards[1].year:"):
        assert f"  - {field}" in err


def test_batch_prints_an_array_in_the_same_order(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, [NOT_ELIGIBLE, ELIGIBLE, NOT_ELIGIBLE])
    # when
    code, out, _ = run_command("check", str(path))
    # then
    assert code == 0
    assert [r["eligible"] for r in json.loads(out)] == [False, True, False]


def test_batch_errors_are_prefixed_with_the_item_index(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, [ELIGIBLE, {**ELIGIBLE, "award": "XYZ"}, {**ELIGIBLE, "year": None}])
    # when
    code, out, err = run_command("check", str(path))
    # then
    assert code == 2
    assert out == ""
    assert "  - [1].award:" in err
    assert "  - [2].year:" in err
    assert "[0]" not in err


def test_reads_standard_input_when_file_is_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    # given
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(ELIGIBLE, ensure_ascii=False)))
    # when
    code, out, _ = run_command("check", "-")
    # then
    assert code == 0
    assert json.loads(out)["eligible"] is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "tệp không tồn tại", id="missing_file"),
        pytest.param(b'{"award": ', "không phải JSON hợp lệ", id="truncated_json"),
        pytest.param(b"", "không phải JSON hợp lệ", id="empty_file"),
        pytest.param("{}".encode("utf-16"), "UTF-8", id="not_utf8"),
        pytest.param(b"42", "toàn bộ dữ liệu", id="not_an_object"),
    ],
)
def test_unreadable_input_exits_2_with_a_vietnamese_message(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    # given
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    # when
    code, out, err = run_command("check", str(path))
    # then
    assert code == 2
    assert out == ""
    assert message in err


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    # given / when
    code, _, err = run_command("check", str(tmp_path))
    # then
    assert code == 2
    assert "thư mục" in err


def test_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    # given a file saved by an editor that writes a UTF-8 BOM
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(ELIGIBLE).encode("utf-8"))
    # when
    code, out, _ = run_command("check", str(path))
    # then
    assert code == 0
    assert json.loads(out)["eligible"] is True


# -- as a real process -------------------------------------------------------------------------


def test_process_exit_0_and_json_on_stdout(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, NOT_ELIGIBLE)
    # when
    completed = run_process(str(path))
    # then
    assert completed.returncode == 0, completed.stderr.decode()
    result = json.loads(completed.stdout.decode("utf-8"))
    assert result["eligible"] is False
    assert result["rule_set"] == "LTDKT-2022/ND-152-2025"


def test_process_exit_2_with_errors_on_stderr(tmp_path: Path) -> None:
    # given
    path = write(tmp_path, INVALID)
    # when
    completed = run_process(str(path))
    # then
    assert completed.returncode == 2
    assert completed.stdout == b""
    err = completed.stderr.decode("utf-8")
    assert "proposal_date" in err
    assert "awards[1].year" in err


def test_process_reads_stdin_batch() -> None:
    # given
    document = json.dumps([ELIGIBLE, NOT_ELIGIBLE], ensure_ascii=False)
    # when
    completed = run_process("-", stdin=document)
    # then
    assert completed.returncode == 0, completed.stderr.decode()
    assert [r["award"] for r in json.loads(completed.stdout)] == ["CSTDBT", "CSTDCS"]


def test_process_writes_utf8_even_on_an_ascii_console(tmp_path: Path) -> None:
    # given a console whose encoding cannot represent Vietnamese
    path = write(tmp_path, NOT_ELIGIBLE)
    # when
    completed = run_process(str(path), PYTHONIOENCODING="ascii")
    # then
    assert completed.returncode == 0, completed.stderr.decode()
    assert "Chiến sĩ thi đua cơ sở" in completed.stdout.decode("utf-8")
