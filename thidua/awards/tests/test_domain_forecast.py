"""Pure tests of the "what is missing" forecast over the eligibility engine (no DB, no Django)."""

from __future__ import annotations

import dataclasses
from datetime import date
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.awards.catalogue import load_catalogue, load_parameter_sets
from thidua.awards.domain.eligibility import check_eligibility
from thidua.awards.domain.forecast import (
    LADDERS,
    MAX_STEPS,
    Forecast,
    Step,
    candidate_steps,
    forecast,
)
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
    DisciplinePeriod,
    EligibilityQuery,
    Initiative,
    MemberStats,
    Rating,
    RecognitionLevel,
    SubjectKind,
    SubjectRecord,
)

CATALOGUE = load_catalogue()
PARAMETER_SETS = load_parameter_sets()
Y = 2026
PROPOSAL = date(2026, 11, 22)
HT, HTT, HTXS = Rating.HT, Rating.HTT, Rating.HTXS


# -- builders ----------------------------------------------------------------------------------


def person(**fields: object) -> SubjectRecord:
    values: dict[str, object] = {"kind": SubjectKind.INDIVIDUAL, "registered": True}
    values.update(fields)
    return SubjectRecord(**values)  # type: ignore[arg-type]


def rising_star() -> SubjectRecord:
    """CSTĐCS 2024 and 2025, HTXS both years, registered for 2026."""
    return person(
        ratings={2024: HTXS, 2025: HTXS},
        awards=(AwardRecord("CSTDCS", 2024), AwardRecord("CSTDCS", 2025)),
    )


def run(record: SubjectRecord, **kw: object) -> dict[str, Forecast]:
    return {f.award: f for f in forecast(record, Y, PROPOSAL, CATALOGUE, PARAMETER_SETS, **kw)}  # type: ignore[arg-type]


def eligible(record: SubjectRecord, code: str) -> bool:
    query = EligibilityQuery(code, Y, PROPOSAL, record)
    return check_eligibility(query, CATALOGUE, PARAMETER_SETS).eligible


def apply(record: SubjectRecord, steps: tuple[Step, ...]) -> SubjectRecord:
    for step in steps:
        record = step.apply(record, Y)
    return record


def keys(f: Forecast) -> list[str] | None:
    return None if f.steps is None else [step.key for step in f.steps]


# -- eligible now --------------------------------------------------------------------------------


def test_a_subject_eligible_now_needs_no_steps() -> None:
    # given a person who already meets the LĐTT standard for 2026
    record = person(ratings={Y: HTT})
    # when
    result = run(record, awards=["LDTT"])["LDTT"]
    # then
    assert result.eligible_now
    assert result.reachable
    assert result.steps == ()
    assert result.blocking == ()
    assert result.summary == "Đủ điều kiện Lao động tiên tiến năm 2026."


# -- reachable with steps ------------------------------------------------------------------------


def test_cstdbt_is_reachable_with_this_years_cstdcs_and_a_provincial_initiative() -> None:
    # given CSTĐCS 2024 and 2025 (two links of the three-year chain) and no initiative
    record = rising_star()
    # when
    result = run(record)["CSTDBT"]
    # then exactly the missing achievements are named: this year's CSTĐCS (which itself needs
    # an HTXS rating, since 2026 is not rated yet) and a provincial initiative
    assert not result.eligible_now
    assert keys(result) == ["rating:HTXS", "award:CSTDCS", "initiative:BO_TINH"]
    assert result.blocking == ()
    assert result.summary.startswith(
        "Đủ điều kiện Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh năm 2026 nếu "
    )
    assert "được công nhận Chiến sĩ thi đua cơ sở năm 2026" in result.summary
    assert "có sáng kiến được công nhận cấp tỉnh năm 2026" in result.summary
    # and the steps really make the person eligible
    assert result.steps is not None
    assert eligible(apply(record, result.steps), "CSTDBT")


def test_forecast_does_not_change_the_record_it_is_given() -> None:
    # given
    record = rising_star()
    snapshot = dataclasses.replace(record)
    # when
    run(record)
    # then
    assert record == snapshot
    assert len(record.awards) == 2


def test_an_unregistered_person_is_told_to_register_for_an_annual_title() -> None:
    # given a good rating for 2026 but no registration
    record = person(ratings={Y: HTT}, registered=False)
    # when
    result = run(record, awards=["LDTT"])["LDTT"]
    # then
    assert keys(result) == ["registered"]
    assert "đăng ký thi đua năm 2026" in result.summary


# -- blocked -------------------------------------------------------------------------------------


def test_discipline_in_force_on_the_proposal_date_blocks_every_rung() -> None:
    # given a reprimand from March 2026, still in force on the proposal date
    record = dataclasses.replace(
        rising_star(), discipline=(DisciplinePeriod("KHIEN_TRACH", date(2026, 3, 1)),)
    )
    # when
    results = run(record)
    # then every rung of the individual ladder is answered, and none can be reached
    assert list(results) == list(LADDERS[SubjectKind.INDIVIDUAL])
    for result in results.values():
        assert not result.reachable, result.award
        assert result.steps is None
        assert "NO_DISCIPLINE" in [check.code for check in result.blocking]
        assert all(not check.passed for check in result.blocking)
        assert result.summary.startswith(f"Chưa thể đủ điều kiện {result.name} năm 2026: ")
        assert "kỷ luật" in result.summary


def test_discipline_that_ended_before_the_proposal_date_does_not_block_proposing() -> None:
    # given a reprimand that ended in 2023
    record = person(
        ratings={Y: HTT},
        discipline=(DisciplinePeriod("KHIEN_TRACH", date(2022, 3, 1), date(2023, 3, 1)),),
    )
    # when
    result = run(record, awards=["LDTT"])["LDTT"]
    # then
    assert result.eligible_now


def test_a_chain_broken_in_a_past_year_cannot_be_mended_this_year() -> None:
    # given CSTĐCS 2025 only: 2024 is missing from the 2024–2026 chain and cannot be made now
    record = person(ratings={2024: HTXS, 2025: HTXS}, awards=(AwardRecord("CSTDCS", 2025),))
    # when
    result = run(record)["CSTDBT"]
    # then
    assert not result.reachable
    chain = [check for check in result.blocking if check.code == "CSTDCS_CHAIN"]
    assert len(chain) == 1
    assert "còn thiếu năm 2024" in chain[0].message
    assert "NO_DISCIPLINE" not in [check.code for check in result.blocking]
    assert result.summary.startswith(
        "Chưa thể đủ điều kiện Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh năm 2026: "
    )
    # while BK_BT (CSTĐCS 2025 and 2026) is still within reach, with the rating CSTĐCS needs
    assert keys(run(record)["BK_BT"]) == ["rating:HTXS", "award:CSTDCS"]


def test_a_revoked_past_award_does_not_count_toward_the_chain() -> None:
    # given the 2024 link was revoked
    record = person(
        awards=(AwardRecord("CSTDCS", 2024, revoked=True), AwardRecord("CSTDCS", 2025)),
    )
    # when
    result = run(record)["CSTDBT"]
    # then
    assert not result.reachable


def test_a_dot_xuat_past_award_does_not_count_toward_the_chain() -> None:
    # given the 2024 link was an extraordinary (đột xuất) award
    record = person(
        awards=(
            AwardRecord("CSTDCS", 2024, AwardCategory.DOT_XUAT),
            AwardRecord("CSTDCS", 2025),
        ),
    )
    # when
    result = run(record)["CSTDBT"]
    # then
    assert not result.reachable


# -- collectives and households ------------------------------------------------------------------


def collective(rating: Rating, **members: int) -> SubjectRecord:
    counts = {"total": 20, "htnv_or_better": 20, "ldtt": 14, "cstdcs": 1}
    counts["disciplined_canh_cao_or_above"] = 0
    counts.update(members)
    return SubjectRecord(
        kind=SubjectKind.COLLECTIVE,
        ratings={Y: rating},
        members=MemberStats(**counts),
        registered=True,
    )


def test_collective_ladder_ttldtt_now_and_ttldxs_with_an_htxs_rating() -> None:
    # given a collective not yet rated for 2026, with 14 of 20 members LĐTT and one CSTĐCS
    record = dataclasses.replace(collective(HTT), ratings={})
    # when
    results = run(record)
    # then
    assert list(results) == ["TTLDTT", "TTLDXS"]
    assert keys(results["TTLDTT"]) == ["rating:HTXS"]
    assert keys(results["TTLDXS"]) == ["rating:HTXS"]
    assert results["TTLDXS"].summary == (
        "Đủ điều kiện Tập thể lao động xuất sắc năm 2026 nếu được đánh giá hoàn thành xuất sắc "
        "nhiệm vụ năm 2026."
    )


def test_collective_member_counts_are_not_something_a_forecast_can_add() -> None:
    # given too few LĐTT members (10 of 20 is not more than half)
    record = collective(HTXS, ldtt=10)
    # when
    results = run(record)
    # then both rungs are blocked by the member share, not fixed by hypothetical steps
    for code in ("TTLDTT", "TTLDXS"):
        assert not results[code].reachable
        assert "MEMBERS_LDTT_SHARE" in [check.code for check in results[code].blocking]


def test_collective_steps_are_ratings_and_titles_never_initiatives() -> None:
    # given
    record = SubjectRecord(kind=SubjectKind.COLLECTIVE, registered=False)
    # when
    steps = [step.key for step in candidate_steps(record, Y, CATALOGUE)]
    # then
    assert steps == ["registered", "rating:HTXS", "award:TTLDTT", "award:TTLDXS"]


def test_households_have_no_ladder() -> None:
    # given
    record = SubjectRecord(kind=SubjectKind.HOUSEHOLD)
    # when
    results = forecast(record, Y, PROPOSAL, CATALOGUE, PARAMETER_SETS)
    # then
    assert results == ()


def test_codes_without_a_machine_standard_are_left_out() -> None:
    # given GK (giấy khen) is decided by people, and XYZ is not in the catalogue
    record = rising_star()
    # when
    results = run(record, awards=["GK", "XYZ", "LDTT"])
    # then
    assert list(results) == ["LDTT"]


# -- candidate steps -----------------------------------------------------------------------------


def test_candidate_steps_leave_out_what_the_subject_already_has() -> None:
    # given registered, HTXS for 2026 and LĐTT 2026 already
    record = person(ratings={Y: HTXS}, awards=(AwardRecord("LDTT", Y),))
    # when
    steps = [step.key for step in candidate_steps(record, Y, CATALOGUE)]
    # then
    assert steps == [
        "award:CSTDCS",
        "award:CSTDBT",
        "initiative:CO_SO",
        "initiative:BO_TINH",
        "initiative:TOAN_QUOC",
    ]


def test_a_revoked_award_of_the_year_is_still_offered_as_a_step() -> None:
    # given
    record = person(awards=(AwardRecord("LDTT", Y, revoked=True),))
    # when
    steps = [step.key for step in candidate_steps(record, Y, CATALOGUE)]
    # then
    assert "award:LDTT" in steps


def test_a_step_applies_to_the_forecast_year_only() -> None:
    # given
    record = person(ratings={2025: HTT})
    # when
    extended = apply(
        record,
        (Step("rating:HTXS", ""), Step("award:CSTDCS", ""), Step("initiative:BO_TINH", "")),
    )
    # then
    assert extended.ratings == {2025: HTT, Y: HTXS}
    assert extended.awards == (AwardRecord("CSTDCS", Y),)
    assert [(i.level, i.year, i.used_for) for i in extended.initiatives] == [
        (RecognitionLevel.BO_TINH, Y, None)
    ]
    assert record.ratings == {2025: HTT}


# -- minimality and monotonicity -----------------------------------------------------------------


def attainable(record: SubjectRecord, steps: tuple[Step, ...]) -> bool:
    """Every award step can itself be had given the other steps."""
    for step in steps:
        kind, _, code = step.key.partition(":")
        others = tuple(other for other in steps if other is not step)
        if kind == "award" and not eligible(apply(record, others), code):
            return False
    return True


def assert_minimal(record: SubjectRecord, result: Forecast) -> None:
    assert result.steps is not None
    assert 0 < len(result.steps) <= MAX_STEPS
    assert eligible(apply(record, result.steps), result.award)
    assert attainable(record, result.steps)
    for size in range(len(result.steps)):
        for subset in combinations(result.steps, size):
            works = eligible(apply(record, subset), result.award) and attainable(record, subset)
            assert not works, (result.award, subset)


def test_a_rating_already_given_is_not_offered_as_a_step() -> None:
    # given a collective already rated HTT for 2026
    record = collective(HTT)
    # when
    results = run(record)
    # then TTLĐTT holds now, but TTLĐXS cannot be reached by "an HTXS rating" any more
    assert results["TTLDTT"].eligible_now
    assert not results["TTLDXS"].reachable
    assert "rating:HTXS" not in [s.key for s in candidate_steps(record, Y, CATALOGUE)]


def test_an_award_step_is_only_offered_when_it_can_itself_be_had() -> None:
    # given a person rated HT for 2026: no CSTĐCS (nor LĐTT) is possible this year
    record = dataclasses.replace(rising_star(), ratings={2024: HTXS, 2025: HTXS, Y: HT})
    # when
    result = run(record)["BK_BT"]
    # then BK tỉnh is not offered "if recognised CSTĐCS 2026"
    assert not result.reachable


def test_steps_are_minimal_for_every_reachable_rung() -> None:
    # given
    records = [
        rising_star(),
        person(registered=False),
        person(ratings={2025: HTXS}, awards=(AwardRecord("CSTDCS", 2025),)),
        collective(HTT),
    ]
    for record in records:
        # when
        results = run(record)
        # then no proper subset of the steps also makes the subject eligible
        for result in results.values():
            if result.reachable and not result.eligible_now:
                assert_minimal(record, result)


YEARS = st.integers(min_value=2019, max_value=Y)
past_awards = st.builds(
    AwardRecord,
    code=st.sampled_from(["LDTT", "CSTDCS", "CSTDBT", "BK_BT", "BK_TTG", "HCLD3"]),
    year=YEARS,
    category=st.sampled_from([AwardCategory.CONG_TRANG, AwardCategory.DOT_XUAT]),
    revoked=st.booleans(),
)


@st.composite
def records(draw: st.DrawFn) -> SubjectRecord:
    return person(
        ratings=draw(st.dictionaries(YEARS, st.sampled_from(list(Rating)), max_size=6)),
        awards=tuple(draw(st.lists(past_awards, max_size=6))),
        initiatives=tuple(
            draw(
                st.lists(
                    st.builds(
                        Initiative,
                        id=st.just("SK"),
                        level=st.sampled_from(list(RecognitionLevel)),
                        year=YEARS,
                        used_for=st.none() | st.just("GK"),
                    ),
                    max_size=2,
                )
            )
        ),
        registered=draw(st.booleans()),
    )


@st.composite
def qualifying_additions(draw: st.DrawFn) -> tuple[str, int]:
    """An extra counting award, or an HTXS rating, for some year up to the forecast year."""
    what = draw(st.sampled_from(["CSTDCS", "LDTT", "CSTDBT", "BK_BT", "rating:HTXS"]))
    return what, draw(YEARS)


def add(record: SubjectRecord, what: str, year: int) -> SubjectRecord:
    if what == "rating:HTXS":
        return dataclasses.replace(record, ratings={**record.ratings, year: HTXS})
    return dataclasses.replace(record, awards=(*record.awards, AwardRecord(what, year)))


@settings(max_examples=40, deadline=None)
@given(records(), qualifying_additions())
def test_a_qualifying_achievement_never_makes_a_rung_harder_to_reach(
    record: SubjectRecord, addition: tuple[str, int]
) -> None:
    # given
    before = run(record)
    # when
    after = run(add(record, *addition))
    # then
    assert list(after) == list(before)
    for code, was in before.items():
        now = after[code]
        if was.eligible_now:
            assert now.eligible_now, code
        if was.steps is not None:
            assert now.steps is not None, code
            assert len(now.steps) <= len(was.steps), code


@settings(max_examples=25, deadline=None)
@given(records())
def test_forecast_answers_are_consistent(record: SubjectRecord) -> None:
    # given any record
    # when
    results = run(record)
    # then a rung is either reachable (with working steps) or blocked with failed checks
    for result in results.values():
        assert result.eligible_now == eligible(record, result.award)
        if result.steps is not None:
            assert result.blocking == ()
            assert eligible(apply(record, result.steps), result.award)
        else:
            assert result.blocking
            assert all(not check.passed for check in result.blocking)
            assert result.summary.startswith("Chưa thể đủ điều kiện")


def test_a_rung_only_every_step_together_would_reach_is_blocked_with_todays_failures() -> None:
    # given (found by hypothesis) a person with one CSTĐ tỉnh in 2023 and nothing else: CSTĐ
    # toàn quốc would need more achievements this year than one forecast may suggest
    record = SubjectRecord(
        kind=SubjectKind.INDIVIDUAL,
        awards=(AwardRecord(code="CSTDBT", year=2023, category=AwardCategory.CONG_TRANG),),
    )
    # when
    result = run(record, awards=["CSTDTQ"])["CSTDTQ"]
    # then it is not reachable, and the reasons say why
    assert result.steps is None
    assert result.blocking
    assert all(not check.passed for check in result.blocking)
    assert result.summary.startswith("Chưa thể đủ điều kiện")
