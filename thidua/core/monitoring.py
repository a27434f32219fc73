"""Monitoring: the health report behind /healthz and the Prometheus metrics behind /metrics.

Metrics count requests by view name, method and status and time them in a histogram; the
queue gauges are read from the task table when Prometheus scrapes. With several gunicorn
workers set PROMETHEUS_MULTIPROC_DIR (an empty folder, wiped at each start) so every worker's
counts are summed; /metrics then collects from that folder.
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector

REQUESTS = Counter(
    "thidua_http_requests",
    "HTTP requests answered, by view name, method and status.",
    ["view", "method", "status"],
)
LATENCY = Histogram(
    "thidua_http_request_duration_seconds",
    "Time to answer a request, by view name.",
    ["view"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


@dataclass(frozen=True)
class QueueHealth:
    ready: int
    running: int
    failed: int
    oldest_ready_seconds: float | None


def queue_health() -> QueueHealth:
    """Counts of the background task queue and the age of the oldest waiting task."""
    from django_tasks_db.models import DBTaskResult

    counts = {
        row["status"]: row["n"]
        for row in DBTaskResult.objects.order_by().values("status").annotate(n=Count("id"))
    }
    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values("enqueued_at").first()
    age = (timezone.now() - oldest["enqueued_at"]).total_seconds() if oldest else None
    return QueueHealth(
        ready=counts.get("READY", 0),
        running=counts.get("RUNNING", 0),
        failed=counts.get("FAILED", 0),
        oldest_ready_seconds=round(age, 1) if age is not None else None,
    )


def healthz(request: HttpRequest) -> JsonResponse:
    """Database reachability (503 when it is not) and the worker queue: a task waiting longer
    than THIDUA_QUEUE_STALE_SECONDS means no worker is taking tasks ("degraded", still 200:
    pages work, background imports wait)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        queue = queue_health()
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    stalled = (
        queue.oldest_ready_seconds is not None
        and queue.oldest_ready_seconds > settings.QUEUE_STALE_SECONDS
    )
    return JsonResponse(
        {
            "status": "degraded" if stalled else "ok",
            "database": "ok",
            "queue": {**asdict(queue), "stalled": stalled},
        }
    )


class QueueCollector(Collector):
    """Queue gauges, read from the database at scrape time."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            queue = queue_health()
        except Exception:  # noqa: BLE001 - a scrape must not fail over the database
            return
        tasks = GaugeMetricFamily(
            "thidua_tasks", "Background tasks in the queue, by status.", labels=["status"]
        )
        tasks.add_metric(["ready"], queue.ready)
        tasks.add_metric(["running"], queue.running)
        tasks.add_metric(["failed"], queue.failed)
        yield tasks
        yield GaugeMetricFamily(
            "thidua_tasks_oldest_ready_seconds",
            "Age of the oldest task waiting for a worker (0 when none waits).",
            value=queue.oldest_ready_seconds or 0,
        )


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Default())
    registry.register(QueueCollector())
    return registry


class _Default(Collector):
    """This process's own metrics (requests, latency, process and Python figures)."""

    def collect(self) -> Iterator[Any]:
        yield from REGISTRY.collect()


def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics, for a scraper holding THIDUA_METRICS_TOKEN as a bearer token.
    Absent (404) when no token is configured; 401 for a missing or wrong token."""
    token = settings.METRICS_TOKEN
    if not token:
        raise Http404
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        response = HttpResponse("Unauthorized", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)


class MetricsMiddleware:
    """Counts and times every request (first in MIDDLEWARE, so the time covers the rest)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = match.view_name if match is not None else "unresolved"
        LATENCY.labels(view).observe(time.perf_counter() - start)
        REQUESTS.labels(view, request.method or "", str(response.status_code)).inc()
        return response
