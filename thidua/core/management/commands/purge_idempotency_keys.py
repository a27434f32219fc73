"""`thidua purge_idempotency_keys`: delete stored API responses older than their time-to-live
(THIDUA_IDEMPOTENCY_KEY_TTL_HOURS). Run it daily from cron or a timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from thidua.core.idempotency import purge_expired


class Command(BaseCommand):
    help = "Xóa các khóa Idempotency-Key đã hết hạn."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge_expired()
        self.stdout.write("Đã xóa {n} khóa Idempotency-Key hết hạn.".format(n=deleted))
