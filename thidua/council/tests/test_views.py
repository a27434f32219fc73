"""Council pages: the permission matrix, refusals shown on forms, secrecy, query counts."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from thidua.core.documents import docx_text
from thidua.core.testing.matrix import Case, check_case, login
from thidua.council.models import AgendaItem, Ballot, Session, VoteReceipt, VotingRule
from thidua.council.tests.builders import build
from thidua.council.tests.helpers import an_elector, closed, opened, planned

pytestmark = pytest.mark.django_db

LOGGED_IN = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
    "cluster_leader",
    "council_secretary",
    "signer",
)
EVERYONE = dict.fromkeys(LOGGED_IN, 200)
# The council belongs to the province: people whose roles lie in commune A or B do not see it.
SEE = EVERYONE | dict.fromkeys(
    ("outsider", "unit_a_clerk", "unit_b_clerk", "unit_a_viewer", "cluster_leader"), 404
)
MANAGE = SEE | {"council_member": 403, "signer": 403}
MANAGE_POST = MANAGE | {"province_officer": 302, "admin": 302, "council_secretary": 302}
MANAGERS = dict.fromkeys(LOGGED_IN, 403) | {
    "province_officer": 200,
    "admin": 200,
    "council_secretary": 200,
}
ADMIN_ONLY = dict.fromkeys(LOGGED_IN, 403) | {"admin": 200}
# Only a member of the frozen electorate votes; the administrator does not hold VOTE.
VOTE = SEE | {"province_officer": 403, "admin": 403, "council_secretary": 403, "signer": 403}


def c(w):
    return [build(w).council.pk]


CASES = [
    Case("council:index", expect=EVERYONE),
    Case("council:council_create", expect=MANAGERS),
    Case("council:rules", expect=EVERYONE),
    Case("council:rule_edit", lambda w: [VotingRule.objects.first().pk], ADMIN_ONLY),
    Case("council:council_detail", c, SEE),
    Case("council:member_add", c, MANAGE),
    Case(
        "council:member_end",
        lambda w: [build(w).members[-1].pk],
        MANAGE_POST,
        method="post",
        data=lambda w: {"valid_to": "2026-01-01"},
    ),
    Case("council:session_create", c, MANAGE),
    Case("council:session_detail", lambda w: [planned(w).pk], SEE),
    Case("council:session_detail", lambda w: [opened(w).pk], SEE),
    Case("council:session_detail", lambda w: [closed(w).pk], SEE),
    Case("council:agenda_add", lambda w: [planned(w).pk], MANAGE),
    Case(
        "council:agenda_remove",
        lambda w: [closed(w).items.first().pk],
        MANAGE_POST,
        method="post",
    ),
    Case("council:session_open", lambda w: [planned(w).pk], MANAGE),
    Case(
        "council:attendance",
        lambda w: [an_elector(w).pk],
        MANAGE_POST,
        method="post",
        data=lambda w: {"present": "1"},
    ),
    Case("council:recusal", lambda w: [opened(w).items.first().pk], MANAGE),
    Case("council:written_ballot", lambda w: [opened(w).items.first().pk], MANAGE),
    Case(
        "council:session_close",
        lambda w: [opened(w).pk],
        MANAGE_POST,
        method="post",
        data=lambda w: {"version": 999},
    ),
    Case("council:ballot", lambda w: [opened(w).pk], VOTE),
    Case("council:minutes", lambda w: [closed(w).pk], SEE),
    Case("council:count_record", lambda w: [closed(w).pk], SEE),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_refused_posts_in_the_matrix_changed_nothing(world, client):
    session = opened(world)
    version = session.version
    login(client, world, "council_secretary")
    client.post(f"/council/sessions/{session.pk}/close/", {"version": 999})
    session.refresh_from_db()
    assert (session.status, session.version) == ("open", version)
    done = closed(world)
    item = done.items.first()
    client.post(f"/council/items/{item.pk}/remove/")
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_session_form_refuses_a_reversed_window(world, client):
    built = build(world)
    login(client, world, "council_secretary")
    response = client.post(
        f"/council/{built.council.pk}/sessions/new/",
        {
            "title": "Phiên 2",
            "held_on": "2025-12-20",
            "place": "Hội trường",
            "ballot_opens_at": "2025-12-20T10:00",
            "ballot_closes_at": "2025-12-20T09:00",
        },
    )
    assert response.status_code == 200
    assert "Thời điểm kết thúc bỏ phiếu phải sau thời điểm bắt đầu." in response.content.decode()
    assert Session.objects.count() == 1


def test_open_page_refuses_without_quorum(world, client):
    session = planned(world)
    login(client, world, "council_secretary")
    response = client.post(
        f"/council/sessions/{session.pk}/open/", {"present": [], "version": session.version}
    )
    assert "Không đủ túc số để khai mạc" in response.content.decode()
    session.refresh_from_db()
    assert session.status == "planned"


def test_member_votes_through_the_page_and_no_page_shows_who_voted_how(world, client):
    built = build(world)
    session = opened(world)
    login(client, world, "council_member")
    page = client.get(f"/council/sessions/{session.pk}/ballot/")
    assert "item_" in page.content.decode()
    response = client.post(
        f"/council/sessions/{session.pk}/ballot/",
        {f"item_{built.cstd.pk}": "no", f"item_{built.bk.pk}": "yes"},
    )
    assert response.status_code == 302
    assert VoteReceipt.objects.filter(elector__user=world.users["council_member"]).count() == 2
    again = client.get(f"/council/sessions/{session.pk}/ballot/").content.decode()
    assert "Bạn đã bỏ phiếu" in again or "ballot-form" not in again
    # the secretary sees how many have voted, never a choice next to a name
    login(client, world, "council_secretary")
    html = client.get(f"/council/sessions/{session.pk}/").content.decode()
    assert "1/10" in html
    assert not re.search(r"(Đồng ý|Không đồng ý)", html.split('id="electors"')[1])
    session.refresh_from_db()
    client.post(f"/council/sessions/{session.pk}/close/", {"version": session.version})
    for persona in ("council_secretary", "admin", "council_member"):
        login(client, world, persona)
        html = client.get(f"/council/sessions/{session.pk}/").content.decode()
        electors_part = html.split('id="electors"')[1]
        assert "Không đồng ý" not in electors_part
        assert "Đồng ý" not in electors_part
    assert Ballot.objects.filter(choice="no").count() == 1


def test_ballot_outside_the_window_is_shown_on_the_form(world, client):
    session = opened(world)
    Session.objects.filter(pk=session.pk).update(
        ballot_closes_at=timezone.now() - timezone.timedelta(minutes=1),
        ballot_opens_at=timezone.now() - timezone.timedelta(hours=1),
    )
    built = build(world)
    login(client, world, "council_member")
    response = client.post(
        f"/council/sessions/{session.pk}/ballot/", {f"item_{built.cstd.pk}": "yes"}
    )
    assert response.status_code == 200
    assert "Ngoài thời gian bỏ phiếu" in response.content.decode()
    assert not VoteReceipt.objects.exists()


def test_minutes_and_count_record_read_back(world, client):
    session = closed(world)
    login(client, world, "council_member")
    count = docx_text(client.get(f"/council/sessions/{session.pk}/count.docx").content)
    assert "BIÊN BẢN KIỂM PHIẾU" in count
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in count
    assert "Nguyễn Văn An" in count
    assert "≥ 90 % tổng số thành viên Hội đồng" in count
    assert "> 50 % tổng số thành viên Hội đồng" in count
    assert "10.00 %" in count  # 1 of 10 agreed on the first nominee
    assert "Không đạt" in count
    assert "Nghị định 91/2017/NĐ-CP" in count
    minutes = docx_text(client.get(f"/council/sessions/{session.pk}/minutes.docx").content)
    assert "BIÊN BẢN" in minutes
    assert "Thành viên Hội đồng: 10; có mặt: 9; vắng mặt: 1." in minutes
    assert "Vắng mặt" in minutes
    assert "Phòng họp UBND tỉnh" in minutes


def test_list_page_query_count_is_pinned(world, client, django_assert_max_num_queries):
    build(world)
    login(client, world, "province_officer")
    with django_assert_max_num_queries(12):
        assert client.get("/council/").status_code == 200


def test_session_page_query_count_is_pinned(world, client, django_assert_max_num_queries):
    session = closed(world)
    login(client, world, "council_secretary")
    with django_assert_max_num_queries(25):
        assert client.get(f"/council/sessions/{session.pk}/").status_code == 200


def test_conflicts_shown_to_the_secretary_only(world, client):
    built = build(world)
    built.members[2].person = world.person_a
    built.members[2].save()
    session = opened(world)
    login(client, world, "council_secretary")
    html = client.get(f"/council/sessions/{session.pk}/").content.decode()
    assert "Thành viên là người được đề nghị khen thưởng." in html
    login(client, world, "council_member")
    html = client.get(f"/council/sessions/{session.pk}/").content.decode()
    assert "Thành viên là người được đề nghị khen thưởng." not in html
