"""Pure tests of the history-entry rules and of administrators' figure overrides."""

from __future__ import annotations

import copy
import json
from dataclasses import fields
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import pytest

from thidua.awards.catalogue import PARAMETERS_FILE, load_catalogue, read_data
from thidua.awards.domain.parameters import (
    FigureOverride,
    Figures,
    ParameterError,
    ShareThreshold,
    figure_kind,
    parse_parameter_sets,
    with_overrides,
)
from thidua.awards.domain.records import (
    FIRST_YEAR,
    AwardEntry,
    check_award_entry,
    check_year,
)
from thidua.awards.domain.types import SubjectKind
from thidua.org.domain.reasons import Reason

CATALOGUE = load_catalogue()
TODAY = date(2026, 11, 22)
ND_152 = "LTDKT-2022/ND-152-2025"
INDIVIDUAL, COLLECTIVE, HOUSEHOLD = (
    SubjectKind.INDIVIDUAL,
    SubjectKind.COLLECTIVE,
    SubjectKind.HOUSEHOLD,
)


def entry(
    code: str = "CSTDCS",
    kind: SubjectKind = INDIVIDUAL,
    year: int = 2025,
    decided: date | None = date(2026, 1, 15),
    ended: date | None = None,
) -> AwardEntry:
    return AwardEntry(CATALOGUE[code], kind, year, decided, ended)


def codes(reasons: list[Reason]) -> list[str]:
    return [reason.code for reason in reasons]


# -- check_award_entry ---------------------------------------------------------------------------


def test_a_sound_entry_has_no_reasons() -> None:
    # given
    # when
    # then
    assert check_award_entry(entry(), TODAY) == []
    assert check_award_entry(entry(decided=None), TODAY) == []


@pytest.mark.parametrize(
    ("code", "kind", "word"),
    [
        ("CSTDCS", COLLECTIVE, "tập thể"),
        ("TTLDTT", INDIVIDUAL, "cá nhân"),
        ("LDTT", HOUSEHOLD, "hộ gia đình"),
    ],
)
def test_an_award_not_for_this_kind_of_subject_is_refused(
    code: str, kind: SubjectKind, word: str
) -> None:
    # given
    # when
    reasons = check_award_entry(entry(code, kind), TODAY)
    # then
    assert codes(reasons) == ["AWARD_NOT_FOR_SUBJECT"]
    assert reasons[0].message == f"{CATALOGUE[code].name_vi} không dùng để khen {word}."
    assert reasons[0].basis == CATALOGUE[code].legal_basis
    assert reasons[0].field == "award_type"


def test_an_award_for_any_subject_is_accepted_for_every_kind() -> None:
    # given BK_BT is for "any" subject
    for kind in SubjectKind:
        # when
        reasons = check_award_entry(entry("BK_BT", kind), TODAY)
        # then
        assert reasons == [], kind


def test_achievement_year_up_to_this_year_is_accepted_and_next_year_refused() -> None:
    # given
    # when
    this_year = check_award_entry(entry(year=TODAY.year, decided=None), TODAY)
    next_year = check_award_entry(entry(year=TODAY.year + 1, decided=None), TODAY)
    # then
    assert this_year == []
    assert codes(next_year) == ["YEAR_IN_FUTURE"]
    assert next_year[0].message == "Năm 2027 chưa đến; chỉ ghi nhận kết quả đến năm 2026."
    assert next_year[0].field == "year"


def test_achievement_year_from_1945_is_accepted_and_1944_refused() -> None:
    # given
    # when
    first = check_award_entry(entry(year=1945, decided=None), TODAY)
    before = check_award_entry(entry(year=1944, decided=None), TODAY)
    # then
    assert FIRST_YEAR == 1945
    assert first == []
    assert codes(before) == ["YEAR_TOO_EARLY"]
    assert before[0].message == "Năm phải từ 1945 trở đi."


def test_a_decision_in_the_same_year_as_the_achievement_is_accepted() -> None:
    # given
    # when
    reasons = check_award_entry(entry(year=2025, decided=date(2025, 1, 1)), TODAY)
    # then
    assert reasons == []


def test_a_decision_before_the_achievement_year_is_refused() -> None:
    # given
    # when
    reasons = check_award_entry(entry(year=2025, decided=date(2024, 12, 31)), TODAY)
    # then
    assert codes(reasons) == ["DECISION_BEFORE_ACHIEVEMENT"]
    assert reasons[0].message == (
        "Quyết định ngày 31/12/2024 không thể khen thành tích năm 2025 (chưa có thành tích)."
    )
    assert reasons[0].field == "decision_date"


def test_a_decision_dated_today_is_accepted_and_tomorrow_refused() -> None:
    # given
    # when
    today = check_award_entry(entry(decided=TODAY), TODAY)
    tomorrow = check_award_entry(entry(decided=TODAY + timedelta(days=1)), TODAY)
    # then
    assert today == []
    assert codes(tomorrow) == ["DECISION_IN_FUTURE"]
    assert tomorrow[0].message == "Ngày quyết định 23/11/2026 chưa đến."


def test_a_decision_after_the_unit_ended_is_refused_and_on_its_last_day_accepted() -> None:
    # given a commune that ended on 30/06/2025 (merged from 01/07/2025)
    ended = date(2025, 6, 30)
    # when
    on_last_day = check_award_entry(
        entry("TTLDTT", COLLECTIVE, 2024, date(2025, 6, 30), ended), TODAY
    )
    after = check_award_entry(entry("TTLDTT", COLLECTIVE, 2024, date(2025, 7, 1), ended), TODAY)
    # then
    assert on_last_day == []
    assert codes(after) == ["SUBJECT_ENDED"]
    assert "30/06/2025" in after[0].message
    assert "Thông tư 15/2025/TT-BNV" in after[0].basis


def test_every_problem_is_reported_at_once() -> None:
    # given a collective title for a person, for next year, decided before the year, after the end
    bad = entry("TTLDTT", INDIVIDUAL, TODAY.year + 1, TODAY + timedelta(days=1), date(2020, 1, 1))
    # when
    reasons = check_award_entry(bad, TODAY)
    # then
    assert codes(reasons) == [
        "AWARD_NOT_FOR_SUBJECT",
        "YEAR_IN_FUTURE",
        "DECISION_IN_FUTURE",
        "DECISION_BEFORE_ACHIEVEMENT",
        "SUBJECT_ENDED",
    ]
    for reason in reasons:
        assert reason.message
        assert reason.basis
        assert reason.field


def test_check_year_names_the_given_field() -> None:
    # given
    # when
    # then
    assert check_year(TODAY.year, TODAY, "rating_year") == []
    assert check_year(FIRST_YEAR, TODAY, "rating_year") == []
    [future] = check_year(TODAY.year + 1, TODAY, "rating_year")
    [early] = check_year(FIRST_YEAR - 1, TODAY, "rating_year")
    assert (future.code, future.field) == ("YEAR_IN_FUTURE", "rating_year")
    assert (early.code, early.field) == ("YEAR_TOO_EARLY", "rating_year")
    assert future.basis
    assert early.basis


# -- with_overrides ------------------------------------------------------------------------------


def packaged() -> list[dict[str, Any]]:
    return json.loads(read_data(PARAMETERS_FILE))


def override(
    figure: str = "cstdbt_cstdcs_chain_length", value: object = 2, **kw: Any
) -> FigureOverride:
    values: dict[str, Any] = {
        "rule_set": ND_152,
        "figure": figure,
        "value": value,
        "basis": "Quyết định thử nghiệm",
        "confirmed": False,
    }
    values.update(kw)
    return FigureOverride(**values)


def by_name(data: object) -> dict[str, dict[str, Any]]:
    assert isinstance(data, list)
    return {item["rule_set"]: item for item in data}


def test_an_override_changes_only_the_named_figure_of_the_named_set() -> None:
    # given
    data = packaged()
    original = copy.deepcopy(data)
    # when
    result = by_name(with_overrides(data, [override()]))
    # then the figure has the new value, basis and confirmation, and keeps its other keys
    before = by_name(original)
    name = "cstdbt_cstdcs_chain_length"
    assert result[ND_152]["figures"][name] == {
        **before[ND_152]["figures"][name],
        "value": 2,
        "basis": "Quyết định thử nghiệm",
        "confirmed": False,
    }
    # and every other figure of every set is as packaged
    for rule_set, item in result.items():
        assert set(item) == set(before[rule_set])
        for field, value in item.items():
            if field != "figures" or value is None:
                assert value == before[rule_set][field], (rule_set, field)
                continue
            others = {k: v for k, v in value.items() if (rule_set, k) != (ND_152, name)}
            assert others == {
                k: v
                for k, v in before[rule_set]["figures"].items()
                if (rule_set, k) != (ND_152, name)
            }
    # and the input was left untouched
    assert data == original


def test_the_overridden_data_parses_and_the_engine_sees_the_new_value() -> None:
    # given
    # when
    sets = parse_parameter_sets(with_overrides(packaged(), [override()]))
    # then
    figures = {params.rule_set: params.figures for params in sets}
    assert figures[ND_152] is not None
    assert figures[ND_152].cstdbt_cstdcs_chain_length.value == 2
    assert not figures[ND_152].cstdbt_cstdcs_chain_length.confirmed
    assert figures["LTDKT-2022/ND-98-2023"] is not None
    assert figures["LTDKT-2022/ND-98-2023"].cstdbt_cstdcs_chain_length.value == 3


def test_the_last_override_of_a_figure_wins() -> None:
    # given
    # when
    result = by_name(with_overrides(packaged(), [override(value=2), override(value=4)]))
    # then
    assert result[ND_152]["figures"]["cstdbt_cstdcs_chain_length"]["value"] == 4


def test_no_overrides_give_equal_data() -> None:
    # given
    data = packaged()
    # when
    # then
    assert with_overrides(data, []) == data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rule_set": "LTDKT-2099"}, "unknown rule set LTDKT-2099"),
        ({"figure": "no_such_figure"}, f"{ND_152} has no figure no_such_figure"),
        ({"rule_set": "LTDKT-2003"}, "LTDKT-2003 has no figure cstdbt_cstdcs_chain_length"),
    ],
)
def test_an_override_of_an_unknown_set_or_figure_is_a_parameter_error(
    change: dict[str, str], message: str
) -> None:
    # given
    data = packaged()
    # when
    with pytest.raises(ParameterError) as caught:
        with_overrides(data, [override(**change)])
    # then
    assert str(caught.value) == message


def test_overrides_need_a_list() -> None:
    # given
    # when
    # then
    with pytest.raises(ParameterError):
        with_overrides({"rule_set": ND_152}, [])


@pytest.mark.parametrize(
    ("figure", "value"),
    [
        ("cstdbt_cstdcs_chain_length", -1),
        ("cstdbt_cstdcs_chain_length", True),
        ("cstdbt_cstdcs_chain_length", "3"),
        ("registration_required", 1),
        ("ttldtt_ldtt_share", {"share": "1.5", "inclusive": True}),
        ("ttldtt_ldtt_share", 0.5),
    ],
)
def test_a_value_of_the_wrong_kind_fails_when_parsed(figure: str, value: object) -> None:
    # given
    data = with_overrides(packaged(), [override(figure, value)])
    # when
    # then
    with pytest.raises(ParameterError) as caught:
        parse_parameter_sets(data)
    assert figure in str(caught.value)


def test_a_share_override_is_parsed_exactly() -> None:
    # given
    value = {"share": "0.6", "inclusive": True}
    # when
    sets = parse_parameter_sets(with_overrides(packaged(), [override("ttldtt_ldtt_share", value)]))
    # then
    figures = {params.rule_set: params.figures for params in sets}[ND_152]
    assert figures is not None
    assert figures.ttldtt_ldtt_share.value == ShareThreshold(Fraction(3, 5), inclusive=True)


# -- figure_kind ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "kind"),
    [
        ("registration_required", "bool"),
        ("ldtt_discipline_blocks", "bool"),
        ("cstdbt_cstdcs_chain_length", "int"),
        ("hcld2_cstdbt_count", "int"),
        ("ttldtt_ldtt_share", "share"),
        ("ttldxs_htnv_share", "share"),
    ],
)
def test_figure_kind(figure: str, kind: str) -> None:
    # given
    # when
    # then
    assert figure_kind(figure) == kind


def test_every_figure_has_a_kind_and_unknown_names_raise() -> None:
    # given
    # when
    kinds = {spec.name: figure_kind(spec.name) for spec in fields(Figures)}
    # then
    assert set(kinds.values()) == {"bool", "int", "share"}
    with pytest.raises(KeyError):
        figure_kind("no_such_figure")


def test_bonus_is_rounded_as_the_rounding_parameter_says() -> None:
    from decimal import Decimal

    from thidua.awards.domain.bonus import BonusRounding, bonus

    # given 0.15 × 2,340,000 = 351,000 and 0.35 × 1,490,000 = 521,500
    to_dong = BonusRounding(1, "x", False)
    to_thousand = BonusRounding(1_000, "x", False)
    # then rounding to the đồng keeps them, to the thousand rounds half up
    assert bonus(Decimal("0.15"), 2_340_000, to_dong) == Decimal(351_000)
    assert bonus(Decimal("0.35"), 1_490_000, to_thousand) == Decimal(522_000)
    assert bonus(Decimal("0.35"), 1_490_000, to_dong) == Decimal(521_500)
