"""Import centre pages: the permission matrix, the upload flow, exports and query counts."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.core.testing.matrix import Case, check_case, login
from thidua.interchange.choices import JobStatus
from thidua.interchange.models import ImportJob
from thidua.interchange.tests.builders import checked_job
from thidua.interchange.tests.sheets import xlsx
from thidua.org.models import Person

pytestmark = pytest.mark.django_db

CHAIN_403 = {"cluster_leader": 403, "council_secretary": 403, "signer": 403}
IMPORTERS = {
    "outsider": 403,
    "unit_a_clerk": 200,
    "unit_b_clerk": 200,
    "unit_a_viewer": 403,
    "province_officer": 200,
    "council_member": 403,
    "admin": 200,
} | CHAIN_403
# A's job: its clerk, the province and the administrator; B's clerk does not see it.
A_JOB = IMPORTERS | {"unit_b_clerk": 404}
A_JOB_POST = {k: (302 if v == 200 else v) for k, v in A_JOB.items()}
EVERYONE = dict.fromkeys(IMPORTERS, 200) | {"outsider": 403}


def job(w):
    return [checked_job(w).pk]


def version(w):
    return {"version": 10**6}  # stale: the matrix must not change the job


CASES = [
    Case("interchange:centre", expect=IMPORTERS),
    Case("interchange:template", lambda w: ["people"], IMPORTERS),
    Case(
        "interchange:template",
        lambda w: ["nope"],
        IMPORTERS
        | {"unit_a_clerk": 404, "unit_b_clerk": 404, "province_officer": 404, "admin": 404},
    ),
    Case("interchange:job", job, A_JOB),
    Case("interchange:commit", job, A_JOB_POST, method="post", data=version),
    Case("interchange:retry", job, A_JOB_POST, method="post", data=version),
    Case("interchange:undo", job, A_JOB_POST, method="post", data=version),
    Case("interchange:export", expect=EVERYONE, query="?kind=people&format=csv"),
    Case("interchange:export", expect=EVERYONE, query="?kind=units"),
    Case("interchange:export", expect=EVERYONE | {"unit_a_clerk": 404}, query="?kind=../etc"),
]
# The bad-kind export: 404 for everyone with a scope, 403 for the outsider (checked first).
CASES[-1] = Case(
    "interchange:export",
    expect={k: (404 if v == 200 else v) for k, v in EVERYONE.items()} | {"outsider": 404},
    query="?kind=../etc",
)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)
    if case.method == "post":
        assert ImportJob.objects.get(pk=checked_job(world).pk).status == JobStatus.CHECKED


def test_upload_check_and_import_through_the_pages(world, client):
    login(client, world, "unit_a_clerk")
    sheet = io.BytesIO(
        xlsx([["Họ và tên", "Giới tính", "Mã đơn vị"], ["Lý Thị Mai", "Nữ", "T.H.A"]])
    )
    sheet.name = "nhan-su.xlsx"
    response = client.post(
        reverse("interchange:centre"), {"kind": "people", "file": sheet, "dry_run": "on"}
    )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "commit-button" in page
    assert not Person.objects.filter(full_name="Lý Thị Mai").exists()
    response = client.post(reverse("interchange:commit", args=[job.pk]), {"version": job.version})
    assert response.status_code == 302
    assert Person.objects.filter(full_name="Lý Thị Mai", unit=world.unit_a).exists()
    history = client.get(reverse("interchange:centre")).content.decode()
    assert "nhan-su.xlsx" in history


def test_a_bad_upload_is_shown_on_the_form(world, client):
    login(client, world, "unit_a_clerk")
    fake = io.BytesIO(b"%PDF-1.4")
    fake.name = "bang.xlsx"
    response = client.post(reverse("interchange:centre"), {"kind": "people", "file": fake})
    assert response.status_code == 200
    assert "PDF" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_exports_neutralise_formulas_and_respect_scope(world, client):
    world.person_a.full_name = '=HYPERLINK("http://x","bấm")'
    world.person_a.search_key = "hyperlink"
    world.person_a.save()
    login(client, world, "unit_b_clerk")
    text = b"".join(
        client.get(reverse("interchange:export") + "?kind=people&format=csv").streaming_content
    ).decode("utf-8-sig")
    assert "Trần Thị Bình" in text
    assert "HYPERLINK" not in text  # A's person is not B's
    login(client, world, "unit_a_clerk")
    response = client.get(reverse("interchange:export") + "?kind=people&format=xlsx&q=hyperlink")
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Họ và tên"
    assert rows[1][0].startswith("'=HYPERLINK")
    assert len(rows) == 2  # the page's filter applied
    assert zipfile.is_zipfile(io.BytesIO(response.content))


def test_import_centre_query_count_is_pinned(world, client, django_assert_max_num_queries):
    checked_job(world)
    login(client, world, "province_officer")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("interchange:centre")).status_code == 200
