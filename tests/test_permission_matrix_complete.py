"""Every URL pattern and API operation is declared in a permission matrix.

A new page or endpoint without a matrix case fails here, so none can escape the
persona-by-persona check.
"""

import importlib
from importlib.util import find_spec

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

# Served only in development (DEBUG) by Django itself, not by thidua.
NOT_OURS = {"django.contrib.staticfiles.views.serve"}


def _named_patterns(resolver: URLResolver, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            callback = getattr(pattern.callback, "func", pattern.callback)  # unwrap partials
            view = f"{callback.__module__}.{getattr(callback, '__name__', '')}"
            if view not in NOT_OURS:
                names.add(f"{namespace}{pattern.name}")
    return names


def _declared_cases() -> list:
    """Every app keeps its matrix in `<app>.tests.test_views` / `test_api` as `CASES`."""
    cases: list = []
    for config in apps.get_app_configs():
        if not config.name.startswith("thidua."):
            continue
        for module_name in ("test_views", "test_api"):
            dotted = f"{config.name}.tests.{module_name}"
            if find_spec(f"{config.name}.tests") and find_spec(dotted):
                cases += getattr(importlib.import_module(dotted), "CASES", [])
    return cases


def test_every_url_has_a_permission_matrix_case():
    # given every named URL the project serves
    served = _named_patterns(get_resolver())
    # when compared with the cases the matrices declare
    declared = {case.url_name for case in _declared_cases()}
    # then none is missing (and no case names a URL that no longer exists)
    assert served - declared == set(), "URLs without a permission-matrix case"
    assert declared - served == set(), "matrix cases for URLs that do not exist"
