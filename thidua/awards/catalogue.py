"""Loads the packaged award catalogue and rule parameters (the I/O shell around `domain/`).

Both files ship with the package (`thidua/awards/data/`). They are read once and cached.
`current_parameter_sets()` is the seam where database-managed parameters will later take
precedence over the packaged ones; callers use it rather than `load_parameter_sets()`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from thidua.awards.domain.catalogue import AwardDefinition, parse_catalogue
from thidua.awards.domain.parameters import RuleParameters, parse_parameter_sets

_PACKAGE: Final = "thidua.awards"
CATALOGUE_FILE: Final = "awards.csv"
PARAMETERS_FILE: Final = "rule_parameters.json"


def _read_data(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_catalogue() -> MappingProxyType[str, AwardDefinition]:
    """The award catalogue from the packaged `awards.csv`, keyed by code (read-only)."""
    return MappingProxyType(parse_catalogue(_read_data(CATALOGUE_FILE)))


@cache
def load_parameter_sets() -> tuple[RuleParameters, ...]:
    """The versioned rule parameter sets from the packaged `rule_parameters.json`."""
    return parse_parameter_sets(json.loads(_read_data(PARAMETERS_FILE)))


def current_parameter_sets() -> tuple[RuleParameters, ...]:
    """The parameter sets the engine applies now. Today: the packaged ones."""
    return load_parameter_sets()
