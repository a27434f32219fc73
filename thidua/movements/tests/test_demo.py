"""The demo models the five seed articles with their figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua.movements import queries
from thidua.movements.demo import load_demo
from thidua.movements.models import Movement, Pledge
from thidua.org.demo import load_demo as load_org_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_org_demo()
    return load_demo()


def _by_number(number):
    return Movement.objects.get(document_number=number)


def test_chi_thi_42(demo):
    m = _by_number("42-CT/TU")
    assert (m.document_date, m.start_date, m.end_date) == (
        date(2020, 2, 28),
        date(2020, 3, 1),
        date(2020, 8, 31),
    )
    assert m.document_type == "directive"
    assert m.organiser.code == "HT"
    assert m.items.filter(kind="key_programme").count() == 13
    rules = {(r.unit_level or r.unit_kind, r.min_count, r.max_count) for r in m.quota_rules.all()}
    assert rules == {
        ("commune", 1, None),
        ("district", 3, 5),
        ("department", 1, 1),
        ("enterprise", 1, 1),
    }
    labels = {row.target.indicator: row.label for row in queries.target_rows(m)}
    assert "50–70 nhà" in labels.values()
    assert "5–7 dự án" in labels.values()
    # participants are the units of 2020, not the merged units of 2025
    codes = set(m.participants.values_list("unit__code", flat=True))
    assert {"HT.TPHT", "HT.TPHT.THACHHA", "HT.SNV", "HT.DN.PCHT"} <= codes
    assert "HT.TRANPHU" not in codes


def test_ha_tinh_2020_2025(demo):
    m = Movement.objects.get(slogan="Đổi mới - Sáng tạo - Hiệu quả")
    assert (m.start_date.year, m.end_date.year) == (2020, 2025)
    assert m.is_multi_year
    assert "phát triển nhanh, bền vững" in m.theme


def test_chi_thi_32(demo):
    m = _by_number("32-CT/Th.Uy")
    assert (m.document_date, m.end_date) == (date(2022, 4, 8), date(2022, 6, 15))
    assert m.organiser.name == "Thành phố Hà Tĩnh"
    rules = list(m.quota_rules.order_by("id"))
    assert [(r.unit_level, r.min_count, sorted(r.work_kinds)) for r in rules] == [
        ("commune", 1, ["groundbreaking", "inauguration"]),
        ("commune", 1, ["cultural_sports"]),
    ]
    assert any(row.label == "100 % tiêm vắc xin" for row in queries.target_rows(m))
    names = set(m.participants.values_list("unit__name", flat=True))
    assert {"Xã Thạch Hạ", "Xã Thạch Bình", "Xã Đồng Môn"} <= names


def test_dong_ha_2020(demo):
    m = Movement.objects.get(organiser__code="QT.DH")
    assert m.slogan == "Đồng thuận cao, thi đua giỏi, về đích sớm"
    assert m.items.filter(kind="task_group").count() == 6
    assert m.launcher_name == "Nguyễn Chiến Thắng"
    target = m.targets.get()
    assert (target.low, target.label) == (Decimal(12), "12 %/năm")
    assert "14/15" in m.note
    pledges = Pledge.objects.filter(movement=m)
    assert pledges.count() == 3
    for pledge in pledges:
        assert pledge.ceremony_date == date(2020, 3, 6)
        assert "Hội đồng Thi đua - Khen thưởng tỉnh" in pledge.witnesses
        assert pledge.signatures.count() == pledge.cluster.members.count()


def test_bac_lieu_2020(demo):
    m = Movement.objects.get(organiser__code="BL")
    assert m.results_due == date(2020, 9, 1)  # before 2/9/2020
    target = m.targets.get()
    assert (target.label, target.low, target.aggregation) == (
        "49/49 xã",
        Decimal(49),
        "count_meeting",
    )
    works = set(m.works.values_list("unit__name", flat=True))
    assert works == {"Xã Vĩnh Trạch Đông", "Xã Ninh Thạnh Lợi A"}


def test_every_seed_movement_is_visible_to_its_officer(demo):
    from thidua.accounts.models import User

    officer = User.objects.get(username="bantdkt.hatinh")
    numbers = set(queries.visible_movements(officer).values_list("document_number", flat=True))
    assert {"42-CT/TU", "32-CT/Th.Uy"} <= numbers
    # the ward clerk of Trần Phú sees the 2022 city directive through Thạch Hạ's history
    tranphu = User.objects.get(username="tranphu")
    assert queries.visible_movements(tranphu).filter(document_number="32-CT/Th.Uy").exists()
    camau = User.objects.get(username="camau")
    assert queries.visible_movements(camau).filter(organiser__code="BL").exists()


def test_demo_is_idempotent(demo):
    count = Movement.objects.count()
    again = load_demo()
    assert again["created"] is False
    assert Movement.objects.count() == count == 5
