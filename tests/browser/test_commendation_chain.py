"""Issue 6's whole commendation chain in a real browser, on the demo data, in Vietnamese: a
ward officer files a dossier to the province for the provincial Bằng khen and sends it; the
province receives, ticks the checklist, appraises and finishes; the council secretary puts
the nominee on a session and opens it, members cast secret ballots, the secretary closes it
and the nominee passes; the province drafts the decision, the chair signs and issues it
(two-factor); the certificate's QR page verifies it for anyone and the person's award history
shows the new award."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = 2025
AWARD = "BK_BT"  # Bằng khen của Chủ tịch UBND tỉnh (Luật TĐKT 2022, Điều 74)
TITLE = "Đề nghị Bằng khen của Chủ tịch UBND tỉnh năm 2025 (bổ sung)"
SESSION_TITLE = "Phiên họp xét khen thưởng bổ sung năm 2025"
# Six of the ten members of the demo council vote "agree": more than half of all members.
# Not `lanhdao` (he signs the decision later: one TOTP code is accepted only once) and not
# the seat of `hoidong` (the demo gives it to a leader of the ward: a conflict, recused).
VOTERS = ["hd.snv", "hd.mttq", "hd.stc", "hd.sgd", "hd.syt", "hd.tdoan"]
JUSTIFICATION = "Phường đã đăng ký thi đua năm 2025 bằng văn bản; bản sao gửi kèm hồ sơ."


@pytest.fixture
def demo(reference_data):
    from django.utils import timezone

    from thidua.awards.demo import load_award_demo
    from thidua.council.demo import load_demo as load_council
    from thidua.decisions.demo import load_demo as load_decisions
    from thidua.movements.demo import load_demo as load_movements
    from thidua.nominations.demo import load_demo as load_nominations
    from thidua.nominations.eligibility import evaluate
    from thidua.nominations.models import Nominee
    from thidua.org.demo import load_demo
    from thidua.org.models import Person, Unit

    # the apps' loaders in INSTALLED_APPS order (scoring's demo plays no part in this chain)
    load_demo()
    load_movements()
    load_award_demo()
    load_nominations()
    load_council()
    load_decisions()
    # A person of Phường Trần Phú not yet proposed, whom the engine finds eligible.
    ward = Unit.objects.get(code="HT.TRANPHU")
    taken = set(Nominee.objects.exclude(person=None).values_list("person_id", flat=True))
    people = list(Person.objects.filter(unit=ward).exclude(pk__in=taken).order_by("sort_key")[:300])
    now = timezone.now()
    eligible = next(
        (
            p
            for p in people
            if evaluate(p, AWARD, YEAR, timezone.localdate(now), now).get("eligible") is True
        ),
        None,
    )
    return {
        "ward": ward,
        "province": Unit.objects.get(code="HT"),
        "person": eligible or people[0],
        "eligible": eligible is not None,
    }


def login(page, live_server, username: str) -> None:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.context.clear_cookies()
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


def as_user(browser, live_server, username: str):
    """A separate browser (context) logged in as `username`."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    login(page, live_server, username)
    return context, page


def test_ward_to_council_to_decision_to_qr_and_history(page, browser, live_server, demo, shoot):
    from django.utils import timezone

    from thidua.awards.models import AwardRecord, AwardType
    from thidua.council.models import (
        AgendaItem,
        Ballot,
        Council,
        Recusal,
        Session,
        VoteReceipt,
    )
    from thidua.council.queries import conflicts_of
    from thidua.decisions.models import Decision
    from thidua.nominations.models import Dossier, Nominee

    ward, province, person = demo["ward"], demo["province"], demo["person"]
    award = AwardType.objects.get(code=AWARD)
    base = live_server.url

    # 1. the ward's focal point files a dossier to the province for the provincial Bằng khen
    login(page, live_server, "tranphu")
    page.goto(f"{base}/nominations/")
    page.click("a[href='/nominations/new/']")
    page.select_option("select[name=proposing_unit]", str(ward.pk))
    page.select_option("select[name=receiving_unit]", str(province.pk))
    page.fill("input[name=year]", str(YEAR))
    page.fill("input[name=title]", TITLE)
    page.click("main button[type=submit]")
    page.wait_for_selector("#status-line")
    dossier = Dossier.objects.get(title=TITLE)
    assert (dossier.proposing_unit, dossier.receiving_unit) == (ward, province)
    page.click(f"a[href='/nominations/{dossier.pk}/nominees/new/']")
    page.select_option("select[name=subject]", f"p:{person.pk}")
    page.select_option("select[name=award_type]", str(award.pk))
    page.fill(
        "textarea[name=achievement]",
        "Hoàn thành xuất sắc nhiệm vụ năm 2025; dẫn đầu phong trào cải cách hành chính.",
    )
    if not demo["eligible"]:  # none eligible left: proposed anyway, with a justification
        page.fill("textarea[name=justification]", JUSTIFICATION)
    page.click("main button[type=submit]")
    page.wait_for_selector("#nominees")
    nominee = Nominee.objects.get(dossier=dossier)
    nominees = page.inner_text("#nominees")
    assert person.full_name in nominees
    assert award.name in nominees
    assert (nominee.person, nominee.award_type) == (person, award)
    # the engine's verdict is shown at once: eligible (or the written justification)
    assert nominee.eligible is demo["eligible"]
    if demo["eligible"]:
        assert "Đủ tiêu chuẩn" in nominees
    else:
        assert JUSTIFICATION in nominees
    shoot(page, "k01-ward-dossier-draft")
    page.click("text=Gửi hồ sơ")
    page.wait_for_selector("#status-line")
    assert "Đã gửi Sở Nội vụ, chờ tiếp nhận, hạn" in page.inner_text("#status-line")
    dossier.refresh_from_db()
    assert dossier.status == "submitted"

    # 2. the province officer receives it, ticks the checklist, appraises and finishes
    login(page, live_server, "bantdkt.hatinh")
    page.goto(f"{base}/nominations/{dossier.pk}/")
    page.click("main button:has-text('Tiếp nhận')")
    page.wait_for_selector("#status-line")
    assert "Đang thẩm định tại Sở Nội vụ, hạn" in page.inner_text("#status-line")
    page.click(f"a[href='/nominations/{dossier.pk}/checklist/']")
    boxes = page.query_selector_all("main input[type=checkbox]")
    assert boxes
    for box in boxes:
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
    shoot(page, "k02-province-appraised")
    dossier.refresh_from_db()
    nominee.refresh_from_db()
    assert (dossier.status, nominee.status) == ("appraised", "appraised")

    # 3. the council secretary plans a session with the nominee and opens it
    council = Council.objects.get(body=province)
    secretary_ctx, secretary = as_user(browser, live_server, "thuky")
    secretary.goto(f"{base}/council/")
    secretary.click(f"a[href='/council/{council.pk}/']")
    secretary.click(f"a[href='/council/{council.pk}/sessions/new/']")
    now = timezone.localtime()
    secretary.fill("input[name=title]", SESSION_TITLE)
    secretary.fill("input[name=held_on]", now.date().isoformat())
    secretary.fill("input[name=place]", "Phòng họp số 1, UBND tỉnh Hà Tĩnh")
    secretary.fill("input[name=chaired_by]", "Đặng Quốc Khánh, Chủ tịch UBND tỉnh")
    opens, closes = now - timedelta(minutes=10), now + timedelta(hours=3)
    secretary.fill("input[name=ballot_opens_at]", opens.strftime("%Y-%m-%dT%H:%M"))
    secretary.fill("input[name=ballot_closes_at]", closes.strftime("%Y-%m-%dT%H:%M"))
    secretary.click("main button[type=submit]")
    secretary.wait_for_selector("#agenda")
    session = Session.objects.get(council=council, title=SESSION_TITLE)
    url = f"{base}/council/sessions/{session.pk}/"
    assert "Dự kiến" in secretary.inner_text("#status")
    secretary.click(f"a[href='/council/sessions/{session.pk}/agenda/']")
    secretary.select_option("select[name=nominee]", str(nominee.pk))
    secretary.click("main button[type=submit]")
    secretary.wait_for_selector("#agenda")
    assert person.full_name in secretary.inner_text("#agenda")
    assert AgendaItem.objects.get(session=session).nominee == nominee
    secretary.click(f"a[href='/council/sessions/{session.pk}/open/']")
    present = secretary.query_selector_all("input[name=present]")
    assert len(present) == 10
    for box in present:
        box.check()
    shoot(secretary, "k03-council-open")
    secretary.click("main button[type=submit]")
    secretary.wait_for_load_state()
    assert "Đang họp" in secretary.inner_text("#status")
    # a member with a conflict of interest (shown on the agenda) is recused on the nominee
    session.refresh_from_db()
    item = AgendaItem.objects.get(session=session)
    conflicted = [c.elector_id for c in conflicts_of(session).get(item.pk, [])]
    for elector_id in conflicted:
        assert "Xung đột lợi ích" in secretary.inner_text("#agenda")
        secretary.click(f"a[href='/council/items/{item.pk}/recusal/']")
        secretary.select_option("select[name=elector]", str(elector_id))
        secretary.fill("textarea[name=reason]", "Cấp trên trực tiếp của người được đề nghị.")
        secretary.click("main button[type=submit]")
        secretary.wait_for_selector("#agenda")
        assert "Không tham gia biểu quyết" in secretary.inner_text("#agenda")
    assert Recusal.objects.filter(item=item).count() == len(conflicted)

    # members vote, each in their own browser
    for n, username in enumerate(VOTERS):
        context, member = as_user(browser, live_server, username)
        member.goto(url)
        member.click(f"a[href='/council/sessions/{session.pk}/ballot/']")
        member.check("input[value=yes]")
        if n == 0:
            shoot(member, "k04-secret-ballot")
        member.click("#ballot-form button[type=submit]")
        member.wait_for_load_state()
        assert "đã bỏ phiếu" in member.inner_text("main")
        context.close()
    assert VoteReceipt.objects.filter(item__session=session).count() == len(VOTERS)

    # the secretary sees 6 of 10 voted, closes the session: the nominee passed
    secretary.goto(url)
    assert f"{len(VOTERS)}/10" in secretary.inner_text("#agenda")
    secretary.click("text=Kết thúc phiên họp và kiểm phiếu")
    secretary.wait_for_load_state()
    assert "Đã kết thúc" in secretary.inner_text("#status")
    agenda = secretary.inner_text("#agenda")
    assert "Đạt" in agenda
    assert "Không đạt" not in agenda
    assert "Đồng ý" not in secretary.inner_text("#electors")  # nobody's choice is shown
    shoot(secretary, "k05-council-tally")
    secretary_ctx.close()
    item.refresh_from_db()
    assert (item.yes, item.base, item.result) == (len(VOTERS), 10 - len(conflicted), "passed")
    assert Ballot.objects.filter(item=item).count() == len(VOTERS)
    nominee.refresh_from_db()
    assert nominee.status == "council_passed"

    # 4. the province officer drafts the decision from the passed nominee and submits it
    page.goto(f"{base}/decisions/")
    page.click("a[href='/decisions/new/']")
    page.fill("input[name=period]", "năm 2025")
    page.check(f"input[name=nominees][value='{nominee.pk}']")
    shoot(page, "k06-decision-draft")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert person.full_name in page.inner_text("main")
    assert "chưa cấp số" in page.inner_text("#status-line")
    decision = Decision.objects.get(items__nominee=nominee)
    assert decision.status == "draft"
    page.click("text=Trình ký")
    page.wait_for_load_state()
    assert "Đang chờ" in page.inner_text("#status-line")

    # the chair signs and issues it (two-factor)
    signer_ctx, leader = as_user(browser, live_server, "lanhdao")
    leader.goto(f"{base}/decisions/{decision.pk}/")
    leader.click(f"a[href='/decisions/{decision.pk}/issue/']")
    shoot(leader, "k07-decision-sign")
    leader.click("main button[type=submit]")
    leader.wait_for_load_state()
    decision.refresh_from_db()
    number = decision.number_text
    assert decision.status == "issued"
    assert number.endswith("/QĐ-UBND")
    assert number in leader.inner_text("main")
    assert "Đã được" in leader.inner_text("#status-line")
    shoot(leader, "k08-decision-issued")
    signer_ctx.close()
    nominee.refresh_from_db()
    assert nominee.status == "decided"

    # 5. anyone opening the certificate's QR address sees it verified
    token = decision.items.get(nominee=nominee).token
    public = browser.new_context(locale="en-US")
    visitor = public.new_page()
    visitor.goto(f"{base}/verify/{token}/")
    shoot(visitor, "k09-verify")
    assert "là thật" in visitor.inner_text("#verdict")
    text = visitor.inner_text("main")
    assert decision.body.name in text  # the issuer
    assert number in text
    assert person.full_name in text
    assert award.name in text
    public.close()

    # 6. the person's award history shows the new award with the decision number
    record = AwardRecord.objects.get(person=person, decision_number=number)
    assert (record.award_type, record.year) == (award, YEAR)
    page.goto(f"{base}/awards/people/{person.pk}/")
    shoot(page, "k10-history")
    history = page.inner_text("main")
    assert number in history
    assert award.name in history
