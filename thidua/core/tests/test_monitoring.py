"""/healthz (database and worker queue), /metrics (Prometheus, bearer token) and recovery after
the database drops the app's connection."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

pytestmark = pytest.mark.django_db


def _queued(age: timedelta, status: str = "READY") -> DBTaskResult:
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="thidua.interchange.tasks.run_import_task",
        backend_name="default",
        run_after=get_date_max(),
        status=status,
    )
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=timezone.now() - age)
    return row


def test_health_reports_the_queue_and_a_stalled_worker(client, settings):
    settings.QUEUE_STALE_SECONDS = 600
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["queue"] == {
        "ready": 0,
        "running": 0,
        "failed": 0,
        "oldest_ready_seconds": None,
        "stalled": False,
    }
    _queued(timedelta(minutes=1))
    _queued(timedelta(minutes=1), status="FAILED")
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["queue"]["ready"] == 1
    assert body["queue"]["failed"] == 1
    assert 50 < body["queue"]["oldest_ready_seconds"] < 600
    # when a task has waited longer than the limit, no worker is taking tasks
    _queued(timedelta(minutes=30))
    response = client.get("/healthz")
    assert response.status_code == 200  # pages still work; background work waits
    assert response.json()["status"] == "degraded"
    assert response.json()["queue"]["stalled"] is True


def test_health_is_503_when_the_database_is_unreachable(client):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


def test_metrics_are_absent_without_a_token(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404


def test_metrics_need_the_bearer_token(client, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 401
    assert b"thidua_http" not in wrong.content


def test_metrics_count_requests_by_view_and_report_the_queue(client, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    _queued(timedelta(minutes=5))
    client.get("/healthz")
    client.get("/no-such-page/")
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert 'thidua_http_requests_total{method="GET",status="200",view="healthz"}' in text
    assert 'thidua_http_requests_total{method="GET",status="404",view="unresolved"}' in text
    assert 'thidua_http_request_duration_seconds_bucket{le="0.025",view="healthz"}' in text
    assert 'thidua_tasks{status="ready"} 1.0' in text
    oldest = next(
        line for line in text.splitlines() if line.startswith("thidua_tasks_oldest_ready_seconds ")
    )
    assert float(oldest.split()[1]) >= 299


def test_metrics_are_open_to_a_verified_scraper_without_two_factor(client, settings, world):
    # an administrator's session without TOTP is sent to two-factor everywhere but here
    settings.METRICS_TOKEN = "s3cret-token"
    client.force_login(world.users["admin"])
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200


def _wsgi_get(path: str) -> tuple[str, bytes]:
    """A request through the real WSGI handler (the test client skips the request_started
    connection checks that production relies on)."""
    from wsgiref.util import setup_testing_defaults

    from django.core.handlers.wsgi import WSGIHandler

    environ: dict[str, object] = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    status: list[str] = []
    body = b"".join(WSGIHandler()(environ, lambda s, h, *a: status.append(s)))
    return status[0], body


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_terminate_backend")
@pytest.mark.django_db(transaction=True)
def test_the_next_request_succeeds_after_the_server_killed_the_connection():
    """What a PostgreSQL restart does to the app: every open connection is cut. Health checks
    on persistent connections (CONN_HEALTH_CHECKS) open a new one for the next request."""
    import psycopg

    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    saved_max_age = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 600  # persistent, as in production
    try:
        connection.close()
        status, _ = _wsgi_get("/healthz")
        assert status.startswith("200")
        old_pid = connection.connection.info.backend_pid
        # the server kills the app's connection (from another session)
        db = connection.settings_dict
        with psycopg.connect(
            host=db["HOST"] or "127.0.0.1",
            port=db["PORT"] or 5432,
            user=db["USER"] or "postgres",
            password=db["PASSWORD"] or None,
            dbname=db["NAME"],
            autocommit=True,
        ) as admin:
            killed = admin.execute("SELECT pg_terminate_backend(%s)", [old_pid]).fetchone()
        assert killed == (True,)
        # the next request gets a fresh connection and succeeds
        status, body = _wsgi_get("/healthz")
        assert status.startswith("200"), body
        assert b'"database": "ok"' in body
        assert connection.connection.info.backend_pid != old_pid
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = saved_max_age
        connection.close()
