"""Every decision command refuses who may not run it, and a refusal changes nothing.

A public command of `thidua.decisions.services` (a function whose first parameter is
`actor`) without a row here fails `test_every_command_has_a_denied_case`."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from thidua.awards.models import AwardRecord, AwardType, Initiative
from thidua.core.errors import PermissionDenied
from thidua.core.models import Event
from thidua.decisions import services
from thidua.decisions.domain.layout import DEFAULT_POSITIONS
from thidua.decisions.models import (
    CertificateLayout,
    Decision,
    DecisionItem,
    IssuingBody,
    NumberCounter,
)
from thidua.decisions.tests.builders import DECIDED_ON, drafted, issued
from thidua.nominations.models import Nominee

pytestmark = pytest.mark.django_db

NOT_OFFICE = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "council_member",
    "cluster_leader",
    "signer",
)
NOT_SIGNER = (
    "outsider",
    "unit_a_clerk",
    "unit_a_viewer",
    "council_member",
    "province_officer",
    "admin",
    "council_secretary",
)
MODELS = (
    Decision,
    DecisionItem,
    IssuingBody,
    NumberCounter,
    CertificateLayout,
    AwardRecord,
    Nominee,
    Initiative,
)


def _state() -> list[Any]:
    rows: list[Any] = [Event.objects.count()]
    for model in MODELS:
        rows.append(
            sorted(
                model.objects.values_list("pk", "version")
                if hasattr(model, "version")
                else model.objects.values_list("pk")
            )
        )
    rows.append(list(Decision.objects.values_list("status", "number")))
    return rows


def _body_data(w):
    return services.BodyData(
        w.province, "Sở Nội vụ", "SỞ NỘI VỤ", "SNV", "Thử Nghiệm", "Giám đốc sở", "Giám đốc"
    )


Command = Callable[[Any, Any], Any]
COMMANDS: dict[str, tuple[tuple[str, ...], Command]] = {
    "save_issuing_body": (NOT_OFFICE, lambda a, w: services.save_issuing_body(a, _body_data(w))),
    "draft_decision": (
        NOT_OFFICE,
        lambda a, w: services.draft_decision(
            a,
            IssuingBody.objects.first(),
            services.DecisionData("Về việc", "năm 2025"),
            nominees=[],
        ),
    ),
    "update_decision": (
        NOT_OFFICE,
        lambda a, w: services.update_decision(
            a, _draft(), services.DecisionData("Sửa", "năm 2025"), expected_version=_draft().version
        ),
    ),
    "add_item": (
        NOT_OFFICE,
        lambda a, w: services.add_item(
            a,
            _draft(),
            w.person_b,
            services.ItemData(AwardType.objects.get(code="BK_BT"), 2025),
            expected_version=_draft().version,
        ),
    ),
    "remove_item": (
        NOT_OFFICE,
        lambda a, w: services.remove_item(
            a, _draft().items.first(), expected_version=_draft().version
        ),
    ),
    "submit_decision": (
        NOT_OFFICE,
        lambda a, w: services.submit_decision(a, _draft(), expected_version=_draft().version),
    ),
    "return_decision": (
        NOT_SIGNER,
        lambda a, w: services.return_decision(
            a, _submitted(), expected_version=_submitted().version, note="Sửa"
        ),
    ),
    "issue_decision": (
        NOT_SIGNER,
        lambda a, w: services.issue_decision(
            a,
            _submitted(),
            expected_version=_submitted().version,
            decided_on=DECIDED_ON,
            signer_name="X",
        ),
    ),
    "revoke_decision": (
        NOT_SIGNER,
        lambda a, w: services.revoke_decision(
            a,
            _issued(),
            services.RevocationData("a", "Khai man", "09/QĐ-UBND", date(2026, 2, 1)),
            expected_version=_issued().version,
        ),
    ),
    "save_layout": (
        ("outsider", "unit_a_clerk", "unit_a_viewer", "council_member", "signer"),
        lambda a, w: services.save_layout(a, "bang_khen", DEFAULT_POSITIONS, expected_version=None),
    ),
}


def _draft() -> Decision:
    return Decision.objects.get(status="draft")


def _submitted() -> Decision:
    return Decision.objects.get(status="submitted")


def _issued() -> Decision:
    return Decision.objects.get(status="issued")


def test_every_command_has_a_denied_case():
    commands = {
        name
        for name, fn in inspect.getmembers(services, inspect.isfunction)
        if fn.__module__ == services.__name__
        and not name.startswith("_")
        and next(iter(inspect.signature(fn).parameters), "") == "actor"
    }
    assert commands == set(COMMANDS)


CASES = [(name, persona) for name, (personas, _) in COMMANDS.items() for persona in personas]


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_the_wrong_persona_is_refused_and_nothing_changes(world, name, persona):
    # given a draft, a submitted and an issued decision of the province
    issued(world)
    drafted(world, person=_other(world))
    drafted(world, submitted=False, person=_other(world))
    before = _state()
    # when the wrong persona runs the command
    with pytest.raises(PermissionDenied):
        COMMANDS[name][1](world.users[persona], world)
    # then nothing changed
    assert _state() == before


_COUNT = iter(range(1, 10_000))


def _other(world):
    from thidua.core.testing.personas import _person

    return _person(f"Phạm Thị Thử{next(_COUNT)}", "female", world.unit_a)
