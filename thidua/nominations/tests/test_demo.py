"""The demo round loads on top of the org, movements and awards demos, once."""

from __future__ import annotations

import pytest

from thidua.awards.demo import load_award_demo as load_awards
from thidua.movements.demo import load_demo as load_movements
from thidua.nominations import queries
from thidua.nominations.demo import load_demo
from thidua.nominations.models import Dossier, Nominee, PublicComment
from thidua.org.demo import load_demo as load_org
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def loaded(db):
    load_org()
    load_movements()
    load_awards()
    return load_demo()


def test_demo_round(loaded):
    assert loaded["created"] is True
    statuses = dict(Dossier.objects.values_list("title", "status"))
    assert "returned" in statuses.values()
    assert list(statuses.values()).count("appraised") >= 1
    province = Unit.objects.get(code="HT")
    ready = list(queries.nominees_ready_for_council(province, 2025))
    assert len(ready) >= 3
    # the engine's own results: eligible people, and one not eligible with a justification
    assert any(n.eligible for n in ready)
    justified = [n for n in ready if n.eligible is False]
    assert len(justified) == 1
    assert justified[0].justification
    # one nominee blocked by an open complaint on the public page
    blocked = Nominee.objects.get(status="blocked")
    assert queries.is_blocked(blocked)
    assert PublicComment.objects.get(nominee=blocked).state == "open"
    assert blocked.dossier in queries.published_dossiers(blocked.dossier.public_from)
    returned = Dossier.objects.get(status="returned")
    assert "biên bản" in returned.return_reason


def test_demo_is_idempotent(loaded):
    count = Dossier.objects.count()
    assert load_demo() == {"created": False}
    assert Dossier.objects.count() == count
