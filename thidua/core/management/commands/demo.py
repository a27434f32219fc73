"""`thidua demo`: load every app's demo data once (idempotent) and print the demo accounts.

Each app that has demo data names its loader in its AppConfig (`demo_loader`, a dotted path);
loaders run in INSTALLED_APPS order, so an app's data can rest on the apps below it. A loader
returns a dict with `created` (bool), `message` (one Vietnamese line) and, for org,
`accounts`.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

DEMO_PASSWORD_PATH = "thidua.org.demo.DEMO_PASSWORD"


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chỉ một lần; chạy lại không thay đổi gì) và in các tài khoản mẫu."

    def handle(self, *args: Any, **options: Any) -> None:
        accounts: list[tuple[str, str, str]] = []
        for config in apps.get_app_configs():
            loader = getattr(config, "demo_loader", None)
            if not loader:
                continue
            summary = import_string(loader)()
            if summary.get("created") or summary.get("message"):
                self.stdout.write(f"{config.verbose_name}: {summary.get('message', '')}")
            else:
                self.stdout.write(f"{config.verbose_name}: dữ liệu mẫu đã có sẵn; không nạp lại.")
            accounts += summary.get("accounts", [])
        password = import_string(DEMO_PASSWORD_PATH)
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu chung: {password}):")
        for username, role, unit in accounts:
            self.stdout.write(f"  {username:<16} {role} — {unit}")
        self.stdout.write(
            "\nTài khoản quản trị, hội đồng, thư ký, lãnh đạo ký cần mã xác thực hai lớp: "
            "in mã hiện tại bằng `.venv/bin/thidua demo_code TÊN_TÀI_KHOẢN`."
        )
