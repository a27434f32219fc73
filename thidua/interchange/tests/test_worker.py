"""The worker around django-tasks-db: recovery of tasks a killed worker left RUNNING, and the
`thidua db_worker --once` command."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from thidua.interchange import worker
from thidua.interchange.models import ImportJob

pytestmark = pytest.mark.django_db


def _task(path: str, args: list, *, status: str = "RUNNING", started: timedelta) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": args, "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=get_date_max(),
        status=status,
        started_at=timezone.now() - started,
    )


def _job(status: str) -> ImportJob:
    return ImportJob.objects.create(
        kind="people", file_name="a.xlsx", stored_name="x" * 32, status=status
    )


def test_recovery_fails_only_tasks_whose_worker_is_gone(db):
    running_job = _job("running")  # fresh progress: its worker is alive
    lost_for_done_job = _task(worker.IMPORT_TASK_PATH, [_job("done").pk], started=timedelta(0))
    alive = _task(worker.IMPORT_TASK_PATH, [running_job.pk], started=timedelta(0))
    ImportJob.objects.filter(pk=running_job.pk).update(started_at=timezone.now())
    old_other = _task("thidua.x.tasks.other", [], started=timedelta(hours=2))
    young_other = _task("thidua.x.tasks.other", [], started=timedelta(minutes=5))

    assert worker.recover_interrupted() == 2

    states = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert states[lost_for_done_job.pk] == "FAILED"
    assert states[old_other.pk] == "FAILED"
    assert states[alive.pk] == "RUNNING"
    assert states[young_other.pk] == "RUNNING"
    assert DBTaskResult.objects.get(pk=old_other.pk).exception_class_path.endswith("WorkerLost")


@pytest.mark.django_db(transaction=True)  # the package's worker closes connections between tasks
def test_db_worker_once_recovers_then_runs_the_queue_and_stops(capsys, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _task(worker.IMPORT_TASK_PATH, [_job("done").pk], started=timedelta(0))
    call_command("db_worker", "--once", "--no-reload", "--no-startup-delay", "--interval", "0")
    assert "1 tác vụ bị dừng giữa chừng" in capsys.readouterr().out
    assert not DBTaskResult.objects.running().exists()
    assert worker.queue_health().failed == 1
