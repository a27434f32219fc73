"""The council's story in a real browser: the secretary opens a session with attendance, a
member casts secret ballots, the secretary closes it, and the tally and the vote-count record
appear. Nobody's page shows who voted how."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(reference_data):
    from django.utils import timezone

    from thidua.accounts.choices import Role
    from thidua.accounts.models import RoleAssignment, User
    from thidua.awards.models import AwardType
    from thidua.council import services
    from thidua.nominations.models import Dossier, Nominee
    from thidua.org.demo import load_demo
    from thidua.org.models import Person, Unit

    load_demo()
    province = Unit.objects.get(code="HT")
    secretary = User.objects.get(username="thuky")
    body = services.create_council(secretary, province, "Hội đồng TĐKT tỉnh Hà Tĩnh")
    voters = [User.objects.get(username="hoidong")]
    for i in range(2):
        user = User.objects.create_user(username=f"hd{i}", password=None, full_name=f"Ủy viên {i}")
        RoleAssignment.objects.create(user=user, role=Role.COUNCIL_MEMBER, unit=province)
        voters.append(user)
    for user in voters:
        services.add_member(
            secretary,
            body,
            services.MemberData(user.full_name, "Ủy viên", "member", date(2024, 1, 1), user=user),
        )
    now = timezone.now()
    session = services.create_session(
        secretary,
        body,
        services.SessionData(
            "Phiên họp xét khen thưởng năm 2025",
            timezone.localdate(),
            "Phòng họp UBND tỉnh",
            now - timedelta(minutes=5),
            now + timedelta(hours=2),
        ),
    )
    person = Person.objects.filter(unit__path__startswith=province.path).order_by("pk").first()
    dossier = Dossier.objects.create(
        proposing_unit=person.unit,
        receiving_unit=province,
        kind="annual",
        year=timezone.localdate().year,
        title="Hồ sơ đề nghị",
        status="appraised",
    )
    nominee = Nominee.objects.create(
        dossier=dossier,
        award_type=AwardType.objects.get(code="BK_BT"),
        year=dossier.year,
        person=person,
        status="appraised",
    )
    services.add_agenda_item(secretary, session, nominee)
    return session


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


def test_secretary_opens_member_votes_secretary_closes(page, browser, live_server, council, shoot):
    from thidua.council.models import AgendaItem, Ballot, VoteReceipt

    url = f"{live_server.url}/council/sessions/{council.pk}/"
    # 1. the secretary opens the session: everyone present
    login(page, live_server, "thuky")
    page.goto(url)
    assert "Dự kiến" in page.inner_text("#status")
    page.click(f"a[href='/council/sessions/{council.pk}/open/']")
    for box in page.query_selector_all("input[name=present]"):
        box.check()
    shoot(page, "c01-open-session")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "Đang họp" in page.inner_text("#status")
    # 2. a member votes in another browser
    context = browser.new_context(locale="en-US")
    member = context.new_page()
    login(member, live_server, "hoidong")
    member.goto(url)
    member.click(f"a[href='/council/sessions/{council.pk}/ballot/']")
    member.check("input[value=yes]")
    shoot(member, "c02-ballot")
    member.click("#ballot-form button[type=submit]")
    member.wait_for_load_state()
    assert "đã bỏ phiếu" in member.inner_text("main")
    context.close()
    assert VoteReceipt.objects.count() == 1
    # 3. the secretary sees 1 of 3 voted, closes, and the tally appears
    page.goto(url)
    assert "1/3" in page.inner_text("#agenda")
    page.click("text=Kết thúc phiên họp và kiểm phiếu")
    page.wait_for_load_state()
    agenda = page.inner_text("#agenda")
    shoot(page, "c03-closed")
    assert "Không đạt" in agenda  # 1 of 3 is not more than half
    assert "Đồng ý" not in page.inner_text("#electors")
    item = AgendaItem.objects.get()
    assert (item.yes, item.base, item.result) == (1, 3, "failed")
    assert Ballot.objects.count() == 1
    with page.expect_download() as download:
        page.click(f"a[href='/council/sessions/{council.pk}/count.docx']")
    assert download.value.suggested_filename.endswith(".docx")
