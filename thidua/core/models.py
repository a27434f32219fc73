"""Plumbing tables: base classes and the append-only, hash-chained event log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Adds creation and modification times."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """Adds a version column for optimistic locking (see core.concurrency.save_versioned)."""

    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        abstract = True


class Event(models.Model):
    """One state change, written by a service (never by a signal).

    Rows are append-only: `hash` covers the row's content and the previous row's hash, so
    editing or deleting any row breaks the chain from that row on (`thidua audit verify`).
    `unit_path` records the materialised path of the unit the change belongs to, so the log
    can be scoped like everything else.
    """

    occurred_at = models.DateTimeField(_("occurred at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("actor name"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    unit_path = models.CharField(_("unit path"), max_length=255, blank=True, db_index=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="core_event_object_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("Events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Events are append-only and cannot be deleted.")


class EventChainHead(models.Model):
    """A single row locked while an event is appended, so the chain stays linear under
    concurrent writers on PostgreSQL (SQLite serialises writers by itself)."""

    last_hash = models.CharField(_("last hash"), max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("event chain head")
        verbose_name_plural = _("event chain heads")

    def __str__(self) -> str:
        return self.last_hash


class IdempotencyRecord(models.Model):
    """The first response to an API write sent with an `Idempotency-Key` header.

    A repeat of the same request (same user, key, method, path and body) gets this response
    back instead of running the operation again; a different request under the same key is
    refused. Rows expire after `IDEMPOTENCY_KEY_TTL_HOURS` (core.idempotency.purge_expired).
    A row without `status_code` is a request still being processed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    key = models.CharField(_("idempotency key"), max_length=255)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=2000)
    request_hash = models.CharField(_("request hash"), max_length=64)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    content_type = models.CharField(_("content type"), max_length=200, blank=True)
    body = models.BinaryField(_("response body"), blank=True, default=b"")
    created_at = models.DateTimeField(_("created at"), db_index=True)

    class Meta:
        verbose_name = _("idempotency record")
        verbose_name_plural = _("idempotency records")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], name="%(app_label)s_%(class)s_one_per_user_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.path} [{self.key}]"
