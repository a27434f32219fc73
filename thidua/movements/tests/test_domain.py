"""Pure rules: no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from thidua.movements.domain import lifecycle, quotas, registration, targets


def _facts(**kw):
    values = {
        "state": "draft",
        "kind": "thematic",
        "start_date": date(2020, 3, 1),
        "end_date": date(2020, 8, 31),
        "document_number": "42-CT/TU",
        "document_date": date(2020, 2, 28),
        "participant_count": 3,
        "target_count": 1,
        "item_count": 13,
        "has_final_milestone": True,
    }
    values.update(kw)
    return lifecycle.MovementFacts(**values)


def test_lifecycle_runs_forward_only():
    assert lifecycle.check_transition(_facts(), "launched") == []
    (reason,) = lifecycle.check_transition(_facts(), "closed")
    assert reason.code == "INVALID_TRANSITION"
    assert "dự thảo" in reason.message
    assert lifecycle.check_transition(_facts(state="interim_review"), "under_way") == []
    assert (
        lifecycle.check_transition(_facts(state="closed"), "draft")[0].code == "INVALID_TRANSITION"
    )


def test_launch_needs_document_participants_and_content():
    reasons = lifecycle.check_transition(
        _facts(document_number="", participant_count=0, target_count=0, item_count=0), "launched"
    )
    assert {r.code for r in reasons} == {
        "LAUNCH_NEEDS_DOCUMENT",
        "LAUNCH_NEEDS_PARTICIPANTS",
        "LAUNCH_NEEDS_CONTENT",
    }
    assert all(r.basis for r in reasons)


def test_period_that_ends_before_it_starts_is_refused():
    (reason,) = lifecycle.check_period(date(2020, 8, 31), date(2020, 3, 1))
    assert reason.code == "PERIOD_ORDER"
    assert (
        reason.message == "Thời gian thi đua kết thúc (01/03/2020) trước khi bắt đầu (31/08/2020)."
    )
    assert reason.field == "end_date"


def test_deadlines_fall_inside_the_period():
    reasons = lifecycle.check_period(
        date(2020, 3, 1),
        date(2020, 8, 31),
        registration_deadline=date(2020, 9, 1),
        results_due=date(2020, 2, 1),
        document_date=date(2020, 9, 30),
    )
    assert {r.code for r in reasons} == {
        "DEADLINE_AFTER_END",
        "RESULTS_BEFORE_START",
        "DOCUMENT_AFTER_END",
    }


def test_milestones_inside_the_period():
    reasons = lifecycle.check_milestones(
        date(2020, 3, 1),
        date(2020, 8, 31),
        [("interim", date(2020, 9, 15)), ("final", date(2020, 2, 1)), ("final", date(2020, 9, 30))],
    )
    assert [r.code for r in reasons] == ["INTERIM_AFTER_END", "MILESTONE_BEFORE_START"]


def test_state_freezes_fields():
    assert lifecycle.check_edit("draft", {"document_number", "objectives"}) == []
    (reason,) = lifecycle.check_edit("launched", {"document_number", "objectives"})
    assert reason.field == "document_number"
    assert lifecycle.check_edit("closed", {"note"})[0].code == "FIELD_FROZEN"


def test_quota_min_above_max_is_refused():
    reasons = quotas.check_rule("district", "", 5, 3, ["district"], [], [], [])
    assert [r.code for r in reasons] == ["QUOTA_MIN_ABOVE_MAX"]
    assert reasons[0].message == "Số công trình tối thiểu (5) lớn hơn số tối đa (3)."


def test_quota_compliance_chi_thi_42():
    rules = [
        quotas.QuotaRuleFacts(1, "commune", "", (), 1, None),
        quotas.QuotaRuleFacts(2, "district", "", (), 3, 5),
        quotas.QuotaRuleFacts(3, "", "enterprise", (), 1, 1),
    ]
    units = [
        quotas.ParticipantFacts(1, "Xã A", "commune", "commune"),
        quotas.ParticipantFacts(2, "Xã B", "commune", "commune"),
        quotas.ParticipantFacts(3, "Huyện C", "district", "district"),
        quotas.ParticipantFacts(4, "Công ty D", "grassroots", "enterprise"),
    ]
    works = [
        quotas.WorkFacts(1, "inauguration", "completed"),
        quotas.WorkFacts(2, "inauguration", "cancelled"),
        quotas.WorkFacts(3, "social", "planned"),
        quotas.WorkFacts(3, "social", "planned"),
        quotas.WorkFacts(4, "other", "planned"),
        quotas.WorkFacts(4, "other", "planned"),
    ]
    rows = {r.unit.name: r for r in quotas.compliance(rules, units, works)}
    assert rows["Xã A"].status == "within"
    assert (rows["Xã B"].status, rows["Xã B"].missing) == ("below", 1)  # cancelled does not count
    assert (rows["Huyện C"].status, rows["Huyện C"].missing) == ("below", 1)
    assert rows["Công ty D"].status == "above"


def test_quota_counts_only_listed_kinds():
    rule = quotas.QuotaRuleFacts(1, "commune", "", ("cultural_sports",), 1, None)
    unit = quotas.ParticipantFacts(1, "Phường 1", "commune", "ward")
    rows = quotas.compliance([rule], [unit], [quotas.WorkFacts(1, "inauguration", "completed")])
    assert rows[0].status == "below"


def test_target_labels():
    assert targets.target_label("between", Decimal(50), Decimal(70), "nhà") == "50–70 nhà"
    assert targets.target_label("at_least", Decimal("12.0000"), None, "%/năm") == "≥ 12 %/năm"
    assert targets.format_value(Decimal("1500000")) == "1.500.000"
    assert targets.format_value(Decimal("98.6")) == "98,6"


def test_target_range_order_and_missing_values():
    reasons = targets.check_target(
        "Nhà", "between", Decimal(70), Decimal(50), "sum", None, Decimal(1)
    )
    assert [r.code for r in reasons] == ["TARGET_RANGE_ORDER"]
    reasons = targets.check_target("", "at_most", None, None, "count_meeting", None, Decimal(-1))
    assert {r.field for r in reasons} == {"indicator", "high", "unit_goal", "weight"}


def _r(unit, value, day=date(2020, 5, 1), order=1):
    return targets.ReportFacts(unit, Decimal(value), day, order)


def test_progress_sum_of_latest_reports():
    p = targets.progress(
        direction="between",
        low=Decimal(50),
        high=Decimal(70),
        aggregation="sum",
        unit_goal=None,
        applicable_units=[1, 2],
        reports=[_r(1, 10), _r(1, 30, date(2020, 6, 1)), _r(2, 25), _r(3, 100)],
    )
    assert (p.achieved, p.met, p.percent, p.units_reporting) == (Decimal(55), True, 100, 2)


def test_progress_count_of_units_meeting():
    p = targets.progress(
        direction="at_least",
        low=Decimal(49),
        high=None,
        aggregation="count_meeting",
        unit_goal=Decimal(1),
        applicable_units=[1, 2, 3],
        reports=[_r(1, 1), _r(2, 0), _r(3, 1)],
    )
    assert (p.achieved, p.met, p.percent) == (Decimal(2), False, 4)


def test_progress_latest_value():
    p = targets.progress(
        direction="at_least",
        low=Decimal(12),
        high=None,
        aggregation="latest",
        unit_goal=None,
        applicable_units=[],
        reports=[_r(1, 13, date(2020, 12, 1)), _r(2, 9, date(2020, 6, 1))],
    )
    assert (p.achieved, p.met, p.percent) == (Decimal(13), True, 100)
    none = targets.progress(
        direction="at_most",
        low=None,
        high=Decimal(5),
        aggregation="sum",
        unit_goal=None,
        applicable_units=[1],
        reports=[],
    )
    assert (none.achieved, none.percent, none.met) == (None, 0, False)


def test_registration_rules():
    reasons = registration.check_registration(
        is_participant=False,
        already_registered=True,
        deadline=date(2020, 3, 31),
        today=date(2020, 4, 1),
        may_accept_late=False,
    )
    assert {r.code for r in reasons} == {
        "NOT_A_PARTICIPANT",
        "ALREADY_REGISTERED",
        "DEADLINE_PASSED",
    }
    assert "31/03/2020" in next(r for r in reasons if r.code == "DEADLINE_PASSED").message


def test_sheet_rows_are_checked_one_by_one():
    index = registration.PersonIndex(
        {"042185000123": 1},
        {"nguyen van an": [2], "le thi hoa": [3, 4]},
        frozenset({5}),
    )
    titles = {"lao dong tien tien": "LDTT", "ldtt": "LDTT"}
    rows = [
        registration.SheetRow(2, "Nguyễn Văn An", "", "Lao động tiên tiến"),
        registration.SheetRow(3, "Lê Thị Hoa", "", "LĐTT"),
        registration.SheetRow(4, "", "042185000123", "Chiến sĩ vũ trụ"),
        registration.SheetRow(5, "Nguyễn  Văn An", "", "ldtt"),
        registration.SheetRow(6, "", "", ""),
    ]
    results = registration.check_rows(rows, index, titles)
    assert results[0].errors == ()
    assert results[0].person_id == 2
    assert "2 người tên" in results[1].errors[0]
    assert "Chiến sĩ vũ trụ" in results[2].errors[0]
    assert results[3].errors == ("Trùng với dòng 2.",)
    assert set(results[4].errors) == {"Thiếu họ và tên.", "Thiếu danh hiệu đăng ký."}


def test_header_positions_accept_any_case_and_accents():
    positions, missing = registration.header_positions(["HO VA TEN", "Danh hiệu đăng ký"])
    assert positions == {"name": 0, "title": 1}
    assert missing == []
    _, missing = registration.header_positions(["Tên"])
    assert len(missing) == 2
