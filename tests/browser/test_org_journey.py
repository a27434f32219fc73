"""A new user's first steps, in a real browser: log in, browse units, search people, and
see only what the role allows."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from thidua.org.demo import load_demo

    return load_demo()


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "thidua-demo-2026")
    page.click("main button[type=submit]")


def test_provincial_officer_browses_the_tree_and_the_reform(page, live_server, demo, shoot):
    # given the provincial officer logs in
    login(page, live_server, "bantdkt.hatinh")
    shoot(page, "01-home-province-officer")
    # when they open the unit tree and expand Hà Tĩnh
    page.click("text=Tổ chức")
    page.wait_for_selector("text=Tỉnh Hà Tĩnh")
    page.locator("li", has_text="Tỉnh Hà Tĩnh").first.locator("button").first.click()
    page.wait_for_selector("text=Sở Nội vụ tỉnh Hà Tĩnh")
    shoot(page, "02-unit-tree")
    # then a merged ward shows its predecessors
    page.fill("input[name=q]", "tran phu")
    page.wait_for_selector("#unit-search a:has-text('Phường Trần Phú')")
    page.click("#unit-search a:has-text('Phường Trần Phú')")
    page.wait_for_selector("h1:has-text('Phường Trần Phú')")
    assert page.locator("text=01/07/2025").count() >= 1
    shoot(page, "03-ward-with-predecessors")


def test_ward_clerk_sees_only_their_ward(page, live_server, demo, shoot):
    from thidua.org.models import Unit

    other = Unit.objects.get(code="HT.THANHSEN")
    # given the clerk of Trần Phú logs in
    login(page, live_server, "tranphu")
    # when they list people
    page.goto(f"{live_server.url}/org/people/")
    rows = page.locator("#person-rows tr").count()
    shoot(page, "04-people-ward-clerk")
    # then they see people, and a neighbouring ward's page is not found
    assert rows > 1
    response = page.goto(f"{live_server.url}/org/units/{other.pk}/")
    assert response.status == 404


def test_invalid_cccd_is_explained_in_vietnamese(page, live_server, demo, shoot):
    from thidua.org.models import Person, Unit

    ward = Unit.objects.get(code="HT.TRANPHU")
    before = Person.objects.count()
    login(page, live_server, "tranphu")
    page.goto(f"{live_server.url}/org/people/new/?unit={ward.pk}")
    page.fill("input[name=full_name]", "Nguyễn Thị Lan")
    page.fill("input[name=national_id]", "04218")
    page.fill("input[name=since]", "2024-01-01")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Số CCCD phải gồm đúng 12 chữ số")
    shoot(page, "05-invalid-cccd")
    assert Person.objects.count() == before


def test_council_member_is_stopped_at_two_factor(page, live_server, demo, shoot):
    from io import StringIO

    from django.core.management import call_command

    login(page, live_server, "hoidong")
    page.wait_for_selector("input[name=token]")
    shoot(page, "06-two-factor")
    out = StringIO()
    call_command("demo_code", "hoidong", stdout=out)
    page.fill("input[name=token]", out.getvalue().strip())
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Tỉnh Hà Tĩnh")
    assert "/accounts/two-factor" not in page.url
