"""Hostile input on the award forms never gives a 500, and a refused post changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards import services
from thidua.awards.models import (
    AnnualRating,
    AwardRecord,
    AwardType,
    BaseSalary,
    DisciplineRecord,
    Initiative,
    ParameterChange,
    PendingMatter,
    QuotaRule,
)
from thidua.core.models import Event
from thidua.core.testing.matrix import login

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "x" * 5000,
    "0001-01-01",
    "9999-12-31",
    "31/02/2024",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "\x00\x1f",
    "-1",
    "99999999999999999999",
    "1e400",
    "NaN",
    "Nguyễn\u0301",
]

RULE_SET = "LTDKT-2022/ND-152-2025"

# name: (url template, fields, persona)
FORMS = {
    "award_create_person": (
        "/awards/people/{p}/awards/new/",
        ["award_type", "year", "category", "decision_number", "decision_date", "issuer", "note"],
        "province_officer",
    ),
    "award_create_unit": (
        "/awards/units/{a}/awards/new/",
        ["award_type", "year", "category", "decision_date"],
        "province_officer",
    ),
    "award_revoke": (
        "/awards/records/{r}/revoke/",
        ["revoked_on", "reason", "version"],
        "province_officer",
    ),
    "rating_person": ("/awards/people/{p}/rating/", ["year", "rating"], "province_officer"),
    "rating_unit": ("/awards/units/{a}/rating/", ["year", "rating"], "unit_a_clerk"),
    "initiative_create": (
        "/awards/people/{p}/initiatives/new/",
        ["kind", "title", "level", "year", "recognised_by", "authors"],
        "province_officer",
    ),
    "initiative_use": ("/awards/initiatives/{i}/use/", ["award", "version"], "province_officer"),
    "discipline_create": (
        "/awards/people/{p}/discipline/new/",
        ["level", "start", "end", "decision_number", "note"],
        "unit_a_clerk",
    ),
    "matter_open": ("/awards/units/{a}/matters/new/", ["kind", "opened", "note"], "unit_a_clerk"),
    "matter_close": ("/awards/matters/{m}/close/", ["closed", "version"], "province_officer"),
    "parameter_int": (
        f"/awards/parameters/{RULE_SET}/cstdbt_cstdcs_chain_length/",
        ["value", "basis", "reason"],
        "admin",
    ),
    "parameter_share": (
        f"/awards/parameters/{RULE_SET}/ttldtt_ldtt_share/",
        ["value", "inclusive", "basis", "reason"],
        "admin",
    ),
    "base_salary": ("/awards/base-salary/", ["amount", "effective_from", "legal_basis"], "admin"),
    "quotas": (
        "/awards/quotas/",
        ["issuer", "year", "award_type", "base_award_type", "max_percent", "legal_basis"],
        "province_officer",
    ),
}


def fingerprint():
    return (
        AwardRecord.objects.count(),
        list(AwardRecord.objects.order_by("pk").values_list("revoked", "version")),
        AnnualRating.objects.count(),
        Initiative.objects.count(),
        list(Initiative.objects.order_by("pk").values_list("used_for", flat=True)),
        DisciplineRecord.objects.count(),
        list(PendingMatter.objects.order_by("pk").values_list("closed", flat=True)),
        ParameterChange.objects.count(),
        BaseSalary.objects.count(),
        QuotaRule.objects.count(),
        Event.objects.count(),
    )


@pytest.fixture
def objects(world):
    officer = world.users["province_officer"]
    record = services.record_award(
        officer,
        world.person_a,
        services.AwardData(AwardType.objects.get(code="GK"), 2024, decision_date=date(2025, 1, 2)),
    )
    initiative = services.record_initiative(
        officer,
        services.InitiativeData("initiative", "Sáng kiến", "CO_SO", 2024),
        authors=[world.person_a],
    )
    matter = services.open_matter(
        officer, world.person_a, kind="complaint", opened=date(2025, 1, 1)
    )
    return {
        "p": world.person_a.pk,
        "a": world.unit_a.pk,
        "r": record.pk,
        "i": initiative.pk,
        "m": matter.pk,
    }


@pytest.mark.parametrize("form", sorted(FORMS))
def test_hostile_values_in_every_field_never_give_a_server_error(world, client, objects, form):
    template, fields, persona = FORMS[form]
    login(client, world, persona)
    url = template.format(**objects)
    for value in HOSTILE:
        before = fingerprint()
        # when every field of the form gets the same hostile value
        response = client.post(url, dict.fromkeys(fields, value))
        # then the form is shown again with errors, never a 5xx, and nothing changed
        assert response.status_code == 200, (form, value, response.status_code)
        assert fingerprint() == before, (form, value)
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_hostile_text_in_a_valid_award_is_stored_clean_and_shown_escaped(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/awards/new/",
        {
            "award_type": AwardType.objects.get(code="GK").pk,
            "year": "2024",
            "category": "CONG_TRANG",
            "decision_number": "<script>alert(1)</script>",
            "issuer": "UBND\u200b xã\u00a0An  Phú",
            "note": "=cmd|' /C calc'!A0",
        },
    )
    assert response.status_code == 302
    record = AwardRecord.objects.get(person=world.person_a)
    assert record.issuer == "UBND xã An Phú"
    html = client.get(f"/awards/people/{world.person_a.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_an_impossible_decision_date_is_explained_in_vietnamese(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/awards/new/",
        {
            "award_type": AwardType.objects.get(code="GK").pk,
            "year": "2024",
            "category": "CONG_TRANG",
            "decision_date": "9999-12-31",
        },
    )
    assert "Hãy nhập ngày trong khoảng từ 01/01/1900 đến 31/12/2100." in response.content.decode()
    assert AwardRecord.objects.count() == 0


def test_a_forged_category_or_subject_kind_is_refused(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/awards/new/",
        {"award_type": AwardType.objects.get(code="GK").pk, "year": "2024", "category": "BOGUS"},
    )
    assert response.status_code == 200
    assert AwardRecord.objects.count() == 0
    assert client.get(f"/awards/households/{world.person_a.pk}/awards/new/").status_code == 404
