"""Pure rules of decisions: numbering, the transition table, competence, issuing and
revocation checks, and certificate layouts. No database."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.decisions.domain.layout import (
    DEFAULT_POSITIONS,
    Position,
    check_positions,
    positions_from,
)
from thidua.decisions.domain.numbering import number_text
from thidua.decisions.domain.rules import (
    IssueFacts,
    ItemFacts,
    RevocationFacts,
    check_issue,
    check_revocation,
    is_competent,
)
from thidua.decisions.domain.workflow import (
    TRANSITIONS,
    Action,
    State,
    TransitionNotAllowed,
    advance,
)

TODAY = date(2026, 1, 20)
PROVINCE = "Chủ tịch Ủy ban nhân dân cấp tỉnh"
BK_DECIDERS = ("Bộ trưởng, thủ trưởng cơ quan ngang bộ; Chủ tịch Ủy ban nhân dân cấp tỉnh",)


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (1, "UBND", "01/QĐ-UBND"),
        (9, "UBND", "09/QĐ-UBND"),
        (10, "SNV", "10/QĐ-SNV"),
        (123, "UBND", "123/QĐ-UBND"),
    ],
)
def test_numbers_below_ten_take_a_leading_zero(number, symbol, expected):
    assert number_text(number, symbol) == expected


def test_number_zero_does_not_exist():
    with pytest.raises(ValueError, match="start at 1"):
        number_text(0, "UBND")


def test_the_transition_table_walks_draft_to_revoked():
    state = State.DRAFT
    for action in (Action.SUBMIT, Action.ISSUE, Action.REVOKE):
        state = advance(state, action)
    assert state is State.REVOKED
    assert advance("submitted", Action.RETURN) is State.DRAFT


@pytest.mark.parametrize(
    ("state", "action"), [(s, a) for s in State for a in Action if (s, a) not in TRANSITIONS]
)
def test_every_transition_outside_the_table_is_refused_with_a_reason(state, action):
    with pytest.raises(TransitionNotAllowed) as caught:
        advance(state, action)
    assert caught.value.reason.message


def test_issuing_twice_is_refused_as_already_issued():
    with pytest.raises(TransitionNotAllowed) as caught:
        advance("issued", Action.ISSUE)
    assert caught.value.reason.code == "ALREADY_ISSUED"


def test_competence_matches_one_part_of_a_decider_list_ignoring_case_and_spaces():
    assert is_competent(PROVINCE, BK_DECIDERS)
    assert is_competent("chủ tịch  ủy ban nhân dân cấp tỉnh", BK_DECIDERS)
    assert not is_competent("Chủ tịch Ủy ban nhân dân cấp xã", BK_DECIDERS)
    # an award whose deciders the catalogue does not know is not refused
    assert is_competent("Chủ tịch Ủy ban nhân dân cấp xã", ())


def _facts(**kw):
    base = {
        "authority": PROVINCE,
        "decided_on": TODAY,
        "today": TODAY,
        "signer_name": "Võ Trọng Hải",
        "items": (
            ItemFacts("Nguyễn Văn An", "Bằng khen cấp bộ, tỉnh", BK_DECIDERS, "council_passed"),
        ),
    }
    base.update(kw)
    return IssueFacts(**base)


def test_a_complete_decision_may_be_issued_today():
    assert check_issue(_facts()) == []


def test_a_decision_dated_tomorrow_is_refused():
    assert [r.code for r in check_issue(_facts(decided_on=date(2026, 1, 21)))] == ["DATE_IN_FUTURE"]


def test_issue_refuses_no_items_no_signer_incompetent_and_unready_nominees():
    items = (
        ItemFacts("A", "Bằng khen", BK_DECIDERS, "council_failed"),
        ItemFacts("B", "Bằng khen", BK_DECIDERS, None),
    )
    codes = [
        r.code
        for r in check_issue(
            _facts(authority="Chủ tịch Ủy ban nhân dân cấp xã", signer_name=" ", items=items)
        )
    ]
    assert codes == ["SIGNER_REQUIRED", "NOT_COMPETENT", "NOMINEE_NOT_READY", "NOT_COMPETENT"]
    assert [r.code for r in check_issue(_facts(items=()))] == ["NO_ITEMS"]


@pytest.mark.parametrize("status", ["appraised", "council_passed"])
def test_nominees_passed_by_council_or_appraisal_are_ready(status):
    items = (ItemFacts("A", "Bằng khen", BK_DECIDERS, status),)
    assert check_issue(_facts(items=items)) == []


def _revocation(**kw):
    base = {
        "ground": "a",
        "reason": "Khai man thành tích",
        "revoking_number": "05/QĐ-UBND",
        "revoked_on": TODAY,
        "decided_on": date(2026, 1, 15),
        "today": TODAY,
    }
    base.update(kw)
    return RevocationFacts(**base)


def test_revocation_on_the_decision_day_is_allowed_the_day_before_is_not():
    assert check_revocation(_revocation(revoked_on=date(2026, 1, 15))) == []
    assert [r.code for r in check_revocation(_revocation(revoked_on=date(2026, 1, 14)))] == [
        "REVOKED_BEFORE_DECISION"
    ]


def test_revocation_needs_a_ground_a_to_d_a_reason_and_the_revoking_number():
    codes = [
        r.code
        for r in check_revocation(
            _revocation(ground="e", reason=" ", revoking_number="", revoked_on=date(2026, 1, 21))
        )
    ]
    assert codes == [
        "INVALID_GROUND",
        "REASON_REQUIRED",
        "REVOKING_NUMBER_REQUIRED",
        "DATE_IN_FUTURE",
    ]
    assert all(r.basis.endswith("Điều 93") for r in check_revocation(_revocation(ground="")))


def test_layout_positions_fall_back_to_defaults_and_are_bounded():
    stored = {"recipient": {"x": 10, "y": 20, "size": 30}, "award": {"x": "bad"}}
    positions = positions_from(stored)
    assert positions["recipient"] == Position(10, 20, 30)
    assert positions["award"] == DEFAULT_POSITIONS["award"]
    assert check_positions({"signer": Position(297, 210, 72)}) == []
    codes = [
        r.code
        for r in check_positions({"signer": Position(297.1, 0, 5.9), "nope": Position(0, 0, 10)})
    ]
    assert codes == ["OFF_PAGE", "INVALID_SIZE", "UNKNOWN_FIELD"]
