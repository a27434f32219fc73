"""Org pages: the permission matrix, search, sorting, and forms refusing bad input."""

from datetime import date

import pytest

from thidua.core.testing.matrix import SEE_UNIT_A, Case, check_case, login
from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db

# Everyone logged in with a role in A (or above) sees A; B's clerk gets 404 everywhere in A;
# an outsider with no role sees nothing.
SEE_A = SEE_UNIT_A
MANAGE_A_UNITS = {
    "outsider": 404,
    "unit_a_clerk": 403,
    "unit_b_clerk": 404,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
}
MANAGE_A_PEOPLE = {
    "outsider": 404,
    "unit_a_clerk": 200,
    "unit_b_clerk": 404,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
}
EVERYONE = dict.fromkeys(SEE_A, 200)
OFFICERS_ONLY = {
    "outsider": 403,
    "unit_a_clerk": 403,
    "unit_b_clerk": 403,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
}

PUBLIC = dict.fromkeys(EVERYONE, 200) | {"anonymous": 200}
REDIRECTED = dict.fromkeys(EVERYONE, 302) | {"anonymous": 302}
# Two-factor pages: roles that need it (the matrix gives them a confirmed device) verify a
# code; everyone else is sent on to enrolment or away.
TWO_FACTOR_VERIFY = dict.fromkeys(EVERYONE, 302) | {"council_member": 200, "admin": 200}
TWO_FACTOR_SETUP = dict.fromkeys(EVERYONE, 200) | {"council_member": 302, "admin": 302}
LOGGED_IN_REDIRECTED = dict.fromkeys(EVERYONE, 302) | {"anonymous": 200}


def _cluster_of_a(world):
    """A block organised by the district whose members are units of commune A."""
    from thidua.org.models import Cluster, ClusterMember

    cluster, created = Cluster.objects.get_or_create(
        code="KA",
        year=2024,
        defaults={"name": "Khối A", "kind": "block", "organiser": world.district},
    )
    if created:
        ClusterMember.objects.create(cluster=cluster, unit=world.unit_a, role="leader")
        ClusterMember.objects.create(cluster=cluster, unit=world.village_a)
    return [cluster.pk]


CASES = [
    Case("accounts:login", expect=LOGGED_IN_REDIRECTED),
    Case("accounts:password_change", expect=EVERYONE),
    Case("accounts:logout", expect=REDIRECTED, method="post"),
    Case("accounts:two_factor", expect=TWO_FACTOR_VERIFY),
    Case("accounts:two_factor_setup", expect=TWO_FACTOR_SETUP),
    Case("healthz", expect=PUBLIC),
    # Absent without THIDUA_METRICS_TOKEN (tested with a token in core/tests/test_monitoring.py).
    Case("metrics", expect=dict.fromkeys(PUBLIC, 404)),
    Case("set_language", expect=REDIRECTED, method="post", data=lambda w: {"language": "vi"}),
    Case("home", expect=EVERYONE),
    Case("org:unit_tree", expect=EVERYONE),
    Case("org:unit_tree", expect=EVERYONE, query="?q=an+phu"),
    Case("org:unit_detail", lambda w: [w.unit_a.pk], SEE_A),
    Case("org:unit_detail", lambda w: [w.village_a.pk], SEE_A),
    Case("org:unit_children", lambda w: [w.unit_a.pk], SEE_A),
    Case("org:unit_edit", lambda w: [w.unit_a.pk], MANAGE_A_UNITS),
    Case("org:unit_rename", lambda w: [w.unit_a.pk], MANAGE_A_UNITS),
    Case("org:unit_move", lambda w: [w.unit_a.pk], MANAGE_A_UNITS),
    Case("org:unit_merge", lambda w: [w.unit_a.pk], MANAGE_A_UNITS),
    Case("org:unit_dissolve", lambda w: [w.unit_a.pk], MANAGE_A_UNITS),
    Case("org:unit_create", expect=MANAGE_A_UNITS, query="?parent=__A__"),
    Case("org:person_list", expect=EVERYONE),
    Case("org:person_list", expect=SEE_A, query="?unit=__A__"),
    Case("org:person_detail", lambda w: [w.person_a.pk], SEE_A),
    Case("org:person_edit", lambda w: [w.person_a.pk], MANAGE_A_PEOPLE),
    Case("org:person_create", expect=MANAGE_A_PEOPLE, query="?unit=__A__"),
    Case("org:cluster_list", expect=EVERYONE),
    Case("org:cluster_detail", _cluster_of_a, SEE_A),
    Case("org:cluster_create", expect=OFFICERS_ONLY),
    Case("org:audit", expect=OFFICERS_ONLY),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    if "__A__" in case.query:
        case = Case(
            case.url_name,
            case.args,
            case.expect,
            query=case.query.replace("__A__", str(world.unit_a.pk)),
        )
    check_case(client, world, case)


def test_posts_from_the_other_commune_change_nothing(world, client):
    # given B's clerk posts a new person into A and a rename of A
    login(client, world, "unit_b_clerk")
    before = (Person.objects.count(), Unit.objects.get(pk=world.unit_a.pk).name)
    r1 = client.post(
        f"/org/people/new/?unit={world.unit_a.pk}",
        {"full_name": "Kẻ Lạ", "gender": "male", "ethnicity": "Kinh", "since": "2024-01-01"},
    )
    r2 = client.post(
        f"/org/units/{world.unit_a.pk}/rename/",
        {"new_name": "Xã Bị Đổi", "effective_date": "2024-01-01"},
    )
    # then
    assert (r1.status_code, r2.status_code) == (404, 404)
    assert (Person.objects.count(), Unit.objects.get(pk=world.unit_a.pk).name) == before


def test_people_list_of_b_clerk_never_shows_a(world, client):
    login(client, world, "unit_b_clerk")
    html = client.get("/org/people/").content.decode()
    assert "Trần Thị Bình" in html
    assert "Nguyễn Văn An" not in html


def test_accent_insensitive_search_finds_people(world, client):
    login(client, world, "province_officer")
    html = client.get("/org/people/?q=nguyen+van+an").content.decode()
    assert "Nguyễn Văn An" in html
    assert "Trần Thị Bình" not in html


def test_people_are_sorted_by_given_name_the_vietnamese_way(world, client, province_officer):
    # given names whose family names would sort the other way round
    from thidua.org import services

    for name in ["Trần Văn Ước", "Nguyễn Thị Ánh", "Lê Văn Đức", "Bùi Thị Dung"]:
        services.create_person(
            province_officer,
            services.PersonData(full_name=name, gender="male"),
            unit=world.unit_a,
            since=date(2020, 1, 1),
        )
    login(client, world, "province_officer")
    # when
    html = client.get(f"/org/people/?unit={world.unit_a.pk}").content.decode()
    # then: An, Ánh, Dung, Đức, Ước (given name first; d before đ; a before á)
    order = [
        html.index(n)
        for n in ["Nguyễn Văn An", "Nguyễn Thị Ánh", "Bùi Thị Dung", "Lê Văn Đức", "Trần Văn Ước"]
    ]
    assert order == sorted(order)


def test_invalid_cccd_in_the_form_shows_a_vietnamese_error_and_saves_nothing(world, client):
    login(client, world, "unit_a_clerk")
    before = Person.objects.count()
    response = client.post(
        f"/org/people/new/?unit={world.unit_a.pk}",
        {
            "full_name": "Hồ Văn Nam",
            "gender": "male",
            "ethnicity": "Kinh",
            "national_id": "0421",
            "since": "2024-01-01",
        },
    )
    assert response.status_code == 200
    assert "Số CCCD phải gồm đúng 12 chữ số" in response.content.decode()
    assert Person.objects.count() == before


def test_cycle_in_the_move_form_is_refused(world, client):
    login(client, world, "province_officer")
    # the district cannot be offered its own descendants; a forged post is refused too
    response = client.post(
        f"/org/units/{world.district.pk}/move/",
        {"new_parent": world.unit_a.pk, "effective_date": "2024-01-01"},
    )
    assert response.status_code == 200
    world.district.refresh_from_db()
    assert world.district.parent == world.province


def test_merge_form_refuses_a_date_before_the_unit_existed(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/org/units/{world.unit_a.pk}/merge/",
        {"others": [world.unit_b.pk], "effective_date": "1999-01-01", "keep_this": "on"},
    )
    assert response.status_code == 200
    assert "chỉ bắt đầu hoạt động từ 01/01/2008" in response.content.decode()
    world.unit_b.refresh_from_db()
    assert world.unit_b.valid_to is None


def test_unit_page_shows_predecessors_after_a_merge(world, client, province_officer):
    from thidua.org import services

    services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        successor=world.unit_a,
    )
    login(client, world, "province_officer")
    html = client.get(f"/org/units/{world.unit_a.pk}/").content.decode()
    assert "Xã Bình Minh" in html
    assert "01/07/2025" in html
    html_b = client.get(f"/org/units/{world.unit_b.pk}/").content.decode()
    assert "Xã An Phú" in html_b
    assert "30/06/2025" in html_b


def test_person_list_query_count_is_pinned(
    world, client, django_assert_max_num_queries, add_people
):
    add_people(30)
    login(client, world, "province_officer")
    with django_assert_max_num_queries(8):
        response = client.get("/org/people/")
    assert response.status_code == 200
