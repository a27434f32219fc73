"""Background tasks of the import centre (run by `thidua db_worker`)."""

from __future__ import annotations

from django_tasks import task

from thidua.interchange.services import run_job


@task()
def run_import_task(job_id: int) -> None:
    """Check or import one uploaded sheet; progress and the row report go on its ImportJob."""
    run_job(job_id)
