"""Award pages: the permission matrix, the history forms, the forecast panel, the catalogue and
its terms, quotas and duplicates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from thidua.awards import catalogue as packaged
from thidua.awards import queries, services
from thidua.awards.models import (
    AnnualRating,
    AwardRecord,
    AwardType,
    DisciplineRecord,
    Initiative,
    ParameterChange,
    PendingMatter,
    QuotaRule,
)
from thidua.core.models import Event
from thidua.core.testing.matrix import SEE_UNIT_A, Case, check_case, login

pytestmark = pytest.mark.django_db

SEE_A = SEE_UNIT_A
SEE_B = {
    "outsider": 404,
    "unit_a_clerk": 404,
    "unit_b_clerk": 200,
    "unit_a_viewer": 404,
    "province_officer": 200,
    "council_member": 200,
    "admin": 200,
}
# Writing A's history: A's focal point, the provincial officer and the administrator.
MANAGE_A_RECORDS = {
    "outsider": 404,
    "unit_a_clerk": 200,
    "unit_b_clerk": 404,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
}
EVERYONE = dict.fromkeys(SEE_A, 200)
ADMIN_ONLY = dict.fromkeys(SEE_A, 403) | {"admin": 200}
MOVEMENT_MANAGERS = dict.fromkeys(SEE_A, 403) | {"province_officer": 200, "admin": 200}

RULE_SET = "LTDKT-2022/ND-152-2025"


def award_type(code: str) -> AwardType:
    return AwardType.objects.get(code=code)


def _record_of_a(world):
    record = AwardRecord.objects.filter(person=world.person_a, award_type__code="GK").first()
    if record is None:
        record = services.record_award(
            world.users["province_officer"],
            world.person_a,
            services.AwardData(award_type("GK"), 2024, decision_date=date(2025, 1, 15)),
        )
    return [record.pk]


def _initiative_of_a(world):
    initiative = Initiative.objects.filter(title="Sáng kiến của An").first()
    if initiative is None:
        initiative = services.record_initiative(
            world.users["province_officer"],
            services.InitiativeData("initiative", "Sáng kiến của An", "CO_SO", 2024),
            authors=[world.person_a],
        )
    return [initiative.pk]


def _matter_of_a(world):
    matter = PendingMatter.objects.filter(person=world.person_a).first()
    if matter is None:
        matter = services.open_matter(
            world.users["province_officer"],
            world.person_a,
            kind="complaint",
            opened=date(2025, 3, 1),
        )
    return [matter.pk]


def person_a(world):
    return ["people", world.person_a.pk]


def unit_a(world):
    return ["units", world.unit_a.pk]


CASES = [
    Case("awards:catalogue", expect=EVERYONE),
    Case("awards:catalogue", expect=EVERYONE, query="?subject=collective&kind=title&level=co_so"),
    Case("awards:catalogue", expect=EVERYONE, query="?subject=<x>&kind=9999"),
    Case("awards:award_type_detail", lambda w: ["LDTT"], EVERYONE),
    Case("awards:award_type_detail", lambda w: ["NOPE"], dict.fromkeys(SEE_A, 404)),
    Case("awards:parameters", expect=EVERYONE),
    Case("awards:parameter_edit", lambda w: [RULE_SET, "cstdbt_cstdcs_chain_length"], ADMIN_ONLY),
    Case(
        "awards:parameter_edit",
        lambda w: [RULE_SET, "no_such_figure"],
        ADMIN_ONLY | {"admin": 404},
    ),
    Case(
        "awards:parameter_edit",
        lambda w: ["LTDKT-2003", "registration_required"],
        ADMIN_ONLY | {"admin": 404},
    ),
    Case("awards:base_salary", expect=EVERYONE),
    Case("awards:base_salary", expect=ADMIN_ONLY, method="post", data=lambda w: {}),
    Case("awards:quotas", expect=EVERYONE),
    Case("awards:quotas", expect=EVERYONE, query="?year=abc"),
    Case("awards:quotas", expect=MOVEMENT_MANAGERS, method="post", data=lambda w: {}),
    Case("awards:integrity", expect=EVERYONE),
    Case("awards:integrity", expect=EVERYONE, query="?year=2024"),
    # The award-history search: everyone logged in (the outsider's list is empty).
    Case("awards:record_list", expect=EVERYONE),
    Case("awards:record_list", expect=EVERYONE, query="?year=abc&award=NOPE&unit=-1&after=x"),
    Case("awards:person_profile", lambda w: [w.person_a.pk], SEE_A),
    Case("awards:person_profile", lambda w: [w.person_b.pk], SEE_B),
    Case("awards:unit_profile", lambda w: [w.unit_a.pk], SEE_A),
    Case("awards:unit_profile", lambda w: [w.village_a.pk], SEE_A),
    Case("awards:award_create", person_a, MANAGE_A_RECORDS),
    Case("awards:award_create", unit_a, MANAGE_A_RECORDS),
    Case("awards:rating_set", person_a, MANAGE_A_RECORDS),
    Case("awards:rating_set", unit_a, MANAGE_A_RECORDS),
    Case("awards:initiative_create", person_a, MANAGE_A_RECORDS),
    Case("awards:initiative_create", unit_a, MANAGE_A_RECORDS),
    Case("awards:matter_open", person_a, MANAGE_A_RECORDS),
    Case("awards:matter_open", unit_a, MANAGE_A_RECORDS),
    Case("awards:discipline_create", lambda w: [w.person_a.pk], MANAGE_A_RECORDS),
    Case("awards:award_revoke", _record_of_a, MANAGE_A_RECORDS),
    Case("awards:initiative_use", _initiative_of_a, MANAGE_A_RECORDS),
    Case("awards:matter_close", _matter_of_a, MANAGE_A_RECORDS),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


# ----------------------------------------------------------------------------- history


def post_award(client, world, **extra):
    data = {
        "award_type": award_type("LDTT").pk,
        "year": "2024",
        "category": "CONG_TRANG",
        "decision_number": "15/QĐ-UBND",
        "decision_date": "2025-01-15",
        "issuer": "UBND xã An Phú",
        **extra,
    }
    return client.post(f"/awards/people/{world.person_a.pk}/awards/new/", data)


def test_posting_a_valid_award_records_it_with_an_event(world, client):
    login(client, world, "unit_a_clerk")
    # when A's focal point adds LĐTT 2024
    response = post_award(client, world)
    # then it is in the history, an event says who did it, and the profile shows it
    assert response.status_code == 302
    assert response["Location"] == f"/awards/people/{world.person_a.pk}/"
    record = AwardRecord.objects.get(person=world.person_a)
    assert (record.award_type.code, record.year, record.decision_number) == (
        "LDTT",
        2024,
        "15/QĐ-UBND",
    )
    event = Event.objects.get(action="awards.record_award")
    assert event.actor == world.users["unit_a_clerk"]
    html = client.get(response["Location"]).content.decode()
    assert "Lao động tiên tiến" in html
    assert "15/QĐ-UBND" in html
    assert "15/01/2025" in html
    # 0,3 × 2.340.000 đ (the base salary in force on 15/01/2025)
    assert "702.000 đ" in html


def test_a_duplicate_award_is_refused_in_vietnamese_and_changes_nothing(world, client):
    login(client, world, "province_officer")
    post_award(client, world)
    before = (AwardRecord.objects.count(), Event.objects.count())
    # when the same award for the same year is posted again
    response = post_award(client, world, decision_number="99/QĐ-UBND")
    # then the form says why, in Vietnamese, and nothing was written
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lao động tiên tiến năm 2024 đã có trong lịch sử khen thưởng" in html
    assert (AwardRecord.objects.count(), Event.objects.count()) == before


def test_an_award_for_the_wrong_subject_or_year_is_explained(world, client):
    login(client, world, "province_officer")
    # a collective title cannot be chosen for a person: the form refuses the forged choice
    response = post_award(client, world, award_type=award_type("TTLDTT").pk)
    assert response.status_code == 200
    assert "Hãy chọn" in response.content.decode() or "không hợp lệ" in response.content.decode()
    # a year still to come is refused by the service with its reason
    response = post_award(client, world, year="2099", decision_date="")
    assert "Năm 2099 chưa đến" in response.content.decode()
    assert AwardRecord.objects.count() == 0


def test_the_other_communes_clerk_cannot_post_into_a(world, client):
    login(client, world, "unit_b_clerk")
    response = post_award(client, world)
    assert response.status_code == 404
    assert AwardRecord.objects.count() == 0


def test_revoking_an_award_strikes_it_through_with_its_reason(world, client):
    [pk] = _record_of_a(world)
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/awards/records/{pk}/revoke/",
        {"revoked_on": "2025-06-01", "reason": "Hồ sơ kê khai không trung thực", "version": 1},
    )
    assert response.status_code == 302
    record = AwardRecord.objects.get(pk=pk)
    assert record.revoked
    assert record.revoked_on == date(2025, 6, 1)
    html = client.get(f"/awards/people/{world.person_a.pk}/").content.decode()
    assert "text-decoration-line-through" in html
    assert "Hồ sơ kê khai không trung thực" in html
    assert "01/06/2025" in html


def test_revoking_needs_a_reason_and_a_current_version(world, client):
    [pk] = _record_of_a(world)
    login(client, world, "province_officer")
    response = client.post(
        f"/awards/records/{pk}/revoke/", {"revoked_on": "2025-06-01", "reason": " ", "version": 1}
    )
    assert response.status_code == 200
    assert not AwardRecord.objects.get(pk=pk).revoked
    # someone else changed the record meanwhile: the stale version is refused
    AwardRecord.objects.filter(pk=pk).update(version=2)
    response = client.post(
        f"/awards/records/{pk}/revoke/",
        {"revoked_on": "2025-06-01", "reason": "Sai sót", "version": 1},
    )
    assert response.status_code == 200
    assert "đã được người khác thay đổi" in response.content.decode()
    assert not AwardRecord.objects.get(pk=pk).revoked


def test_setting_a_rating_shows_it_in_the_timeline(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/rating/", {"year": "2024", "rating": "HTXS"}
    )
    assert response.status_code == 302
    assert AnnualRating.objects.get(person=world.person_a, year=2024).rating == "HTXS"
    html = client.get(f"/awards/people/{world.person_a.pk}/").content.decode()
    assert "Hoàn thành xuất sắc nhiệm vụ" in html


def test_the_forecast_panel_says_what_is_missing(world, client):
    login(client, world, "unit_a_viewer")
    html = client.get(f"/awards/people/{world.person_a.pk}/").content.decode()
    assert "Còn thiếu gì" in html
    assert 'data-award="LDTT"' in html
    assert "cần thêm" in html
    assert "Đủ điều kiện Lao động tiên tiến năm" in html  # "... nếu ..." summary
    # no buttons for a viewer
    assert "/awards/new/" not in html


def test_initiative_is_recorded_then_locked_to_an_award(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/initiatives/new/",
        {
            "kind": "initiative",
            "title": "Số hóa hồ sơ một cửa",
            "level": "CO_SO",
            "year": "2024",
            "authors": [world.person_a.pk],
        },
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get(title="Số hóa hồ sơ một cửa")
    assert list(initiative.authors.all()) == [world.person_a]
    [award_pk] = _record_of_a(world)
    response = client.post(
        f"/awards/initiatives/{initiative.pk}/use/", {"award": award_pk, "version": 1}
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.used_for_id == award_pk
    html = client.get(f"/awards/people/{world.person_a.pk}/").content.decode()
    assert "đã dùng cho Giấy khen 2024" in html


def test_initiative_authors_must_be_people_of_the_unit(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/initiatives/new/",
        {
            "kind": "initiative",
            "title": "Sáng kiến lạ",
            "level": "CO_SO",
            "year": "2024",
            "authors": [world.person_b.pk],
        },
    )
    assert response.status_code == 200
    assert not Initiative.objects.filter(title="Sáng kiến lạ").exists()


def test_discipline_and_matters_are_recorded_and_concluded(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/discipline/new/",
        {"level": "KHIEN_TRACH", "start": "2025-02-01", "decision_number": "3/QĐ-KL"},
    )
    assert response.status_code == 302
    assert DisciplineRecord.objects.filter(person=world.person_a).count() == 1
    response = client.post(
        f"/awards/people/{world.person_a.pk}/matters/new/",
        {"kind": "complaint", "opened": "2025-03-01"},
    )
    assert response.status_code == 302
    matter = PendingMatter.objects.get(person=world.person_a)
    html = client.get(f"/awards/people/{world.person_a.pk}/").content.decode()
    assert "Khiển trách" in html
    assert "đang xem xét: chưa được đề nghị khen thưởng" in html
    # concluding before it opened is refused; on a later date it closes
    response = client.post(
        f"/awards/matters/{matter.pk}/close/", {"closed": "2025-01-01", "version": 1}
    )
    assert response.status_code == 200
    assert "Ngày kết thúc trước ngày bắt đầu" in response.content.decode()
    response = client.post(
        f"/awards/matters/{matter.pk}/close/", {"closed": "2025-04-01", "version": 1}
    )
    assert response.status_code == 302
    matter.refresh_from_db()
    assert matter.closed == date(2025, 4, 1)


def test_discipline_ending_before_it_starts_is_refused(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/awards/people/{world.person_a.pk}/discipline/new/",
        {"level": "CANH_CAO", "start": "2025-02-01", "end": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "Ngày hết hiệu lực trước ngày có hiệu lực" in response.content.decode()
    assert DisciplineRecord.objects.count() == 0


def test_unit_profile_shows_predecessors_awards_and_the_collective_forecast(
    world, client, province_officer
):
    from thidua.org import services as org_services

    services.record_award(
        province_officer,
        world.unit_b,
        services.AwardData(award_type("TTLDTT"), 2024, decision_number="7/QĐ-UBND"),
    )
    services.set_rating(province_officer, world.unit_a, 2024, "HTT")
    org_services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        successor=world.unit_a,
    )
    login(client, world, "province_officer")
    html = client.get(f"/awards/units/{world.unit_a.pk}/").content.decode()
    assert "Tập thể lao động tiên tiến" in html
    assert "từ đơn vị tiền thân: Xã Bình Minh" in html
    assert "Hoàn thành tốt nhiệm vụ" in html
    assert 'data-award="TTLDTT"' in html
    assert 'data-award="TTLDXS"' in html


def test_unit_award_and_rating_forms(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/awards/units/{world.unit_a.pk}/awards/new/",
        {"award_type": award_type("TTLDTT").pk, "year": "2024", "category": "CONG_TRANG"},
    )
    assert response.status_code == 302
    assert AwardRecord.objects.filter(unit=world.unit_a).count() == 1
    response = client.post(
        f"/awards/units/{world.unit_a.pk}/rating/", {"year": "2024", "rating": "HTT"}
    )
    assert response.status_code == 302
    assert AnnualRating.objects.get(unit=world.unit_a).rating == "HTT"


def test_person_profile_query_count_is_pinned(
    world, client, django_assert_max_num_queries, province_officer
):
    # a long history: ten years of awards and ratings, initiatives and a matter
    for year in range(2015, 2025):
        services.record_award(
            province_officer,
            world.person_a,
            services.AwardData(award_type("LDTT"), year, decision_date=date(year + 1, 1, 10)),
        )
        services.set_rating(province_officer, world.person_a, year, "HTXS")
    for i in range(5):
        services.record_initiative(
            province_officer,
            services.InitiativeData("initiative", f"Sáng kiến {i}", "CO_SO", 2020 + i),
            authors=[world.person_a],
        )
    _matter_of_a(world)
    login(client, world, "province_officer")
    with django_assert_max_num_queries(25):
        response = client.get(f"/awards/people/{world.person_a.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("award-item") == 10


def test_unit_profile_query_count_is_pinned(
    world, client, django_assert_max_num_queries, province_officer
):
    for year in range(2015, 2025):
        services.record_award(
            province_officer,
            world.unit_a,
            services.AwardData(award_type("TTLDTT"), year, decision_date=date(year + 1, 1, 10)),
        )
        services.set_rating(province_officer, world.unit_a, year, "HTT")
    login(client, world, "province_officer")
    with django_assert_max_num_queries(28):
        response = client.get(f"/awards/units/{world.unit_a.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("award-item") == 10


def test_catalogue_query_count_is_pinned(world, client, django_assert_max_num_queries):
    login(client, world, "unit_a_viewer")
    with django_assert_max_num_queries(8):
        response = client.get("/awards/")
    html = response.content.decode()
    assert "Lao động tiên tiến" in html
    assert "Huân chương Lao động hạng Ba" in html
    # LĐTT: 0,3 × 2.340.000 đ
    assert "702.000 đ" in html


def test_catalogue_filters_and_serves_the_htmx_fragment(world, client):
    login(client, world, "unit_a_viewer")
    response = client.get("/awards/?subject=collective&kind=title", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Tập thể lao động tiên tiến" in html
    assert "Chiến sĩ thi đua cơ sở" not in html


def test_award_type_page_shows_dated_bonuses_and_authorities(world, client):
    login(client, world, "unit_a_viewer")
    html = client.get("/awards/catalogue/LDTT/").content.decode()
    assert "Nghị định 152/2025/NĐ-CP" in html
    assert "30/06/2025" in html  # the district chairs decided until the reform


def test_bonus_table_gives_multiple_times_the_base_salary_of_the_decision_date(world):
    table = queries.BonusTable()
    cases = [
        ("LDTT", "individual", date(2019, 1, 1), None),  # no bonus rule before 2024
        ("LDTT", "individual", date(2024, 3, 1), Decimal(540_000)),  # 0.3 × 1,800,000
        ("BK_BT", "collective", date(2025, 1, 1), Decimal(7_020_000)),  # 3.0 × 2,340,000
        ("HCLD3", "individual", date(2026, 1, 1), Decimal(10_530_000)),  # 4.5 × 2,340,000
    ]
    for code, subject, day, amount in cases:
        assert table.amount(award_type(code).pk, subject, day) == amount


# ------------------------------------------------------------------------- parameters


def test_admin_changes_a_figure_and_the_rules_use_it(world, client):
    login(client, world, "admin")
    url = f"/awards/parameters/{RULE_SET}/cstdbt_cstdcs_chain_length/"
    assert "Luật TĐKT 2022, Điều 22" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "value": "4",
            "basis": "Văn bản thử nghiệm",
            "confirmed": "on",
            "reason": "Kiểm thử thay đổi tham số",
        },
    )
    assert response.status_code == 302
    current = {p.rule_set: p for p in packaged.current_parameter_sets()}[RULE_SET]
    assert current.figures.cstdbt_cstdcs_chain_length.value == 4
    assert current.figures.cstdbt_cstdcs_chain_length.confirmed
    # the list shows it as changed; the edit page shows who changed it and why
    assert "đã thay đổi" in client.get("/awards/parameters/").content.decode()
    html = client.get(url).content.decode()
    assert "Kiểm thử thay đổi tham số" in html
    assert "Quản trị hệ thống" in html


def test_admin_changes_a_share(world, client):
    login(client, world, "admin")
    response = client.post(
        f"/awards/parameters/{RULE_SET}/ttldtt_ldtt_share/",
        {"value": "0.6", "basis": "Văn bản thử nghiệm", "reason": "Tỷ lệ mới"},
    )
    assert response.status_code == 302
    current = {p.rule_set: p for p in packaged.current_parameter_sets()}[RULE_SET]
    share = current.figures.ttldtt_ldtt_share
    assert (share.value.share, share.value.inclusive, share.confirmed) == (
        Fraction(3, 5),
        False,
        False,
    )


def test_a_share_above_one_or_a_missing_reason_is_refused(world, client):
    login(client, world, "admin")
    url = f"/awards/parameters/{RULE_SET}/ttldtt_ldtt_share/"
    response = client.post(url, {"value": "1.5", "basis": "X", "reason": "Y"})
    assert response.status_code == 200
    response = client.post(url, {"value": "0.5", "basis": "X", "reason": ""})
    assert response.status_code == 200
    assert ParameterChange.objects.count() == 0


def test_a_province_officer_cannot_change_a_figure(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/awards/parameters/{RULE_SET}/cstdbt_cstdcs_chain_length/",
        {"value": "4", "basis": "X", "confirmed": "on", "reason": "Y"},
    )
    assert response.status_code == 403
    assert ParameterChange.objects.count() == 0
    current = {p.rule_set: p for p in packaged.current_parameter_sets()}[RULE_SET]
    assert current.figures.cstdbt_cstdcs_chain_length.value == 3


def test_admin_adds_a_base_salary_and_a_repeated_date_is_refused(world, client):
    login(client, world, "admin")
    data = {"amount": "2530000", "effective_from": "2026-07-01", "legal_basis": "Nghị định mới"}
    assert client.post("/awards/base-salary/", data).status_code == 302
    assert queries.base_salary_on(date(2026, 8, 1)).amount == 2530000
    response = client.post("/awards/base-salary/", data)
    assert response.status_code == 200
    assert "Đã có mức lương cơ sở từ ngày 01/07/2026" in response.content.decode()
    assert "2.530.000 đ" in response.content.decode()


# ------------------------------------------------------------------- quotas, integrity


def test_quota_rule_and_live_counters(world, client, province_officer):
    for i in range(2):
        from thidua.org import services as org_services

        person = org_services.create_person(
            province_officer,
            org_services.PersonData(full_name=f"Lê Văn Số {i}", gender="male"),
            unit=world.unit_a,
            since=date(2020, 1, 1),
        )
        services.record_award(
            province_officer, person, services.AwardData(award_type("CSTDCS"), 2025)
        )
    login(client, world, "province_officer")
    response = client.post(
        "/awards/quotas/",
        {
            "issuer": world.province.pk,
            "year": "2025",
            "award_type": award_type("CSTDCS").pk,
            "max_percent": "15",
            "legal_basis": "Quyết định của UBND tỉnh",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/awards/quotas/?year=2025"
    assert QuotaRule.objects.get().max_percent == Decimal(15)
    html = client.get("/awards/quotas/?year=2025").content.decode()
    # three people in A, 15 % of them rounds down to 0: two CSTĐCS exceed the cap
    assert "2 / 0" in html
    assert "table-danger" in html


def test_quota_of_a_unit_outside_the_officers_reach_is_refused(world, client):
    login(client, world, "province_officer")
    response = client.post(
        "/awards/quotas/",
        {
            "issuer": "999999",
            "year": "2025",
            "award_type": award_type("CSTDCS").pk,
            "max_percent": "150",
            "legal_basis": "",
        },
    )
    assert response.status_code == 200
    assert QuotaRule.objects.count() == 0


def test_integrity_lists_duplicates_and_double_awards_in_scope(world, client, province_officer):
    from thidua.org.models import Person

    Person.objects.filter(pk=world.person_b.pk).update(
        full_name="Nguyễn Văn An",
        search_key=world.person_a.search_key,
        date_of_birth=date(1990, 5, 1),
    )
    Person.objects.filter(pk=world.person_a.pk).update(date_of_birth=date(1990, 5, 1))
    services.record_award(
        province_officer, world.person_a, services.AwardData(award_type("GK"), 2024)
    )
    services.record_award(
        province_officer, world.person_a, services.AwardData(award_type("BK_BT"), 2024)
    )
    login(client, world, "province_officer")
    html = client.get("/awards/integrity/").content.decode()
    assert "cùng họ tên Nguyễn Văn An và ngày sinh 01/05/1990" in html
    assert f"/awards/people/{world.person_b.pk}/" in html
    assert "được khen bằng nhiều hình thức" in html
    # B's clerk sees neither: one of the people and both awards are in A
    login(client, world, "unit_b_clerk")
    html = client.get("/awards/integrity/").content.decode()
    assert "ngày sinh 01/05/1990" not in html
    assert "nhiều hình thức" not in html


def test_org_pages_link_to_the_award_profiles(world, client):
    login(client, world, "unit_a_viewer")
    html = client.get(f"/org/people/{world.person_a.pk}/").content.decode()
    assert f"/awards/people/{world.person_a.pk}/" in html
    html = client.get(f"/org/units/{world.unit_a.pk}/").content.decode()
    assert f"/awards/units/{world.unit_a.pk}/" in html
