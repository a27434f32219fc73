"""The background worker around django-tasks-db: queue health, recovery after a killed worker,
and an in-process run of the queue (tests, `thidua db_worker --once`).

The queue itself is the `django_tasks_db.DBTaskResult` table (`TASKS["default"]` is
`django_tasks_db.DatabaseBackend`); `thidua db_worker` is the package's worker, preceded by
`recover_interrupted()`. A worker killed half-way through an import leaves its task RUNNING and
its `ImportJob` RUNNING; the import's transaction was never committed, so nothing of it is in
the database. Once the job is stale (no progress for `services.STALE_AFTER`) the page offers
"run again" (`services.retry_job`), and the next worker start marks the orphaned task FAILED.
"""

from __future__ import annotations

import socket
import uuid
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as package_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from thidua.core.monitoring import QueueHealth, queue_health
from thidua.interchange.models import ImportJob

# The task whose rows carry an ImportJob id (kept as a string: importing tasks here would
# import services, which imports this module's users).
IMPORT_TASK_PATH = "thidua.interchange.tasks.run_import_task"
# Any other task RUNNING this long is taken as abandoned by a killed worker.
ABANDONED_AFTER = timedelta(hours=1)


__all__ = ["QueueHealth", "WorkerLost", "queue_health", "recover_interrupted", "run_pending"]


class WorkerLost(Exception):  # noqa: N818 - the name says what happened
    """Recorded on a task whose worker process died while running it."""


def _abandoned(row: DBTaskResult) -> bool:
    from thidua.interchange import services

    if row.task_path == IMPORT_TASK_PATH:
        args = row.args_kwargs.get("args") or list(row.args_kwargs.get("kwargs", {}).values())
        job = ImportJob.objects.filter(pk=args[0] if args else 0).first()
        return job is None or not job.is_active or services.is_stale(job)
    return row.started_at is None or row.started_at < timezone.now() - ABANDONED_AFTER


def recover_interrupted() -> int:
    """Mark FAILED the tasks left RUNNING by a worker that died (their import job is stale or
    finished, or they are older than ABANDONED_AFTER). Their work was rolled back with the
    killed process's transaction; the job itself is retried by the user (`retry_job`)."""
    lost = [row for row in DBTaskResult.objects.running() if _abandoned(row)]
    for row in lost:
        row.set_failed(WorkerLost("Tiến trình xử lý nền đã dừng khi đang chạy tác vụ này."))
    return len(lost)


def run_pending(*, max_tasks: int | None = None) -> int:
    """Run the waiting tasks in this process until the queue is empty; how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:8]}",
        excluded_queue_names=[],
    )
    if not connection.in_atomic_block:
        worker.run()
        return worker._run_tasks
    # Inside a caller's transaction (tests): the package's worker closes "old" connections
    # between tasks, which would close this one, transaction and all. Keep it open.
    saved = package_worker.close_old_connections
    package_worker.close_old_connections = lambda **kwargs: None
    try:
        worker.run()
    finally:
        package_worker.close_old_connections = saved
    return worker._run_tasks
