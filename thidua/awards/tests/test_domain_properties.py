"""Property tests of the eligibility engine (hypothesis; pure: no DB, no Django).

More achievements never hurt: adding a non-revoked công trạng award or an unused initiative or
research result never makes a subject less eligible. And every result keeps the contract's
invariants: `eligible` is true exactly when every check passed, `missing` lists the failed
codes in the order of `checks`.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.awards.catalogue import load_catalogue, load_parameter_sets
from thidua.awards.domain.contract import result_to_json
from thidua.awards.domain.eligibility import check_eligibility
from thidua.awards.domain.parameters import select_rule_set
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
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
INDIVIDUAL_CODES = [
    "LDTT",
    "CSTT",
    "CSTDCS",
    "CSTDBT",
    "CSTDTQ",
    "BK_BT",
    "BK_TTG",
    "HCLD3",
    "HCLD2",
]
COLLECTIVE_CODES = ["TTLDTT", "TTLDXS", "DVTT", "CO_BT", "BK_BT", "GK"]
HISTORY_CODES = ["CSTDCS", "CSTDBT", "BK_BT", "BK_TTG", "HCLD3", "LDTT", "GK"]
YEARS = st.integers(min_value=2014, max_value=2027)

award_records = st.builds(
    AwardRecord,
    code=st.sampled_from(HISTORY_CODES),
    year=YEARS,
    category=st.sampled_from(list(AwardCategory)),
    revoked=st.booleans(),
)
initiatives = st.builds(
    Initiative,
    id=st.text(min_size=1, max_size=4),
    level=st.sampled_from(list(RecognitionLevel)),
    year=YEARS,
    used_for=st.none() | st.just("GK-1"),
)
research = st.builds(
    ResearchResult,
    id=st.text(min_size=1, max_size=4),
    level=st.sampled_from(list(RecognitionLevel)),
    accepted_year=YEARS,
    used_for=st.none() | st.just("GK-1"),
)


@st.composite
def discipline_periods(draw: st.DrawFn) -> DisciplinePeriod:
    start = draw(st.dates(min_value=date(2014, 1, 1), max_value=date(2026, 12, 31)))
    length = draw(st.none() | st.integers(min_value=0, max_value=500))
    end = None if length is None else start + timedelta(days=length)
    return DisciplinePeriod(draw(st.sampled_from(["KHIEN_TRACH", "CANH_CAO"])), start, end)


@st.composite
def members(draw: st.DrawFn) -> MemberStats:
    total = draw(st.integers(min_value=1, max_value=40))
    part = st.integers(min_value=0, max_value=total)
    return MemberStats(total, draw(part), draw(part), draw(part), draw(part))


@st.composite
def queries(draw: st.DrawFn) -> EligibilityQuery:
    kind = draw(st.sampled_from([SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE]))
    codes = INDIVIDUAL_CODES if kind is SubjectKind.INDIVIDUAL else COLLECTIVE_CODES
    proposal = draw(st.dates(min_value=date(2023, 10, 1), max_value=date(2026, 12, 31)))
    record = SubjectRecord(
        kind=kind,
        ratings=draw(st.dictionaries(YEARS, st.sampled_from(list(Rating)), max_size=10)),
        awards=tuple(draw(st.lists(award_records, max_size=8))),
        initiatives=tuple(draw(st.lists(initiatives, max_size=3))),
        research=tuple(draw(st.lists(research, max_size=3))),
        discipline=tuple(draw(st.lists(discipline_periods(), max_size=2))),
        members=draw(members()) if kind is SubjectKind.COLLECTIVE else None,
        registered=draw(st.booleans()),
        under_investigation=draw(st.booleans()),
    )
    year = draw(st.integers(min_value=proposal.year - 1, max_value=proposal.year))
    return EligibilityQuery(draw(st.sampled_from(codes)), year, proposal, record)


def evaluate(query: EligibilityQuery) -> EligibilityResult:
    return check_eligibility(query, CATALOGUE, PARAMETER_SETS)


def with_record(query: EligibilityQuery, **changes: object) -> EligibilityQuery:
    return dataclasses.replace(query, record=dataclasses.replace(query.record, **changes))


def assert_not_worse(before: EligibilityResult, after: EligibilityResult) -> None:
    assert set(after.missing) <= set(before.missing)
    assert after.eligible or not before.eligible


@settings(max_examples=300, deadline=None)
@given(queries())
def test_result_invariants_hold(query: EligibilityQuery) -> None:
    # given any record
    # when
    result = evaluate(query)
    # then
    assert result.eligible == all(check.passed for check in result.checks)
    assert list(result.missing) == [check.code for check in result.checks if not check.passed]
    assert len({check.code for check in result.checks}) == len(result.checks)
    assert result.rule_set == select_rule_set(PARAMETER_SETS, query.proposal_date).rule_set
    assert (result.award, result.year) == (query.award, query.year)
    for check in result.checks:
        assert check.message
        assert check.basis
        assert unicodedata.is_normalized("NFC", check.message)
    if "MANUAL_REVIEW" in result.missing:
        assert len(result.checks) == 1
    output = result_to_json(result)
    assert list(output) == ["award", "year", "eligible", "rule_set", "checks", "missing"]


@settings(max_examples=300, deadline=None)
@given(queries(), st.sampled_from(HISTORY_CODES), YEARS)
def test_adding_a_cong_trang_award_never_makes_a_subject_less_eligible(
    query: EligibilityQuery, code: str, year: int
) -> None:
    # given
    before = evaluate(query)
    extra = AwardRecord(code, year, AwardCategory.CONG_TRANG, revoked=False)
    # when
    after = evaluate(with_record(query, awards=(*query.record.awards, extra)))
    # then
    assert_not_worse(before, after)


@settings(max_examples=300, deadline=None)
@given(queries(), st.sampled_from(list(RecognitionLevel)), YEARS)
def test_adding_an_unused_initiative_never_makes_a_subject_less_eligible(
    query: EligibilityQuery, level: RecognitionLevel, year: int
) -> None:
    # given
    before = evaluate(query)
    extra = Initiative("SK-NEW", level, year, used_for=None)
    # when
    after = evaluate(with_record(query, initiatives=(*query.record.initiatives, extra)))
    # then
    assert_not_worse(before, after)


@settings(max_examples=200, deadline=None)
@given(queries(), st.sampled_from(list(RecognitionLevel)), YEARS)
def test_adding_unused_research_never_makes_a_subject_less_eligible(
    query: EligibilityQuery, level: RecognitionLevel, year: int
) -> None:
    # given
    before = evaluate(query)
    extra = ResearchResult("DT-NEW", level, year)
    # when
    after = evaluate(with_record(query, research=(*query.record.research, extra)))
    # then
    assert_not_worse(before, after)


@settings(max_examples=200, deadline=None)
@given(queries())
def test_non_counting_awards_change_nothing(query: EligibilityQuery) -> None:
    # given awards that must never count: revoked, đột xuất, theo đợt
    extra = (
        AwardRecord("CSTDCS", query.year, revoked=True),
        AwardRecord("CSTDBT", query.year - 3, AwardCategory.DOT_XUAT),
        AwardRecord("BK_BT", query.year - 6, AwardCategory.PHONG_TRAO),
    )
    before = evaluate(query)
    # when
    after = evaluate(with_record(query, awards=(*query.record.awards, *extra)))
    # then
    assert [(c.code, c.passed) for c in after.checks] == [(c.code, c.passed) for c in before.checks]


@settings(max_examples=100, deadline=None)
@given(queries())
def test_investigation_always_blocks(query: EligibilityQuery) -> None:
    # given
    # when
    result = evaluate(with_record(query, under_investigation=True))
    # then
    assert not result.eligible
    assert result.missing == ("MANUAL_REVIEW",) or "NO_DISCIPLINE" in result.missing
