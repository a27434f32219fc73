"""The hash-chained event log: append-only, verifiable, tamper-evident."""

import subprocess
import sys

import pytest
from django.core.management import call_command

from thidua.core.events import record_event, verify_chain
from thidua.core.models import Event

pytestmark = pytest.mark.django_db


def _three_events(world):
    for i in range(3):
        record_event(
            actor=world.users["admin"],
            action=f"test.step{i}",
            obj=world.unit_a,
            before={"n": i},
            after={"n": i + 1, "name": "Xã An Phú"},
        )


def test_chain_of_untouched_events_verifies(world):
    _three_events(world)
    report = verify_chain()
    assert report.ok
    assert report.checked == 3


def test_editing_an_event_in_the_database_is_detected_at_that_event(world):
    # given
    _three_events(world)
    second = Event.objects.order_by("id")[1]
    # when someone edits the stored row behind the application's back
    Event.objects.filter(pk=second.pk).update(after={"n": 999})
    # then
    report = verify_chain()
    assert report.broken_at == second.pk
    assert report.checked == 1


def test_deleting_the_last_events_is_detected(world):
    _three_events(world)
    Event.objects.filter(pk=Event.objects.order_by("-id")[0].pk)._raw_delete(Event.objects.db)
    report = verify_chain()
    assert not report.ok
    assert report.broken_at == -1


def test_deleting_an_event_in_the_middle_is_detected(world):
    _three_events(world)
    middle = Event.objects.order_by("id")[1]
    Event.objects.filter(pk=middle.pk)._raw_delete(Event.objects.db)
    assert verify_chain().broken_at == Event.objects.order_by("id")[1].pk


def test_events_refuse_update_and_delete_through_the_model(world):
    _three_events(world)
    event = Event.objects.first()
    event.comment = "sửa"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()


def test_audit_verify_command_reports_tampering(world, capsys):
    _three_events(world)
    call_command("audit", "verify")
    assert "toàn vẹn" in capsys.readouterr().out
    Event.objects.filter(pk=Event.objects.first().pk).update(action="gia.mao")
    with pytest.raises(SystemExit) as exited:
        call_command("audit", "verify")
    assert exited.value.code == 1
    assert "bị can thiệp" in capsys.readouterr().err


def test_event_records_actor_unit_path_and_before_after(world):
    event = record_event(
        actor=world.users["unit_a_clerk"],
        action="org.test",
        obj=world.person_a,
        unit_path=world.unit_a.path,
        before={"x": 1},
        after={"x": 2},
    )
    assert event.actor_name == "clerk_a"
    assert event.object_type == "org.person"
    assert event.object_id == str(world.person_a.pk)
    assert (event.before, event.after) == ({"x": 1}, {"x": 2})


def _import_production_entry(**env: str) -> subprocess.CompletedProcess:
    """Import thidua.wsgi in a clean process with only these settings in the environment."""
    base = {
        "PATH": "/usr/bin:/bin",
        "THIDUA_DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
    }
    return subprocess.run(
        [sys.executable, "-c", "import thidua.wsgi"],
        env=base | env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key_and_hosts():
    # when the production entry point is imported with no secret and no hosts
    result = _import_production_entry()
    # then
    assert result.returncode != 0
    assert "THIDUA_SECRET_KEY is required" in result.stderr
    assert "THIDUA_ALLOWED_HOSTS is required" in result.stderr


def test_production_starts_with_secret_key_and_hosts():
    result = _import_production_entry(
        THIDUA_SECRET_KEY="x" * 50, THIDUA_ALLOWED_HOSTS="thidua.example"
    )
    assert result.returncode == 0, result.stderr


def test_health_endpoint_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
