"""The demo organisation models the seed articles and the 2025 reform faithfully."""

from datetime import date

import pytest

from thidua.org.demo import load_demo
from thidua.org.models import Cluster, LineageEvent, Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    return load_demo()


def test_demo_has_the_seed_units(demo):
    names = set(Unit.objects.values_list("name", flat=True))
    for name in [
        "Tỉnh Hà Tĩnh",
        "Thành phố Hà Tĩnh",
        "Xã Thạch Hạ",
        "Xã Thạch Bình",
        "Xã Đồng Môn",
        "Tỉnh Quảng Trị",
        "Thành phố Đông Hà",
        "Tỉnh Bạc Liêu",
        "Xã Vĩnh Trạch Đông",
        "Xã Ninh Thạnh Lợi A",
        "Tỉnh Cà Mau",
        "Tỉnh Quảng Bình",
    ]:
        assert name in names, name


def test_districts_end_on_30_june_2025(demo):
    districts = Unit.objects.filter(kind="district")
    assert districts.count() >= 10
    # every district has ended; all but Lộc Hà (merged into Thạch Hà on 01/01/2025) on 30/06/2025
    assert not districts.filter(valid_to__isnull=True).exists()
    assert districts.filter(valid_to=date(2025, 6, 30)).count() >= districts.count() - 1


def test_bac_lieu_merges_into_ca_mau_and_quang_binh_into_quang_tri(demo):
    for old, new in [("Tỉnh Bạc Liêu", "Tỉnh Cà Mau"), ("Tỉnh Quảng Bình", "Tỉnh Quảng Trị")]:
        event = LineageEvent.objects.get(kind="merge", predecessors__name=old)
        assert event.effective_date == date(2025, 7, 1)
        assert new in set(event.successors.values_list("name", flat=True))
        assert Unit.objects.get(name=old).valid_to == date(2025, 6, 30)
        assert Unit.objects.get(name=new).valid_to is None


def test_ha_tinh_stays(demo):
    assert Unit.objects.get(code="HT").valid_to is None


def test_ca_mau_officer_sees_bac_lieu_history(demo):
    from thidua.accounts.models import User
    from thidua.org.access import scope_for

    officer = User.objects.get(username="camau")
    vinh_trach_dong = Unit.objects.get(name="Xã Vĩnh Trạch Đông")
    assert scope_for(officer).contains(vinh_trach_dong.path)


def test_neighbouring_ward_clerks_do_not_see_each_other(demo):
    from thidua.accounts.models import User
    from thidua.org.queries import visible_people

    tranphu = set(visible_people(User.objects.get(username="tranphu")).values_list("pk", flat=True))
    thanhsen = set(
        visible_people(User.objects.get(username="thanhsen")).values_list("pk", flat=True)
    )
    assert tranphu
    assert thanhsen
    assert not tranphu & thanhsen


def test_demo_has_clusters_people_and_is_idempotent(demo):
    assert Cluster.objects.filter(year=2020, name__icontains="Đông Hà").exists()
    assert Person.objects.count() >= 300
    assert Person.objects.filter(is_direct_worker=True).exists()
    assert Person.objects.filter(ethnicity="Khmer").exists()
    counts = (Unit.objects.count(), Person.objects.count(), LineageEvent.objects.count())
    again = load_demo()
    assert again["created"] is False
    assert (Unit.objects.count(), Person.objects.count(), LineageEvent.objects.count()) == counts


def test_demo_national_ids_are_valid(demo):
    from thidua.org.domain.identity import check_national_id

    for person in Person.objects.exclude(national_id=None)[:300]:
        assert (
            check_national_id(
                person.national_id,
                date_of_birth=person.date_of_birth,
                is_female=person.gender == "female",
            )
            == []
        )
