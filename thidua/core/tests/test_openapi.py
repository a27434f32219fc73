"""The committed OpenAPI schema matches the code (run `make schema` after changing the API)."""

import json
from pathlib import Path

from thidua.api.base import api

SCHEMA = Path(__file__).resolve().parents[3] / "schema" / "openapi.json"


def test_committed_openapi_schema_is_current():
    # given the schema the code generates now
    generated = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))
    # when compared with the committed file
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # then they are the same
    assert committed == generated, "schema/openapi.json is stale: run `make schema`"
