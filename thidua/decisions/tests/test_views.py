"""Decision pages: the permission matrix (every page, every persona), forms refusing bad
input in Vietnamese, the status line, and pinned query counts."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case, login
from thidua.decisions.models import Decision
from thidua.decisions.tests.builders import DECIDED_ON, drafted, issued

pytestmark = pytest.mark.django_db

ALL = (
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
EVERYONE = dict.fromkeys(ALL, 200)
PREPARERS = ("province_officer", "admin", "council_secretary")
ONLY_PREPARERS = dict.fromkeys(ALL, 403) | dict.fromkeys(PREPARERS, 200)
# A draft or a decision awaiting signature: only the office and the signer see it.
OFFICIALS = dict.fromkeys(ALL, 404) | dict.fromkeys((*PREPARERS, "signer"), 200)
PREPARE_DRAFT = OFFICIALS | {"signer": 403}
SIGN_DRAFT = OFFICIALS | dict.fromkeys(PREPARERS, 403)
# Issued: also everyone who sees the province or the awardee (person A of commune A).
SEE_ISSUED = EVERYONE | {"outsider": 404, "unit_b_clerk": 404}
SIGN_ISSUED = dict.fromkeys(SEE_ISSUED, 403) | {"outsider": 404, "unit_b_clerk": 404, "signer": 200}


def draft(w):
    return [drafted(w, submitted=False).decision.pk]


def submitted(w):
    return [drafted(w).decision.pk]


def done(w):
    return [issued(w).decision.pk]


def done_item(w):
    d = issued(w).decision
    return [d.pk, d.items.get().pk]


def draft_item(w):
    d = drafted(w, submitted=False).decision
    return [d.pk, d.items.get().pk]


def token(w):
    return [issued(w).decision.items.get().token]


def _version(w):
    return {"version": Decision.objects.get().version}


def _issue_data(w):
    return {
        "version": Decision.objects.get().version,
        "decided_on": DECIDED_ON.isoformat(),
        "signer_name": "Võ Trọng Hải",
    }


CASES = [
    Case("decisions:list", expect=EVERYONE),
    Case("decisions:list", expect=EVERYONE, query="?status=issued&year=2026&q=B%E1%BA%B1ng"),
    Case("decisions:list", expect=EVERYONE, query="?status=nope&year=abc&page=x"),
    Case("decisions:create", expect=ONLY_PREPARERS),
    Case("decisions:bodies", expect=ONLY_PREPARERS | {"signer": 200}),
    Case("decisions:body_create", expect=ONLY_PREPARERS),
    Case("decisions:layouts", expect=ONLY_PREPARERS),
    Case("decisions:layout_edit", lambda w: ["bang_khen"], ONLY_PREPARERS),
    Case("decisions:detail", submitted, OFFICIALS),
    Case("decisions:detail", done, SEE_ISSUED),
    Case("decisions:edit", draft, PREPARE_DRAFT),
    Case("decisions:item_add", draft, PREPARE_DRAFT),
    # The first of the office removes the item; after that it is gone (404).
    Case(
        "decisions:item_remove",
        draft_item,
        PREPARE_DRAFT | {"province_officer": 302, "admin": 404, "council_secretary": 404},
        method="post",
        data=_version,
    ),
    # Submitting twice: the second is refused with a message on the page (302 back to it).
    Case(
        "decisions:submit",
        draft,
        PREPARE_DRAFT | dict.fromkeys(PREPARERS, 302),
        method="post",
        data=_version,
    ),
    Case("decisions:return", submitted, SIGN_DRAFT),
    Case("decisions:issue", submitted, SIGN_DRAFT),
    Case(
        "decisions:issue", submitted, SIGN_DRAFT | {"signer": 302}, method="post", data=_issue_data
    ),
    Case("decisions:revoke", done, SIGN_ISSUED),
    Case("decisions:docx", done, SEE_ISSUED),
    Case("decisions:pdf", submitted, OFFICIALS),
    Case("decisions:certificates", done, SEE_ISSUED),
    Case("decisions:certificate", done_item, SEE_ISSUED),
    # The public verification page: no login at all.
    Case("verify:certificate", token, EVERYONE | {"anonymous": 200}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_the_status_line_says_where_the_decision_is(world, client):
    d = drafted(world)
    login(client, world, "province_officer")
    page = client.get(f"/decisions/{d.decision.pk}/").content.decode()
    assert "Chờ" in page or "chờ" in page
    assert "Chủ tịch" in page


def test_the_issue_form_refuses_a_future_date_in_vietnamese_and_writes_nothing(world, client):
    d = drafted(world)
    login(client, world, "signer")
    response = client.post(
        f"/decisions/{d.decision.pk}/issue/",
        {"version": d.decision.version, "decided_on": "2100-01-01", "signer_name": "Võ Trọng Hải"},
    )
    assert response.status_code == 200
    assert "Ngày ký quyết định chưa đến." in response.content.decode()
    d.decision.refresh_from_db()
    assert d.decision.status == "submitted"
    assert d.decision.number is None


def test_verification_shows_only_issuer_number_date_award_and_name(world, client):
    d = issued(world)
    item = d.decision.items.get()
    page = client.get(f"/verify/{item.token}/").content.decode()
    assert "Ủy ban nhân dân tỉnh Thử Nghiệm" in page
    assert "01/QĐ-UBND" in page
    assert "15/01/2026" in page
    assert "Nguyễn Văn An" in page
    assert "Bằng khen cấp bộ, ban, ngành, tỉnh" in page
    # nothing more: not the achievement, the bonus or the person's unit
    assert "thành tích xuất sắc" not in page
    assert "3.510.000" not in page
    assert "Xã An Phú" not in page
    assert client.get("/verify/khong-co-ma-nay/").status_code == 404


def test_the_list_page_has_a_pinned_query_count(world, client, django_assert_max_num_queries):
    for _ in range(3):
        drafted(world, person=None) if False else None
    issued(world)
    login(client, world, "province_officer")
    client.get("/decisions/")
    with django_assert_max_num_queries(12):
        response = client.get("/decisions/")
    assert response.status_code == 200
