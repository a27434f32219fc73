"""Scoring in a real browser: commune B self-scores and submits, the cluster leader (commune A)
reviews with a comment, the organising level locks and publishes, and the explanation view
says why A is ranked above B. The page is also checked at phone width."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "matkhau-thu-nghiem"


def login(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_self_score_review_lock_publish_and_explain(page, live_server, shoot):
    from thidua.core.testing.personas import make_personas
    from thidua.scoring import services
    from thidua.scoring.tests.builders import RAW_A, RAW_B, build, fresh, values

    world = make_personas()
    s = build(world)
    sheet_b = s.sheet_b
    codes = {e.criterion.code: e.criterion_id for e in sheet_b.entries.select_related("criterion")}

    # given B's focal point on B's score sheet, on a phone
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "clerk_b")
    page.goto(f"{live_server.url}/scoring/sheets/{sheet_b.pk}/")
    page.wait_for_selector("text=Thực hiện nhiệm vụ")
    # when they enter every value with evidence and save, then submit
    for code, value in RAW_B.items():
        page.fill(f"input[name=value_{codes[code]}]", value)
    page.fill(f"input[name=note_{codes['2.1']}]", "5 mô hình, có quyết định công nhận")
    page.click("text=Lưu điểm tự chấm")
    page.wait_for_selector("text=Đã lưu điểm.")
    shoot(page, "scoring-01-self-score-phone")
    page.click("text=Nộp cho trưởng cụm")
    page.wait_for_selector("text=Đã thực hiện.")
    assert "đã nộp" in page.content()

    # then the cluster leader (commune A) reviews B's sheet on a laptop, lowering one value
    page.set_viewport_size({"width": 1366, "height": 800})
    login(page, live_server, "leader_a")
    page.goto(f"{live_server.url}/scoring/sheets/{sheet_b.pk}/")
    page.fill(f"input[name=value_{codes['2.1']}]", "4")
    page.fill("textarea[name=comment]", "Một mô hình chưa có minh chứng")
    page.click("text=Lưu kết quả thẩm định")
    page.wait_for_selector("text=Đã lưu điểm.")
    shoot(page, "scoring-02-leader-review")
    assert "Một mô hình chưa có minh chứng" in page.content()

    # the rest of the chain through the services: A's own sheet, final scores, lock, votes
    clerk_a, officer = world.users["unit_a_clerk"], world.users["province_officer"]
    sh = fresh(s.sheet_a)
    services.save_self_scores(clerk_a, sh, values(sh, RAW_A), expected_version=sh.version)
    services.submit_self_score(clerk_a, sh, expected_version=sh.version)
    services.review_sheet(officer, sh, {}, comment="Đúng", expected_version=sh.version)
    for sheet in (s.sheet_a, s.sheet_b):
        sh = fresh(sheet)
        services.finalise_sheet(officer, sh, {}, comment="", expected_version=sh.version)
    board = services.lock_cluster(officer, s.table, s.cluster)
    services.cast_ranking_vote(clerk_a, board, unit=world.unit_a, approve=True)
    services.cast_ranking_vote(world.users["unit_b_clerk"], board, unit=world.unit_b, approve=True)

    # the organising level publishes the ranking on its page
    login(page, live_server, "officer")
    page.goto(f"{live_server.url}/scoring/rankings/{board.pk}/")
    page.click("text=Công bố kết quả xếp hạng")
    page.wait_for_selector("text=Đã công bố kết quả xếp hạng.")
    # and B's focal point now sees it and asks why A is above B
    login(page, live_server, "clerk_b")
    page.goto(f"{live_server.url}/scoring/rankings/{board.pk}/")
    page.click("text=Vì sao đơn vị này xếp trên đơn vị kia?")
    page.wait_for_selector("text=Xã An Phú hơn Xã Bình Minh 1 điểm")
    shoot(page, "scoring-03-explanation")
