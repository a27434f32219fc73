"""Import jobs over the API: the permission matrix."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case
from thidua.interchange.tests.builders import checked_job
from thidua.interchange.tests.test_views import CHAIN_403

pytestmark = pytest.mark.django_db

LIST = {
    "outsider": 403,
    "unit_a_clerk": 200,
    "unit_b_clerk": 200,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
} | CHAIN_403
A_JOB = LIST | {"unit_b_clerk": 404}
# A stale version: the right personas get 409, the rest are refused before that.
A_JOB_POST = A_JOB | {"unit_a_clerk": 409, "province_officer": 409, "admin": 409}


def job(w):
    return [checked_job(w).pk]


CASES = [
    Case("api:list_jobs", expect=LIST, api=True),
    Case("api:get_job", job, A_JOB, api=True),
    Case(
        "api:commit_job", job, A_JOB_POST, method="post", data=lambda w: {"version": 99}, api=True
    ),
    Case(
        "api:undo_job",
        job,
        A_JOB | {"unit_a_clerk": 400, "province_officer": 400, "admin": 400},
        method="post",
        data=lambda w: {"version": 99},
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)
