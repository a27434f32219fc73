"""The lossless archive: every row of every `thidua.*` app in one versioned JSON document.

Generic over the app registry, so tables that other apps add are included without changes
here. Importing into an empty (freshly migrated) database reproduces ids, versions, timestamps
and the hashes of the event chain exactly. The format is described in docs/archive-format.md
and by the JSON Schema in thidua/interchange/data/archive.schema.json.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time

FORMAT = "thidua-archive"
VERSION = 1
SCHEMA_PATH = Path(__file__).parent / "data" / "archive.schema.json"
BATCH = 1000
# Tables that must be empty for `import --all` (reference tables filled by migrations, such as
# the award catalogue, are replaced by the archive's rows instead).
MUST_BE_EMPTY = ("core.event", "accounts.user", "org.unit", "org.person")


class ArchiveError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def archived_models() -> list[type[models.Model]]:
    """Every concrete model of every thidua app, with auto-created many-to-many tables."""
    out = []
    for config in apps.get_app_configs():
        if not config.name.startswith("thidua."):
            continue
        for model in config.get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            out.append(model)
    return sorted(out, key=lambda m: m._meta.label_lower)


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.local_concrete_fields)


def _dump(field: models.Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return f"{value.days} {value.seconds}.{value.microseconds:06d}"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def _load(field: models.Field[Any, Any], value: Any) -> Any:
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.DateTimeField):
        return parse_datetime(value)
    if isinstance(field, models.DateField):
        return parse_date(value)
    if isinstance(field, models.TimeField):
        return parse_time(value)
    if isinstance(field, models.DurationField):
        days, _, rest = value.partition(" ")
        seconds, _, micro = rest.partition(".")
        return timedelta(days=int(days), seconds=int(seconds), microseconds=int(micro or 0))
    if isinstance(field, models.DecimalField):
        return Decimal(value)
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field, models.UUIDField):
        return UUID(value)
    return value


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.local_concrete_fields if isinstance(f, models.FileField)]


def export_all(out: IO[str], *, media: bool = False) -> dict[str, int]:
    """Write the archive as JSON to `out`, streaming table by table. Returns row counts."""
    counts: dict[str, int] = {}
    from django.db.migrations.recorder import MigrationRecorder

    migrations = sorted(
        f"{app}.{name}"
        for app, name in MigrationRecorder.Migration.objects.values_list("app", "name")
        if app in {c.label for c in apps.get_app_configs() if c.name.startswith("thidua.")}
    )
    header = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().astimezone(UTC).isoformat(),
        "database": connection.vendor,
        "migrations": migrations,
    }
    head = json.dumps(header, ensure_ascii=False, indent=1)[:-2]  # leave the object open
    out.write(head + ',\n "tables": [\n')
    media_names: set[str] = set()
    first = True
    with transaction.atomic():  # one consistent snapshot (REPEATABLE READ on PostgreSQL)
        for model in archived_models():
            fields = _fields(model)
            names = [f.attname for f in fields]
            if not first:
                out.write(",\n")
            first = False
            label = model._meta.label_lower
            out.write("  " + json.dumps({"model": label, "fields": names}, ensure_ascii=False)[:-1])
            out.write(', "rows": [')
            n = 0
            for values in (
                model._default_manager.order_by("pk").values_list(*names).iterator(chunk_size=BATCH)
            ):
                row = [_dump(f, v) for f, v in zip(fields, values, strict=True)]
                out.write(("\n   " if n == 0 else ",\n   ") + json.dumps(row, ensure_ascii=False))
                n += 1
                if media:
                    for f in _file_fields(model):
                        name = row[names.index(f.attname)]
                        if name:
                            media_names.add(name)
            out.write("]}")
            counts[label] = n
    out.write("\n ]")
    if media:
        out.write(',\n "media": {')
        for i, name in enumerate(sorted(media_names)):
            if not default_storage.exists(name):
                continue
            with default_storage.open(name, "rb") as handle:
                data = base64.b64encode(handle.read()).decode("ascii")
            out.write(("\n  " if i == 0 else ",\n  ") + json.dumps(name) + ": " + json.dumps(data))
        out.write("\n }")
    out.write("\n}\n")
    return counts


@contextmanager
def _raw_timestamps() -> Iterator[None]:
    """Keep stored timestamps: auto_now/auto_now_add would overwrite them on insert."""
    changed = []
    for model in archived_models():
        for field in model._meta.local_concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                changed.append((field, field.auto_now, field.auto_now_add))  # type: ignore[attr-defined]
                field.auto_now = field.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for field, now, now_add in changed:
            field.auto_now, field.auto_now_add = now, now_add  # type: ignore[attr-defined]


def check_archive(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveError("Tệp không phải bản lưu trữ thidua.")
    if document.get("version") != VERSION:
        raise ArchiveError(
            "Bản lưu trữ phiên bản {v}; phiên bản này của thidua đọc phiên bản {w}.".format(
                v=document.get("version"), w=VERSION
            )
        )
    if not isinstance(document.get("tables"), list):
        raise ArchiveError("Bản lưu trữ thiếu danh sách bảng.")


def import_all(source: IO[str], *, media: bool = True) -> dict[str, int]:
    """Load an archive into an empty database, exactly (ids, versions, timestamps, hashes)."""
    try:
        document = json.load(source)
    except ValueError:
        raise ArchiveError("Tệp không phải JSON hợp lệ.") from None
    check_archive(document)
    known = {m._meta.label_lower: m for m in archived_models()}
    for label in MUST_BE_EMPTY:
        if label in known and known[label]._default_manager.exists():
            raise ArchiveError(
                "Cơ sở dữ liệu không trống (bảng {t} đã có dữ liệu); chỉ nạp bản lưu trữ vào "
                "cơ sở dữ liệu mới tạo (thidua migrate).".format(t=label)
            )
    unknown = [t.get("model") for t in document["tables"] if t.get("model") not in known]
    if unknown:
        raise ArchiveError(
            "Bản lưu trữ có bảng không có trong phiên bản này: {t}.".format(
                t=", ".join(map(str, unknown))
            )
        )
    counts: dict[str, int] = {}
    loaded: list[type[models.Model]] = []
    with transaction.atomic(), _raw_timestamps():
        for table in document["tables"]:
            known[table["model"]]._default_manager.all()._raw_delete(connection.alias)  # type: ignore[attr-defined]
        for table in document["tables"]:
            model = known[table["model"]]
            by_name = {f.attname: f for f in _fields(model)}
            missing = [n for n in table["fields"] if n not in by_name]
            if missing:
                raise ArchiveError(
                    "Bảng {t} có cột không còn trong phiên bản này: {c}.".format(
                        t=table["model"], c=", ".join(missing)
                    )
                )
            fields = [by_name[n] for n in table["fields"]]
            batch = []
            for row in table["rows"]:
                obj = model(**{f.attname: _load(f, v) for f, v in zip(fields, row, strict=True)})
                batch.append(obj)
                if len(batch) >= BATCH:
                    model._default_manager.bulk_create(batch)
                    batch = []
            if batch:
                model._default_manager.bulk_create(batch)
            counts[table["model"]] = len(table["rows"])
            loaded.append(model)
        sql = connection.ops.sequence_reset_sql(no_style(), loaded)
        if sql:
            with connection.cursor() as cursor:
                for statement in sql:
                    cursor.execute(statement)
    if media:
        for name, data in (document.get("media") or {}).items():
            if ".." in Path(name).parts or Path(name).is_absolute():
                continue
            if not default_storage.exists(name):
                from django.core.files.base import ContentFile

                default_storage.save(name, ContentFile(base64.b64decode(data)))
    return counts


def rows_of(model: type[models.Model]) -> list[tuple[Any, ...]]:
    """Every row of a model as dumped values, in pk order (for comparing two databases)."""
    fields = _fields(model)
    names = [f.attname for f in fields]
    return [
        tuple(_dump(f, v) for f, v in zip(fields, values, strict=True))
        for values in model._default_manager.order_by("pk").values_list(*names)
    ]
