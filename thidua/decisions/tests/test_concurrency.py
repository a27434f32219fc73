"""N signers issuing at once get N distinct, consecutive numbers (PostgreSQL: the register
row is locked with SELECT … FOR UPDATE). SQLite serialises writers by itself and is skipped."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from thidua.core.errors import DomainError
from thidua.core.testing.personas import make_personas
from thidua.decisions import services
from thidua.decisions.models import Decision
from thidua.decisions.tests.builders import DECIDED_ON, drafted

N = 6


def install_catalogue() -> None:
    """A transactional test flushes the catalogue the data migration installed: put it back."""
    from django.apps import apps

    from thidua.awards.reference import install_reference_data

    install_reference_data(lambda name: apps.get_model("awards", name))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_parallel_issues_get_distinct_consecutive_numbers():
    # given N submitted decisions of one body, each for a different person
    install_catalogue()
    world = make_personas()
    from thidua.decisions.tests.test_denied import _other

    decisions = [drafted(world, person=_other(world)).decision for _ in range(N)]
    signer = world.users["signer"]
    barrier = threading.Barrier(N)
    errors: list[Exception] = []

    def issue(decision: Decision) -> None:
        try:
            barrier.wait()
            services.issue_decision(
                signer,
                Decision.objects.get(pk=decision.pk),
                expected_version=decision.version,
                decided_on=DECIDED_ON,
                signer_name="Võ Trọng Hải",
            )
        except (DomainError, Exception) as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    # when N signers issue them at the same moment
    threads = [threading.Thread(target=issue, args=(d,)) for d in decisions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # then every issue succeeded with its own number, 1..N without gaps
    assert errors == []
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == list(range(1, N + 1))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_signers_issuing_the_same_decision_leave_one_result():
    install_catalogue()
    world = make_personas()
    decision = drafted(world).decision
    signer = world.users["signer"]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def issue() -> None:
        try:
            barrier.wait()
            services.issue_decision(
                signer,
                Decision.objects.get(pk=decision.pk),
                expected_version=decision.version,
                decided_on=DECIDED_ON,
                signer_name="Võ Trọng Hải",
            )
            outcomes.append("issued")
        except DomainError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes)[1] == "issued"
    assert sorted(outcomes)[0] in {"CONCURRENT_CHANGE", "ALREADY_ISSUED"}
    decision.refresh_from_db()
    assert decision.number == 1
    assert decision.items.get().award_record is not None
