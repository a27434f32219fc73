"""schemathesis against the committed OpenAPI schema (schema/openapi.json).

Every operation gets a few generated requests (positive and negative data, derandomised, so a
run is repeatable), sent in-process to the Django WSGI application with an administrator's API
token. No response may be a server error, and every response the schema documents must match
its schema. `core.tests.test_openapi` keeps the committed schema equal to the served one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from thidua.accounts.services import issue_api_token
from thidua.core.testing.personas import make_personas

SCHEMA_PATH = Path(settings.BASE_DIR) / "schema" / "openapi.json"
schema = schemathesis.openapi.from_path(SCHEMA_PATH)
APP = get_wsgi_application()
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def admin_token(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """The personas and an administrator's token, built once for the module and rolled back
    at its end (each test runs in a savepoint inside this transaction)."""
    # Like Django's test client: a WSGI request must not close the test's database connection
    # (on PostgreSQL that would end the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            admin = make_personas().users["admin"]
            yield issue_api_token(admin, admin, "schemathesis")
            transaction.set_rollback(True)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, admin_token: str):  # type: ignore[no-untyped-def]
    case.call_and_validate(
        app=APP,
        headers={"Authorization": f"Bearer {admin_token}"},
        checks=CHECKS,
    )
