"""Issue 3's story in a real browser: a provincial officer creates and launches a movement like
Chỉ thị 42, a commune-level officer registers and adds a work, the quota view shows who is
still below quota, and a cluster signs its pledge. Phone-width pages are checked too."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from thidua.movements.demo import load_demo as load_movements
    from thidua.org.demo import load_demo

    summary = load_demo()
    load_movements()
    return summary


def login(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "thidua-demo-2026")
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_officer_launches_commune_registers_quota_and_pledge(page, live_server, demo, shoot):
    from django.utils import timezone

    from thidua.movements.models import Movement, PledgeSignature, Registration, Work

    today = timezone.localdate()
    # 1. the provincial officer drafts the movement from the list page
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{live_server.url}/movements/")
    shoot(page, "m01-movement-list")
    page.click("a[href='/movements/new/']")
    page.fill("input[name=name]", "Phong trào thi đua chào mừng đại hội đảng bộ các cấp 2026")
    page.fill("input[name=slogan]", "Đoàn kết – Sáng tạo – Về đích")
    page.select_option("select[name=kind]", "thematic")
    page.select_option("select[name=document_type]", "directive")
    page.fill("input[name=document_number]", "15-CT/TU")
    page.fill("input[name=document_date]", today.isoformat())
    page.fill("input[name=start_date]", today.isoformat())
    page.fill("input[name=end_date]", (today + timedelta(days=180)).isoformat())
    page.fill("input[name=registration_deadline]", (today + timedelta(days=20)).isoformat())
    page.fill(
        "textarea[name=key_programmes]",
        "Xây dựng nông thôn mới, đô thị văn minh\nCải cách hành chính\nChuyển đổi số",
    )
    page.fill("input[name=plan_BK_BT_collective]", "20")
    shoot(page, "m02-movement-form")
    page.click("main button[type=submit]")
    page.wait_for_selector("input[name=scope_kind]")
    movement = Movement.objects.get(document_number="15-CT/TU")
    # 2. who takes part: every commune-level unit of the province (the default levels)
    page.click("main button[type=submit]")
    page.wait_for_selector("#targets")
    # 3. a work quota and a target, then launch
    page.goto(f"{live_server.url}/movements/{movement.pk}/quotas/new/")
    page.select_option("select[name=unit_level]", "commune")
    page.fill("input[name=min_count]", "1")
    page.click("main button[type=submit]")
    page.wait_for_selector("#compliance")
    page.goto(f"{live_server.url}/movements/{movement.pk}/targets/new/")
    page.fill("input[name=indicator]", "Nhà ở cho hộ nghèo được làm mới")
    page.fill("input[name=unit_of_measure]", "nhà")
    page.select_option("select[name=direction]", "between")
    page.fill("input[name=low]", "50")
    page.fill("input[name=high]", "70")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=50–70 nhà")
    page.click("form[action$='/advance/'] button")
    page.wait_for_selector(".state-launched")
    shoot(page, "m03-movement-launched")
    movement.refresh_from_db()
    assert movement.state == "launched"
    assert movement.participants.filter(unit__code="HT.TRANPHU").exists()

    # 4. the ward officer of Trần Phú registers and adds a work
    login(page, live_server, "tranphu")
    page.goto(f"{live_server.url}/movements/{movement.pk}/")
    page.click(f"a[href='/movements/{movement.pk}/register/']")
    page.select_option("select[name=collective_title]", "TTLDXS")
    page.fill("textarea[name=commitments]", "Hoàn thành 01 công trình chào mừng.")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Phường Trần Phú")
    assert Registration.objects.filter(movement=movement, unit__code="HT.TRANPHU").exists()
    page.goto(f"{live_server.url}/movements/{movement.pk}/works/new/")
    page.fill("input[name=name]", "Khánh thành tuyến phố văn minh Trần Phú")
    page.select_option("select[name=kind]", "inauguration")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Khánh thành tuyến phố văn minh Trần Phú")
    assert Work.objects.filter(movement=movement, unit__code="HT.TRANPHU").count() == 1

    # 5. the officer sees which communes are still below quota
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{live_server.url}/movements/{movement.pk}/quotas/?show=below")
    rows = page.locator("#compliance tbody tr")
    assert rows.count() >= 3
    assert page.locator("#compliance", has_text="Phường Thành Sen").count() == 1
    assert page.locator("#compliance", has_text="Phường Trần Phú").count() == 0
    shoot(page, "m04-quota-below")

    # 6. the wards' cluster draws up and signs its pledge
    page.goto(f"{live_server.url}/movements/{movement.pk}/pledges/new/")
    page.select_option("select[name=cluster]", label="Cụm thi đua các phường tỉnh Hà Tĩnh (2025)")
    page.fill("input[name=title]", "Giao ước thi đua năm 2026 của Cụm thi đua các phường")
    page.fill(
        "textarea[name=criteria]",
        "Hoàn thành 100 % chỉ tiêu được giao\nMỗi phường ít nhất 01 công trình",
    )
    page.fill("input[name=ceremony_date]", today.isoformat())
    page.fill("input[name=witnesses]", "Hội đồng Thi đua – Khen thưởng tỉnh")
    page.click("main button[type=submit]")
    page.wait_for_selector("#signatures")
    pledge_url = page.url
    for username in ("tranphu", "thanhsen", "bantdkt.hatinh", "bantdkt.hatinh"):
        login(page, live_server, username)
        page.goto(pledge_url + "sign/")
        page.fill(
            "input[name=signer_name]",
            {"tranphu": "Trần Văn Hùng", "thanhsen": "Lê Thị Mai"}.get(username, "Nguyễn Văn Nam"),
        )
        page.fill("input[name=signer_title]", "Chủ tịch UBND phường")
        page.click("main button[type=submit]")
        page.wait_for_selector("#signatures")
    shoot(page, "m05-pledge-signed")
    assert PledgeSignature.objects.filter(pledge__movement=movement).count() == 4
    assert page.locator("#signatures", has_text="Trần Văn Hùng").count() == 1


def test_seed_movement_on_a_phone(page, live_server, demo, shoot):
    from thidua.movements.models import Movement

    m = Movement.objects.get(document_number="42-CT/TU")
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{live_server.url}/movements/{m.pk}/")
    page.wait_for_selector("#targets")
    assert page.locator("text=50–70 nhà").count() >= 1
    # nothing wider than the screen
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, width
    shoot(page, "m06-detail-phone")
    page.goto(f"{live_server.url}/movements/{m.pk}/quotas/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    shoot(page, "m07-quotas-phone")
