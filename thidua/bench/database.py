"""The benchmark database: a guard against the dev database, wipe + migrate, and a state file
that says which scale and seed it holds (so `bench run` regenerates only when needed)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from thidua.bench.generator import generate

STATE_DIR = Path(settings.BASE_DIR) / "var"


def database_name() -> str:
    return str(connection.settings_dict["NAME"])


def require_bench_database() -> None:
    name = database_name()
    if "bench" not in Path(name).name:
        raise ValueError(
            f"Cơ sở dữ liệu “{name}” không phải CSDL benchmark (tên phải chứa “bench”); "
            "dùng `make bench` hoặc đặt THIDUA_SQLITE_PATH=var/bench.sqlite3."
        )


def _state_path() -> Path:
    key = f"{connection.vendor}-{Path(database_name()).stem}"
    return STATE_DIR / f"bench-state-{key}.json"


def current_state() -> dict[str, Any]:
    try:
        return dict(json.loads(_state_path().read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def wipe() -> None:
    """Drop everything and migrate from scratch."""
    require_bench_database()
    if connection.vendor == "sqlite":
        path = Path(database_name())
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0, interactive=False)


def regenerate(scale: str, seed: int, echo: Callable[[str], None] = print) -> dict[str, int]:
    started = time.perf_counter()
    _state_path().unlink(missing_ok=True)
    wipe()
    migrated = time.perf_counter()
    echo(f"Đã tạo lược đồ trong {migrated - started:.1f} s; sinh dữ liệu quy mô “{scale}”…")
    counts = generate(scale, seed, echo)
    seconds = time.perf_counter() - migrated
    echo(f"Sinh dữ liệu trong {seconds:.1f} s.")
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    _state_path().write_text(
        json.dumps({"scale": scale, "seed": seed, "counts": counts, "seconds": seconds}),
        encoding="utf-8",
    )
    return counts


def ensure(scale: str, seed: int, echo: Callable[[str], None] = print) -> dict[str, Any]:
    """The state of the bench database, regenerating it when it holds another scale/seed."""
    state = current_state()
    if state.get("scale") != scale or state.get("seed") != seed:
        regenerate(scale, seed, echo)
        state = current_state()
    else:
        # The data is kept between runs; the schema follows the code (new indexes).
        call_command("migrate", verbosity=0, interactive=False)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return state
