"""API of the interchange app: import jobs (read, commit a checked dry run, undo)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

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
