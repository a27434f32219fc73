"""Issue 6's nominations story in a real browser: a ward officer files a dossier, sees its
status at a glance, the province receives, ticks the checklist, appraises and finishes; a
member of the public comments on a published list without logging in."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(reference_data):
    from thidua.awards.demo import load_award_demo
    from thidua.movements.demo import load_demo as load_movements
    from thidua.nominations.demo import load_demo as load_nominations
    from thidua.org.demo import load_demo

    load_demo()
    load_movements()
    load_award_demo()
    return load_nominations()


def login(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "thidua-demo-2026")
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_ward_files_province_appraises_public_comments(page, live_server, demo, shoot):
    from thidua.awards.models import AwardType
    from thidua.nominations.models import Dossier, PublicComment
    from thidua.org.models import Person, Unit

    ward = Unit.objects.get(code="HT.TRANPHU")
    province = Unit.objects.get(code="HT")
    taken = set(Dossier.objects.values_list("nominees__person_id", flat=True))
    person = Person.objects.filter(unit=ward).exclude(pk__in=taken).order_by("sort_key").first()
    # 1. the ward's focal point opens a dossier to the province
    login(page, live_server, "tranphu")
    page.goto(f"{live_server.url}/nominations/")
    shoot(page, "n01-dossier-list")
    page.click("a[href='/nominations/new/']")
    page.select_option("select[name=proposing_unit]", str(ward.pk))
    page.select_option("select[name=receiving_unit]", str(province.pk))
    page.fill("input[name=year]", "2025")
    page.fill("input[name=title]", "Đề nghị khen thưởng bổ sung năm 2025")
    page.click("main button[type=submit]")
    page.wait_for_selector("#status-line")
    dossier = Dossier.objects.get(title="Đề nghị khen thưởng bổ sung năm 2025")
    # 2. adds a person for Lao động tiên tiến: the engine's result shows at once
    page.click(f"a[href='/nominations/{dossier.pk}/nominees/new/']")
    page.select_option("select[name=subject]", f"p:{person.pk}")
    page.select_option("select[name=award_type]", str(AwardType.objects.get(code="LDTT").pk))
    page.fill("textarea[name=achievement]", "Hoàn thành tốt nhiệm vụ năm 2025.")
    page.fill("textarea[name=justification]", "Phường đã đăng ký thi đua năm 2025 bằng văn bản.")
    page.click("main button[type=submit]")
    page.wait_for_selector("#nominees")
    assert person.full_name in page.inner_text("#nominees")
    shoot(page, "n02-dossier-draft")
    # 3. sends it: the status reads at a glance
    page.click("text=Gửi hồ sơ")
    page.wait_for_selector("#status-line")
    assert "Đã gửi Sở Nội vụ, chờ tiếp nhận, hạn" in page.inner_text("#status-line")
    # 4. the province officer receives it, ticks the checklist, appraises and finishes
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{live_server.url}/nominations/{dossier.pk}/")
    page.click("main button:has-text('Tiếp nhận')")
    page.wait_for_selector("#status-line")
    assert "Đang thẩm định tại Sở Nội vụ, hạn" in page.inner_text("#status-line")
    page.click(f"a[href='/nominations/{dossier.pk}/checklist/']")
    for box in page.query_selector_all("main input[type=checkbox]"):
        box.check()
    page.click("main button[type=submit]")
    page.wait_for_selector("#nominees")
    page.click("#nominees a:has-text('Thẩm định')")
    page.select_option("select[name=result]", "appraised")
    page.click("main button[type=submit]")
    page.wait_for_selector("#nominees")
    page.click("main button:has-text('Kết thúc thẩm định')")
    page.wait_for_selector("#status-line")
    assert "Đã thẩm định xong tại Sở Nội vụ" in page.inner_text("#status-line")
    shoot(page, "n03-dossier-appraised")
    dossier.refresh_from_db()
    assert dossier.status == "appraised"
    # 5. the ward sees the same status in its list
    login(page, live_server, "tranphu")
    page.goto(f"{live_server.url}/nominations/")
    assert "Đã thẩm định xong tại Sở Nội vụ" in page.inner_text("main")
    # 6. anyone comments on the published list, without logging in
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/public/nominations/")
    shoot(page, "n04-public-lists")
    page.click("main .list-group a")
    page.select_option("select[name=kind]", "comment")
    page.fill("textarea[name=text]", "Tôi đồng tình với đề nghị khen thưởng này.")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "Cảm ơn bạn" in page.inner_text("body")
    assert PublicComment.objects.filter(kind="comment").count() == 1
    shoot(page, "n05-public-comment")
