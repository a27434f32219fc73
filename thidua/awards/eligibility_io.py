"""One entry point for the eligibility contract, shared by the command line and the HTTP API.

`evaluate_payload` takes the parsed JSON (one object, or a list for a batch) and returns either
the contract's output (an object, or a list in the same order) or every field error. Errors in
a batch are prefixed with the item's index (`[1].proposal_date`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from thidua.awards.catalogue import current_parameter_sets, load_catalogue
from thidua.awards.domain.catalogue import AwardDefinition
from thidua.awards.domain.contract import FieldError, parse_query, result_to_json
from thidua.awards.domain.eligibility import check_eligibility
from thidua.awards.domain.parameters import RuleParameters, select_rule_set

__all__ = ["FieldError", "evaluate_payload"]


def evaluate_payload(payload: object) -> tuple[object | None, list[FieldError]]:
    """(result, []) for valid input, (None, errors) otherwise; a list gives a list of results."""
    catalogue = load_catalogue()
    parameter_sets = current_parameter_sets()
    if isinstance(payload, list):
        results: list[object] = []
        errors: list[FieldError] = []
        for index, item in enumerate(payload):
            result, item_errors = _evaluate_one(item, catalogue, parameter_sets)
            results.append(result)
            errors.extend(error.under(index) for error in item_errors)
        return (None, errors) if errors else (results, [])
    return _evaluate_one(payload, catalogue, parameter_sets)


def _evaluate_one(
    payload: object,
    catalogue: Mapping[str, AwardDefinition],
    parameter_sets: Sequence[RuleParameters],
) -> tuple[dict[str, object] | None, list[FieldError]]:
    query, errors = parse_query(payload, catalogue)
    if query is None:
        return None, errors
    try:
        parameters = select_rule_set(parameter_sets, query.proposal_date)
    except LookupError:
        message = "Không có bộ quy tắc nào áp dụng cho ngày đề nghị này."
        return None, [FieldError(("proposal_date",), message)]
    return result_to_json(check_eligibility(query, catalogue, parameters)), []
