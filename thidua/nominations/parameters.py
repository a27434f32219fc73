"""Loads the procedure's figures (`nominations/data/parameters.json`) once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from thidua.nominations.domain.parameters import ProcedureParameters, parse_parameters


@cache
def procedure_parameters() -> ProcedureParameters:
    text = (
        resources.files("thidua.nominations")
        .joinpath("data", "parameters.json")
        .read_text(encoding="utf-8")
    )
    return parse_parameters(json.loads(text))
