"""Every API operation — each HTTP method on each path — has a permission-matrix case.

tests/test_permission_matrix_complete.py proves every URL *name* is declared; this proves the
declared case uses the operation's own method, so a new operation (say a DELETE added next to
an existing GET) cannot hide behind a case that only reads.
"""

from __future__ import annotations

import thidua.api.urls  # noqa: F401  (adds the routers to the API)
from tests.test_permission_matrix_complete import _declared_cases
from thidua.api.base import api


def _operations() -> set[tuple[str, str]]:
    """(url name, method) for every operation the API serves."""
    found: set[tuple[str, str]] = set()
    for bound in api._get_bound_routers():
        operations = [
            operation
            for path_view in bound.path_operations.values()
            for operation in path_view.operations
        ]
        patterns = list(bound.urls_paths(bound.prefix))
        assert len(patterns) == len(operations)
        for operation, pattern in zip(operations, patterns, strict=True):
            for method in operation.methods:
                found.add((f"api:{pattern.name}", method.lower()))
    return found


def test_the_operations_are_found():
    operations = _operations()
    assert len(operations) > 50
    assert ("api:create_record", "post") in operations
    assert ("api:list_catalogue", "get") in operations


def test_every_api_operation_has_a_case_with_its_method():
    declared = {(case.url_name, case.method.lower()) for case in _declared_cases() if case.api}
    missing = sorted(_operations() - declared)
    assert missing == [], "API operations without a permission-matrix case for their method"


def test_api_cases_are_marked_as_api():
    # A case for an API URL that forgets api=True would expect the page defaults (302 for
    # anonymous) and compare the wrong statuses.
    wrong = sorted(
        str(case) for case in _declared_cases() if case.url_name.startswith("api:") and not case.api
    )
    assert wrong == []
