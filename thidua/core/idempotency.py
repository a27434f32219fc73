"""Idempotency keys for API writes (issue 10; docs/security.md).

A client that sends a write (POST, PUT, PATCH, DELETE under `IDEMPOTENCY_PATH_PREFIX`) with an
`Idempotency-Key` header may safely send it again after a timeout or a dropped connection:

- the first response (status and body, when it is not a server error) is stored with the
  user, method, path and a hash of the request;
- the same key with the same request returns the stored response (header
  `Idempotent-Replayed: true`) and the operation does not run again;
- the same key with a different method, path or body is refused with 422;
- the same key while the first request is still running is refused with 409;
- keys expire after `IDEMPOTENCY_KEY_TTL_HOURS`; `purge_expired()` deletes old rows.

Keys belong to a user: the middleware recognises the session user or, for Bearer tokens,
calls the function named by `IDEMPOTENCY_TOKEN_USER` (core imports no higher app). A request
that is not authenticated passes through untouched (the API refuses it with 401).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.utils.module_loading import import_string

from thidua.core.models import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAY_HEADER = "Idempotent-Replayed"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Printable ASCII without spaces: UUIDs, ULIDs and the like.
_KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")

KEY_INVALID = (
    "Khóa Idempotency-Key không hợp lệ: dùng 1–255 ký tự ASCII in được, không có khoảng trắng "
    "(ví dụ một UUID)."
)
KEY_REUSED = (
    "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác (khác phương thức, đường dẫn "
    "hoặc nội dung). Hãy dùng một khóa mới cho mỗi yêu cầu mới."
)
KEY_IN_PROGRESS = "Yêu cầu với khóa Idempotency-Key này đang được xử lý. Hãy thử lại sau ít phút."


def _ttl() -> timedelta:
    return timedelta(hours=settings.IDEMPOTENCY_KEY_TTL_HOURS)


def request_hash(method: str, path: str, body: bytes) -> str:
    """What makes two requests "the same": method, full path with query, and body bytes."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def purge_expired(now: datetime | None = None) -> int:
    """Delete records older than the time-to-live; returns how many were deleted."""
    cutoff = (now or timezone.now()) - _ttl()
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def _error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "message": message}, status=status)


def _replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(
        bytes(record.body), status=record.status_code or 200, content_type=record.content_type
    )
    response[REPLAY_HEADER] = "true"
    return response


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._token_user: Callable[[str], Any] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get(HEADER)
        if (
            key is None
            or request.method not in WRITE_METHODS
            or not request.path_info.startswith(settings.IDEMPOTENCY_PATH_PREFIX)
        ):
            return self.get_response(request)
        if not _KEY_PATTERN.fullmatch(key):
            return _error("IDEMPOTENCY_KEY_INVALID", KEY_INVALID, 400)
        user = self._user(request)
        if user is None:
            return self.get_response(request)
        return self._handle(request, user, key)

    def _user(self, request: HttpRequest) -> Any:
        """The user the request acts as, or None (then the API itself answers 401/403)."""
        authorization = request.headers.get("Authorization", "")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            if self._token_user is None:
                self._token_user = import_string(settings.IDEMPOTENCY_TOKEN_USER)
            return self._token_user(token.strip())
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        # A session request must pass the CSRF check before it may see a stored response.
        csrf = CsrfViewMiddleware(lambda r: HttpResponse())
        if csrf.process_view(request, lambda r: HttpResponse(), (), {}) is not None:
            return None
        return user

    def _handle(self, request: HttpRequest, user: Any, key: str) -> HttpResponse:
        path = request.get_full_path()
        fingerprint = request_hash(request.method or "", path, request.body)
        now = timezone.now()
        IdempotencyRecord.objects.filter(user=user, key=key, created_at__lt=now - _ttl()).delete()
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    user=user,
                    key=key,
                    method=request.method or "",
                    path=path[:2000],
                    request_hash=fingerprint,
                    created_at=now,
                )
        except IntegrityError:
            existing = IdempotencyRecord.objects.filter(user=user, key=key).first()
            if existing is None:  # expired and purged in between: treat as in progress
                return _error("IDEMPOTENCY_KEY_IN_PROGRESS", KEY_IN_PROGRESS, 409)
            if existing.request_hash != fingerprint:
                return _error("IDEMPOTENCY_KEY_REUSED", KEY_REUSED, 422)
            if existing.status_code is None:
                return _error("IDEMPOTENCY_KEY_IN_PROGRESS", KEY_IN_PROGRESS, 409)
            return _replay(existing)

        try:
            response = self.get_response(request)
        except BaseException:
            IdempotencyRecord.objects.filter(pk=record.pk).delete()
            raise
        if response.status_code >= 500 or response.streaming:
            # A server error may be retried with the same key; a file stream is not stored.
            IdempotencyRecord.objects.filter(pk=record.pk).delete()
            return response
        IdempotencyRecord.objects.filter(pk=record.pk).update(
            status_code=response.status_code,
            content_type=response.get("Content-Type", ""),
            body=response.content,
        )
        return response
