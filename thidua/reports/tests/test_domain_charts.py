"""Inline SVG charts and the deadline rule (pure)."""

from __future__ import annotations

from datetime import date

from thidua.core.cells import neutralise as safe
from thidua.reports.domain import charts
from thidua.reports.domain.deadlines import DUE_SOON, OVERDUE, Deadline, at_risk


def test_bars_carry_their_numbers_as_text_and_escape_labels():
    svg = charts.bar_chart(
        [charts.Bar("<script>alert(1)</script>", 1234), charts.Bar("Xã An Phú", 5, "(12,5 %)")],
        title="Khen thưởng",
    )
    assert svg.startswith("<svg")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "1.234" in svg
    assert "(12,5 %)" in svg
    assert charts.bar_chart([], title="x") == ""


def test_stacked_columns_show_each_total_and_a_legend():
    svg = charts.stacked_columns(
        ["2024", "2025"], [("Cơ sở", [3, 4]), ("Tỉnh", [1, 0])], title="Theo năm"
    )
    assert ">4<" in svg
    assert "Cơ sở" in svg
    assert "Tỉnh" in svg
    assert "2025" in svg


def test_progress_and_donut_render_text():
    svg = charts.progress_bars([charts.Progress("Nhà đại đoàn kết", 1.7, "61/50 nhà")], title="t")
    assert "61/50 nhà" in svg
    assert 'width="638.0"' in svg
    ring = charts.donut([charts.Bar("Hoàn thành", 11), charts.Bar("Đang làm", 1)], title="t")
    assert ">12<" in ring
    assert "Hoàn thành: 11" in ring
    assert charts.donut([charts.Bar("x", 0)], title="t") == ""


def test_formula_like_text_is_neutralised_and_numbers_pass():
    assert safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe("-1") == "'-1"
    assert safe(-1) == -1
    assert safe("Xã An Phú") == "Xã An Phú"


def test_deadlines_overdue_first_then_due_soon_done_and_far_ones_left_out():
    today = date(2025, 6, 10)
    risks = at_risk(
        [
            Deadline("Sơ kết", date(2025, 6, 15), False),
            Deadline("Đăng ký", date(2025, 6, 1), False, "Kế hoạch 01"),
            Deadline("Đã nộp", date(2025, 6, 1), True),
            Deadline("Tổng kết", date(2025, 12, 31), False),
        ],
        today,
        10,
    )
    assert [(r.deadline.label, r.level, r.days) for r in risks] == [
        ("Đăng ký", OVERDUE, 9),
        ("Sơ kết", DUE_SOON, 5),
    ]
    assert risks[0].reason.basis == "Kế hoạch 01"
    assert "01/06/2025" in risks[0].reason.message


def test_a_donut_part_with_a_tone_takes_its_meaningful_colour():
    from thidua.reports.domain import charts

    svg = charts.donut(
        [charts.Bar("Đạt", 4, tone="ok"), charts.Bar("Không đạt", 1, tone="bad")], title="Kết quả"
    )
    assert svg.count(charts.TONES["ok"]) == 2  # ring segment and legend swatch
    assert svg.count(charts.TONES["bad"]) == 2
