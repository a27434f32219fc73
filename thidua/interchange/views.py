"""Pages of the import centre and the export downloads (thin: services do the work)."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Permission
from thidua.core.errors import DomainError, NotFound
from thidua.core.errors import PermissionDenied as RefusedPermission
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.interchange import services
from thidua.interchange.exporting import (
    EXPORTS,
    csv_chunks,
    import_template,
    may_export,
    write_xlsx,
)
from thidua.interchange.forms import UploadForm, VersionForm
from thidua.interchange.importers import KINDS
from thidua.org.access import has_permission


def _require_import(request: HttpRequest) -> None:
    if not has_permission(request.user, Permission.IMPORT_DATA):
        raise DjangoPermissionDenied


@login_required
def centre(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            job = services.start_import(
                request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
            )
            services.enqueue(job)
            return redirect("interchange:job", job.pk)
    context = {
        "form": form,
        "kinds": KINDS.values(),
        "jobs": services.visible_jobs(request.user)[:50],
        "exports": EXPORTS.values(),
    }
    return render_page(request, "interchange/centre.html", context)


@login_required
def template(request: HttpRequest, kind: str) -> HttpResponse:
    _require_import(request)
    found = KINDS.get(kind)
    if found is None:
        raise Http404
    response = HttpResponse(
        import_template(found),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{kind}.xlsx"'
    return response


def _job(request: HttpRequest, pk: int) -> services.ImportJob:
    _require_import(request)
    try:
        return services.get_job(request.user, pk)
    except NotFound:
        raise Http404 from None


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    found = _job(request, pk)
    context = {
        "job": found,
        "kind": KINDS[found.kind],
        "progress": services.read_progress(found) if found.is_active else {},
        "stale": services.is_stale(found),
    }
    return render_page(
        request, "interchange/job.html", context, "interchange/partials/job_status.html"
    )


def _act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = _job(request, pk)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page was out of date; reload it and try again."))
        return redirect("interchange:job", found.pk)
    version = form.cleaned_data["version"]
    try:
        if action == "commit":
            services.commit_job(request.user, found, expected_version=version)
        elif action == "retry":
            services.retry_job(request.user, found, expected_version=version)
        else:
            services.undo_import(request.user, found, expected_version=version)
    except RefusedPermission as exc:
        raise DjangoPermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("interchange:job", found.pk)


@login_required
@require_POST
def commit(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "commit")


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "retry")


@login_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "undo")


@login_required
def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """Any list as .xlsx or .csv: `?kind=people&format=csv&q=...` with the page's filters."""
    kind = EXPORTS.get(request.GET.get("kind", ""))
    if kind is None:
        raise Http404
    if not may_export(request.user):
        raise DjangoPermissionDenied
    fmt = request.GET.get("format", "xlsx")
    params = {k: str(v) for k, v in request.GET.items() if k not in {"kind", "format"}}
    stamp = timezone.localdate().strftime("%Y%m%d")
    rows = kind.rows(request.user, params)
    if fmt == "csv":
        response: HttpResponse | StreamingHttpResponse = StreamingHttpResponse(
            csv_chunks(kind, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{kind.key}-{stamp}.csv"'
        return response
    buffer = io.BytesIO()
    write_xlsx(kind, rows, buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{kind.key}-{stamp}.xlsx"'
    return response
