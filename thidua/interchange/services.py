"""Commands of the import centre: upload, check (dry run), import, retry, undo.

An import is all-or-nothing: every row is checked first; only when none is bad are the rows
written, through the owning apps' services, inside ONE transaction (each row in a savepoint so
that every refusal is reported, after which the whole transaction is rolled back). A worker
killed half-way leaves nothing behind, because nothing was committed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.core.concurrency import save_versioned
from thidua.core.errors import DomainError, NotFound, PermissionDenied
from thidua.core.events import record_event
from thidua.interchange.choices import ImportKind, JobStatus
from thidua.interchange.domain.columns import header_problems, match_headers
from thidua.interchange.domain.report import Report, RowError
from thidua.interchange.domain.safety import LIMITS, Refused, sniff
from thidua.interchange.importers import Context, Kind, RowValues, get_kind
from thidua.interchange.models import ImportJob
from thidua.interchange.reading import SheetRow, open_sheet
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Unit

logger = logging.getLogger(__name__)

# Files up to this size are checked in the request itself; larger ones go to the worker.
INLINE_MAX_BYTES = 1024 * 1024
PROGRESS_EVERY = 500
# A job RUNNING with no progress for this long was left by a killed worker: it may be retried.
STALE_AFTER = timedelta(minutes=10)


def storage_dir() -> Path:
    """Uploaded sheets live under MEDIA_ROOT/private/imports: outside the web root, never
    served directly, each under a random name."""
    path = Path(settings.MEDIA_ROOT) / "private" / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_path(job: ImportJob) -> Path:
    return storage_dir() / job.stored_name


def _progress_path(job: ImportJob) -> Path:
    return storage_dir() / f"{job.stored_name}.progress"


def _today() -> date:
    return timezone.localdate()


# --------------------------------------------------------------------------------- upload


def _require_import(actor: Any) -> None:
    if not has_permission(actor, Permission.IMPORT_DATA):
        raise PermissionDenied("Bạn không có quyền nhập dữ liệu.")


def _home_unit(actor: Any) -> Unit | None:
    scope = scope_for(actor, Permission.IMPORT_DATA)
    if scope.everything or not scope.paths:
        return None
    return Unit.objects.filter(path=scope.paths[0]).first()


def start_import(actor: Any, *, kind: str, upload: Any, dry_run: bool = True) -> ImportJob:
    """Store an uploaded sheet under a random name and record the job (not yet run)."""
    _require_import(actor)
    if get_kind(kind) is None:
        raise DomainError(
            "UNKNOWN_KIND", "Loại dữ liệu nhập không hợp lệ.", fields={"kind": "Không hợp lệ."}
        )
    name = Path(str(getattr(upload, "name", "") or "bang-tinh")).name[:255]
    head = b""
    digest = hashlib.sha256()
    size = 0
    stored = secrets.token_hex(16)
    target = storage_dir() / stored
    try:
        with target.open("wb") as out:
            chunks = (
                upload.chunks()
                if hasattr(upload, "chunks")
                else iter(lambda: upload.read(1 << 16), b"")
            )
            for chunk in chunks:
                if not head:
                    head = bytes(chunk[:8])
                size += len(chunk)
                if size > LIMITS.max_bytes:
                    break
                digest.update(chunk)
                out.write(chunk)
        sniff(head, size, LIMITS)
    except Refused as exc:
        target.unlink(missing_ok=True)
        raise DomainError("FILE_REFUSED", exc.message, fields={"file": exc.message}) from None
    return ImportJob.objects.create(
        kind=kind,
        dry_run=dry_run,
        created_by=actor if getattr(actor, "pk", None) else None,
        unit=_home_unit(actor),
        file_name=name,
        stored_name=stored,
        file_size=size,
        sha256=digest.hexdigest(),
    )


def enqueue(job: ImportJob, *, inline: bool | None = None) -> ImportJob:
    """Run the job now (small files, the command line, tests) or hand it to the worker."""
    if inline is None:
        inline = job.file_size <= INLINE_MAX_BYTES
    if inline:
        run_job(job.pk)
    else:
        from thidua.interchange.tasks import run_import_task

        run_import_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def commit_job(
    actor: Any, job: ImportJob, *, expected_version: int, inline: bool | None = None
) -> ImportJob:
    """Import a sheet whose dry run found no errors (it is checked again, then written)."""
    _require_job(actor, job)
    if job.status != JobStatus.CHECKED:
        raise DomainError("NOT_CHECKED", "Chỉ nhập được bảng tính đã kiểm tra thử và không có lỗi.")
    job.dry_run = False
    job.status = JobStatus.QUEUED
    save_versioned(job, expected_version, ["dry_run", "status"])
    return enqueue(job, inline=inline)


def retry_job(
    actor: Any, job: ImportJob, *, expected_version: int, inline: bool | None = None
) -> ImportJob:
    """Run a job again after the worker failed or was killed (nothing of it was written)."""
    _require_job(actor, job)
    if job.status != JobStatus.FAILED and not is_stale(job):
        raise DomainError(
            "NOT_RETRYABLE", "Chỉ chạy lại được lượt nhập bị lỗi hệ thống hoặc bị dừng giữa chừng."
        )
    job.status = JobStatus.QUEUED
    save_versioned(job, expected_version, ["status"])
    return enqueue(job, inline=inline)


def is_stale(job: ImportJob) -> bool:
    """A RUNNING job whose worker stopped reporting progress (killed): nothing was committed."""
    if job.status != JobStatus.RUNNING:
        return False
    try:
        last = datetime.fromtimestamp(
            _progress_path(job).stat().st_mtime, tz=timezone.get_current_timezone()
        )
    except OSError:
        last = job.started_at or job.updated_at
    return last < timezone.now() - STALE_AFTER


def _require_job(actor: Any, job: ImportJob) -> None:
    _require_import(actor)
    if job.created_by_id == getattr(actor, "pk", None):
        return
    scope = scope_for(actor, Permission.IMPORT_DATA)
    if not (scope.everything or (job.unit is not None and scope.contains(job.unit.path))):
        raise PermissionDenied()


# ------------------------------------------------------------------------------ running


@dataclass
class Outcome:
    report: Report
    created: dict[str, list[int]] = field(default_factory=dict)


class _Rollback(Exception):
    pass


def _progress(job: ImportJob, phase: str, processed: int, total: int) -> None:
    try:
        _progress_path(job).write_text(
            json.dumps({"phase": phase, "processed": processed, "total": total}), encoding="utf-8"
        )
    except OSError:  # progress is a courtesy; never fail an import over it
        pass


def read_progress(job: ImportJob) -> dict[str, Any]:
    try:
        return dict(json.loads(_progress_path(job).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


ROW_CHUNK = 1000  # rows checked together: their references are looked up in a few queries


def _chunks(
    rows: Iterable[SheetRow], kind: Kind, positions: dict[str, int]
) -> Iterator[list[RowValues]]:
    chunk: list[RowValues] = []
    for row in rows:
        if row.is_empty():
            continue
        chunk.append(RowValues(row, positions, kind.columns, LIMITS.max_cell_chars))
        if len(chunk) >= ROW_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def execute(
    kind: Kind,
    path: Path,
    actor: Any,
    *,
    dry_run: bool,
    on_progress: Callable[[str, int, int], None] = lambda phase, done, total: None,
    today: date | None = None,
) -> Outcome:
    """Check every row; unless it is a dry run, write them in one transaction as they are
    checked, and roll everything back if any row is bad (all or nothing). Reads the file
    once, row by row, so memory stays bounded."""
    today = today or _today()
    report = Report()
    try:
        headings, rows, estimate = open_sheet(path)
        match = match_headers(headings, kind.columns)
        report.problems += header_problems(match)
        if report.problems:
            return Outcome(report)
        if dry_run:
            ctx = Context(actor, today)
            for chunk in _chunks(rows, kind, match.positions):
                if kind.prefetch is not None:
                    kind.prefetch(ctx, chunk)
                for values in chunk:
                    report.rows += 1
                    report.add(kind.check(ctx, values).errors)
                    if report.rows % PROGRESS_EVERY == 0:
                        on_progress("check", report.rows, estimate)
            if report.rows == 0:
                report.problems.append("Bảng tính không có dòng dữ liệu nào.")
            return Outcome(report)
        return _write(kind, rows, match.positions, actor, report, today, on_progress, estimate)
    except Refused as exc:
        report.problems.append(exc.message)
        return Outcome(report)


def _write(
    kind: Kind,
    rows: Iterable[SheetRow],
    positions: dict[str, int],
    actor: Any,
    report: Report,
    today: date,
    on_progress: Callable[[str, int, int], None],
    total: int,
) -> Outcome:
    created: dict[str, list[int]] = {}
    ctx = Context(actor, today)

    def keep(objects: Iterable[models.Model]) -> None:
        for obj in objects:
            created.setdefault(obj._meta.label_lower, []).append(obj.pk)

    try:
        with transaction.atomic():
            for chunk in _chunks(rows, kind, positions):
                if kind.prefetch is not None:
                    kind.prefetch(ctx, chunk)
                for values in chunk:
                    report.rows += 1
                    outcome = kind.check(ctx, values)
                    if outcome.errors or outcome.payload is None:
                        report.add(outcome.errors)
                        continue
                    if not report.ok:
                        continue  # the import is lost already: only collect the errors
                    try:
                        if kind.flush is not None:
                            # Bulk kinds queue the row and refuse before writing anything.
                            keep(kind.write_row(ctx, outcome.payload))
                        else:
                            with transaction.atomic():
                                keep(kind.write_row(ctx, outcome.payload))
                    except DomainError as exc:
                        report.add([RowError(values.row.number, "", exc.message)])
                        continue
                    if report.rows % PROGRESS_EVERY == 0:
                        on_progress("write", report.rows, total)
                if kind.flush is not None and report.ok:
                    keep(kind.flush(ctx))
            if report.rows == 0:
                report.problems.append("Bảng tính không có dòng dữ liệu nào.")
            if not report.ok:
                raise _Rollback
    except _Rollback:
        return Outcome(report)
    except DomainError as exc:  # a bulk write refused (e.g. a national ID taken meanwhile)
        report.problems.append(exc.message)
        return Outcome(report)
    return Outcome(report, created)


def run_job(job_id: int) -> None:
    """Run a queued job (in the request, the command line or the worker)."""
    job = ImportJob.objects.select_related("created_by").filter(pk=job_id).first()
    if job is None or not (job.status == JobStatus.QUEUED or is_stale(job)):
        return
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        attempts=job.attempts + 1,
        started_at=timezone.now(),
        updated_at=timezone.now(),
    )
    kind = get_kind(job.kind)
    assert kind is not None
    try:
        outcome = execute(
            kind,
            stored_path(job),
            job.created_by,
            dry_run=job.dry_run,
            on_progress=lambda phase, done, total: _progress(job, phase, done, total),
        )
    except Exception:  # noqa: BLE001 - a crash is recorded on the job; nothing was committed
        logger.exception("Import job %s failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED,
            finished_at=timezone.now(),
            problems=["Lỗi hệ thống khi xử lý tệp; không dữ liệu nào được ghi. Hãy thử chạy lại."],
        )
        return
    report = outcome.report
    if not report.ok:
        status = JobStatus.REJECTED
    elif job.dry_run:
        status = JobStatus.CHECKED
    else:
        status = JobStatus.DONE
    created_count = len(next(iter(outcome.created.values()), [])) if outcome.created else 0
    with transaction.atomic():
        ImportJob.objects.filter(pk=job.pk).update(
            status=status,
            total_rows=report.rows,
            processed_rows=report.rows,
            created_count=created_count,
            error_count=report.error_count + len(report.problems),
            problems=report.problems,
            errors=[e.as_dict() for e in report.errors],
            created_objects=outcome.created,
            finished_at=timezone.now(),
        )
        if status == JobStatus.DONE:
            record_event(
                actor=job.created_by,
                action="interchange.import",
                obj=job,
                unit_path=job.unit.path if job.unit else "",
                after={
                    "kind": job.kind,
                    "file": job.file_name,
                    "sha256": job.sha256,
                    "rows": report.rows,
                    "created": {k: len(v) for k, v in outcome.created.items()},
                },
            )
    _progress_path(job).unlink(missing_ok=True)


# ---------------------------------------------------------------------------------- undo


def dependents(created: dict[str, list[int]]) -> list[str]:
    """What, outside the import, points at the imported rows (Vietnamese, with counts)."""
    owned = {label: set(pks) for label, pks in created.items()}
    found: list[str] = []
    for label, pks in created.items():
        model = apps.get_model(label)
        for rel in model._meta.related_objects:
            related = rel.related_model
            if not isinstance(related, type) or not issubclass(related, models.Model):
                continue
            if rel.many_to_many:
                lookup = f"{rel.field.name}__in"
            else:
                lookup = f"{rel.field.name}__in"
            count = 0
            mine = owned.get(related._meta.label_lower, set())
            for start in range(0, len(pks), 500):
                qs = related._default_manager.filter(**{lookup: pks[start : start + 500]})
                if mine:
                    qs = qs.exclude(pk__in=mine)
                count += qs.distinct().count()
            if count:
                found.append(
                    "{n} {what} ({of})".format(
                        n=count,
                        what=related._meta.verbose_name_plural,
                        of=model._meta.verbose_name_plural,
                    )
                )
    return found


def undo_import(actor: Any, job: ImportJob, *, expected_version: int) -> ImportJob:
    """Remove what an import created, while nothing else depends on it."""
    _require_job(actor, job)
    if job.status != JobStatus.DONE:
        raise DomainError("NOT_UNDOABLE", "Chỉ hoàn tác được lượt nhập đã ghi dữ liệu.")
    blockers = dependents(job.created_objects)
    if blockers:
        raise DomainError(
            "HAS_DEPENDENTS",
            "Không thể hoàn tác: dữ liệu đã nhập đang được dùng bởi {what}. Hãy xóa hoặc sửa "
            "những bản ghi đó trước.".format(what="; ".join(blockers)),
        )
    with transaction.atomic():
        for label, pks in reversed(list(job.created_objects.items())):
            model = apps.get_model(label)
            for start in range(0, len(pks), 500):
                model._default_manager.filter(pk__in=pks[start : start + 500]).delete()
        job.status = JobStatus.UNDONE
        job.undone_at = timezone.now()
        save_versioned(job, expected_version, ["status", "undone_at"])
        record_event(
            actor=actor,
            action="interchange.undo_import",
            obj=job,
            unit_path=job.unit.path if job.unit else "",
            before={k: len(v) for k, v in job.created_objects.items()},
            after=None,
        )
    return job


# --------------------------------------------------------------------------------- reads


def visible_jobs(user: Any) -> models.QuerySet[ImportJob]:
    scope = scope_for(user, Permission.IMPORT_DATA)
    qs = ImportJob.objects.select_related("created_by", "unit")
    if scope.everything:
        return qs
    if not scope.paths:
        return qs.filter(created_by_id=getattr(user, "pk", None) or 0)
    return qs.filter(scope.q("unit__path") | models.Q(created_by_id=user.pk))


def get_job(user: Any, pk: int) -> ImportJob:
    job = visible_jobs(user).filter(pk=pk).first()
    if job is None:
        raise NotFound()
    return job


KIND_CHOICES = ImportKind.choices
