"""The four stages: in order, none skipped, none backwards, dates in order (pure, no DB)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.exemplars.domain.stages import (
    Stage,
    StageFacts,
    publish_reasons,
    replication_reasons,
    stage_reasons,
)

TODAY = date(2026, 5, 1)


def codes(reasons):
    return [r.code for r in reasons]


def facts(current, new, *, last=date(2025, 1, 1), day=date(2025, 2, 1)):
    return StageFacts(current, last if current else None, new, day, TODAY)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (None, Stage.DISCOVER),
        (Stage.DISCOVER, Stage.NURTURE),
        (Stage.NURTURE, Stage.NURTURE),  # a second nurturing activity
        (Stage.NURTURE, Stage.SUMMARISE),
        (Stage.SUMMARISE, Stage.REPLICATE),
        (Stage.REPLICATE, Stage.REPLICATE),
    ],
)
def test_the_next_stage_or_the_same_again_is_allowed(current, new):
    assert stage_reasons(facts(current, new)) == []


@pytest.mark.parametrize(
    ("current", "new", "code"),
    [
        (None, Stage.NURTURE, "STAGE_SKIPPED"),
        (Stage.DISCOVER, Stage.SUMMARISE, "STAGE_SKIPPED"),
        (Stage.DISCOVER, Stage.REPLICATE, "STAGE_SKIPPED"),
        (Stage.SUMMARISE, Stage.NURTURE, "STAGE_BACKWARDS"),
        (Stage.REPLICATE, Stage.DISCOVER, "STAGE_BACKWARDS"),
    ],
)
def test_skipping_or_going_back_is_refused_with_the_legal_basis(current, new, code):
    reasons = stage_reasons(facts(current, new))
    assert codes(reasons) == [code]
    assert "Điều 17" in reasons[0].basis
    assert reasons[0].field == "stage"


def test_a_skip_names_the_missing_stages():
    [reason] = stage_reasons(facts(Stage.DISCOVER, Stage.REPLICATE))
    assert "bồi dưỡng, tổng kết" in reason.message


def test_dates_must_not_be_in_the_future_nor_before_the_last_stage():
    late = StageFacts(Stage.DISCOVER, date(2025, 3, 1), Stage.NURTURE, date(2025, 2, 1), TODAY)
    assert codes(stage_reasons(late)) == ["DATE_BEFORE_LAST"]
    assert "01/03/2025" in stage_reasons(late)[0].message
    future = StageFacts(None, None, Stage.DISCOVER, date(2026, 5, 2), TODAY)
    assert codes(stage_reasons(future)) == ["DATE_IN_FUTURE"]
    same_day = StageFacts(Stage.DISCOVER, date(2025, 3, 1), Stage.NURTURE, date(2025, 3, 1), TODAY)
    assert stage_reasons(same_day) == []


def test_only_a_summarised_and_accepted_model_is_published():
    assert codes(publish_reasons(Stage.NURTURE, accepted=True)) == ["NOT_SUMMARISED"]
    assert codes(publish_reasons(None, accepted=False)) == ["NOT_ACCEPTED"]
    assert publish_reasons(Stage.SUMMARISE, accepted=True) == []
    assert publish_reasons(Stage.REPLICATE, accepted=True) == []


def test_replication_follows_the_summary_and_is_not_dated_ahead():
    assert codes(replication_reasons(Stage.NURTURE, date(2025, 1, 1), TODAY)) == ["NOT_SUMMARISED"]
    assert codes(replication_reasons(Stage.SUMMARISE, date(2027, 1, 1), TODAY)) == [
        "DATE_IN_FUTURE"
    ]
    assert replication_reasons(Stage.REPLICATE, TODAY, TODAY) == []
