"""The demo session: attendance, one recusal, a written ballot, one nominee failing 90 %."""

from __future__ import annotations

import pytest

from thidua.council import demo
from thidua.council.models import AgendaItem, Recusal, Session, VoteReceipt
from thidua.council.tests.builders import nominee

pytestmark = pytest.mark.django_db


def test_demo_runs_once_and_one_nominee_fails(world):
    secretary = world.users["council_secretary"]
    world.person_b.unit = world.unit_a
    world.person_b.position = "Chủ tịch UBND xã"
    world.person_b.save()
    first = nominee(world, "CSTDBT", person=world.person_a)
    second = nominee(world, "BK_BT", unit=world.unit_b)
    result = demo.run(world.province, secretary)
    assert result["created"], result
    session = Session.objects.get()
    assert session.status == "closed"
    assert session.held_on == demo.HELD_ON
    assert session.closed_at.date().isoformat() == "2025-12-18"
    recusal = Recusal.objects.get()
    assert recusal.elector.full_name == "Trần Thị Bình"
    assert "cấp trên trực tiếp" in recusal.reason
    assert VoteReceipt.objects.filter(written=True).count() == 2
    items = {i.nominee_id: i for i in AgendaItem.objects.all()}
    # the only 90 % nominee also had the recusal: 7 of a base of 9 agree, below 90 %
    assert (items[first.pk].base, items[first.pk].yes, items[first.pk].result) == (9, 7, "failed")
    assert (items[second.pk].yes, items[second.pk].base, items[second.pk].result) == (
        10,
        10,
        "passed",
    )
    assert demo.run(world.province, secretary) == {"created": False}


def test_demo_without_appraised_nominees_does_nothing(world):
    result = demo.run(world.province, world.users["council_secretary"])
    assert result["created"] is False
    assert "chưa có đối tượng" in result["message"]
    assert not Session.objects.exists()
