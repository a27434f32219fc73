"""Every import-centre command refused for the wrong persona, with nothing changed."""

from __future__ import annotations

import pytest

from thidua.core.errors import NotFound, PermissionDenied
from thidua.core.models import Event
from thidua.interchange import services
from thidua.interchange.choices import JobStatus
from thidua.interchange.models import ImportJob
from thidua.interchange.tests.builders import checked_job
from thidua.interchange.tests.sheets import Upload, xlsx
from thidua.org.models import Person

pytestmark = pytest.mark.django_db

WRONG = ("unit_a_viewer", "council_member", "outsider", "unit_b_clerk", "cluster_leader", "signer")


def _state():
    return (
        list(ImportJob.objects.values_list("pk", "status", "version", "dry_run")),
        Person.objects.count(),
        Event.objects.count(),
    )


def _done_job(world):
    job = checked_job(world)
    if job.status == JobStatus.CHECKED:
        job = services.commit_job(world.users["unit_a_clerk"], job, expected_version=job.version)
    return job


COMMANDS = {
    "start_import": lambda w, u: services.start_import(
        u, kind="people", upload=Upload(xlsx([["Họ và tên"]]))
    ),
    "commit_job": lambda w, u: services.commit_job(
        u, checked_job(w), expected_version=checked_job(w).version
    ),
    "retry_job": lambda w, u: services.retry_job(
        u, checked_job(w), expected_version=checked_job(w).version
    ),
    "undo_import": lambda w, u: services.undo_import(
        u, _done_job(w), expected_version=_done_job(w).version
    ),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("persona", WRONG)
def test_command_refused_for_the_wrong_persona_changes_nothing(world, command, persona):
    if command == "start_import" and persona == "unit_b_clerk":
        pytest.skip("B's clerk may upload sheets for commune B")
    if command == "undo_import":
        _done_job(world)
    else:
        checked_job(world)
    before = _state()
    with pytest.raises((PermissionDenied, NotFound)):
        COMMANDS[command](world, world.users[persona])
    assert _state() == before


def test_every_service_command_is_covered():
    public = {
        name
        for name in ("start_import", "commit_job", "retry_job", "undo_import")
        if callable(getattr(services, name))
    }
    assert public == set(COMMANDS)
    assert JobStatus.CHECKED  # the matrix's job is a clean dry run
