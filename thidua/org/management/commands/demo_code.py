"""`thidua demo_code USERNAME`: print the current TOTP code of a demo account."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "In mã xác thực hai lớp hiện tại của một tài khoản mẫu (chỉ dùng cho dữ liệu mẫu)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from thidua.org.demo import DEMO_TOTP_KEY

        device = TOTPDevice.objects.filter(
            user__username=options["username"], confirmed=True, key=DEMO_TOTP_KEY
        ).first()
        if device is None:
            raise CommandError("Không có tài khoản mẫu dùng khóa xác thực mẫu với tên này.")
        self.stdout.write(
            "{:06d}".format(
                totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
            )
        )
