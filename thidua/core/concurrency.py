"""Optimistic locking shared by every editable record (`VersionedModel`)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import F

from thidua.core.errors import ConcurrentChange
from thidua.core.models import VersionedModel


def save_versioned(
    instance: VersionedModel, expected_version: int, fields: Sequence[str] = ()
) -> None:
    """Write `fields` (or just bump the version) only if the row still has `expected_version`.

    A conditional UPDATE works the same on SQLite and PostgreSQL: zero rows updated means
    someone else saved first, and the caller's transaction is refused with CONCURRENT_CHANGE.
    """
    values = {name: getattr(instance, name) for name in fields}
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, version=expected_version)
        .update(version=F("version") + 1, **values)
    )
    if updated == 0:
        raise ConcurrentChange()
    instance.version = expected_version + 1
