"""The demo loader: bodies only when nothing passed the council; then one signed decision,
idempotent, and the awardees' histories show the new awards."""

from __future__ import annotations

import pytest

from thidua.awards.models import AwardRecord
from thidua.decisions.demo import load_demo
from thidua.decisions.models import Decision, IssuingBody
from thidua.decisions.tests.builders import make_nominee
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db


def test_the_demo_falls_back_gracefully_and_then_issues_once(world):
    Unit.objects.filter(pk=world.province.pk).update(code="HT")
    from thidua.core.testing.personas import _user

    _user("bantdkt.hatinh", "Cán bộ", "province_officer", world.province)
    _user("lanhdao", "Đặng Quốc Khánh", "signer", world.province)
    # no nominee has passed the council: only the issuing body
    first = load_demo()
    assert "chưa có đề nghị" in first["message"]
    assert IssuingBody.objects.count() == 1
    assert not Decision.objects.exists()
    # two passed: the provincial certificate is decided, the LĐTT belongs to another authority
    make_nominee(world)
    make_nominee(world, person=world.person_b, code="LDTT")
    second = load_demo()
    decision = Decision.objects.get()
    assert decision.status == "issued"
    assert decision.number_text == "01/QĐ-UBND"
    assert "1 đề nghị thuộc thẩm quyền cấp khác" in second["message"]
    assert AwardRecord.objects.get(person=world.person_a).decision_number == "01/QĐ-UBND"
    # idempotent
    load_demo()
    assert Decision.objects.count() == 1
