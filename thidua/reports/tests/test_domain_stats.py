"""Statistics arithmetic: shares, summaries, years, areas (pure, no database)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.reports.domain.stats import (
    Area,
    Change,
    CountRow,
    Share,
    by_area,
    by_key,
    by_year,
    summarise,
    vn_int,
    vn_percent,
)


def row(count: int = 1, **kw) -> CountRow:  # type: ignore[no-untyped-def]
    values = {
        "year": 2025,
        "code": "LDTT",
        "level": "co_so",
        "kind": "title",
        "category": "CONG_TRANG",
        "subject": "individual",
        "gender": "male",
        "ethnicity": "Kinh",
        "direct": False,
        "unit_path": "00000001/00000002/",
        "count": count,
    }
    values.update(kw)
    return CountRow(**values)


def test_shares_are_of_individuals_and_round_half_up():
    rows = [
        row(2, gender="female", direct=True),
        row(1, gender="male", ethnicity="Tày"),
        row(5, subject="collective", gender="", ethnicity=""),
    ]
    s = summarise(rows, "Kinh")
    assert (s.total, s.individuals, s.collectives, s.households) == (8, 3, 5, 0)
    assert s.women_share.percent == Decimal("66.7")
    assert s.direct_share.percent == Decimal("66.7")
    assert s.minority == 1
    assert Share(1, 8).percent == Decimal("12.5")
    assert Share(1, 0).percent is None


def test_an_unknown_ethnicity_is_not_counted_as_a_minority():
    assert summarise([row(ethnicity="")], "Kinh").minority == 0
    assert summarise([row(ethnicity="kinh")], "Kinh").minority == 0


def test_years_without_awards_count_zero_and_changes_compare_with_the_year_before():
    rows = [row(4, year=2023), row(6, year=2025)]
    years = by_year(rows, [2023, 2024, 2025], "Kinh")
    assert [y.summary.total for y in years] == [4, 0, 6]
    assert years[0].change is None
    assert years[1].change == Change(4, 0)
    assert years[1].change.percent == Decimal("-100.0")
    assert years[2].change.delta == 6
    assert years[2].change.percent is None


def test_areas_take_their_predecessors_records_and_the_rest_stays_outside():
    merged = Area(10, "Phường Mới", ("00000001/00000010/", "00000001/00000003/"))
    other = Area(11, "Xã Khác", ("00000001/00000011/",))
    rows = [
        row(2, unit_path="00000001/00000010/"),
        row(3, unit_path="00000001/00000003/00000099/"),  # a village of the predecessor
        row(1, unit_path="00000001/00000011/"),
        row(7, unit_path="00000002/"),
    ]
    out = by_area(rows, [merged, other], "Kinh")
    assert [a.summary.total for a in out] == [5, 1]
    assert out[0].share_of_total.percent == Decimal("38.5")


def test_by_key_orders_largest_first():
    rows = [row(1, code="GK"), row(3, code="LDTT"), row(2, code="GK")]
    assert [(k.key, k.count) for k in by_key(rows, lambda r: r.code)] == [("GK", 3), ("LDTT", 3)]


def test_vietnamese_number_formats():
    assert vn_int(1234567) == "1.234.567"
    assert vn_int(-1200) == "-1.200"
    assert vn_int(None) == "—"
    assert vn_percent(Decimal("12.5")) == "12,5 %"


counts = st.lists(
    st.builds(
        row,
        count=st.integers(1, 50),
        subject=st.sampled_from(["individual", "collective", "household"]),
        gender=st.sampled_from(["male", "female"]),
        direct=st.booleans(),
        year=st.integers(2020, 2025),
        code=st.sampled_from(["LDTT", "GK", "BK_BT"]),
    ),
    max_size=30,
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counts)
def test_parts_add_up_to_the_total(rows):
    s = summarise(rows, "Kinh")
    assert s.individuals + s.collectives + s.households == s.total
    assert s.women <= s.individuals
    assert s.direct <= s.individuals


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counts)
def test_yearly_totals_and_key_shares_add_up(rows):
    years = by_year(rows, list(range(2020, 2026)), "Kinh")
    assert sum(y.summary.total for y in years) == sum(r.count for r in rows)
    keys = by_key(rows, lambda r: r.code)
    assert sum(k.count for k in keys) == sum(r.count for r in rows)
    if keys:
        total = sum(k.share.percent or 0 for k in keys)
        assert abs(total - 100) <= Decimal("0.05") * len(keys)
