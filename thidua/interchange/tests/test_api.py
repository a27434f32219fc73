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
    # An upload without its multipart fields: refused by the input check (422) for anyone
    # logged in, before any permission or file handling; the real uploads are tested below.
    Case(
        "api:start_job",
        expect=dict.fromkeys(LIST, 422),
        method="post",
        data=lambda w: {},
        api=True,
    ),
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


def _upload(client, content: bytes, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sheet = SimpleUploadedFile("nhan-su.xlsx", content)
    return client.post("/api/v1/interchange/jobs", {"kind": "people", "file": sheet, **extra})


def test_a_sheet_uploaded_through_the_api_is_checked_then_committed(world, client):
    from thidua.core.testing.matrix import login
    from thidua.interchange.tests.builders import HEAD
    from thidua.interchange.tests.sheets import xlsx
    from thidua.org.models import Person

    login(client, world, "unit_a_clerk")
    before = Person.objects.count()
    good = xlsx([HEAD, ["Đinh Thị Lan", "Nữ", world.unit_a.code]])
    response = _upload(client, good)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["dry_run"], body["error_count"], body["total_rows"]) == (True, 0, 1)
    assert Person.objects.count() == before  # a dry run writes nothing
    commit = client.post(
        f"/api/v1/interchange/jobs/{body['id']}/commit",
        {"version": body["version"]},
        content_type="application/json",
    )
    assert commit.status_code == 200, commit.content
    assert Person.objects.count() == before + 1


def test_api_upload_refuses_bad_rows_wrong_files_and_other_personas(world, client):
    from thidua.core.testing.matrix import login
    from thidua.interchange.models import ImportJob
    from thidua.interchange.tests.builders import HEAD
    from thidua.interchange.tests.sheets import xlsx
    from thidua.org.models import Person

    before = Person.objects.count()
    login(client, world, "unit_a_clerk")
    bad = _upload(client, xlsx([HEAD, ["", "Nữ", "KHONG.CO"]]), dry_run="false")
    assert bad.status_code == 201
    assert bad.json()["error_count"] >= 1
    assert bad.json()["errors"][0]["row"] == 2
    refused = _upload(client, b"%PDF-1.4 not a sheet")
    assert refused.status_code == 400
    assert refused.json()["code"] == "FILE_REFUSED"
    jobs = ImportJob.objects.count()
    login(client, world, "unit_a_viewer")
    assert _upload(client, xlsx([HEAD])).status_code == 403
    client.logout()
    assert _upload(client, xlsx([HEAD])).status_code == 401
    assert ImportJob.objects.count() == jobs
    assert Person.objects.count() == before
