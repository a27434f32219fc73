"""API of the interchange app: import jobs (upload, read, commit a checked dry run, undo)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from thidua.accounts.permissions import Permission
from thidua.core.errors import PermissionDenied
from thidua.interchange import services
from thidua.interchange.models import ImportJob
from thidua.org.access import has_permission

router = Router(tags=["interchange"])


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class JobOut(Schema):
    id: int
    kind: str
    status: str
    dry_run: bool
    file_name: str
    created_at: datetime
    total_rows: int
    created_count: int
    error_count: int
    version: int
    problems: list[str]
    errors: list[RowErrorOut]


class VersionIn(Schema):
    version: int = Field(..., ge=0, le=2**31 - 1)


def _require(request: HttpRequest) -> None:
    if not has_permission(request.user, Permission.IMPORT_DATA):
        raise PermissionDenied("Bạn không có quyền nhập dữ liệu.")


def _job(request: HttpRequest, job_id: int) -> ImportJob:
    _require(request)
    return services.get_job(request.user, job_id)


@router.get("/jobs", response=list[JobOut])
def list_jobs(request: HttpRequest) -> list[ImportJob]:
    _require(request)
    return list(services.visible_jobs(request.user)[:100])


@router.post("/jobs", response={201: JobOut})
def start_job(
    request: HttpRequest,
    kind: Form[str],
    file: File[UploadedFile],
    dry_run: Form[bool] = True,
) -> Status:
    """Upload a sheet (multipart: `kind`, `file`, `dry_run`). A dry run by default: the job
    comes back with every bad row; commit it with `/jobs/{id}/commit`. Large files go to the
    worker: poll `/jobs/{id}` until its status is final."""
    _require(request)
    job = services.start_import(request.user, kind=kind, upload=file, dry_run=dry_run)
    return Status(201, services.enqueue(job))


@router.get("/jobs/{job_id}", response=JobOut)
def get_job(request: HttpRequest, job_id: int) -> ImportJob:
    return _job(request, job_id)


@router.post("/jobs/{job_id}/commit", response=JobOut)
def commit_job(request: HttpRequest, job_id: int, body: VersionIn) -> ImportJob:
    """Import a sheet whose dry run found no errors (large files go to the worker)."""
    return services.commit_job(request.user, _job(request, job_id), expected_version=body.version)


@router.post("/jobs/{job_id}/undo", response=JobOut)
def undo_job(request: HttpRequest, job_id: int, body: VersionIn) -> ImportJob:
    """Remove what an import created, while nothing depends on it."""
    return services.undo_import(request.user, _job(request, job_id), expected_version=body.version)
