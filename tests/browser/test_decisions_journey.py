"""The end of the chain in a real browser: the provincial officer drafts a decision from a
nominee the council passed and submits it, the leader signs and issues it, the certificate's
QR page verifies it for anyone, and the person's history shows the new award."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def passed(reference_data):
    from thidua.awards.models import AwardType
    from thidua.decisions.demo import _body
    from thidua.nominations.models import Dossier, Nominee
    from thidua.org.demo import load_demo
    from thidua.org.models import Person, Unit

    load_demo()
    province = Unit.objects.get(code="HT")
    _body(province)
    person = Person.objects.filter(unit__path__startswith=province.path).order_by("pk").first()
    dossier = Dossier.objects.create(
        proposing_unit=person.unit,
        receiving_unit=province,
        kind="annual",
        year=2025,
        title="Hồ sơ đề nghị khen thưởng năm 2025",
        status="appraised",
    )
    return Nominee.objects.create(
        dossier=dossier,
        award_type=AwardType.objects.get(code="BK_BT"),
        year=2025,
        person=person,
        achievement="Đã có thành tích xuất sắc năm 2025",
        status="council_passed",
    )


def login(page, live_server, username: str) -> None:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "thidua-demo-2026")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    if "two-factor" in page.url:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.fill("input[name=token]", f"{totp(device.bin_key):06d}")
        page.click("main button[type=submit]")
        page.wait_for_load_state()


def test_officer_drafts_signer_issues_qr_verifies_history_grows(
    page, browser, live_server, passed, shoot
):
    from thidua.awards.models import AwardRecord
    from thidua.decisions.models import Decision

    name = passed.person.full_name
    # 1. the provincial officer drafts a decision from the council-passed nominee
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{live_server.url}/decisions/")
    page.click("a[href='/decisions/new/']")
    page.fill("input[name=period]", "năm 2025")
    page.check(f"input[name=nominees][value='{passed.pk}']")
    shoot(page, "d01-draft")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert name in page.inner_text("main")
    assert "chưa cấp số" in page.inner_text("#status-line")
    page.click("text=Trình ký")
    page.wait_for_load_state()
    assert "Đang chờ" in page.inner_text("#status-line")
    decision = Decision.objects.get()
    # 2. the leader signs and issues it (two-factor)
    signer = browser.new_context(locale="en-US")
    leader = signer.new_page()
    login(leader, live_server, "lanhdao")
    leader.goto(f"{live_server.url}/decisions/{decision.pk}/")
    leader.click(f"a[href='/decisions/{decision.pk}/issue/']")
    shoot(leader, "d02-sign")
    leader.click("main button[type=submit]")
    leader.wait_for_load_state()
    assert "01/QĐ-UBND" in leader.inner_text("main")
    assert "Đã được" in leader.inner_text("#status-line")
    with leader.expect_download() as download:
        leader.click(f"a[href='/decisions/{decision.pk}/decision.pdf']")
    assert download.value.suggested_filename.endswith(".pdf")
    signer.close()
    # 3. anyone opening the certificate's QR address sees it verified
    token = decision.items.get().token
    public = browser.new_context(locale="en-US")
    visitor = public.new_page()
    visitor.goto(f"{live_server.url}/verify/{token}/")
    shoot(visitor, "d03-verify")
    assert "là thật" in visitor.inner_text("#verdict")
    assert name in visitor.inner_text("main")
    assert "01/QĐ-UBND" in visitor.inner_text("main")
    public.close()
    # 4. the person's history shows the new award
    record = AwardRecord.objects.get(person=passed.person, decision_number="01/QĐ-UBND")
    page.goto(f"{live_server.url}/awards/people/{passed.person.pk}/")
    shoot(page, "d04-history")
    assert "01/QĐ-UBND" in page.inner_text("main")
    assert record.award_type.code == "BK_BT"
