"""The pure tally and conflict rules, at their boundaries (no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from thidua.council.domain.conflicts import MemberFacts, NomineeFacts, conflicts
from thidua.council.domain.tally import Count, Rule, describe, tally, validate

NINETY_ALL = Rule("all", Decimal("90"), "gte", 2, 3, basis="NĐ 91/2017, Điều 45.8")
HALF_ALL = Rule("all", Decimal("50"), "gt", 2, 3, basis="Luật TĐKT 2022, Điều 90")
HALF_PRESENT = Rule("present", Decimal("50"), "gt", 1, 2, basis="quy chế")
WORDS = ("Chủ tịch", "Giám đốc", "Trưởng")


def test_nine_of_ten_is_exactly_ninety_percent_and_passes():
    result = tally(NINETY_ALL, Count(members=10, present=10, yes=9, no=1))
    assert result.passed
    assert result.percent == Decimal("90.00")
    assert result.reasons == ()


def test_just_below_ninety_percent_fails_with_reason():
    # 89 of 99 = 89.898…%; 8.99 of 10 is impossible, so the nearest real case below the line
    result = tally(NINETY_ALL, Count(members=99, present=99, yes=89, no=10))
    assert not result.passed
    assert [r.code for r in result.reasons] == ["BELOW_THRESHOLD"]
    assert "89/99" in result.reasons[0].message
    assert result.reasons[0].basis == "NĐ 91/2017, Điều 45.8"


def test_ninety_percent_of_all_members_counts_absent_members_in_the_base():
    # 9 present, all agree, but the base is all 10 members: 90 % passes; 8 of 10 does not
    assert tally(NINETY_ALL, Count(members=10, present=9, yes=9)).passed
    result = tally(NINETY_ALL, Count(members=10, present=8, yes=8))
    assert not result.passed
    assert result.base == 10
    assert result.not_voted == 2


def test_strictly_more_than_half_ties_fail():
    assert not tally(HALF_ALL, Count(members=10, present=10, yes=5, no=5)).passed
    assert tally(HALF_ALL, Count(members=10, present=10, yes=6, no=4)).passed
    assert not tally(HALF_ALL, Count(members=10, present=10, yes=5, abstain=5)).passed


def test_at_least_comparison_passes_on_equality():
    rule = Rule("all", Decimal("50"), "gte", 2, 3, basis="x")
    assert tally(rule, Count(members=10, present=10, yes=5, no=5)).passed


def test_present_base_ignores_absent_members():
    # 7 present of 10: 4 agree is 57 % of present (> 50 %) but only 40 % of all
    assert tally(HALF_PRESENT, Count(members=10, present=7, yes=4, no=3)).passed
    assert not tally(HALF_ALL, Count(members=10, present=7, yes=4, no=3)).passed


def test_recused_members_leave_the_base():
    # 10 members, 1 recused: 9 agree of a base of 9 is 100 %; 8 of 9 is 88.9 %
    assert tally(
        NINETY_ALL, Count(members=10, present=10, recused=1, recused_present=1, yes=9)
    ).passed
    result = tally(NINETY_ALL, Count(members=10, present=10, recused=1, recused_present=1, yes=8))
    assert not result.passed
    assert result.base == 9
    # under the present base, only a recused member who is present leaves it
    r = tally(HALF_PRESENT, Count(members=10, present=6, recused=1, recused_present=0, yes=3))
    assert r.base == 6
    assert not r.passed


def test_quorum_is_an_exact_fraction():
    # 2/3 of 15 is exactly 10: 10 present is a quorum, 9 is not
    assert tally(HALF_ALL, Count(members=15, present=10, yes=10)).quorum_met
    result = tally(HALF_ALL, Count(members=15, present=9, yes=9))
    assert not result.quorum_met
    assert not result.passed
    assert result.reasons[0].code == "NO_QUORUM"


def test_zero_electorate_fails_cleanly():
    result = tally(NINETY_ALL, Count(members=0, present=0))
    assert not result.passed
    assert result.percent == 0
    assert [r.code for r in result.reasons] == ["NO_ELECTORATE"]


def test_everyone_recused_is_an_empty_base():
    result = tally(HALF_ALL, Count(members=3, present=3, recused=3, recused_present=3))
    assert not result.passed
    assert "EMPTY_BASE" in [r.code for r in result.reasons]


def test_describe_and_validate():
    assert describe(NINETY_ALL) == "≥ 90 % tổng số thành viên Hội đồng"
    assert describe(HALF_PRESENT) == "> 50 % số thành viên có mặt"
    assert validate(NINETY_ALL) == []
    bad = Rule("everyone", Decimal("0"), "eq", 4, 3, basis=" ")
    assert {r.field for r in validate(bad)} == {
        "base",
        "comparison",
        "percent",
        "quorum_numerator",
        "basis",
    }
    assert validate(Rule("all", Decimal("100"), "gte", 0, 1, basis="x")) == []
    assert validate(Rule("all", Decimal("100.01"), "gte", 1, 1, basis="x"))


A_PERSON = NomineeFacts(person_id=7, unit_id=20, parent_unit_id=10)
A_COLLECTIVE = NomineeFacts(person_id=None, unit_id=20, parent_unit_id=10, is_collective=True)


@pytest.mark.parametrize(
    ("member", "nominee", "codes"),
    [
        (MemberFacts(7, 20, "Chuyên viên"), A_PERSON, ["IS_NOMINEE"]),
        (MemberFacts(8, 20, "Chuyên viên"), A_PERSON, ["SAME_UNIT"]),
        (MemberFacts(8, 20, "Trưởng phòng"), A_PERSON, ["SAME_UNIT", "DIRECT_SUPERIOR"]),
        (MemberFacts(8, 10, "Chủ tịch UBND huyện"), A_PERSON, ["DIRECT_SUPERIOR"]),
        (MemberFacts(8, 10, "Chuyên viên"), A_PERSON, []),
        (MemberFacts(8, 30, "Giám đốc Sở"), A_PERSON, []),
        (MemberFacts(8, 20, "Kế toán"), A_COLLECTIVE, ["IN_COLLECTIVE"]),
        (MemberFacts(8, 10, "giám đốc"), A_COLLECTIVE, ["DIRECT_SUPERIOR"]),
        (MemberFacts(None, 20, "Giám đốc"), A_PERSON, []),
        (
            MemberFacts(8, 99, "Nông dân", household_id=5),
            NomineeFacts(None, None, None, household_id=5),
            ["SAME_HOUSEHOLD"],
        ),
    ],
)
def test_conflicts(member, nominee, codes):
    assert [r.code for r in conflicts(member, nominee, WORDS)] == codes


def test_leadership_words_are_a_parameter():
    member = MemberFacts(8, 10, "Phó Bí thư")
    assert conflicts(member, A_PERSON, WORDS) == []
    assert [r.code for r in conflicts(member, A_PERSON, ("Bí thư",))] == ["DIRECT_SUPERIOR"]
