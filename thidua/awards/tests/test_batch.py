"""Batch mode: 20,000 subjects in one call, answered in order (the contract's array input).

The inputs are built here (not read from the shared folder) so the test always runs: three
kinds of subject whose verdicts differ, repeated to 20,000.
"""

import json

import pytest

from thidua.awards.eligibility_io import evaluate_payload

pytestmark = pytest.mark.django_db

BATCH_SIZE = 20_000

ELIGIBLE = {
    "award": "CSTDBT",
    "year": 2025,
    "proposal_date": "2025-12-10",
    "subject": {"kind": "individual", "name": "Nguyễn Thị Hoa"},
    "registered": True,
    "ratings": {"2023": "HTT", "2024": "HTXS", "2025": "HTXS"},
    "awards": [{"code": "CSTDCS", "year": y} for y in (2023, 2024, 2025)],
    "initiatives": [{"id": "SK-17", "level": "BO_TINH", "year": 2025, "used_for": None}],
}
# The same person one CSTĐ cơ sở short (no 2023 title): the chain check fails.
SHORT = {**ELIGIBLE, "awards": ELIGIBLE["awards"][1:]}
# Under discipline on the proposal date: blocked whatever else holds.
DISCIPLINED = {
    **ELIGIBLE,
    "discipline": [{"level": "KHIEN_TRACH", "from": "2025-06-01", "to": "2026-05-31"}],
}
PATTERN = [
    (ELIGIBLE, True, ()),
    (SHORT, False, ("CSTDCS_CHAIN",)),
    (DISCIPLINED, False, ("NO_DISCIPLINE",)),
]


def _batch():
    return [PATTERN[i % 3][0] for i in range(BATCH_SIZE)]


def test_twenty_thousand_subjects_in_one_call_are_answered_in_order():
    # given 20,000 subjects of three kinds
    payload = _batch()
    # when
    results, errors = evaluate_payload(payload)
    # then every subject has its own answer, in the order given
    assert errors == []
    assert len(results) == BATCH_SIZE
    for index, result in enumerate(results):
        _, eligible, missing = PATTERN[index % 3]
        assert result["eligible"] is eligible
        if eligible:
            assert result["missing"] == []
        else:
            assert set(missing) <= set(result["missing"])


def test_the_http_face_accepts_a_twenty_thousand_subject_batch(client):
    # given the same batch as one JSON body (about 9 MB)
    body = json.dumps(_batch())
    # when
    response = client.post("/api/v1/eligibility/check", body, content_type="application/json")
    # then
    assert response.status_code == 200
    results = response.json()
    assert len(results) == BATCH_SIZE
    assert [r["eligible"] for r in results[:3]] == [True, False, False]
