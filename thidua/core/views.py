from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from thidua.core.models import Event


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    from thidua.org.queries import root_units

    return render(request, "core/home.html", {"roots": root_units(request.user)})


def audit_events(request: HttpRequest, scope_q: object, limit: int = 200) -> list[Event]:
    return list(Event.objects.filter(scope_q).select_related("actor").order_by("-id")[:limit])


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied
