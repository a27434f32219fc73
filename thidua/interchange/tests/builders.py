"""One import job per test world (a clean dry run of commune A's clerk), for the matrices."""

from __future__ import annotations

from typing import Any

from thidua.interchange import services
from thidua.interchange.models import ImportJob
from thidua.interchange.tests.sheets import Upload, xlsx

HEAD = ["Họ và tên", "Giới tính", "Mã đơn vị"]


def checked_job(world: Any) -> ImportJob:
    cached = getattr(world, "_interchange_job", None)
    if cached is not None:
        return cached
    job = services.start_import(
        world.users["unit_a_clerk"],
        kind="people",
        upload=Upload(xlsx([HEAD, ["Đinh Thị Lan", "Nữ", "T.H.A"]])),
    )
    job = services.enqueue(job)
    world._interchange_job = job
    return job
