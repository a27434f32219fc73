"""The suggestion thresholds, read from `data/suggestion_parameters.json` (the agency's choice,
not law: the file says so and carries the basis)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from thidua.exemplars.domain.suggest import Thresholds

DATA = Path(__file__).parent / "data" / "suggestion_parameters.json"


@cache
def thresholds() -> Thresholds:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    figures = {name: item["value"] for name, item in raw["figures"].items()}
    return Thresholds(
        individual_award=str(figures["individual_award"]),
        individual_years=int(figures["individual_years"]),
        collective_award=str(figures["collective_award"]),
        collective_years=int(figures["collective_years"]),
        recent_years=int(figures["recent_years"]),
        top_rank=int(figures["top_rank"]),
        initiative_levels=frozenset(str(v) for v in figures["initiative_levels"]),
        basis=str(raw["basis"]),
    )


def note() -> str:
    return str(json.loads(DATA.read_text(encoding="utf-8"))["note"])
