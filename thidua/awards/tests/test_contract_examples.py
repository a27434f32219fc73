"""The shared contract examples give the results in EXPECTED.txt, through every outside face.

The examples live in the shared specification folder (`../shared/contracts` from the repository
root); the tests skip cleanly when that folder is not present.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from thidua.awards.catalogue import load_catalogue
from thidua.awards.eligibility_io import evaluate_payload

# The command reads the administrators' parameter changes from the database.
pytestmark = pytest.mark.django_db

REPO_ROOT = Path(__file__).resolve().parents[3]
CONTRACTS = REPO_ROOT.parent / "shared" / "contracts"
EXAMPLES = CONTRACTS / "examples"

needs_examples = pytest.mark.skipif(
    not (EXAMPLES / "EXPECTED.txt").is_file(), reason="shared contract folder not present"
)


def expected() -> dict[str, bool]:
    if not (EXAMPLES / "EXPECTED.txt").is_file():
        return {}
    text = (EXAMPLES / "EXPECTED.txt").read_text(encoding="utf-8")
    pairs = re.findall(r"([\w-]+)\s*->\s*eligible\s+(true|false)", text)
    return {name: value == "true" for name, value in pairs}


def example(name: str) -> object:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


@needs_examples
def test_expected_file_names_every_example() -> None:
    # given
    # when
    names = set(expected())
    # then
    assert names == {path.stem for path in EXAMPLES.glob("*.json")}
    assert len(names) == 3


@needs_examples
@pytest.mark.parametrize(("name", "eligible"), sorted(expected().items()))
def test_example_gives_the_expected_answer(name: str, eligible: bool) -> None:
    # given
    # when
    result, errors = evaluate_payload(example(name))
    # then
    assert errors == []
    assert isinstance(result, dict)
    assert result["eligible"] is eligible
    assert result["rule_set"] == "LTDKT-2022/ND-152-2025"
    failed = [check["code"] for check in result["checks"] if not check["passed"]]
    assert result["missing"] == failed
    assert (failed == []) is eligible


@needs_examples
def test_used_initiative_example_fails_on_the_achievement_only() -> None:
    # given the CSTĐCS example whose only initiative already supported a Giấy khen
    # when
    result, _ = evaluate_payload(example("cstdcs-initiative-used"))
    # then
    assert isinstance(result, dict)
    assert result["missing"] == ["CSTDCS_ACHIEVEMENT"]


@needs_examples
def test_batch_of_all_examples_keeps_the_order() -> None:
    # given
    names = sorted(expected())
    # when
    results, errors = evaluate_payload([example(name) for name in names])
    # then
    assert errors == []
    assert isinstance(results, list)
    assert [r["eligible"] for r in results] == [expected()[name] for name in names]


@needs_examples
def test_packaged_catalogue_is_the_contract_catalogue() -> None:
    # given our own copy of the catalogue and the contract's
    contract_csv = (CONTRACTS / "awards.csv").read_text(encoding="utf-8")
    packaged = Path(__file__).resolve().parents[1] / "data" / "awards.csv"
    # when / then
    assert packaged.read_text(encoding="utf-8") == contract_csv
    assert len(load_catalogue()) == len(contract_csv.strip().splitlines()) - 1


# -- over HTTP: POST /api/v1/eligibility/check (public, stateless) -----------------------------

CHECK_URL = "/api/v1/eligibility/check"


@needs_examples
@pytest.mark.parametrize(("name", "eligible"), sorted(expected().items()))
def test_http_example_gives_the_expected_answer(client: Client, name: str, eligible: bool) -> None:
    # given an anonymous caller (the contract needs no authentication)
    body = json.dumps(example(name), ensure_ascii=False)
    # when
    response = client.post(CHECK_URL, data=body, content_type="application/json")
    # then
    assert response.status_code == 200
    assert response.json()["eligible"] is eligible


@needs_examples
def test_http_batch_returns_results_in_order(client: Client) -> None:
    # given
    names = sorted(expected())
    body = json.dumps([example(name) for name in names])
    # when
    response = client.post(CHECK_URL, data=body, content_type="application/json")
    # then
    assert response.status_code == 200
    assert [r["award"] for r in response.json()] == ["CSTDBT", "CSTDCS", "TTLDXS"]


@needs_examples
def test_http_invalid_input_lists_every_bad_field(client: Client) -> None:
    # given a batch whose second item has two bad fields
    bad = {**example("cstdbt-eligible"), "award": "NOPE", "proposal_date": "10/12/2025"}  # type: ignore[dict-item]
    body = json.dumps([example("cstdbt-eligible"), bad])
    # when
    response = client.post(CHECK_URL, data=body, content_type="application/json")
    # then
    assert response.status_code == 422
    payload = response.json()
    assert payload["code"] == "INVALID_INPUT"
    assert [d["loc"] for d in payload["detail"]] == [
        ["body", 1, "award"],
        ["body", 1, "proposal_date"],
    ]
    assert all(d["msg"] for d in payload["detail"])


def test_http_malformed_json_is_a_422_not_a_500(client: Client) -> None:
    # given
    # when
    response = client.post(CHECK_URL, data="{award: CSTDBT", content_type="application/json")
    # then
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_openapi_documents_the_request_body() -> None:
    # given
    from thidua.api.urls import api

    # when
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    operation = schema["paths"]["/api/v1/eligibility/check"]["post"]
    # then
    body_schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body_schema["oneOf"][0]["required"] == ["award", "year", "proposal_date", "subject"]
    assert set(operation["responses"]) == {200, 422}
    assert "security" not in operation
