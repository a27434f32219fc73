"""Commands on accounts."""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.choices import Role
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.events import record_event
from thidua.core.text import clean_text


def pending_totp_device(user: Any) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="thidua", confirmed=False)
    return device


def totp_secret_b32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode("ascii")


def confirm_totp_device(user: Any, device: TOTPDevice, token: str) -> bool:
    """Confirm enrolment when the first code from the app verifies."""
    if device.user_id != user.pk or not device.verify_token(token):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record_event(
            actor=user, action="accounts.enable_two_factor", obj=user, after={"device": device.pk}
        )
    return True


def is_administrator(user: Any) -> bool:
    """A superuser or a holder of the system administrator role."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.role_assignments.filter(role=Role.ADMIN).exists())


def issue_api_token(actor: Any, user: Any, name: str) -> str:
    """Create an API token for `user` and return the key (shown once, stored as a digest).

    A user may issue tokens for themselves; only an administrator may issue one for someone
    else. The token acts with the user's own roles and scope, never more.
    """
    from thidua.accounts.models import ApiToken

    if not getattr(actor, "is_authenticated", False) or (
        actor.pk != user.pk and not is_administrator(actor)
    ):
        raise PermissionDenied("Chỉ quản trị hệ thống được cấp token API cho người khác.")
    name = clean_text(name)
    if not name:
        raise DomainError(
            "INVALID_INPUT",
            "Hãy đặt tên cho token (ví dụ: tên hệ thống tích hợp).",
            fields={"name": "Bắt buộc."},
        )
    key = "td_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, digest=hashlib.sha256(key.encode()).hexdigest(), prefix=key[:8]
        )
        record_event(
            actor=actor,
            action="accounts.issue_api_token",
            obj=token,
            after={"user": user.pk, "name": name},
        )
    return key


def user_for_api_key(key: str) -> Any:
    from django.utils import timezone

    from thidua.accounts.models import ApiToken

    digest = hashlib.sha256(key.encode()).hexdigest()
    token = ApiToken.objects.select_related("user").filter(digest=digest, revoked=False).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
