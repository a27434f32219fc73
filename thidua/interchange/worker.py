"""A database backend for django-tasks, and the worker loop behind `thidua db_worker`.

django-tasks 0.12 ships only the immediate and dummy backends (its database backend became the
separate `django-tasks-db` package). Until that package is a dependency, this small backend
keeps the queue in `interchange.QueuedTask`: `task.enqueue()` writes a row, `thidua db_worker`
claims rows one at a time and runs them. Swap `TASKS["default"]["BACKEND"]` to change it.
"""

from __future__ import annotations

import logging
import socket
import time
import traceback
import uuid
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from thidua.interchange.choices import TaskStatus
from thidua.interchange.models import QueuedTask

logger = logging.getLogger(__name__)


def _result(backend: str, row: QueuedTask, task: Task[Any, Any]) -> TaskResult[Any]:
    return TaskResult(
        task=task,
        id=str(row.pk),
        status=TaskResultStatus(row.status),
        enqueued_at=row.enqueued_at,
        started_at=row.started_at,
        last_attempted_at=row.started_at,
        finished_at=row.finished_at,
        args=list(row.args),
        kwargs=dict(row.kwargs),
        backend=backend,
        errors=[],
        worker_ids=[row.worker_id] if row.worker_id else [],
    )


class DatabaseBackend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_get_result = True
    supports_priority = True

    def enqueue(self, task: Task[Any, Any], args: Any, kwargs: Any) -> TaskResult[Any]:
        self.validate_task(task)
        row = QueuedTask.objects.create(
            task_path=task.module_path,
            args=list(args),
            kwargs=dict(kwargs),
            queue_name=task.queue_name,
            priority=task.priority,
        )
        return _result(self.alias, row, task)

    def get_result(self, result_id: str) -> TaskResult[Any]:
        row = QueuedTask.objects.filter(pk=int(result_id) if result_id.isdigit() else 0).first()
        if row is None:
            raise TaskResultDoesNotExist(result_id)
        return _result(self.alias, row, import_string(row.task_path))


def claim_next(worker_id: str) -> QueuedTask | None:
    """Take the next ready task; a conditional UPDATE makes two workers never take the same."""
    while True:
        row = QueuedTask.objects.filter(status=TaskStatus.READY).order_by("-priority", "id").first()
        if row is None:
            return None
        taken = QueuedTask.objects.filter(pk=row.pk, status=TaskStatus.READY).update(
            status=TaskStatus.RUNNING, started_at=timezone.now(), worker_id=worker_id
        )
        if taken:
            row.refresh_from_db()
            return row


def run_one(row: QueuedTask) -> bool:
    """Run a claimed task; record success or the traceback. True when it succeeded."""
    try:
        task = import_string(row.task_path)
        task.call(*row.args, **row.kwargs)
    except Exception:  # noqa: BLE001 - a failing task is recorded, the worker goes on
        logger.exception("Task %s failed", row.pk)
        QueuedTask.objects.filter(pk=row.pk).update(
            status=TaskStatus.FAILED, finished_at=timezone.now(), error=traceback.format_exc()
        )
        return False
    QueuedTask.objects.filter(pk=row.pk).update(
        status=TaskStatus.SUCCESSFUL, finished_at=timezone.now()
    )
    return True


def requeue_abandoned(older_than_seconds: int = 3600) -> int:
    """Tasks left RUNNING by a killed worker go back to the queue (their work rolled back)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    with transaction.atomic():
        return QueuedTask.objects.filter(status=TaskStatus.RUNNING, started_at__lt=cutoff).update(
            status=TaskStatus.READY, worker_id=""
        )


def work(*, once: bool = False, interval: float = 1.0, max_tasks: int | None = None) -> int:
    """The worker loop: run ready tasks until none is left (`once`) or forever."""
    worker_id = f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"
    done = 0
    while max_tasks is None or done < max_tasks:
        row = claim_next(worker_id)
        if row is None:
            if once:
                break
            time.sleep(interval)
            continue
        run_one(row)
        done += 1
    return done
