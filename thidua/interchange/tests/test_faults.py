"""Faults: the real worker process killed half-way through an import (PostgreSQL pass only).

The worker runs as a subprocess (`thidua db_worker`) against the test database, so the test
uses a transactional database: the worker must see what the test committed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from thidua.interchange import services, worker
from thidua.interchange.choices import JobStatus
from thidua.interchange.models import ImportJob
from thidua.interchange.sample import write_people_sheet
from thidua.interchange.tests.sheets import Upload
from thidua.org.models import Person

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the real worker process needs PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

# Enough for the write pass to report progress (every services.PROGRESS_EVERY rows) before
# it ends; the kill comes at that first report.
ROWS = 700
BASE_DIR = Path(django_settings.BASE_DIR)


def _worker_env(media_root: Path) -> dict[str, str]:
    db = connection.settings_dict
    url = "postgresql://{user}:{password}@{host}:{port}/{name}".format(
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or "",
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        name=db["NAME"],
    )
    env = dict(os.environ)
    env.update(
        THIDUA_DATABASE_URL=url,
        THIDUA_MEDIA_ROOT=str(media_root),
        THIDUA_DEBUG="1",
        DJANGO_SETTINGS_MODULE="thidua.settings",
    )
    env.pop("THIDUA_TEST_DATABASE_URL", None)
    return env


def _start_worker(media_root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "thidua.manage", "db_worker", "--no-reload"]
        + ["--no-startup-delay", "--interval", "0.1"],
        cwd=BASE_DIR,
        env=_worker_env(media_root),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _writing_backend(job: ImportJob) -> bool:
    """True when the worker is in the write pass and its open transaction holds written rows."""
    progress = services.read_progress(job)
    if progress.get("phase") != "write":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
        )
        return bool(cursor.fetchone()[0])


def _wait_for_backends_gone(timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
            )
            if not cursor.fetchone()[0]:
                return
        time.sleep(0.1)
    raise AssertionError("the killed worker's transaction is still open")


def test_killing_the_worker_mid_import_writes_nothing_and_the_job_can_be_retried(
    world, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    officer = world.users["province_officer"]
    sheet = tmp_path / "nhan-su.xlsx"
    write_people_sheet(sheet, ROWS, ["T.H.A", "T.H.A.1"], broken=0)
    with sheet.open("rb") as handle:
        job = services.start_import(officer, kind="people", upload=Upload(handle.read()))
    job = services.enqueue(job, inline=True)
    assert job.status == JobStatus.CHECKED, job.problems or job.errors[:3]
    before = Person.objects.count()

    # given the import is handed to a real worker process
    job = services.commit_job(officer, job, expected_version=job.version, inline=False)
    assert job.status == JobStatus.QUEUED
    proc = _start_worker(Path(settings.MEDIA_ROOT))
    try:
        # when the worker is killed while its write transaction holds rows
        deadline = time.monotonic() + 300
        while not _writing_backend(job):
            job.refresh_from_db()
            assert job.status in {JobStatus.QUEUED, JobStatus.RUNNING}, (
                "the import ended before the worker could be killed; raise ROWS"
            )
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the worker never reached the write pass"
            time.sleep(0.02)
        written = services.read_progress(job)["processed"]
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    _wait_for_backends_gone()

    # then nothing of the import is in the database
    assert written > 0  # the write pass had reported progress
    assert Person.objects.count() == before
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    assert job.created_count == 0
    assert DBTaskResult.objects.running().count() == 1
    # and right after the kill the job is not yet taken as abandoned (a worker may be slow)
    assert not services.is_stale(job)

    # when no progress came for longer than the stale limit
    with time_machine.travel(timezone.now() + services.STALE_AFTER + timedelta(minutes=1)):
        # then the job shows as interrupted and retryable, and the next worker start marks
        # the orphaned task FAILED
        assert services.is_stale(job)
        assert worker.recover_interrupted() == 1
        lost = DBTaskResult.objects.get()
        assert lost.status == "FAILED"
        assert lost.exception_class_path.endswith("worker.WorkerLost")
        # when the officer runs it again
        job = services.retry_job(officer, job, expected_version=job.version, inline=True)

    # then it completes, with every row exactly once
    assert job.status == JobStatus.DONE, job.problems or job.errors[:3]
    assert job.attempts == 3  # the dry run, the killed import, the retry
    assert Person.objects.count() == before + ROWS
    assert json.dumps(job.created_objects)  # what the import created is recorded for undo
