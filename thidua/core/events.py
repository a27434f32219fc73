"""Writing and verifying the hash-chained event log."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from thidua.core.models import Event, EventChainHead

GENESIS = "0" * 64


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of a model instance, as JSON-safe data."""
    names = fields or [
        f.attname for f in instance._meta.concrete_fields if f.attname not in {"updated_at"}
    ]
    return {name: _jsonable(getattr(instance, name)) for name in names}


def _digest(prev_hash: str, payload: Mapping[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _payload(event: Event) -> dict[str, Any]:
    return {
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "unit_path": event.unit_path,
        "before": event.before,
        "after": event.after,
        "comment": event.comment,
    }


def record_event(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    unit_path: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    comment: str = "",
) -> Event:
    """Append one event to the chain. Must run inside the service's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        head, _ = EventChainHead.objects.select_for_update().get_or_create(pk=1)
        event = Event(
            occurred_at=timezone.now(),
            actor=actor_user,
            actor_name=(actor_user.get_username() if actor_user else "hệ thống"),
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr,
            unit_path=unit_path,
            before=_jsonable(before) if before is not None else None,
            after=_jsonable(after) if after is not None else None,
            comment=comment,
            prev_hash=head.last_hash,
        )
        # Round-trip through JSON so the hash is computed over exactly what is stored.
        event.before = json.loads(json.dumps(event.before)) if event.before is not None else None
        event.after = json.loads(json.dumps(event.after)) if event.after is not None else None
        event.hash = _digest(head.last_hash, _payload(event))
        event.save()
        head.last_hash = event.hash
        head.save(update_fields=["last_hash"])
    return event


def record_events(
    *,
    actor: Any,
    action: str,
    items: Sequence[tuple[models.Model, str, Mapping[str, Any] | None]],
) -> list[Event]:
    """Append one event per (object, unit path, after) in one go: the chain head is locked
    once and the rows are inserted together (bulk commands such as a large import). The chain
    is the same as `record_event` called for each item in turn."""
    if not items:
        return []
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    actor_name = actor_user.get_username() if actor_user else "hệ thống"
    now = timezone.now()
    events: list[Event] = []
    with transaction.atomic():
        head, _ = EventChainHead.objects.select_for_update().get_or_create(pk=1)
        prev = head.last_hash
        for obj, unit_path, after in items:
            event = Event(
                occurred_at=now,
                actor=actor_user,
                actor_name=actor_name,
                action=action,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                unit_path=unit_path,
                before=None,
                after=json.loads(json.dumps(_jsonable(after))) if after is not None else None,
                comment="",
                prev_hash=prev,
            )
            event.hash = prev = _digest(prev, _payload(event))
            events.append(event)
        Event.objects.bulk_create(events, batch_size=2000)
        head.last_hash = prev
        head.save(update_fields=["last_hash"])
    return events


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    """Walk the log in order; report the first event whose link or content does not match."""
    prev = GENESIS
    checked = 0
    for event in Event.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            return ChainReport(checked, event.pk, "liên kết tới sự kiện trước không khớp")
        if _digest(prev, _payload(event)) != event.hash:
            return ChainReport(checked, event.pk, "nội dung sự kiện đã bị sửa")
        prev = event.hash
        checked += 1
    head = EventChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev:
        # The chain itself is consistent but shorter than what was written: rows were removed
        # from its end. -1 stands for "after the last event".
        return ChainReport(checked, -1, "các sự kiện cuối cùng đã bị xóa")
    return ChainReport(checked, None, "")
