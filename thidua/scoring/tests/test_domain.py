"""Pure rules of scoring, pinned at their boundaries (no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua.scoring.domain import formulas, peer, progress, ranking, simulator, tables, workflow
from thidua.scoring.domain.formulas import Context, evaluate

D = Decimal


# ---------------------------------------------------------------------------- formulas


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", "0.00"), ("25", "20.00"), ("50", "40.00"), ("80", "40.00"), ("-5", "0.00")],
)
def test_ratio_to_target_is_capped_at_the_maximum(value, expected):
    assert evaluate("ratio_to_target", D(value), D(40), {"target": D(50)}).points == D(expected)


def test_ratio_to_target_lower_is_better():
    p = {"target": D(5), "lower_is_better": D(1)}
    assert evaluate("ratio_to_target", D(4), D(10), p).points == D(10)
    assert evaluate("ratio_to_target", D(10), D(10), p).points == D(5)


@pytest.mark.parametrize(
    ("value", "best", "expected"),
    [
        ("25", "70", "16.00"),  # half the target: 0.8 × 40 × 0.5
        ("50", "70", "32.00"),  # exactly the target: the base share
        ("60", "70", "36.00"),  # half-way to the best: 32 + 8 × 0.5
        ("70", "70", "40.00"),  # the best unit gets the maximum
        ("50", "50", "40.00"),  # everyone at target: reaching it is the best there is
    ],
)
def test_target_then_best_scores_units_beyond_target_relative_to_the_best(value, best, expected):
    params = {"target": D(50), "base_share": D("0.8")}
    got = evaluate("target_then_best", D(value), D(40), params, Context(D(best)))
    assert got.points == D(expected)


def test_target_then_best_lower_is_better():
    params = {"target": D(10), "base_share": D("0.5"), "lower_is_better": D(1)}
    # best (lowest) is 4: a unit at 7 went half-way from the target to the best
    assert evaluate("target_then_best", D(7), D(20), params, Context(D(4))).points == D(15)
    assert evaluate("target_then_best", D(20), D(20), params, Context(D(4))).points == D(5)


def test_yes_no():
    assert evaluate("yes_no", D(1), D(20), {}).points == D(20)
    assert evaluate("yes_no", D(0), D(20), {}).points == D(0)


@pytest.mark.parametrize(("count", "expected"), [("0", "0"), ("3", "30"), ("4", "40"), ("9", "40")])
def test_per_occurrence_stops_at_the_cap(count, expected):
    assert evaluate("per_occurrence", D(count), D(40), {"points_each": D(10)}).points == D(expected)


def test_per_occurrence_cap_parameter_below_maximum():
    assert evaluate(
        "per_occurrence", D(9), D(40), {"points_each": D(10), "cap": D(25)}
    ).points == D(25)


@pytest.mark.parametrize(
    ("count", "expected"), [("0", "0"), ("1", "-5"), ("2", "-10"), ("7", "-10")]
)
def test_bonus_penalty_stops_at_the_floor(count, expected):
    p = {"points_each": D(-5), "floor": D(-10), "ceiling": D(0)}
    assert evaluate("bonus_penalty", D(count), D(10), p).points == D(expected)


def test_bonus_is_capped_by_ceiling_and_maximum():
    p = {"points_each": D(2), "floor": D(0), "ceiling": D(50)}
    assert evaluate("bonus_penalty", D(10), D(5), p).points == D(5)


def test_check_criterion_explains_each_problem():
    _, reasons = formulas.check_criterion("nope", "yes_no", {}, D(10))
    assert reasons[0].code == "UNKNOWN_FORMULA"
    _, reasons = formulas.check_criterion("per_occurrence", "yes_no", {"x": 1}, D(10))
    codes = {r.code for r in reasons}
    assert codes == {"FORMULA_KIND", "UNKNOWN_PARAMETER", "MISSING_PARAMETER"}
    _, reasons = formulas.check_criterion(
        "bonus_penalty", "bonus_penalty", {"points_each": "a", "floor": 5, "ceiling": 1}, D(10)
    )
    assert [r.code for r in reasons] == ["INVALID_PARAMETER", "INVALID_PARAMETER"]
    values, reasons = formulas.check_criterion(
        "target_then_best", "quantitative", {"target": "50"}, D(10)
    )
    assert not reasons
    assert values == {"target": D(50), "base_share": D("0.8"), "lower_is_better": D(0)}


def test_every_formula_is_documented():
    text = open("docs/scoring-formulas.md", encoding="utf-8").read()
    for name in formulas.FORMULAS:
        assert f"`{name}`" in text


# ----------------------------------------------------------------------------- ranking


def us(uid, total, groups=(), penalty="0", name=None):
    return ranking.UnitScore(
        uid, name or f"U{uid}", name or f"u{uid}", D(total), tuple(D(g) for g in groups), D(penalty)
    )


def test_rank_orders_by_total_and_proposes_flag_then_certificates():
    result = ranking.rank([us(1, 80), us(2, 95), us(3, 90), us(4, 70)])
    assert [(r.unit_id, r.rank, r.award, r.leading) for r in result.rows] == [
        (2, 1, "CO_BT", True),
        (3, 2, "BK_BT", False),
        (1, 3, "BK_BT", False),
        (4, 4, "", False),
    ]
    assert not result.warnings


def test_equal_totals_are_broken_by_the_first_group_then_penalties():
    result = ranking.rank([us(1, 90, (50, 40)), us(2, 90, (55, 35)), us(3, 90, (55, 35), "5")])
    assert [r.unit_id for r in result.rows] == [2, 3, 1]
    assert [r.rank for r in result.rows] == [1, 2, 3]
    assert "bị trừ ít hơn" in result.rows[0].tie_note
    assert "nhóm tiêu chí 1" in result.rows[1].tie_note


def test_complete_ties_share_the_rank_in_vietnamese_name_order_and_warn_at_the_quota():
    a = us(1, 90, (50, 40), name="Đức")
    b = us(2, 90, (50, 40), name="An")
    result = ranking.rank([a, b, us(3, 80)], ranking.Policy(flag_count=1, merit_count=1))
    assert [(r.unit_id, r.rank) for r in result.rows] == [(2, 1), (1, 1), (3, 3)]
    assert result.rows[1].tie_note == "Đồng hạng."
    assert [w.code for w in result.warnings] == ["TIE_AT_QUOTA"]
    assert result.rows[0].award == result.rows[1].award == "CO_BT"
    assert result.rows[2].award == ""  # rank 3 is beyond flag 1 + merit 1


def test_single_member_and_minimum_total():
    result = ranking.rank([us(1, 40)], ranking.Policy(min_total=D(50)))
    assert result.rows[0].rank == 1
    assert result.rows[0].award == ""
    assert result.rows[0].leading is False
    assert ranking.rank([]).rows == ()


def test_explain_names_the_criteria_that_make_the_gap():
    x = ranking.UnitScore(1, "Xã A", "a", D(90), (D(60), D(30)), D(0), {"1": D(60), "2": D(30)})
    y = ranking.UnitScore(2, "Xã B", "b", D(80), (D(45), D(35)), D(0), {"1": D(45), "2": D(35)})
    e = ranking.explain(x, y, {"1": "Nhiệm vụ", "2": "Khác"})
    assert e.above
    assert e.total_delta == D(10)
    assert [d.criterion for d in e.differences] == ["1", "2"]
    assert e.summary == "Xã A hơn Xã B 10 điểm, chủ yếu ở: Nhiệm vụ."


@pytest.mark.parametrize(
    ("members", "yes", "approved"),
    [(5, 4, True), (5, 3, False), (10, 8, True), (10, 7, False), (0, 0, False), (1, 1, True)],
)
def test_vote_threshold_is_a_share_of_all_members(members, yes, approved):
    assert ranking.tally(members, yes, D(80)).approved is approved


# -------------------------------------------------------------------------------- peer


def test_peer_normalisation_removes_harsh_and_lenient_bias():
    # scorer 1 is lenient (+20 on everyone), scorer 2 harsh; both order 3 above 4 the same
    marks = [
        peer.PeerMark(1, 3, D(90)),
        peer.PeerMark(1, 4, D(80)),
        peer.PeerMark(2, 3, D(50)),
        peer.PeerMark(2, 4, D(40)),
    ]
    rows = peer.normalise(marks, D(100))
    by = {(r.scorer_id, r.scored_id): r.normalised for r in rows}
    assert by[(1, 3)] == by[(2, 3)]
    assert by[(1, 4)] == by[(2, 4)]
    assert by[(1, 3)] > by[(1, 4)]


def test_all_equal_scorer_gives_the_grand_mean():
    marks = [peer.PeerMark(1, 2, D(70)), peer.PeerMark(1, 3, D(70)), peer.PeerMark(2, 3, D(50))]
    rows = peer.normalise(marks, D(100))
    grand = (D(70) + D(70) + D(50)) / 3
    assert rows[0].normalised == rows[1].normalised == formulas.quantize(grand)


def test_outliers_are_flagged_and_self_scoring_refused():
    marks = [peer.PeerMark(s, 9, D(p)) for s, p in ((1, 80), (2, 82), (3, 20))]
    rows = peer.normalise(marks, D(100))
    assert [r.outlier for r in rows] == [False, False, True]
    reasons = peer.check_marks([peer.PeerMark(1, 1, D(5))], {1, 2}, D(100))
    assert [r.code for r in reasons] == ["SELF_SCORE"]
    assert peer.normalise([], D(100)) == []


# ---------------------------------------------------------------------------- progress


@pytest.mark.parametrize(
    ("direction", "low", "high", "value", "expected"),
    [
        ("at_least", "12", None, "12", "met"),
        ("at_least", "12", None, "12.5", "exceeded"),
        ("at_least", "12", None, "11.9", "not_met"),
        ("at_most", None, "5", "5", "met"),
        ("at_most", None, "5", "4", "exceeded"),
        ("between", "50", "70", "50", "met"),
        ("between", "50", "70", "71", "exceeded"),
        ("exactly", "1", None, "2", "not_met"),
        ("at_least", "12", None, None, "no_data"),
    ],
)
def test_progress_status(direction, low, high, value, expected):
    conv = lambda v: None if v is None else D(v)  # noqa: E731
    assert progress.status(direction, conv(low), conv(high), conv(value)) == expected


def test_tally_line_reads_like_the_seed():
    statuses = ["met"] * 10 + ["exceeded"] * 4 + ["not_met"]
    assert progress.tally(statuses).line == "14/15 chỉ tiêu đạt và vượt"


def test_rollup_sums_along_the_tree():
    parents = {1: None, 2: 1, 3: 1, 4: 2}
    assert progress.rollup(parents, {3: D(5), 4: D(2)}, "sum") == {
        3: D(5),
        1: D(7),
        4: D(2),
        2: D(2),
    }
    assert progress.rollup(parents, {4: D(12)}, "latest") == {4: D(12)}


def test_quarterly_periods_are_cut_to_the_movement_dates():
    specs = progress.periods("quarterly", date(2020, 3, 1), date(2020, 8, 31), 10)
    assert [(s.label, s.start, s.end, s.due) for s in specs] == [
        ("Quý 1/2020", date(2020, 3, 1), date(2020, 3, 31), date(2020, 4, 10)),
        ("Quý 2/2020", date(2020, 4, 1), date(2020, 6, 30), date(2020, 7, 10)),
        ("Quý 3/2020", date(2020, 7, 1), date(2020, 8, 31), date(2020, 9, 10)),
    ]
    assert len(progress.periods("monthly", date(2020, 1, 1), date(2020, 12, 31), 5)) == 12


@pytest.mark.parametrize(
    ("today", "submitted", "expected"),
    [
        (date(2024, 4, 1), None, "due"),
        (date(2024, 3, 1), None, "not_yet"),
        (date(2024, 4, 10), None, "due"),
        (date(2024, 4, 11), None, "overdue"),
        (date(2024, 4, 20), date(2024, 4, 10), "submitted"),
        (date(2024, 4, 20), date(2024, 4, 11), "late"),
    ],
)
def test_deadline_state_boundaries(today, submitted, expected):
    assert progress.deadline_state(date(2024, 4, 10), today, submitted, 10) == expected


# ----------------------------------------------------------------- tables and workflow


def test_structure_must_add_up():
    g = tables.GroupFacts(
        "Nhóm",
        D(60),
        (
            tables.CriterionFacts("1", "yes_no", D(20), D(2)),
            tables.CriterionFacts("2", "bonus_penalty", D(10), D(1)),
            tables.CriterionFacts("3", "yes_no", D(20), D(1)),
        ),
    )
    assert tables.check_structure(D(60), [g]) == []
    assert [r.code for r in tables.check_structure(D(100), [g])] == ["TOTAL_MISMATCH"]
    assert [r.code for r in tables.check_structure(D(100), [])] == ["EMPTY_TABLE"]


def test_policy_award_codes_exist_in_the_awards_catalogue():
    import csv

    with open("thidua/awards/data/awards.csv", encoding="utf-8") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    assert set(tables.PROPOSABLE_AWARDS) <= codes
    reasons = tables.check_policy("CO_XX", "BK_BT", 1, 2, 2, D(120))
    assert [r.code for r in reasons] == ["UNKNOWN_AWARD", "FLAG_ABOVE_LEADING", "INVALID_INPUT"]


def test_workflow_table_walks_to_locked_and_nothing_leaves_locked():
    state = workflow.DRAFT
    for action in ("submit", "review", "explain", "finalise", "lock"):
        found = workflow.step(state, action)
        assert isinstance(found, workflow.Step)
        state = found.to
    assert state == workflow.LOCKED
    for action in workflow.ACTION_LABELS:
        found = workflow.step(workflow.LOCKED, action)
        assert not isinstance(found, workflow.Step)
        assert found.code == "SHEET_LOCKED"
    refused = workflow.step(workflow.DRAFT, "finalise")
    assert (
        refused.message
        == "Bảng điểm đang ở trạng thái “đang tự chấm”, không thể chấm điểm chính thức."
    )


# ---------------------------------------------------------------------------- simulator


def test_simulator_finds_the_criterion_that_decides_the_ranking():
    crit = [
        simulator.CriterionSpec("A", "Tiêu chí A", 0, "yes_no", "yes_no", D(10), D(1), {}),
        simulator.CriterionSpec(
            "B",
            "Tiêu chí B",
            0,
            "per_occurrence",
            "per_occurrence",
            D(50),
            D(1),
            {"points_each": D(10)},
        ),
    ]
    units = [
        simulator.UnitInput(1, "X", "x", {"A": D(1), "B": D(1)}),
        simulator.UnitInput(2, "Y", "y", {"A": D(0), "B": D(3)}),
    ]
    sim = simulator.simulate(crit, units, 1, ranking.Policy())
    assert [r.unit_id for r in sim.ranking.rows] == [2, 1]
    assert sim.influence[0].code == "B"
    assert sim.influence[0].moved == 2
    assert sim.influence[1].moved == 0
