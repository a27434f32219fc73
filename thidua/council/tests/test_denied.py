"""Every council command refuses who may not run it, and a refusal changes nothing.

A public command of `thidua.council.services` (first parameter `actor`) without a row here
fails `test_every_command_has_a_denied_case`.
"""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal

import pytest

from thidua.core.errors import NotFound, PermissionDenied
from thidua.core.models import Event
from thidua.council import services
from thidua.council.models import (
    AgendaItem,
    Ballot,
    Council,
    CouncilMember,
    Elector,
    Recusal,
    Session,
    VoteReceipt,
    VotingRule,
)
from thidua.council.tests.builders import build, window
from thidua.council.tests.helpers import an_elector, opened

pytestmark = pytest.mark.django_db

MODELS = (
    Council,
    CouncilMember,
    VotingRule,
    Session,
    AgendaItem,
    Elector,
    Recusal,
    VoteReceipt,
    Ballot,
    Event,
)


def state():
    return [
        sorted(str(v) for v in model.objects.values_list("pk", flat=True)) for model in MODELS
    ] + [list(Session.objects.values_list("status", "version"))]


def _rule():
    return services.RuleData("all", Decimal("10"), "gte", 1, 3, False, "x", True)


COMMANDS = {
    "create_council": (
        "council_member",
        lambda w, a: services.create_council(a, w.province, "Hội đồng khác"),
    ),
    "add_member": (
        "signer",
        lambda w, a: services.add_member(
            a, build(w).council, services.MemberData("X", "", "member", date(2025, 1, 1))
        ),
    ),
    "end_member": (
        "council_member",
        lambda w, a: services.end_member(a, build(w).members[1], date(2025, 1, 1)),
    ),
    "change_voting_rule": (
        "province_officer",
        lambda w, a: services.change_voting_rule(
            a, VotingRule.objects.first(), _rule(), "lý do", 1
        ),
    ),
    "create_session": (
        "unit_a_clerk",
        lambda w, a: services.create_session(
            a, build(w).council, services.SessionData("P", date(2025, 12, 1), "H", *window())
        ),
    ),
    "add_agenda_item": (
        "council_member",
        lambda w, a: services.add_agenda_item(a, build(w).session, build(w).nominee_bk),
    ),
    "remove_agenda_item": (
        "signer",
        lambda w, a: services.remove_agenda_item(a, build(w).cstd),
    ),
    "open_session": (
        "council_member",
        lambda w, a: services.open_session(
            a, build(w).session, [m.pk for m in build(w).members], build(w).session.version
        ),
    ),
    "record_attendance": (
        "council_member",
        lambda w, a: services.record_attendance(a, an_elector(w), False),
    ),
    "record_recusal": (
        "council_member",
        lambda w, a: services.record_recusal(a, opened(w).items.first(), an_elector(w), "x"),
    ),
    "cast_ballots": (
        "admin",
        lambda w, a: services.cast_ballots(a, opened(w), {build(w).cstd.pk: "yes"}),
    ),
    "record_written_ballot": (
        "council_member",
        lambda w, a: services.record_written_ballot(
            a, opened(w).items.first(), Elector.objects.filter(present=False).first(), "yes"
        ),
    ),
    "close_session": (
        "signer",
        lambda w, a: services.close_session(a, opened(w), opened(w).version),
    ),
}


def test_every_command_has_a_denied_case():
    commands = {
        name
        for name, fn in inspect.getmembers(services, inspect.isfunction)
        if fn.__module__ == services.__name__
        and not name.startswith("_")
        and next(iter(inspect.signature(fn).parameters), None) == "actor"
    }
    assert commands == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_denied_and_nothing_changed(world, name):
    persona, run = COMMANDS[name]
    # prepare the state the command needs (building writes events too) before measuring
    build(world)
    if name in {
        "record_attendance",
        "record_recusal",
        "cast_ballots",
        "close_session",
        "record_written_ballot",
    }:
        opened(world)
        Elector.objects.filter(pk=an_elector(world).pk).update(present=False)
    before = state()
    with pytest.raises((PermissionDenied, NotFound)):
        run(world, world.users[persona])
    assert state() == before


def test_a_voter_outside_the_electorate_is_refused(world):
    session = opened(world)
    before = state()
    with pytest.raises(PermissionDenied) as err:
        services.cast_ballots(
            world.users["council_secretary"], session, {build(world).cstd.pk: "yes"}
        )
    assert "không thuộc danh sách" in err.value.message or err.value.code == "PERMISSION_DENIED"
    assert state() == before
