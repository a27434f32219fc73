"""Statutory forms: the packaged layouts parse, fill from counts, and the check catches
disagreements (pure, no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.reports.domain.statutory import MovementCount, check, fill, parse_forms
from thidua.reports.tests.test_domain_stats import row

DATA = json.loads(
    (Path(__file__).parents[1] / "data" / "statutory_forms.json").read_text(encoding="utf-8")
)
FORMS = {f.code: f for f in parse_forms(DATA)}


def test_the_series_0601_to_0605_is_there_and_marked_unconfirmed():
    assert sorted(FORMS) == [f"060{i}.N/BNV-TĐKT" for i in range(1, 6)]
    assert all(not f.confirmed for f in FORMS.values())
    assert all("02/2023/TT-BNV" in f.basis for f in FORMS.values())


def test_no_award_of_the_catalogue_is_counted_twice_within_a_form():
    import csv

    from thidua.reports.domain.statutory import overlapping_rows

    path = Path(__file__).parents[2] / "awards" / "data" / "awards.csv"
    with path.open(encoding="utf-8") as handle:
        catalogue = list(csv.DictReader(handle))
    rows = [row(code=a["code"], level=a["level"], kind=a["kind"]) for a in catalogue]
    for spec in FORMS.values():
        assert overlapping_rows(spec, rows) == [], spec.code
    # every State-level award of the catalogue has a row on 0602
    state = [r for r in rows if r.level == "nha_nuoc"]
    assert all(any(s.selects(r) for s in FORMS["0602.N/BNV-TĐKT"].rows) for r in state)


def test_fill_counts_columns_and_totals():
    spec = FORMS["0604.N/BNV-TĐKT"]
    rows = [
        row(3, code="LDTT", gender="female", direct=True),
        row(2, code="LDTT", ethnicity="Tày"),
        row(4, code="TTLDTT", subject="collective", gender="", ethnicity=""),
        row(6, code="GDVH", subject="household", gender="", ethnicity=""),
        row(9, code="BK_BT", level="bo_tinh"),  # not on this form
    ]
    form = fill(spec, awards=rows)
    by_key = {
        r.key: dict(zip([c.key for c in spec.columns], r.cells, strict=True)) for r in form.rows
    }
    assert by_key["ldtt"] == {
        "total": 5,
        "collective": 0,
        "individual": 5,
        "women": 3,
        "direct": 3,
        "minority": 2,
        "household": 0,
    }
    assert by_key["ttldtt"]["collective"] == 4
    assert by_key["gdvh"]["household"] == 6
    assert form.column("total") == 15
    assert check(form, record_count=15) == []


def test_the_check_reports_a_total_that_differs_from_the_records():
    form = fill(FORMS["0603.N/BNV-TĐKT"], awards=[row(2, code="BK_BT", level="bo_tinh")])
    reasons = check(form, record_count=3)
    assert [r.code for r in reasons] == ["FORM_TOTAL_DIFFERS"]
    assert "0603.N/BNV-TĐKT" in reasons[0].message
    assert "3" in reasons[0].message
    assert reasons[0].basis


def test_the_movement_form_counts_by_kind_and_launch_level():
    form = fill(
        FORMS["0601.N/BNV-TĐKT"],
        movements=[
            MovementCount("thematic", "province", 2),
            MovementCount("regular", "commune", 1),
        ],
    )
    assert [r.cells[0] for r in form.rows] == [1, 2]
    assert form.column("province") == 2
    assert form.column("commune") == 1
    assert check(form, record_count=0) == []


def test_a_layout_with_an_unknown_measure_is_refused():
    bad = {
        "forms": [{**DATA["forms"][1], "columns": [{"key": "x", "label": "X", "measure": "age"}]}]
    }
    with pytest.raises(ValueError, match="unknown measure"):
        parse_forms(bad)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.builds(
            row,
            count=st.integers(1, 20),
            code=st.sampled_from(["LDTT", "CSTDCS", "GK", "TTLDTT", "GDVH", "THON_VH"]),
            subject=st.sampled_from(["individual", "collective", "household"]),
            gender=st.sampled_from(["male", "female"]),
            direct=st.booleans(),
        ),
        max_size=25,
    )
)
def test_a_form_filled_from_the_records_always_agrees_with_them(rows):
    spec = FORMS["0604.N/BNV-TĐKT"]
    form = fill(spec, awards=rows)
    assert check(form, record_count=sum(r.count for r in rows)) == []
