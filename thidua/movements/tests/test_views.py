"""Movement pages: the permission matrix, forms refusing bad input, query counts."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case, login
from thidua.movements.models import Movement, QuotaRule, Work
from thidua.movements.tests.builders import build, draft

pytestmark = pytest.mark.django_db

PERSONAS = ("outsider", "unit_a_clerk", "unit_b_clerk", "unit_a_viewer", "province_officer")
EVERYONE = dict.fromkeys((*PERSONAS, "council_member", "admin"), 200)
# Communes A and B both take part: everyone with a role sees the movement.
SEE = EVERYONE | {"outsider": 404}
# A's own records: B's clerk does not see them.
SEE_A = SEE | {"unit_b_clerk": 404}
MANAGE = {
    "outsider": 404,
    "unit_a_clerk": 403,
    "unit_b_clerk": 403,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
}
MANAGE_POST = MANAGE | {"province_officer": 302, "admin": 302}
TAKE_PART = SEE | {"unit_a_viewer": 403, "council_member": 403}
EDIT_A = TAKE_PART | {"unit_b_clerk": 404}
OFFICERS = dict.fromkeys(EVERYONE, 403) | {"province_officer": 200, "admin": 200}
ONLY_B = dict.fromkeys(EVERYONE, 404) | {"unit_b_clerk": 302}


def m(w):
    return [build(w).movement.pk]


CASES = [
    Case("movements:list", expect=EVERYONE),
    Case("movements:list", expect=EVERYONE, query="?level=province&kind=thematic&year=2025"),
    Case("movements:list", expect=EVERYONE, query="?year=abc&state=nope&after=x|y"),
    Case("movements:create", expect=OFFICERS),
    Case("movements:detail", m, SEE),
    Case("movements:edit", m, MANAGE),
    Case("movements:document", m, SEE),
    Case("movements:participants", m, MANAGE),
    Case(
        "movements:advance",
        m,
        MANAGE_POST,
        method="post",
        data=lambda w: {"to": "interim_review", "version": 999},
    ),
    Case("movements:target_create", m, MANAGE),
    Case(
        "movements:target_delete",
        lambda w: [build(w).movement.pk, build(w).target.pk],
        MANAGE_POST,
        method="post",
    ),
    Case(
        "movements:target_report",
        lambda w: [build(w).movement.pk, build(w).target.pk],
        TAKE_PART,
    ),
    Case("movements:quotas", m, SEE),
    Case("movements:quota_create", m, MANAGE),
    Case(
        "movements:quota_delete",
        lambda w: [build(w).movement.pk, QuotaRule.objects.get(movement=build(w).movement).pk],
        MANAGE_POST,
        method="post",
    ),
    Case("movements:coverage", m, SEE),
    Case("movements:remind", m, MANAGE_POST, method="post"),
    Case("movements:registration_create", m, TAKE_PART),
    Case("movements:work_create", m, TAKE_PART),
    Case("movements:pledge_create", m, OFFICERS | {"outsider": 404, "unit_a_clerk": 200}),
    Case("movements:registration_detail", lambda w: [build(w).registration.pk], SEE_A),
    Case("movements:registration_edit", lambda w: [build(w).registration.pk], EDIT_A),
    Case("movements:registration_import", lambda w: [build(w).registration.pk], EDIT_A),
    Case("movements:registration_template", lambda w: [build(w).registration.pk], SEE_A),
    Case("movements:work_detail", lambda w: [build(w).work.pk], SEE_A),
    Case("movements:work_status", lambda w: [build(w).work.pk], EDIT_A),
    Case("movements:work_photo", lambda w: [build(w).work.pk], EDIT_A),
    Case("movements:work_photo_file", lambda w: [build(w).photo_id], SEE_A),
    Case("movements:pledge_detail", lambda w: [build(w).pledge.pk], SEE),
    Case("movements:pledge_sign", lambda w: [build(w).pledge.pk], TAKE_PART),
    Case("movements:pledge_docx", lambda w: [build(w).pledge.pk], SEE),
    Case(
        "movements:notification_read",
        lambda w: [build(w).notification.pk],
        ONLY_B,
        method="post",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_refused_posts_in_the_matrix_changed_nothing(world, client, built):
    # the matrix posts a stale version, a target with reports and a rule of a running movement
    before = (built.movement.state, built.movement.version, QuotaRule.objects.count())
    for persona in ("unit_a_clerk", "province_officer"):
        login(client, world, persona)
        client.post(
            f"/movements/{built.movement.pk}/advance/", {"to": "interim_review", "version": 999}
        )
        client.post(f"/movements/{built.movement.pk}/targets/{built.target.pk}/delete/")
    built.movement.refresh_from_db()
    assert (built.movement.state, built.movement.version, QuotaRule.objects.count()) == before
    assert built.movement.targets.count() == 1


def test_b_clerk_does_not_see_a_registration_in_lists(world, client, built):
    login(client, world, "unit_b_clerk")
    html = client.get(f"/movements/{built.movement.pk}/").content.decode()
    assert "Nhà văn hóa thôn Một" not in html
    login(client, world, "unit_a_clerk")
    html = client.get(f"/movements/{built.movement.pk}/").content.decode()
    assert "Nhà văn hóa thôn Một" in html


def test_quota_view_lists_commune_b_below_quota(world, client, built):
    login(client, world, "province_officer")
    html = client.get(f"/movements/{built.movement.pk}/quotas/?show=below").content.decode()
    assert "Xã Bình Minh" in html
    assert "Xã An Phú" not in html


def test_draft_is_invisible_to_participants(world, client):
    movement = draft(world)
    login(client, world, "unit_a_clerk")
    assert client.get(f"/movements/{movement.pk}/").status_code == 404
    login(client, world, "province_officer")
    assert client.get(f"/movements/{movement.pk}/").status_code == 200


FORM = {
    "name": "Phong trào thi đua chào mừng đại hội",
    "kind": "thematic",
    "launch_level": "province",
    "document_type": "directive",
    "document_number": "42-CT/TU",
    "document_date": "28/02/2020",
    "start_date": "01/03/2020",
    "end_date": "31/08/2020",
    "key_programmes": "Chương trình một\nChương trình hai",
    "plan_BK_BT_collective": "20",
}


def test_officer_creates_a_movement_from_the_form(world, client):
    login(client, world, "province_officer")
    response = client.post("/movements/new/", FORM | {"organiser": world.province.pk})
    movement = Movement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/movements/{movement.pk}/participants/"
    assert movement.document_date.isoformat() == "2020-02-28"
    assert movement.items.filter(kind="key_programme").count() == 2
    assert movement.planned_awards.get().quota == 20


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"start_date": "31/08/2020", "end_date": "01/03/2020"},
            "Thời gian thi đua kết thúc (01/03/2020) trước khi bắt đầu (31/08/2020).",
        ),
        ({"start_date": "31/02/2020"}, "Nhập một ngày hợp lệ."),
        ({"end_date": "01/01/9999"}, "Hãy nhập ngày trong khoảng từ 01/01/1900 đến 31/12/2100."),
    ],
)
def test_bad_dates_are_explained_in_vietnamese(world, client, changes, message):
    login(client, world, "province_officer")
    response = client.post("/movements/new/", FORM | {"organiser": world.province.pk} | changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Movement.objects.exists()


def test_quota_min_above_max_is_refused_in_vietnamese(world, client):
    movement = draft(world)
    login(client, world, "province_officer")
    response = client.post(
        f"/movements/{movement.pk}/quotas/new/",
        {"unit_level": "district", "min_count": "5", "max_count": "3"},
    )
    assert response.status_code == 200
    assert "Số công trình tối thiểu (5) lớn hơn số tối đa (3)." in response.content.decode()
    assert not QuotaRule.objects.exists()


def test_clerk_registers_and_adds_a_work_through_pages(world, client, built):
    login(client, world, "unit_b_clerk")
    response = client.post(
        f"/movements/{built.movement.pk}/register/",
        {"unit": world.unit_b.pk, "collective_title": "TTLDTT", f"target_{built.target.pk}": "5"},
    )
    assert response.status_code == 302
    reg = built.movement.registrations.get(unit=world.unit_b)
    assert reg.indicators.get().value == 5
    response = client.post(
        f"/movements/{built.movement.pk}/works/new/",
        {"unit": world.unit_b.pk, "name": "Khánh thành cầu", "kind": "inauguration"},
    )
    assert response.status_code == 302
    assert Work.objects.filter(unit=world.unit_b).count() == 1


def test_list_query_count_is_pinned(world, client, django_assert_max_num_queries):
    for i in range(35):
        draft(world, name=f"Phong trào số {i}")
    login(client, world, "province_officer")
    with django_assert_max_num_queries(12):
        response = client.get("/movements/")
    assert response.status_code == 200
    assert "Show more" in response.content.decode() or "Xem thêm" in response.content.decode()


def test_list_pages_with_a_cursor(world, client):
    for i in range(35):
        draft(world, name=f"Phong trào số {i}")
    login(client, world, "province_officer")
    from thidua.movements import queries

    first, cursor = queries.movement_page(world.users["province_officer"], limit=30)
    second, _ = queries.movement_page(world.users["province_officer"], after=cursor, limit=30)
    assert len(first) == 30
    assert len(second) == 5
    assert not {m.pk for m in first} & {m.pk for m in second}
