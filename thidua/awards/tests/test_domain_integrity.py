"""Pure tests of the integrity rules: duplicate people, double awards and quota caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua.awards.domain.integrity import (
    ART_5,
    CCCD_BASIS,
    AwardFact,
    PersonKey,
    find_double_awards,
    find_duplicate_people,
    quota_status,
    same_award_again,
)

BORN = date(1985, 3, 2)


def key(pk: int, name: str = "Lê Thị Hoa", born: date | None = BORN, cccd: str = "") -> PersonKey:
    from thidua.core.text import fold

    return PersonKey(pk, name, fold(name), born, cccd)


def fact(
    pk: int,
    code: str = "CSTDCS",
    year: int = 2024,
    *,
    subject: str = "p1",
    category: str = "CONG_TRANG",
    kind: str = "title",
    revoked: bool = False,
) -> AwardFact:
    return AwardFact(pk, subject, code, f"Tên {code}", year, category, kind, revoked)


# -- duplicate people ----------------------------------------------------------------------------


def test_two_records_with_the_same_cccd_are_grouped() -> None:
    # given two different names sharing one CCCD number
    people = [
        key(1, "Lê Thị Hoa", cccd="042185000123"),
        key(2, "Lê Thị Hòa", date(1990, 1, 1), cccd="042185000123"),
        key(3, "Trần Văn Nam", cccd="042185000999"),
    ]
    # when
    groups = find_duplicate_people(people)
    # then
    assert len(groups) == 1
    assert groups[0].code == "SAME_NATIONAL_ID"
    assert [p.id for p in groups[0].people] == [1, 2]
    assert groups[0].message == "2 hồ sơ cùng số định danh 042185000123."
    assert groups[0].basis == CCCD_BASIS


def test_same_folded_name_and_birth_date_are_grouped() -> None:
    # given one name typed with and without diacritics and different spacing/case
    people = [key(1, "Lê Thị Hoa"), key(2, "LE  THI HOA"), key(3, "Lê Thị Hoa", date(1985, 3, 3))]
    # when
    groups = find_duplicate_people(people)
    # then
    assert len(groups) == 1
    assert groups[0].code == "SAME_NAME_AND_BIRTH_DATE"
    assert [p.id for p in groups[0].people] == [1, 2]
    assert "02/03/1985" in groups[0].message
    assert "có thể là một người" in groups[0].message


def test_one_record_with_a_cccd_and_one_without_are_still_grouped() -> None:
    # given
    people = [key(1, cccd="042185000123"), key(2)]
    # when
    groups = find_duplicate_people(people)
    # then
    assert [g.code for g in groups] == ["SAME_NAME_AND_BIRTH_DATE"]


def test_same_name_and_birth_date_but_different_cccds_are_two_people() -> None:
    # given
    people = [key(1, cccd="042185000123"), key(2, cccd="042185000456")]
    # when
    groups = find_duplicate_people(people)
    # then
    assert groups == []


def test_people_without_a_birth_date_are_not_grouped_by_name() -> None:
    # given
    people = [key(1, born=None), key(2, born=None)]
    # when
    groups = find_duplicate_people(people)
    # then
    assert groups == []


def test_a_single_person_is_never_a_duplicate() -> None:
    # given
    # when
    groups = find_duplicate_people([key(1, cccd="042185000123")])
    # then
    assert groups == []


# -- double awards -------------------------------------------------------------------------------


def test_the_same_award_twice_for_one_year_is_flagged() -> None:
    # given
    awards = [fact(1), fact(2), fact(3, year=2023)]
    # when
    found = find_double_awards(awards)
    # then
    assert [d.code for d in found] == ["SAME_AWARD_TWICE"]
    assert [a.id for a in found[0].awards] == [1, 2]
    assert found[0].message == "Tên CSTDCS năm 2024 được ghi nhận 2 lần."
    assert found[0].basis == ART_5


def test_the_same_award_for_two_different_subjects_is_not_flagged() -> None:
    # given
    awards = [fact(1, subject="p1"), fact(2, subject="p2")]
    # when
    # then
    assert find_double_awards(awards) == []


def test_a_revoked_award_is_ignored() -> None:
    # given
    awards = [fact(1, revoked=True), fact(2)]
    # when
    # then
    assert find_double_awards(awards) == []


def test_two_cong_trang_forms_for_one_year_are_flagged() -> None:
    # given a provincial and a Prime Minister's certificate for the 2024 achievement
    awards = [fact(1, "BK_BT", kind="form"), fact(2, "BK_TTG", kind="form")]
    # when
    found = find_double_awards(awards)
    # then
    assert [d.code for d in found] == ["TWO_FORMS_ONE_ACHIEVEMENT"]
    assert found[0].message == (
        "Thành tích năm 2024 được khen bằng nhiều hình thức (Tên BK_BT, Tên BK_TTG); "
        "một thành tích chỉ được khen một hình thức."
    )
    assert found[0].basis == ART_5


def test_a_revoked_form_does_not_count_as_a_second_form() -> None:
    # given
    awards = [fact(1, "BK_BT", kind="form"), fact(2, "BK_TTG", kind="form", revoked=True)]
    # when
    # then
    assert find_double_awards(awards) == []


def test_a_dot_xuat_form_and_a_cong_trang_form_in_one_year_are_not_flagged() -> None:
    # given
    awards = [
        fact(1, "BK_BT", kind="form", category="DOT_XUAT"),
        fact(2, "GK", kind="form"),
    ]
    # when
    # then
    assert find_double_awards(awards) == []


def test_titles_do_not_trigger_the_two_forms_rule() -> None:
    # given LĐTT and CSTĐCS (titles) plus one form for the same year
    awards = [fact(1, "LDTT"), fact(2, "CSTDCS"), fact(3, "BK_BT", kind="form")]
    # when
    # then
    assert find_double_awards(awards) == []


def test_two_forms_in_different_years_are_not_flagged() -> None:
    # given
    awards = [fact(1, "BK_BT", 2023, kind="form"), fact(2, "GK", 2024, kind="form")]
    # when
    # then
    assert find_double_awards(awards) == []


def test_the_same_form_twice_is_flagged_once_as_same_award() -> None:
    # given
    awards = [fact(1, "BK_BT", kind="form"), fact(2, "BK_BT", kind="form")]
    # when
    found = find_double_awards(awards)
    # then one code only: the same form twice is not also "two forms"
    assert [d.code for d in found] == ["SAME_AWARD_TWICE"]


def test_same_award_again_finds_the_live_twin() -> None:
    # given
    existing = [fact(1, revoked=True), fact(2, year=2023), fact(3, subject="p2"), fact(4)]
    # when
    twin = same_award_again(existing, fact(0))
    # then
    assert twin is not None
    assert twin.id == 4


def test_same_award_again_ignores_revoked_and_the_record_itself() -> None:
    # given
    existing = [fact(1, revoked=True), fact(5)]
    # when
    # then the revoked one is not a twin, and a record is not its own twin
    assert same_award_again(existing[:1], fact(0)) is None
    assert same_award_again(existing, fact(5)) is None
    assert same_award_again([], fact(0)) is None


# -- quotas --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "percent", "limit"),
    [
        (20, "15", 3),
        (19, "15", 2),  # 2.85 rounds down
        (7, "15", 1),
        (6, "15", 0),
        (40, "12.5", 5),
        (0, "15", 0),
        (3, "100", 3),
    ],
)
def test_the_cap_is_floor_of_base_times_percent(base: int, percent: str, limit: int) -> None:
    # given
    # when
    status = quota_status("Chiến sĩ thi đua cơ sở", base, 0, Decimal(percent), "QĐ 1/2025")
    # then
    assert status.limit == limit
    assert status.base == base
    assert status.remaining == limit


def test_exactly_at_the_cap_is_not_exceeded() -> None:
    # given
    # when
    status = quota_status("Chiến sĩ thi đua cơ sở", 20, 3, Decimal("15.00"), "QĐ 1/2025")
    # then
    assert not status.exceeded
    assert status.remaining == 0
    assert status.message == "Chiến sĩ thi đua cơ sở: 3/3 (15 % của 20); còn 0."
    assert status.basis == "QĐ 1/2025"


def test_one_over_the_cap_is_exceeded_and_says_by_how_much() -> None:
    # given
    # when
    status = quota_status("Chiến sĩ thi đua cơ sở", 20, 4, Decimal("15"), "QĐ 1/2025")
    # then
    assert status.exceeded
    assert status.remaining == -1
    assert status.message == "Chiến sĩ thi đua cơ sở: 4 vượt chỉ tiêu 3 (15 % của 20); vượt 1."


@pytest.mark.parametrize(
    ("percent", "text"),
    [("12.5", "12,5 %"), ("12.50", "12,5 %"), ("15.00", "15 %"), ("10", "10 %"), ("100", "100 %")],
)
def test_the_percent_is_written_the_vietnamese_way(percent: str, text: str) -> None:
    # given
    # when
    status = quota_status("LĐTT", 40, 1, Decimal(percent), "")
    # then
    assert f"({text} của 40)" in status.message
