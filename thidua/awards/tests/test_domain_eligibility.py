"""Pure tests of the eligibility rules: every standard at its boundaries (no DB, no Django)."""

from __future__ import annotations

import ast
import dataclasses
import json
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from thidua.awards.catalogue import load_catalogue, load_parameter_sets
from thidua.awards.domain.catalogue import parse_catalogue
from thidua.awards.domain.eligibility import (
    ANNUAL_TITLES,
    INDIVIDUAL_ONLY_STANDARDS,
    check_eligibility,
    check_many,
    is_machine_checkable,
)
from thidua.awards.domain.parameters import (
    ParameterError,
    RuleParameters,
    parse_parameter_sets,
    select_rule_set,
)
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
    Check,
    DisciplinePeriod,
    EligibilityQuery,
    EligibilityResult,
    Initiative,
    MemberStats,
    Rating,
    RecognitionLevel,
    ResearchResult,
    SubjectKind,
    SubjectRecord,
)

CATALOGUE = load_catalogue()
PARAMETER_SETS = load_parameter_sets()
Y = 2025
PROPOSAL = date(2025, 12, 10)
HTT, HTXS, HT, KHT = Rating.HTT, Rating.HTXS, Rating.HT, Rating.KHT
CO_SO, BO_TINH, TOAN_QUOC = (
    RecognitionLevel.CO_SO,
    RecognitionLevel.BO_TINH,
    RecognitionLevel.TOAN_QUOC,
)
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


# -- builders ----------------------------------------------------------------------------------


def evaluate(
    award: str,
    *,
    year: int = Y,
    proposal: date = PROPOSAL,
    parameters: RuleParameters | tuple[RuleParameters, ...] = PARAMETER_SETS,
    **record: object,
) -> EligibilityResult:
    fields: dict[str, object] = {"kind": SubjectKind.INDIVIDUAL, "registered": True}
    fields.update(record)
    query = EligibilityQuery(award, year, proposal, SubjectRecord(**fields))  # type: ignore[arg-type]
    return check_eligibility(query, CATALOGUE, parameters)


def check(result: EligibilityResult, code: str) -> Check:
    matching = [c for c in result.checks if c.code == code]
    assert len(matching) == 1, f"{code} not in {[c.code for c in result.checks]}"
    return matching[0]


def codes(result: EligibilityResult) -> list[str]:
    return [c.code for c in result.checks]


def awards(code: str, *years: int, **overrides: object) -> tuple[AwardRecord, ...]:
    return tuple(AwardRecord(code, year, **overrides) for year in years)  # type: ignore[arg-type]


def ratings(rating: Rating, first: int, last: int = Y) -> dict[int, Rating]:
    return dict.fromkeys(range(first, last + 1), rating)


def ended(start: date, end: date, level: str = "KHIEN_TRACH") -> tuple[DisciplinePeriod, ...]:
    return (DisciplinePeriod(level, start, end),)


def with_figures(**changes: object) -> RuleParameters:
    params = select_rule_set(PARAMETER_SETS, PROPOSAL)
    assert params.figures is not None
    figures = params.figures
    new = {
        name: dataclasses.replace(getattr(figures, name), value=value)
        for name, value in changes.items()
    }
    return dataclasses.replace(params, figures=dataclasses.replace(figures, **new))


def collective(award: str, rating: Rating = HTXS, **members: int) -> EligibilityResult:
    counts = {
        "total": 20,
        "htnv_or_better": 20,
        "ldtt": 14,
        "cstdcs": 1,
        "disciplined_canh_cao_or_above": 0,
    }
    counts.update(members)
    return evaluate(
        award,
        kind=SubjectKind.COLLECTIVE,
        ratings={Y: rating},
        members=MemberStats(**counts),
    )


CSTDBT_OK = {
    "awards": awards("CSTDCS", 2023, 2024, 2025),
    "initiatives": (Initiative("SK-17", BO_TINH, 2025),),
}


# -- the result invariants ---------------------------------------------------------------------


def test_eligible_result_has_every_check_passed_and_nothing_missing() -> None:
    # given a subject meeting the CSTĐ bộ/tỉnh standard
    # when
    result = evaluate("CSTDBT", **CSTDBT_OK)
    # then
    assert result.eligible
    assert result.missing == ()
    assert codes(result) == ["NO_DISCIPLINE", "CSTDCS_CHAIN", "INITIATIVE_LEVEL"]
    assert result.rule_set == "LTDKT-2022/ND-152-2025"


def test_missing_lists_failed_codes_in_check_order() -> None:
    # given a subject failing both CSTDBT standards and under investigation
    # when
    result = evaluate("CSTDBT", under_investigation=True)
    # then
    assert not result.eligible
    assert result.missing == ("NO_DISCIPLINE", "CSTDCS_CHAIN", "INITIATIVE_LEVEL")


def test_result_refuses_inconsistent_invariants() -> None:
    # given a failed check
    failed = Check("X", False, "m", "b")
    # when / then
    with pytest.raises(ValueError, match="eligible"):
        EligibilityResult("LDTT", Y, True, "r", (failed,), ("X",))
    with pytest.raises(ValueError, match="missing"):
        EligibilityResult("LDTT", Y, False, "r", (failed,), ())


# -- NO_DISCIPLINE (NĐ 152/2025, Điều 4) -------------------------------------------------------


def test_investigation_blocks_even_a_perfect_record() -> None:
    # given
    # when
    result = evaluate("CSTDBT", under_investigation=True, **CSTDBT_OK)
    # then
    assert result.missing == ("NO_DISCIPLINE",)
    assert "điều tra" in check(result, "NO_DISCIPLINE").message


@pytest.mark.parametrize(
    ("start", "end", "blocks"),
    [
        pytest.param(date(2025, 1, 1), None, True, id="open_ended"),
        pytest.param(date(2025, 1, 1), PROPOSAL, True, id="ends_on_proposal_date"),
        pytest.param(date(2025, 1, 1), PROPOSAL - timedelta(days=1), False, id="ended_day_before"),
        pytest.param(PROPOSAL, None, True, id="starts_on_proposal_date"),
        pytest.param(PROPOSAL + timedelta(days=1), None, False, id="starts_after_proposal"),
    ],
)
def test_discipline_blocks_when_it_covers_the_proposal_date(
    start: date, end: date | None, blocks: bool
) -> None:
    # given
    discipline = (DisciplinePeriod("CANH_CAO", start, end),)
    # when
    result = evaluate("CSTDBT", discipline=discipline, **CSTDBT_OK)
    # then
    assert check(result, "NO_DISCIPLINE").passed is not blocks


def test_no_discipline_basis_follows_the_decree_in_force() -> None:
    # given the same record proposed under each decree
    # when
    before = evaluate("LDTT", proposal=date(2025, 6, 30), ratings={Y: HTT})
    after = evaluate("LDTT", proposal=date(2025, 7, 1), ratings={Y: HTT})
    # then
    assert check(before, "NO_DISCIPLINE").basis == "Nghị định 98/2023/NĐ-CP, Điều 4"
    assert check(after, "NO_DISCIPLINE").basis == "Nghị định 152/2025/NĐ-CP, Điều 4"


# -- discipline that ended inside a chain or window --------------------------------------------


@pytest.mark.parametrize(
    ("end", "chain_passes"),
    [
        pytest.param(date(2022, 12, 31), True, id="ended_year_before_chain"),
        pytest.param(date(2023, 1, 1), False, id="ended_first_day_of_chain"),
        pytest.param(date(2024, 6, 30), False, id="ended_mid_chain"),
    ],
)
def test_no_year_up_to_the_end_of_discipline_counts_toward_a_chain(
    end: date, chain_passes: bool
) -> None:
    # given a complete chain 2023–2025 and a discipline period that has ended
    discipline = ended(date(2022, 3, 1), end)
    # when
    result = evaluate("CSTDBT", discipline=discipline, **CSTDBT_OK)
    # then
    assert check(result, "NO_DISCIPLINE").passed
    assert check(result, "CSTDCS_CHAIN").passed is chain_passes


def test_discipline_starting_after_the_proposal_does_not_block_the_chain() -> None:
    # given a discipline decided after the proposal was made
    discipline = ended(PROPOSAL + timedelta(days=5), PROPOSAL + timedelta(days=90))
    # when
    result = evaluate("CSTDBT", discipline=discipline, **CSTDBT_OK)
    # then
    assert result.eligible


def test_blocked_chain_message_names_the_discipline_year() -> None:
    # given
    discipline = ended(date(2023, 2, 1), date(2023, 8, 1))
    # when
    result = evaluate("CSTDBT", discipline=discipline, **CSTDBT_OK)
    # then
    message = check(result, "CSTDCS_CHAIN").message
    assert "còn thiếu năm 2023" in message
    assert "kỷ luật kết thúc năm 2023" in message


def test_discipline_end_year_also_blocks_evidence_in_the_window() -> None:
    # given the only BO_TINH initiative is from 2023, the year a discipline ended
    discipline = ended(date(2023, 2, 1), date(2023, 8, 1))
    initiatives = (Initiative("SK-1", BO_TINH, 2023),)
    # when
    result = evaluate("CSTDBT", discipline=discipline, initiatives=initiatives)
    # then
    assert not check(result, "INITIATIVE_LEVEL").passed
    # ... while one recognised after that year counts
    later = evaluate(
        "CSTDBT", discipline=discipline, initiatives=(Initiative("SK-2", BO_TINH, 2024),)
    )
    assert check(later, "INITIATIVE_LEVEL").passed


def test_discipline_end_year_blocks_a_ratings_window() -> None:
    # given a BK TTg record whose discipline ended in Y−4
    record = {
        "awards": awards("BK_BT", 2019) + awards("CSTDCS", 2022, 2023, 2024),
        "ratings": ratings(HTT, 2021),
        "discipline": ended(date(2021, 1, 10), date(2021, 4, 1)),
    }
    # when
    result = evaluate("BK_TTG", **record)
    # then
    assert result.missing == ("RATINGS_WINDOW",)


# -- REGISTERED (legal-rules §2.3.8; a parameter) ----------------------------------------------


@pytest.mark.parametrize("award", ["LDTT", "CSTT", "CSTDCS"])
def test_individual_annual_title_needs_registration(award: str) -> None:
    # given an otherwise qualifying individual who did not register
    # when
    result = evaluate(award, registered=False, ratings={Y: HTXS})
    # then
    assert result.missing == ("REGISTERED",)
    assert "tham số cấu hình" in check(result, "REGISTERED").message


@pytest.mark.parametrize("award", ["TTLDTT", "TTLDXS"])
def test_collective_annual_title_needs_registration(award: str) -> None:
    # given
    members = MemberStats(20, 20, 14, 1, 0)
    # when
    result = evaluate(
        award,
        kind=SubjectKind.COLLECTIVE,
        registered=False,
        ratings={Y: HTXS},
        members=members,
    )
    # then
    assert result.missing == ("REGISTERED",)


def test_registration_is_not_checked_for_non_annual_forms() -> None:
    # given
    # when
    result = evaluate("CSTDBT", registered=False, **CSTDBT_OK)
    # then
    assert result.eligible
    assert "REGISTERED" not in codes(result)


def test_registration_requirement_can_be_switched_off() -> None:
    # given
    params = with_figures(registration_required=False)
    # when
    result = evaluate("LDTT", registered=False, ratings={Y: HTT}, parameters=params)
    # then
    assert result.eligible
    assert "REGISTERED" not in codes(result)


def test_annual_titles_are_the_contract_list() -> None:
    assert frozenset({"LDTT", "CSTT", "CSTDCS", "TTLDTT", "TTLDXS"}) == ANNUAL_TITLES


# -- LĐTT / CSTT (Luật TĐKT 2022, Điều 24) -----------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "passes"),
    [(HTXS, True), (HTT, True), (HT, False), (KHT, False), (None, False)],
)
@pytest.mark.parametrize("award", ["LDTT", "CSTT"])
def test_ldtt_and_cstt_need_htt_or_better_in_the_year(
    award: str, rating: Rating | None, passes: bool
) -> None:
    # given
    year_ratings = {} if rating is None else {Y: rating}
    # when
    result = evaluate(award, ratings=year_ratings)
    # then
    assert result.eligible is passes
    assert check(result, "RATING_Y").passed is passes


def test_ldtt_rating_of_another_year_does_not_count() -> None:
    # given
    # when
    result = evaluate("LDTT", ratings={Y - 1: HTXS})
    # then
    assert result.missing == ("RATING_Y",)
    assert "Chưa có kết quả đánh giá" in check(result, "RATING_Y").message


@pytest.mark.parametrize(
    ("start", "end", "passes"),
    [
        pytest.param(date(2025, 2, 1), date(2025, 8, 1), False, id="inside_year"),
        pytest.param(date(2024, 6, 1), date(2025, 1, 1), False, id="ends_first_day_of_year"),
        pytest.param(date(2024, 6, 1), date(2024, 12, 31), True, id="ends_day_before_year"),
    ],
)
def test_ldtt_discipline_in_force_during_the_year(start: date, end: date, passes: bool) -> None:
    # given a discipline period that no longer covers the proposal date
    # when
    result = evaluate("LDTT", ratings={Y: HTT}, discipline=ended(start, end))
    # then
    assert check(result, "NO_DISCIPLINE").passed
    assert check(result, "DISCIPLINE_IN_YEAR").passed is passes


def test_ldtt_discipline_rule_is_a_parameter() -> None:
    # given the unconfirmed LĐTT discipline exclusion switched off
    params = with_figures(ldtt_discipline_blocks=False)
    discipline = ended(date(2025, 2, 1), date(2025, 8, 1))
    # when
    result = evaluate("LDTT", ratings={Y: HTT}, discipline=discipline, parameters=params)
    # then
    assert result.eligible
    assert "DISCIPLINE_IN_YEAR" not in codes(result)
    # ... and when on, its message says the figure is a parameter
    on = evaluate("LDTT", ratings={Y: HTT}, discipline=discipline)
    assert "tham số cấu hình" in check(on, "DISCIPLINE_IN_YEAR").message


# -- CSTĐ cơ sở (Điều 23) ----------------------------------------------------------------------


def test_cstdcs_by_htxs_rating() -> None:
    # given
    # when
    result = evaluate("CSTDCS", ratings={Y: HTXS})
    # then
    assert result.eligible
    assert codes(result) == ["NO_DISCIPLINE", "REGISTERED", "LDTT_STANDARD", "CSTDCS_ACHIEVEMENT"]


@pytest.mark.parametrize("level", list(RecognitionLevel))
def test_cstdcs_by_unused_initiative_of_the_year_any_level(level: RecognitionLevel) -> None:
    # given
    # when
    result = evaluate("CSTDCS", ratings={Y: HTT}, initiatives=(Initiative("SK-1", level, Y),))
    # then
    assert result.eligible


def test_cstdcs_used_initiative_does_not_count() -> None:
    # given the initiative already supported a Giấy khen
    initiatives = (Initiative("SK-3", CO_SO, Y, used_for="GK-2025-114"),)
    # when
    result = evaluate("CSTDCS", ratings={Y: HTT}, initiatives=initiatives)
    # then
    assert result.missing == ("CSTDCS_ACHIEVEMENT",)
    assert "SK-3 đã dùng cho GK-2025-114" in check(result, "CSTDCS_ACHIEVEMENT").message


@pytest.mark.parametrize("year", [Y - 1, Y + 1])
def test_cstdcs_initiative_of_another_year_does_not_count(year: int) -> None:
    # given
    # when
    result = evaluate("CSTDCS", ratings={Y: HTT}, initiatives=(Initiative("SK", CO_SO, year),))
    # then
    assert result.missing == ("CSTDCS_ACHIEVEMENT",)


@pytest.mark.parametrize(
    ("accepted_year", "used_for", "passes"),
    [(Y, None, True), (Y, "CSTDCS-2024", False), (Y - 1, None, False)],
)
def test_cstdcs_by_research_accepted_in_the_year(
    accepted_year: int, used_for: str | None, passes: bool
) -> None:
    # given
    research = (ResearchResult("DT-3", CO_SO, accepted_year, used_for),)
    # when
    result = evaluate("CSTDCS", ratings={Y: HTT}, research=research)
    # then
    assert result.eligible is passes


def test_cstdcs_needs_the_ldtt_standard_first() -> None:
    # given an initiative but only an HT rating
    # when
    result = evaluate("CSTDCS", ratings={Y: HT}, initiatives=(Initiative("SK", CO_SO, Y),))
    # then
    assert result.missing == ("LDTT_STANDARD",)
    assert "hoàn thành nhiệm vụ" in check(result, "LDTT_STANDARD").message


def test_cstdcs_fails_ldtt_standard_on_discipline_during_the_year() -> None:
    # given
    discipline = ended(date(2025, 1, 5), date(2025, 6, 1))
    # when
    result = evaluate("CSTDCS", ratings={Y: HTXS}, discipline=discipline)
    # then
    assert result.missing == ("LDTT_STANDARD",)


# -- CSTĐ bộ/tỉnh (Điều 22) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "years",
    [
        pytest.param((2024, 2025), id="two_only"),
        pytest.param((2023, 2025), id="gap"),
        pytest.param((2022, 2023, 2024), id="ends_before_y"),
    ],
)
def test_cstdbt_chain_needs_three_consecutive_years_ending_in_y(years: tuple[int, ...]) -> None:
    # given
    # when
    result = evaluate(
        "CSTDBT", awards=awards("CSTDCS", *years), initiatives=CSTDBT_OK["initiatives"]
    )
    # then
    assert result.missing == ("CSTDCS_CHAIN",)


def test_cstdbt_chain_message_names_the_missing_year() -> None:
    # given
    # when
    result = evaluate("CSTDBT", awards=awards("CSTDCS", 2023, 2025))
    # then
    assert "còn thiếu năm 2024" in check(result, "CSTDCS_CHAIN").message


def test_revoked_award_breaks_the_chain() -> None:
    # given the 2024 CSTĐCS was revoked (Luật TĐKT 2022, Điều 93)
    history = awards("CSTDCS", 2023, 2025) + awards("CSTDCS", 2024, revoked=True)
    # when
    result = evaluate("CSTDBT", awards=history, initiatives=CSTDBT_OK["initiatives"])
    # then
    assert result.missing == ("CSTDCS_CHAIN",)
    assert "2024 đã bị hủy bỏ" in check(result, "CSTDCS_CHAIN").message


@pytest.mark.parametrize("category", [AwardCategory.DOT_XUAT, AwardCategory.PHONG_TRAO])
def test_dot_xuat_and_phong_trao_awards_never_count(category: AwardCategory) -> None:
    # given
    history = awards("CSTDCS", 2023, 2025) + awards("CSTDCS", 2024, category=category)
    # when
    result = evaluate("CSTDBT", awards=history, initiatives=CSTDBT_OK["initiatives"])
    # then
    assert result.missing == ("CSTDCS_CHAIN",)
    assert "không tính cho khen thưởng theo công trạng" in check(result, "CSTDCS_CHAIN").message


@pytest.mark.parametrize(
    ("evidence", "passes"),
    [
        pytest.param({"initiatives": (Initiative("a", BO_TINH, 2023),)}, True, id="bo_tinh_y-2"),
        pytest.param({"initiatives": (Initiative("a", TOAN_QUOC, 2025),)}, True, id="toan_quoc"),
        pytest.param({"research": (ResearchResult("d", BO_TINH, 2024),)}, True, id="research"),
        pytest.param({"initiatives": (Initiative("a", BO_TINH, 2022),)}, False, id="y-3"),
        pytest.param({"initiatives": (Initiative("a", BO_TINH, 2026),)}, False, id="y+1"),
        pytest.param({"initiatives": (Initiative("a", CO_SO, 2025),)}, False, id="co_so_level"),
        pytest.param(
            {"initiatives": (Initiative("a", BO_TINH, 2025, used_for="BK-1"),)},
            False,
            id="used",
        ),
        pytest.param(
            {"research": (ResearchResult("d", BO_TINH, 2024, used_for="X"),)},
            False,
            id="used_research",
        ),
    ],
)
def test_cstdbt_initiative_level_and_window(evidence: dict[str, object], passes: bool) -> None:
    # given a complete chain and one piece of evidence
    # when
    result = evaluate("CSTDBT", awards=awards("CSTDCS", 2023, 2024, 2025), **evidence)
    # then
    assert check(result, "INITIATIVE_LEVEL").passed is passes
    assert result.eligible is passes


def test_cstdbt_initiative_window_is_flagged_as_a_parameter() -> None:
    # given
    # when
    result = evaluate("CSTDBT", **CSTDBT_OK)
    # then
    assert "tham số cấu hình" in check(result, "INITIATIVE_LEVEL").message
    assert check(result, "CSTDCS_CHAIN").basis == "Luật TĐKT 2022, Điều 22"


def test_other_categories_count_toward_a_chain() -> None:
    # given the contract excludes only DOT_XUAT and PHONG_TRAO
    history = awards("CSTDCS", 2023, 2025) + awards(
        "CSTDCS", 2024, category=AwardCategory.CONG_HIEN
    )
    # when
    result = evaluate("CSTDBT", awards=history, initiatives=CSTDBT_OK["initiatives"])
    # then
    assert result.eligible


# -- CSTĐ toàn quốc (Điều 21) ------------------------------------------------------------------


def test_cstdtq_needs_cstdbt_in_y_minus_3_and_y_and_national_evidence() -> None:
    # given
    history = awards("CSTDBT", 2022, 2025)
    # when
    result = evaluate("CSTDTQ", awards=history, initiatives=(Initiative("SK-9", TOAN_QUOC, 2020),))
    # then
    assert result.eligible
    assert codes(result) == ["NO_DISCIPLINE", "CSTDBT_CHAIN", "INITIATIVE_LEVEL"]


@pytest.mark.parametrize(
    ("years", "passes"),
    [((2022, 2025), True), ((2023, 2025), False), ((2022, 2024), False), ((2025,), False)],
)
def test_cstdtq_cstdbt_chain(years: tuple[int, ...], passes: bool) -> None:
    # given
    # when
    result = evaluate("CSTDTQ", awards=awards("CSTDBT", *years))
    # then
    assert check(result, "CSTDBT_CHAIN").passed is passes


@pytest.mark.parametrize(
    ("initiative", "passes"),
    [
        (Initiative("a", TOAN_QUOC, 2020), True),
        (Initiative("a", TOAN_QUOC, 2019), False),
        (Initiative("a", BO_TINH, 2025), False),
    ],
)
def test_cstdtq_evidence_must_be_national_within_y_minus_5(
    initiative: Initiative, passes: bool
) -> None:
    # given
    # when
    result = evaluate("CSTDTQ", awards=awards("CSTDBT", 2022, 2025), initiatives=(initiative,))
    # then
    assert check(result, "INITIATIVE_LEVEL").passed is passes


# -- Bằng khen bộ/tỉnh (Điều 74) ---------------------------------------------------------------


def test_bk_bt_by_two_consecutive_cstdcs() -> None:
    # given
    # when
    result = evaluate("BK_BT", awards=awards("CSTDCS", 2024, 2025))
    # then
    assert result.eligible
    assert codes(result) == ["NO_DISCIPLINE", "BK_BT_ROUTE"]


@pytest.mark.parametrize(
    ("record", "passes"),
    [
        pytest.param(
            {"initiatives": (Initiative("a", CO_SO, 2024), Initiative("b", CO_SO, 2025))},
            True,
            id="two_initiatives",
        ),
        pytest.param(
            {"research": (ResearchResult("a", CO_SO, 2024), ResearchResult("b", CO_SO, 2025))},
            True,
            id="two_research",
        ),
        pytest.param(
            {
                "initiatives": (Initiative("a", CO_SO, 2024),),
                "research": (ResearchResult("b", CO_SO, 2025),),
            },
            False,
            id="one_of_each",
        ),
        pytest.param(
            {"initiatives": (Initiative("a", CO_SO, 2023), Initiative("b", CO_SO, 2025))},
            False,
            id="one_outside_window",
        ),
        pytest.param(
            {
                "initiatives": (
                    Initiative("a", CO_SO, 2024, used_for="CSTDCS-2024"),
                    Initiative("b", CO_SO, 2025),
                )
            },
            False,
            id="one_used",
        ),
    ],
)
def test_bk_bt_by_htxs_two_years_with_two_initiatives_or_two_research(
    record: dict[str, object], passes: bool
) -> None:
    # given HTXS in Y−1 and Y and no CSTĐCS chain
    # when
    result = evaluate("BK_BT", ratings=ratings(HTXS, 2024), **record)
    # then
    assert result.eligible is passes


def test_bk_bt_htxs_route_needs_both_years() -> None:
    # given
    initiatives = (Initiative("a", CO_SO, 2024), Initiative("b", CO_SO, 2025))
    # when
    result = evaluate("BK_BT", ratings={2024: HTT, 2025: HTXS}, initiatives=initiatives)
    # then
    assert result.missing == ("BK_BT_ROUTE",)
    message = check(result, "BK_BT_ROUTE").message
    assert "Cách 1" in message
    assert "chưa đạt hoàn thành xuất sắc nhiệm vụ năm 2024" in message


# -- BK TTg (Điều 73), HCLĐ hạng Ba (Điều 44), hạng Nhì (Điều 43) ------------------------------

BK_TTG_OK = {
    "awards": awards("BK_BT", 2020) + awards("CSTDCS", 2021, 2023, 2025),
    "ratings": ratings(HTT, 2021),
}


def test_bk_ttg_happy_path() -> None:
    # given
    # when
    result = evaluate("BK_TTG", **BK_TTG_OK)
    # then
    assert result.eligible
    assert codes(result) == ["NO_DISCIPLINE", "PRIOR_AWARD", "RATINGS_WINDOW", "CSTDCS_COUNT"]


@pytest.mark.parametrize(
    ("prior", "passes"),
    [
        pytest.param(AwardRecord("BK_BT", 2020), True, id="y-5"),
        pytest.param(AwardRecord("BK_BT", 2021), False, id="y-4"),
        pytest.param(AwardRecord("BK_BT", 2018, revoked=True), False, id="revoked"),
        pytest.param(AwardRecord("BK_BT", 2018, AwardCategory.DOT_XUAT), False, id="dot_xuat"),
        pytest.param(
            AwardRecord("BK_BT", 2018, AwardCategory.CONG_HIEN), False, id="not_cong_trang"
        ),
    ],
)
def test_bk_ttg_prior_bk_bt(prior: AwardRecord, passes: bool) -> None:
    # given
    history = (prior, *awards("CSTDCS", 2021, 2023, 2025))
    # when
    result = evaluate("BK_TTG", awards=history, ratings=BK_TTG_OK["ratings"])
    # then
    assert check(result, "PRIOR_AWARD").passed is passes


@pytest.mark.parametrize(
    "window_ratings",
    [
        pytest.param({**ratings(HTT, 2021), 2023: HT}, id="ht_year"),
        pytest.param({**ratings(HTT, 2022)}, id="missing_first_year"),
        pytest.param({**ratings(HTT, 2021, 2024)}, id="missing_y"),
    ],
)
def test_bk_ttg_ratings_window_needs_every_year(window_ratings: dict[int, Rating]) -> None:
    # given
    # when
    result = evaluate("BK_TTG", awards=BK_TTG_OK["awards"], ratings=window_ratings)
    # then
    assert result.missing == ("RATINGS_WINDOW",)


@pytest.mark.parametrize(
    ("cstdcs_years", "passes"),
    [((2021, 2022, 2025), True), ((2020, 2022, 2025), False), ((2024, 2025), False)],
)
def test_bk_ttg_counts_cstdcs_only_inside_the_window(
    cstdcs_years: tuple[int, ...], passes: bool
) -> None:
    # given
    history = awards("BK_BT", 2019) + awards("CSTDCS", *cstdcs_years)
    # when
    result = evaluate("BK_TTG", awards=history, ratings=BK_TTG_OK["ratings"])
    # then
    assert check(result, "CSTDCS_COUNT").passed is passes


def test_hcld3_needs_bk_ttg_and_one_htxs_year() -> None:
    # given
    history = awards("BK_TTG", 2020) + awards("CSTDCS", 2022, 2023, 2024)
    # when
    with_htxs = evaluate("HCLD3", awards=history, ratings={**ratings(HTT, 2021), 2024: HTXS})
    without = evaluate("HCLD3", awards=history, ratings=ratings(HTT, 2021))
    # then
    assert with_htxs.eligible
    assert without.missing == ("HTXS_COUNT",)


def test_hcld3_prior_bk_ttg_at_y_minus_4_is_too_recent() -> None:
    # given
    history = awards("BK_TTG", 2021) + awards("CSTDCS", 2022, 2023, 2024)
    # when
    result = evaluate("HCLD3", awards=history, ratings=ratings(HTXS, 2021))
    # then
    assert result.missing == ("PRIOR_AWARD",)
    assert "chưa đủ thời gian" in check(result, "PRIOR_AWARD").message


def test_hcld2_needs_two_htxs_years_and_a_cstdbt() -> None:
    # given
    history = awards("HCLD3", 2019) + awards("CSTDBT", 2023)
    two_htxs = {**ratings(HTT, 2021), 2022: HTXS, 2025: HTXS}
    # when
    eligible = evaluate("HCLD2", awards=history, ratings=two_htxs)
    one_htxs = evaluate("HCLD2", awards=history, ratings={**ratings(HTT, 2021), 2025: HTXS})
    no_cstdbt = evaluate("HCLD2", awards=awards("HCLD3", 2019), ratings=two_htxs)
    # then
    assert eligible.eligible
    assert one_htxs.missing == ("HTXS_COUNT",)
    assert no_cstdbt.missing == ("CSTDBT_COUNT",)


# -- Collectives: TTLĐTT (Điều 28 [U]) and TTLĐXS (Điều 27) ------------------------------------


@pytest.mark.parametrize(("ldtt", "passes"), [(11, True), (10, False), (9, False)])
def test_ttldtt_ldtt_share_must_exceed_half(ldtt: int, passes: bool) -> None:
    # given 20 members; 10 is exactly 50 %
    # when
    result = collective("TTLDTT", rating=HTT, ldtt=ldtt)
    # then
    share = check(result, "MEMBERS_LDTT_SHARE")
    assert share.passed is passes
    assert "tham số cấu hình" in share.message


def test_ttldtt_member_discipline() -> None:
    # given
    # when
    result = collective("TTLDTT", rating=HTT, disciplined_canh_cao_or_above=1)
    # then
    assert result.missing == ("MEMBERS_NO_DISCIPLINE",)


def test_ttldtt_member_discipline_rule_can_be_switched_off() -> None:
    # given
    params = with_figures(ttldtt_member_discipline_blocks=False)
    # when
    result = evaluate(
        "TTLDTT",
        kind=SubjectKind.COLLECTIVE,
        ratings={Y: HTT},
        members=MemberStats(20, 20, 14, 1, 3),
        parameters=params,
    )
    # then
    assert result.eligible
    assert "MEMBERS_NO_DISCIPLINE" not in codes(result)


def test_ttldtt_rating_needs_htt_or_better() -> None:
    # given
    # when
    result = collective("TTLDTT", rating=HT)
    # then
    assert result.missing == ("RATING_Y",)


@pytest.mark.parametrize(
    ("total", "ldtt", "passes"),
    [(20, 14, True), (10, 7, True), (20, 13, False), (100, 69, False), (3, 2, False)],
)
def test_ttldxs_ldtt_share_at_least_seventy_percent(total: int, ldtt: int, passes: bool) -> None:
    # given
    # when
    result = collective("TTLDXS", total=total, htnv_or_better=total, ldtt=ldtt)
    # then
    assert check(result, "MEMBERS_LDTT_SHARE").passed is passes


def test_ttldxs_other_standards() -> None:
    # given / when
    not_all_htnv = collective("TTLDXS", htnv_or_better=19)
    no_cstdcs = collective("TTLDXS", cstdcs=0)
    only_htt = collective("TTLDXS", rating=HTT)
    # then
    assert not_all_htnv.missing == ("MEMBERS_HTNV_SHARE",)
    assert no_cstdcs.missing == ("MEMBERS_CSTDCS_COUNT",)
    assert only_htt.missing == ("RATING_Y",)


def test_collective_without_members_fails_the_member_checks() -> None:
    # given (the contract layer rejects this input; the domain still answers safely)
    # when
    result = evaluate("TTLDXS", kind=SubjectKind.COLLECTIVE, ratings={Y: HTXS})
    # then
    assert result.missing == ("MEMBERS_HTNV_SHARE", "MEMBERS_LDTT_SHARE", "MEMBERS_CSTDCS_COUNT")


# -- MANUAL_REVIEW -----------------------------------------------------------------------------


def _kind_for(subject: str) -> SubjectKind:
    return SubjectKind.INDIVIDUAL if subject == "any" else SubjectKind(subject)


@pytest.mark.parametrize(
    "code",
    sorted(
        code
        for code, definition in CATALOGUE.items()
        if not is_machine_checkable(code, _kind_for(definition.subject))
    ),
)
def test_codes_without_a_standard_get_a_single_manual_review(code: str) -> None:
    # given a perfect-looking record
    kind = _kind_for(CATALOGUE[code].subject)
    # when
    result = evaluate(code, kind=kind, ratings=ratings(HTXS, 2015))
    # then
    assert not result.eligible
    assert codes(result) == ["MANUAL_REVIEW"]
    assert "Hội đồng" in result.checks[0].message
    assert result.checks[0].basis == CATALOGUE[code].legal_basis


@pytest.mark.parametrize("code", sorted(INDIVIDUAL_ONLY_STANDARDS))
@pytest.mark.parametrize("kind", [SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD])
def test_individual_rows_give_manual_review_for_other_subjects(
    code: str, kind: SubjectKind
) -> None:
    # given
    # when
    result = evaluate(code, kind=kind, awards=awards("CSTDCS", 2024, 2025))
    # then
    assert result.missing == ("MANUAL_REVIEW",)
    assert "chỉ áp dụng cho cá nhân" in result.checks[0].message


@pytest.mark.parametrize("code", ["DVTT", "DVQT", "GK", "HCLD1", "CO_BT"])
def test_known_codes_without_contract_standard_are_manual(code: str) -> None:
    assert not is_machine_checkable(code, SubjectKind.COLLECTIVE)


# -- rule sets chosen by proposal_date ---------------------------------------------------------


@pytest.mark.parametrize(
    ("proposal", "rule_set"),
    [
        (date(2023, 12, 31), "LTDKT-2003"),
        (date(2024, 1, 1), "LTDKT-2022/ND-98-2023"),
        (date(2025, 6, 30), "LTDKT-2022/ND-98-2023"),
        (date(2025, 7, 1), "LTDKT-2022/ND-152-2025"),
        (date(1900, 1, 1), "LTDKT-2003"),
        (date(2100, 12, 31), "LTDKT-2022/ND-152-2025"),
    ],
)
def test_rule_set_is_chosen_by_proposal_date(proposal: date, rule_set: str) -> None:
    # given / when
    chosen = select_rule_set(PARAMETER_SETS, proposal)
    result = evaluate("LDTT", year=2023, proposal=proposal, ratings={2023: HTT})
    # then
    assert chosen.rule_set == rule_set
    assert result.rule_set == rule_set


def test_2003_regime_answers_manual_review_for_everything() -> None:
    # given a clear LĐTT case proposed on the last day of the old law
    # when
    result = evaluate("LDTT", year=2023, proposal=date(2023, 12, 31), ratings={2023: HTT})
    # then
    assert result.missing == ("MANUAL_REVIEW",)
    assert "Luật Thi đua, khen thưởng 2003" in result.checks[0].message
    # ... and the next day the 2022 law applies
    assert evaluate("LDTT", year=2023, proposal=date(2024, 1, 1), ratings={2023: HTT}).eligible


def test_select_rule_set_rejects_gaps_and_overlaps() -> None:
    # given
    nd98, nd152 = PARAMETER_SETS[1], PARAMETER_SETS[2]
    # when / then
    with pytest.raises(LookupError):
        select_rule_set([nd152], date(2024, 5, 1))
    with pytest.raises(LookupError):
        select_rule_set(
            [nd98, dataclasses.replace(nd152, effective_from=nd98.effective_from)], date(2024, 5, 1)
        )


def test_check_accepts_a_single_rule_set() -> None:
    # given the ND-98 set applied explicitly
    nd98 = PARAMETER_SETS[1]
    # when
    result = evaluate("LDTT", ratings={Y: HTT}, parameters=nd98)
    # then
    assert result.rule_set == "LTDKT-2022/ND-98-2023"


# -- parameter data ----------------------------------------------------------------------------


def _raw_parameters() -> list[dict[str, object]]:
    return json.loads((DATA_DIR / "rule_parameters.json").read_text(encoding="utf-8"))


def test_packaged_rule_sets_cover_every_date_without_gaps() -> None:
    # given
    ordered = sorted(PARAMETER_SETS, key=lambda p: p.effective_from)
    # when / then
    assert [p.rule_set for p in ordered] == [
        "LTDKT-2003",
        "LTDKT-2022/ND-98-2023",
        "LTDKT-2022/ND-152-2025",
    ]
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        assert earlier.effective_to is not None
        assert earlier.effective_to + timedelta(days=1) == later.effective_from
    assert ordered[-1].effective_to is None


def test_the_2022_rule_sets_share_the_same_figures() -> None:
    # given the contract: the standards are the same in both 2022-law rule sets
    nd98, nd152 = PARAMETER_SETS[1].figures, PARAMETER_SETS[2].figures
    assert nd98 is not None
    assert nd152 is not None
    # when / then
    for spec in dataclasses.fields(nd98):
        assert getattr(nd98, spec.name).value == getattr(nd152, spec.name).value, spec.name


def test_unconfirmed_figures_are_the_legal_rules_u_items() -> None:
    # given
    figures = PARAMETER_SETS[2].figures
    assert figures is not None
    # when
    unconfirmed = {
        spec.name
        for spec in dataclasses.fields(figures)
        if not getattr(figures, spec.name).confirmed
    }
    # then
    assert {
        "registration_required",
        "ldtt_discipline_blocks",
        "ttldtt_ldtt_share",
        "ttldtt_member_discipline_blocks",
    } <= unconfirmed
    assert "ttldxs_ldtt_share" not in unconfirmed


@pytest.mark.parametrize(
    ("mutate", "error"),
    [
        pytest.param(lambda d: d[2]["figures"].pop("bk_bt_evidence_count"), "missing", id="gone"),
        pytest.param(
            lambda d: d[2]["figures"].update(new_rule={"value": 1}), "unknown", id="unknown"
        ),
        pytest.param(
            lambda d: d[2]["figures"]["ttldxs_ldtt_share"].update(value={"share": "x"}),
            "share",
            id="bad_share",
        ),
        pytest.param(
            lambda d: d[2]["figures"]["hcld2_htxs_count"].update(value=True), "integer", id="bool"
        ),
        pytest.param(lambda d: d[2].update(effective_from="2025-06-30"), "overlap", id="overlap"),
        pytest.param(
            lambda d: d[1]["figures"]["registration_required"].pop("confirmed"),
            "confirmed",
            id="no_confirmed_flag",
        ),
    ],
)
def test_bad_parameter_data_fails_loudly(mutate: object, error: str) -> None:
    # given
    data = _raw_parameters()
    mutate(data)  # type: ignore[operator]
    # when / then
    with pytest.raises(ParameterError, match=error):
        parse_parameter_sets(data)


# -- catalogue ---------------------------------------------------------------------------------


def test_catalogue_rejects_repeated_codes_and_unknown_subjects() -> None:
    # given
    header = "code,name_vi,subject,kind,level,legal_basis\n"
    row = 'LDTT,Lao động tiên tiến,individual,title,co_so,"Luật TĐKT 2022, Điều 24"\n'
    # when / then
    assert set(parse_catalogue(header + row)) == {"LDTT"}
    with pytest.raises(ValueError, match="repeated"):
        parse_catalogue(header + row + row)
    with pytest.raises(ValueError, match="subject"):
        parse_catalogue(header + row.replace("individual", "robot"))
    with pytest.raises(ValueError, match="columns"):
        parse_catalogue("code,name\nLDTT,x\n")


def test_engine_rejects_codes_it_cannot_answer() -> None:
    # given
    record = SubjectRecord(kind=SubjectKind.COLLECTIVE)
    # when / then
    with pytest.raises(ValueError, match="not in the catalogue"):
        check_eligibility(EligibilityQuery("NOPE", Y, PROPOSAL, record), CATALOGUE, PARAMETER_SETS)
    with pytest.raises(ValueError, match="does not apply"):
        check_eligibility(EligibilityQuery("LDTT", Y, PROPOSAL, record), CATALOGUE, PARAMETER_SETS)


def test_check_many_keeps_the_order() -> None:
    # given
    individual = SubjectRecord(kind=SubjectKind.INDIVIDUAL, ratings={Y: HTT}, registered=True)
    queries = [
        EligibilityQuery("CSTDBT", Y, PROPOSAL, individual),
        EligibilityQuery("LDTT", Y, PROPOSAL, individual),
    ]
    # when
    results = check_many(queries, CATALOGUE, PARAMETER_SETS)
    # then
    assert [(r.award, r.eligible) for r in results] == [("CSTDBT", False), ("LDTT", True)]


# -- text and purity ---------------------------------------------------------------------------


def test_messages_are_vietnamese_nfc_with_a_basis() -> None:
    # given a spread of results, passing and failing
    results = [
        evaluate("CSTDBT", **CSTDBT_OK),
        evaluate("CSTDBT", under_investigation=True, discipline=ended(date(2023, 1, 1), PROPOSAL)),
        evaluate("BK_BT", ratings=ratings(HTXS, 2024)),
        evaluate("HCLD2"),
        collective("TTLDTT", rating=HT, ldtt=3, disciplined_canh_cao_or_above=2),
        evaluate("GK"),
        evaluate("LDTT", proposal=date(2023, 1, 2)),
    ]
    # when
    checks = [c for result in results for c in result.checks]
    # then
    for item in checks:
        assert item.message
        assert item.basis
        assert unicodedata.is_normalized("NFC", item.message)
        assert unicodedata.is_normalized("NFC", item.basis)
        assert item.code.isupper()


def test_domain_imports_only_the_standard_library() -> None:
    # given every module of the domain package
    domain = Path(__file__).resolve().parents[1] / "domain"
    allowed = set(sys.stdlib_module_names) | {"thidua"}
    # when
    imported: set[str] = set()
    for source in domain.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
    # then
    assert all(name.split(".")[0] in allowed for name in imported), imported
    # other apps' pure domain packages (e.g. org's Reason) are allowed; nothing else of ours
    assert all(
        name.split(".")[2:3] == ["domain"] for name in imported if name.startswith("thidua")
    ), imported
