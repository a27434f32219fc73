"""The award history in a real browser: the provincial officer opens a person's profile, adds
an award, and sees it in the timeline and in the "what is still missing" panel."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import SCREENSHOTS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from django.apps import apps

    from thidua.awards.reference import install_reference_data
    from thidua.org.demo import load_demo

    # A transactional test database is flushed between tests, taking the catalogue that the
    # data migration installed with it: put it back.
    install_reference_data(lambda name: apps.get_model("awards", name))
    return load_demo()


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "thidua-demo-2026")
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_officer_adds_an_award_and_sees_it_in_the_timeline_and_forecast(
    page, live_server, demo, shoot
):
    from thidua.awards.models import AwardRecord
    from thidua.org.models import Person

    person = Person.objects.filter(unit__code="HT.TRANPHU").order_by("sort_key").first()
    assert person is not None
    # given the provincial officer on the person's page in the organisation registry
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{live_server.url}/org/people/{person.pk}/")
    # when they follow "Khen thưởng" and add LĐTT for last year's achievement
    page.click("main a:has-text('Khen thưởng')")
    page.wait_for_selector("h2:has-text('Còn thiếu gì')")
    shoot(page, "awards-01-profile-empty")
    page.click("text=Thêm khen thưởng")
    page.wait_for_selector("select[name=award_type]")
    page.select_option("select[name=award_type]", label="Lao động tiên tiến (LDTT)")
    page.fill("input[name=year]", "2025")
    page.fill("input[name=decision_number]", "125/QĐ-UBND")
    page.fill("input[name=decision_date]", "2026-01-15")
    page.fill("input[name=issuer]", "UBND phường Trần Phú")
    page.click("main button[type=submit]")
    # then the profile shows it in the 2025 timeline with its bonus
    page.wait_for_selector(".award-item:has-text('Lao động tiên tiến')")
    item = page.locator(".award-item", has_text="125/QĐ-UBND")
    assert item.count() == 1
    assert "15/01/2026" in item.inner_text()
    assert "702.000 đ" in item.inner_text()
    assert page.locator(".timeline-year h3", has_text="2025").count() == 1
    # and the forecast panel still answers for every rung, with its checks one click away
    panel = page.locator("#forecast")
    assert panel.locator(".forecast-item").count() >= 2
    assert panel.locator(".forecast-item[data-award='CSTDCS']").count() == 1
    panel.locator(".forecast-item[data-award='CSTDCS'] summary").click()
    shoot(page, "awards-02-profile-desktop")
    assert AwardRecord.objects.filter(person=person, decision_number="125/QĐ-UBND").count() == 1
    # at phone width the page still reads top to bottom, without a horizontal scroll bar
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector("#forecast")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    shoot(page, "awards-03-profile-phone")


def test_duplicate_award_is_refused_in_the_browser(page, live_server, demo, shoot):
    from thidua.awards.models import AwardRecord
    from thidua.org.models import Person

    person = Person.objects.filter(unit__code="HT.TRANPHU").order_by("sort_key").first()
    login(page, live_server, "bantdkt.hatinh")
    for _ in range(2):
        page.goto(f"{live_server.url}/awards/people/{person.pk}/awards/new/")
        page.select_option("select[name=award_type]", label="Giấy khen (GK)")
        page.fill("input[name=year]", "2025")
        page.click("main button[type=submit]")
        page.wait_for_load_state()
    page.wait_for_selector("text=một thành tích chỉ khen một lần")
    shoot(page, "awards-04-duplicate-refused")
    assert AwardRecord.objects.filter(person=person, award_type__code="GK").count() == 1


def test_catalogue_and_terms_pages(page, live_server, demo, shoot):
    from thidua.org.models import Unit

    login(page, live_server, "bantdkt.hatinh")
    # the catalogue at phone width, filtered to collective titles without reloading the page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/awards/")
    page.wait_for_selector("text=Lao động tiên tiến")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.select_option("select[name=subject]", "collective")
    page.locator("#catalogue-rows :text('Chiến sĩ thi đua cơ sở')").wait_for(state="detached")
    assert page.locator("#catalogue-rows :text('Tập thể lao động tiên tiến')").count() == 1
    assert "subject=collective" in page.url
    page.screenshot(path=str(SCREENSHOTS / "awards-05-catalogue-phone.png"))
    # the terms pages and a unit's profile at desktop width
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/awards/parameters/")
    page.wait_for_selector("text=cstdbt_cstdcs_chain_length")
    shoot(page, "awards-06-parameters")
    page.goto(f"{live_server.url}/awards/catalogue/LDTT/")
    page.wait_for_selector("text=Thẩm quyền quyết định")
    shoot(page, "awards-07-award-type")
    ward = Unit.objects.get(code="HT.TRANPHU")
    page.goto(f"{live_server.url}/awards/units/{ward.pk}/")
    page.wait_for_selector(".forecast-item[data-award='TTLDTT']")
    shoot(page, "awards-08-unit-profile")
