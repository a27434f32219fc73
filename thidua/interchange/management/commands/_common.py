"""Shared by `thidua import` and `thidua export`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError

from thidua.accounts.choices import Role
from thidua.accounts.models import User


def operator(username: str | None) -> Any:
    """The user the command acts as: `--user`, else the first administrator."""
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        return user
    user = (
        User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
        or User.objects.filter(is_active=True, role_assignments__role=Role.ADMIN)
        .order_by("pk")
        .first()
    )
    if user is None:
        raise CommandError("Chưa có tài khoản quản trị; hãy chỉ rõ --user TÊN_TÀI_KHOẢN.")
    return user
