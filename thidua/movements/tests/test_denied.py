"""Every movement command refuses who may not run it, and a refusal changes nothing.

One matrix of (command, persona who must be refused). A public command of
`thidua.movements.services` (a function whose first parameter is `actor`) without a row here
fails `test_every_command_has_a_denied_case`, so a new command cannot slip in untested.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone

from thidua.core.errors import NotFound, PermissionDenied
from thidua.core.models import Event
from thidua.movements import services
from thidua.movements.domain.registration import SheetRow
from thidua.movements.models import (
    Milestone,
    Movement,
    MovementItem,
    Notification,
    Participant,
    PersonRegistration,
    PlannedAward,
    Pledge,
    PledgeSignature,
    QuotaRule,
    RegisteredIndicator,
    Registration,
    Target,
    TargetReport,
    Work,
    WorkPhoto,
)
from thidua.movements.tests.builders import PNG, Built, movement_data

pytestmark = pytest.mark.django_db

# Who is refused. The movement is organised by the province; the registration, work and
# target report belong to commune A; the notification belongs to B's clerk.
NOT_A = ("outsider", "unit_b_clerk", "unit_a_viewer", "council_member")
NOT_MANAGER = (*NOT_A, "unit_a_clerk")
NOT_OWNER = ("outsider", "unit_a_clerk", "unit_a_viewer", "council_member")

MODELS: tuple[type[models.Model], ...] = (
    Movement,
    MovementItem,
    Milestone,
    PlannedAward,
    Participant,
    Target,
    TargetReport,
    QuotaRule,
    Registration,
    RegisteredIndicator,
    PersonRegistration,
    Work,
    WorkPhoto,
    Pledge,
    PledgeSignature,
    Notification,
)
VERSIONED: tuple[type[models.Model], ...] = (Movement, Target, Registration, Work, Pledge)


def state() -> tuple[object, ...]:
    """A fingerprint of everything the movement commands can write."""
    return (
        {m.__name__: m.objects.count() for m in MODELS},
        {
            m.__name__: list(m.objects.order_by("pk").values_list("pk", "version"))
            for m in VERSIONED
        },
        list(Movement.objects.order_by("pk").values_list("pk", "state", "name", "scope_kind")),
        list(Work.objects.order_by("pk").values_list("pk", "status")),
        list(Notification.objects.order_by("pk").values_list("pk", "read_at")),
        Event.objects.count(),
    )


Run = Callable[[Any, Any, Built], object]
Subject = Callable[[Any, Built], models.Model]


@dataclass(frozen=True)
class Denied:
    command: Callable[..., object]
    refused: tuple[str, ...]
    run: Run
    subject: Subject  # the object the command would change: its version must not move


def _quota(b: Built) -> QuotaRule:
    return QuotaRule.objects.get(movement=b.movement)


def _png() -> SimpleUploadedFile:
    return SimpleUploadedFile("a.png", PNG, content_type="image/png")


def _movement(w: Any, b: Built) -> Movement:
    return b.movement


def _transition(command: Callable[..., object]) -> Denied:
    return Denied(
        command,
        NOT_MANAGER,
        lambda actor, w, b: command(actor, b.movement, expected_version=b.movement.version),
        _movement,
    )


CASES: dict[str, Denied] = {
    "create_movement": Denied(
        services.create_movement,
        NOT_MANAGER,
        lambda actor, w, b: services.create_movement(actor, movement_data(w, name="Mới")),
        _movement,
    ),
    "create_movement_in_unit_a": Denied(
        services.create_movement,
        NOT_MANAGER,
        lambda actor, w, b: services.create_movement(
            actor, movement_data(w, organiser=w.unit_a, launch_level="commune")
        ),
        _movement,
    ),
    "update_movement": Denied(
        services.update_movement,
        NOT_MANAGER,
        lambda actor, w, b: services.update_movement(
            actor,
            b.movement,
            movement_data(w, name="Tên đã sửa"),
            expected_version=b.movement.version,
        ),
        _movement,
    ),
    "launch_movement": _transition(services.launch_movement),
    "start_movement": _transition(services.start_movement),
    "open_interim_review": _transition(services.open_interim_review),
    "resume_movement": _transition(services.resume_movement),
    "open_final_review": _transition(services.open_final_review),
    "close_movement": _transition(services.close_movement),
    "advance_movement": Denied(
        services.advance_movement,
        NOT_MANAGER,
        lambda actor, w, b: services.advance_movement(
            actor, b.movement, "interim_review", expected_version=b.movement.version
        ),
        _movement,
    ),
    "advance_movement_to_an_unknown_state": Denied(
        services.advance_movement,
        NOT_MANAGER,
        lambda actor, w, b: services.advance_movement(
            actor, b.movement, "no_such_state", expected_version=b.movement.version
        ),
        _movement,
    ),
    "set_participants": Denied(
        services.set_participants,
        NOT_MANAGER,
        lambda actor, w, b: services.set_participants(
            actor,
            b.movement,
            scope_kind="subtree",
            levels=("commune",),
            expected_version=b.movement.version,
        ),
        _movement,
    ),
    "add_target": Denied(
        services.add_target,
        NOT_MANAGER,
        lambda actor, w, b: services.add_target(
            actor,
            b.movement,
            services.TargetData("Đường giao thông", "at_least", "sum", Decimal(5), None, "km"),
        ),
        _movement,
    ),
    "remove_target": Denied(
        services.remove_target,
        NOT_MANAGER,
        lambda actor, w, b: services.remove_target(actor, b.target),
        lambda w, b: b.target,
    ),
    "report_target_value": Denied(
        services.report_target_value,
        NOT_A,
        lambda actor, w, b: services.report_target_value(
            actor, b.target, unit=w.unit_a, value=Decimal(3), reported_on=timezone.localdate()
        ),
        lambda w, b: b.target,
    ),
    "report_target_value_for_the_organiser": Denied(
        services.report_target_value,
        NOT_MANAGER,
        lambda actor, w, b: services.report_target_value(
            actor, b.target, unit=w.province, value=Decimal(3), reported_on=timezone.localdate()
        ),
        lambda w, b: b.target,
    ),
    "add_quota_rule": Denied(
        services.add_quota_rule,
        NOT_MANAGER,
        lambda actor, w, b: services.add_quota_rule(
            actor, b.movement, min_count=2, unit_level="district"
        ),
        _movement,
    ),
    "remove_quota_rule": Denied(
        services.remove_quota_rule,
        NOT_MANAGER,
        lambda actor, w, b: services.remove_quota_rule(actor, _quota(b)),
        _movement,
    ),
    "register_unit": Denied(
        services.register_unit,
        NOT_A,
        lambda actor, w, b: services.register_unit(
            actor, b.movement, w.unit_a, people=[(w.person_a, "CSTDCS")]
        ),
        _movement,
    ),
    "update_registration": Denied(
        services.update_registration,
        NOT_A,
        lambda actor, w, b: services.update_registration(
            actor,
            b.registration,
            collective_title="",
            commitments="Cam kết mới",
            expected_version=b.registration.version,
        ),
        lambda w, b: b.registration,
    ),
    "import_people": Denied(
        services.import_people,
        NOT_A,
        lambda actor, w, b: services.import_people(
            actor,
            b.registration,
            [SheetRow(2, w.person_a.full_name, "", "CSTDCS")],
            dry_run=False,
        ),
        lambda w, b: b.registration,
    ),
    "add_work": Denied(
        services.add_work,
        NOT_A,
        lambda actor, w, b: services.add_work(
            actor, b.movement, w.unit_a, services.WorkData("Cầu dân sinh", "inauguration")
        ),
        _movement,
    ),
    "set_work_status": Denied(
        services.set_work_status,
        NOT_A,
        lambda actor, w, b: services.set_work_status(
            actor, b.work, status="completed", expected_version=b.work.version
        ),
        lambda w, b: b.work,
    ),
    "add_work_photo": Denied(
        services.add_work_photo,
        NOT_A,
        lambda actor, w, b: services.add_work_photo(actor, b.work, image=_png(), caption="Ảnh"),
        lambda w, b: b.work,
    ),
    "create_pledge": Denied(
        services.create_pledge,
        NOT_A,  # the organiser, or the clerk of the cluster's leader (commune A)
        lambda actor, w, b: services.create_pledge(
            actor, b.movement, b.cluster, title="Giao ước mới", criteria="Tiêu chí"
        ),
        _movement,
    ),
    "sign_pledge": Denied(
        services.sign_pledge,
        NOT_A,
        lambda actor, w, b: services.sign_pledge(
            actor, b.pledge, w.unit_a, signer_name="Nguyễn Văn An", signed_on=date(2024, 3, 6)
        ),
        lambda w, b: b.pledge,
    ),
    "mark_notification_read": Denied(
        services.mark_notification_read,
        NOT_OWNER,
        lambda actor, w, b: services.mark_notification_read(actor, b.notification),
        _movement,
    ),
}

MATRIX = [(name, persona) for name, case in CASES.items() for persona in case.refused]


@pytest.mark.parametrize(("command", "persona"), MATRIX, ids=[f"{c}-{p}" for c, p in MATRIX])
def test_a_refused_command_changes_nothing(
    world: Any, built: Built, command: str, persona: str
) -> None:
    # given
    case = CASES[command]
    subject = case.subject(world, built)
    version = type(subject).objects.get(pk=subject.pk).version  # type: ignore[attr-defined]
    before = state()
    # when
    with pytest.raises((PermissionDenied, NotFound)):
        case.run(world.users[persona], world, built)
    # then
    assert state() == before
    assert type(subject).objects.get(pk=subject.pk).version == version  # type: ignore[attr-defined]


def _commands() -> set[str]:
    """Public functions of movements.services whose first parameter is `actor`."""
    found = set()
    for name, fn in inspect.getmembers(services, inspect.isfunction):
        if name.startswith("_") or fn.__module__ != services.__name__:
            continue
        params = list(inspect.signature(fn).parameters)
        if params and params[0] == "actor":
            found.add(name)
    return found


def test_every_command_has_a_denied_case() -> None:
    covered = {case.command.__name__ for case in CASES.values()}
    missing = _commands() - covered
    assert not missing, f"commands without a denied-path case in CASES: {sorted(missing)}"
    assert len(_commands()) >= 20  # the inspection itself still finds the commands


def test_every_case_refuses_someone() -> None:
    assert all(case.refused for case in CASES.values())
