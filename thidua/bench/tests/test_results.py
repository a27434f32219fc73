"""The results file: required fields, the direction of ratios, the readable table."""

from __future__ import annotations

import json

from thidua.bench.scenarios import entry, growth, ratio_of, write_results

REQUIRED = {"name", "value", "unit", "floor", "ratio", "target_ratio", "passed"}


def test_ratios_are_lower_is_better_for_times_and_throughputs():
    assert ratio_of(3.0, 1.5) == 2.0  # twice as slow as the floor
    assert ratio_of(30.0, 100.0, throughput=True) == 100.0 / 30.0  # a third of the floor
    assert ratio_of(1.0, None) is None


def test_an_entry_passes_only_within_its_target_and_extra_conditions():
    assert entry("t", 2.0, "s", 1.0, 3.0).passed is True
    assert entry("t", 4.0, "s", 1.0, 3.0).passed is False
    assert entry("t", 2.0, "s", 1.0, 3.0, extra_ok=False).passed is False
    fast_enough = entry("h", 40.0, "req/s", 100.0, 1 / 0.3, throughput=True)
    assert (fast_enough.ratio, fast_enough.passed) == (2.5, True)
    assert entry("h", 20.0, "req/s", 100.0, 1 / 0.3, throughput=True).passed is False
    assert entry("r", 0.5, "s", None, None, extra_ok=True).ratio is None


def test_growth_is_the_exponent_of_cost_against_size():
    linear = growth(
        [
            {"awards": 100, "eligibility_batch": 1.0, "award_search_p95": 10.0},
            {"awards": 1000, "eligibility_batch": 10.0, "award_search_p95": 12.0},
        ]
    )
    assert linear.details["exponents"]["eligibility_batch"] == 1.0
    assert linear.passed is True
    quadratic = growth(
        [
            {"awards": 100, "eligibility_batch": 1.0, "award_search_p95": 10.0},
            {"awards": 1000, "eligibility_batch": 100.0, "award_search_p95": 10.0},
        ]
    )
    assert quadratic.value == 2.0
    assert quadratic.passed is False


def test_results_files_hold_every_required_field(tmp_path):
    data = {
        "generated_at": "2026-01-01T00:00:00+07:00",
        "quick": True,
        "scale": "small",
        "seed": 1,
        "counts": {"awards_awardrecord": 1234567},
        "generation_s": 1.0,
        "machine": {"python": "3.11", "platform": "Linux", "cpus": 2},
        "database": {"vendor": "sqlite", "version": "3.45", "name": "bench.sqlite3"},
        "scenarios": [
            vars(entry("eligibility_batch", 2.0, "s", 1.0, 3.0)),
            vars(entry("http_throughput", 50.0, "req/s", 100.0, 1 / 0.3, throughput=True)),
        ],
    }
    write_results(tmp_path, data)
    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    for item in saved["scenarios"]:
        assert REQUIRED <= set(item)
    table = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "| `eligibility_batch` | 2 s | 1 s | 2 |" in table
    assert "sqlite 3.45" in table
    assert "1.234.567" in table
