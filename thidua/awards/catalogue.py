"""Loads the packaged award catalogue and rule parameters (the I/O shell around `domain/`).

Both files ship with the package (`thidua/awards/data/`). They are read once and cached.
`current_parameter_sets()` applies the figures administrators changed in the database
(`ParameterChange`) over the packaged ones; callers use it rather than `load_parameter_sets()`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from django.db import DatabaseError

from thidua.awards.domain.bonus import BonusRounding
from thidua.awards.domain.catalogue import AwardDefinition, parse_catalogue
from thidua.awards.domain.parameters import (
    FigureOverride,
    RuleParameters,
    ShareThreshold,
    parse_parameter_sets,
    with_overrides,
)

_PACKAGE: Final = "thidua.awards"
CATALOGUE_FILE: Final = "awards.csv"
PARAMETERS_FILE: Final = "rule_parameters.json"
TERMS_FILE: Final = "catalogue_terms.json"


def read_data(name: str) -> str:
    """The text of a packaged data file of the awards app."""
    return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_catalogue() -> MappingProxyType[str, AwardDefinition]:
    """The award catalogue from the packaged `awards.csv`, keyed by code (read-only)."""
    return MappingProxyType(parse_catalogue(read_data(CATALOGUE_FILE)))


@cache
def load_parameter_sets() -> tuple[RuleParameters, ...]:
    """The versioned rule parameter sets from the packaged `rule_parameters.json`."""
    return parse_parameter_sets(json.loads(read_data(PARAMETERS_FILE)))


def database_overrides() -> list[FigureOverride]:
    """The administrators' figure changes, newest per figure (empty on a database that has not
    been migrated, so the eligibility command works on a bare checkout)."""
    from thidua.awards.models import ParameterChange

    try:
        rows = list(ParameterChange.objects.order_by("id"))
    except DatabaseError:
        return []
    newest = {(row.rule_set, row.figure): row for row in rows}
    return [
        FigureOverride(row.rule_set, row.figure, row.value, row.basis, row.confirmed)
        for row in newest.values()
    ]


def current_parameter_sets() -> tuple[RuleParameters, ...]:
    """The parameter sets the engine applies now: the packaged ones with the administrators'
    changes applied."""
    overrides = database_overrides()
    if not overrides:
        return load_parameter_sets()
    raw = json.loads(read_data(PARAMETERS_FILE))
    return parse_parameter_sets(with_overrides(raw, overrides))


@cache
def bonus_rounding() -> BonusRounding:
    """How bonus amounts are rounded (packaged `catalogue_terms.json`, a parameter)."""
    return BonusRounding.parse(json.loads(read_data(TERMS_FILE))["bonus_rounding"])


def figure_json(value: object) -> object:
    """A figure's value in its JSON form (as in `rule_parameters.json`)."""
    if isinstance(value, ShareThreshold):
        share = value.share
        text = str(share.numerator) if share.denominator == 1 else str(float(share))
        return {"share": text, "inclusive": value.inclusive}
    return value
