"""Scoring pages: the permission matrix, scoping of drafts, forms, query counts."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case, login
from thidua.scoring.tests.builders import build_full

pytestmark = pytest.mark.django_db

ROLES = (
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
)
CHAIN = ("cluster_leader", "council_secretary", "signer")
EVERYONE = dict.fromkeys(("outsider", *ROLES, *CHAIN), 200)
SEE = EVERYONE | {"outsider": 404}  # the movement (A and B take part)
SEE_A = SEE | {"unit_b_clerk": 404}  # A's own records
TAKE_PART = SEE | {
    "unit_a_viewer": 403,
    "council_member": 403,
    "council_secretary": 403,
    "signer": 403,
}
MANAGE = dict.fromkeys(EVERYONE, 403) | {"outsider": 404, "province_officer": 200, "admin": 200}
MANAGE_POST = MANAGE | {"province_officer": 302, "admin": 302}
# B's score sheet: B, the organising level and A's cluster leader; not A's clerk or viewer.
SHEET_B = SEE | {"unit_a_clerk": 404, "unit_a_viewer": 404}
# A draft ranking: the organising level and the cluster's leader only.
DRAFT_RANKING = SEE | {"unit_a_clerk": 404, "unit_b_clerk": 404, "unit_a_viewer": 404}
NO_OUTSIDER_MANAGE = dict.fromkeys(EVERYONE, 403) | {"province_officer": 200, "admin": 200}


def f(w):
    return build_full(w)


def mv(w):
    return [f(w).s.movement.pk]


def tb(w):
    return [f(w).s.table.pk]


CASES = [
    Case("scoring:home", expect=EVERYONE),
    Case("scoring:overdue", expect=EVERYONE),
    Case("scoring:progress", mv, SEE),
    Case("scoring:progress", mv, SEE, query="?period=abc&target=999999"),
    Case("scoring:progress_report", mv, TAKE_PART),
    Case("scoring:progress_import", mv, TAKE_PART),
    Case("scoring:progress_template", mv, TAKE_PART),
    Case("scoring:periods", mv, MANAGE),
    Case("scoring:review_create", mv, MANAGE),
    Case("scoring:progress_detail", lambda w: [f(w).report.pk], SEE_A),
    Case("scoring:evidence_file", lambda w: [f(w).evidence.pk], SEE_A),
    Case("scoring:sheet_evidence_file", lambda w: [f(w).sheet_evidence.pk], SEE_A),
    Case("scoring:table_create", expect=NO_OUTSIDER_MANAGE),
    Case("scoring:table_detail", tb, SEE),
    Case("scoring:group_create", tb, MANAGE),
    Case("scoring:criterion_create", tb, MANAGE),
    Case("scoring:table_adopt", tb, MANAGE_POST, method="post", data=lambda w: {"version": 999}),
    Case(
        "scoring:table_open",
        tb,
        MANAGE_POST,
        method="post",
        data=lambda w: {"cluster": f(w).s.other.pk},
    ),
    Case("scoring:simulate", tb, MANAGE),
    Case(
        "scoring:table_lock",
        lambda w: [f(w).s.table.pk, f(w).s.other.pk],
        MANAGE_POST,
        method="post",
    ),
    Case(
        "scoring:peer",
        lambda w: [f(w).s.table.pk, f(w).s.cluster.pk],
        SEE
        | {"unit_a_viewer": 404, "council_member": 404, "council_secretary": 404, "signer": 404},
    ),
    Case("scoring:sheet_detail", lambda w: [f(w).s.sheet_b.pk], SHEET_B),
    # another cluster's draft sheet: A's cluster leader does not see it
    Case(
        "scoring:sheet_detail",
        lambda w: [f(w).s.sheet_c.pk],
        SHEET_B | {"unit_b_clerk": 404, "cluster_leader": 404},
    ),
    Case(
        "scoring:sheet_transition",
        lambda w: [f(w).s.sheet_b.pk],
        SHEET_B
        | {
            "unit_b_clerk": 302,
            "province_officer": 302,
            "admin": 302,
            "council_member": 403,
            "cluster_leader": 403,
            "council_secretary": 403,
            "signer": 403,
        },
        method="post",
        data=lambda w: {"action": "submit", "version": 999},
    ),
    Case("scoring:ranking_detail", lambda w: [f(w).board.pk], DRAFT_RANKING),
    Case("scoring:ranking_explain", lambda w: [f(w).board.pk], DRAFT_RANKING, query="?x=a&y=1"),
    Case(
        "scoring:ranking_vote",
        lambda w: [f(w).board.pk],
        DRAFT_RANKING
        | {
            "province_officer": 302,
            "admin": 302,
            "cluster_leader": 302,
            "council_member": 403,
            "council_secretary": 403,
            "signer": 403,
        },
        method="post",
        data=lambda w: {"unit": w.unit_a.pk, "approve": "0"},
    ),
    Case(
        "scoring:ranking_publish",
        lambda w: [f(w).board.pk],
        DRAFT_RANKING
        | {
            "province_officer": 302,
            "admin": 302,
            "cluster_leader": 403,
            "council_member": 403,
            "council_secretary": 403,
            "signer": 403,
        },
        method="post",
        data=lambda w: {"version": 999},
    ),
    Case("scoring:review_detail", lambda w: [f(w).review.pk], SEE),
    Case("scoring:review_docx", lambda w: [f(w).review.pk], SEE),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_published_ranking_is_seen_by_members_not_before(world, client):
    from thidua.scoring import services

    full = build_full(world)
    url = f"/scoring/rankings/{full.board.pk}/"
    login(client, world, "unit_b_clerk")
    assert client.get(url).status_code == 404
    services.cast_ranking_vote(
        world.users["unit_a_clerk"], full.board, unit=world.unit_a, approve=True
    )
    services.cast_ranking_vote(
        world.users["unit_b_clerk"], full.board, unit=world.unit_b, approve=True
    )
    services.publish_ranking(
        world.users["province_officer"], full.board, expected_version=full.board.version
    )
    for persona in ("unit_a_clerk", "unit_b_clerk", "unit_a_viewer"):
        login(client, world, persona)
        html = client.get(url).content.decode()
        assert "Xã An Phú" in html
        assert "CO_BT" in html
    # the other cluster's sheets stay hidden from A's leader
    login(client, world, "cluster_leader")
    assert client.get(f"/scoring/sheets/{full.s.sheet_c.pk}/").status_code == 404


def test_self_score_through_the_page_and_refused_values(world, client):
    from thidua.scoring.tests.builders import build

    s = build(world)
    login(client, world, "unit_a_clerk")
    sheet = s.sheet_a
    entries = {e.criterion.code: e.criterion_id for e in sheet.entries.select_related("criterion")}
    data = {
        "version": sheet.version,
        f"value_{entries['1.1']}": "60",
        f"note_{entries['1.1']}": "Biên bản",
    }
    response = client.post(f"/scoring/sheets/{sheet.pk}/", data)
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.self_total > 0
    stale = client.post(f"/scoring/sheets/{sheet.pk}/", data | {"version": 1})
    assert "Bản ghi đã được người khác thay đổi" in stale.content.decode()
    bad = client.post(
        f"/scoring/sheets/{sheet.pk}/", {"version": sheet.version, f"value_{entries['1.1']}": "abc"}
    )
    assert bad.status_code == 200
    assert "Nhập một số" in bad.content.decode()


def test_explanation_view_says_why(world, client):
    full = build_full(world)
    login(client, world, "province_officer")
    html = client.get(
        f"/scoring/rankings/{full.board.pk}/explain/?x={world.unit_a.pk}&y={world.unit_b.pk}"
    ).content.decode()
    assert "Xã An Phú hơn Xã Bình Minh 1 điểm" in html


def test_progress_page_shows_the_tally_and_query_count_is_pinned(
    world, client, django_assert_max_num_queries
):
    full = build_full(world)
    login(client, world, "province_officer")
    with django_assert_max_num_queries(40):
        response = client.get(f"/scoring/movements/{full.s.movement.pk}/progress/")
    assert "0/1 chỉ tiêu đạt và vượt" in response.content.decode()


def test_home_query_count_is_pinned(world, client, django_assert_max_num_queries):
    build_full(world)
    login(client, world, "unit_a_clerk")
    with django_assert_max_num_queries(40):
        assert client.get("/scoring/").status_code == 200
