"""The demo award histories show real ladder cases and keep the law's own rules."""

from datetime import date

import pytest
from django.db.models import Max, Min

from thidua.awards import queries
from thidua.awards.demo import SHOWCASE_UNIT, load_award_demo
from thidua.awards.models import AwardRecord, Initiative
from thidua.org.demo import load_demo
from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)


@pytest.fixture
def demo(db):
    load_demo()
    return load_award_demo()


def _forecast(person):
    record = queries.person_record(person, registered=True)
    return {item.award: item for item in queries.forecast_for(record, TODAY)}


def test_showcase_people_are_one_step_short_eligible_blocked_and_broken(demo):
    # given the four showcase people of Phường Trần Phú
    unit = Unit.objects.get(code=SHOWCASE_UNIT)
    short, ttg, disciplined, broken = Person.objects.filter(unit=unit).order_by("sort_key")[:4]
    # then the first needs only this year's CSTĐ cơ sở for the provincial title
    cstdbt = _forecast(short)["CSTDBT"]
    assert [step.key for step in cstdbt.steps] == ["award:CSTDCS"]
    assert "nếu được công nhận Chiến sĩ thi đua cơ sở năm 2026" in cstdbt.summary
    # the second is eligible now for the Prime Minister's certificate
    assert _forecast(ttg)["BK_TTG"].eligible_now
    # the third is blocked on every rung by the reprimand in force
    for item in _forecast(disciplined).values():
        assert not item.reachable
        assert "NO_DISCIPLINE" in {check.code for check in item.blocking}
    # the fourth's chain is broken by the revoked 2024 title
    assert not _forecast(broken)["CSTDBT"].reachable
    assert AwardRecord.objects.filter(person=broken, year=2024, revoked=True).exists()


def test_histories_span_2015_to_2025_without_double_awards_and_reload_changes_nothing(demo):
    # given the loaded demo
    years = AwardRecord.objects.aggregate(first=Min("year"), last=Max("year"))
    # then the histories span the decade
    assert (years["first"], years["last"]) == (2015, 2025)

    # and no achievement is rewarded twice (Luật TĐKT 2022, Điều 5)
    class Everyone:
        is_authenticated = True
        is_superuser = True

    assert [d for d in queries.double_awards(Everyone()) if d.code == "SAME_AWARD_TWICE"] == []
    # every provincial initiative of a CSTĐ-tỉnh year is locked to that award
    for initiative in Initiative.objects.filter(level="BO_TINH", used_for__isnull=False):
        assert initiative.used_for.award_type.code == "CSTDBT"
    # the ward shows the awards of the communes merged into it
    inherited = [
        row for row in queries.unit_timeline(Unit.objects.get(code=SHOWCASE_UNIT)) if row.inherited
    ]
    assert {row.record.unit.code for row in inherited} >= {"HT.TPHT.THACHHA", "HT.TPHT.THACHTRUNG"}
    # no collective is rewarded after it ended, nor before it began
    for record in AwardRecord.objects.filter(unit__isnull=False).select_related("unit"):
        unit = record.unit
        assert unit.valid_to is None or record.decision_date <= unit.valid_to, record
        assert unit.valid_from is None or record.year >= unit.valid_from.year, record
    # decisions before the reform name a district chair, after it a commune chair
    ldtt = AwardRecord.objects.filter(award_type__code="LDTT", person__unit__code=SHOWCASE_UNIT)
    assert all(
        "Chủ tịch UBND" in r.issuer and "Trần Phú" not in r.issuer
        for r in ldtt.filter(decision_date__lt=date(2025, 7, 1))
    )
    assert all(
        r.issuer.endswith("Phường Trần Phú")
        for r in ldtt.filter(decision_date__gte=date(2025, 7, 1))
    )
    # and loading again writes nothing
    count = AwardRecord.objects.count()
    assert load_award_demo() == {"created": False}
    assert AwardRecord.objects.count() == count
