"""Reports pages: the permission matrix, figures scoped to the user, bounded query counts,
the .xlsx and .docx read back, and bad filters refused in Vietnamese."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from thidua.awards.models import AwardRecord
from thidua.core.documents import docx_text
from thidua.core.testing.matrix import Case, check_case, login
from thidua.movements.tests.builders import build
from thidua.reports.tests.builders import history

pytestmark = pytest.mark.django_db

ALL = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
    "cluster_leader",
    "council_secretary",
    "signer",
)
READERS = ("unit_a_clerk", "unit_b_clerk", "province_officer", "admin", "signer")
REPORTS = dict.fromkeys(ALL, 403) | dict.fromkeys(READERS, 200)
# A movement communes A and B take part in: the outsider does not see it at all.
MOVEMENT = REPORTS | {"outsider": 404}
# Commune A's figures: B's clerk does not see A (404); without reports.view it is a 403.
UNIT_A = REPORTS | {"unit_b_clerk": 404}


def _movement(w):
    return [build(w).movement.pk]


CASES = [
    Case("reports:index", expect=REPORTS),
    Case("reports:movement_dashboard", _movement, MOVEMENT),
    Case("reports:review_docx", _movement, MOVEMENT),
    Case("reports:review_docx", _movement, MOVEMENT, query="?stage=interim"),
    Case("reports:unit_dashboard", expect=REPORTS),
    Case("reports:unit_dashboard", expect=UNIT_A, query="?unit=3"),
    Case("reports:statistics", expect=REPORTS),
    Case("reports:statistics", expect=REPORTS, query="?year_from=2020&year_to=2025&gender=female"),
    Case("reports:statistics_xlsx", expect=REPORTS, query="?year_from=2025&year_to=2025"),
    Case("reports:statutory", expect=REPORTS, query="?year=2025"),
    Case("reports:statutory_xlsx", expect=REPORTS, query="?year=2025"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    if "unit=3" in case.query:
        case = Case(case.url_name, case.args, case.expect, query=f"?unit={world.unit_a.pk}")
    check_case(client, world, case)


def _xlsx(response):
    from openpyxl import load_workbook

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content), data_only=True)


def _cells(sheet) -> list[list]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_statistics_count_shares_and_stay_in_the_users_scope(world, client):
    history(world, 4)  # A: LĐTT (man), TTLĐTT; B: CSTĐCS + BK (woman, direct worker, Tày)
    login(client, world, "province_officer")
    page = client.get("/reports/statistics/?year_from=2025&year_to=2025").content.decode()
    assert "66,7 %" in page  # 2 of 3 individual awards went to women (Vietnamese decimal)
    response = client.get("/reports/statistics.xlsx?year_from=2025&year_to=2025")
    rows = _cells(_xlsx(response)["Tổng hợp"])
    figures = {r[0]: r[1] for r in rows if r and r[0]}
    assert figures["Tổng số khen thưởng"] == 4
    assert figures["Cá nhân"] == 3
    assert figures["Tập thể"] == 1
    assert figures["Cá nhân là nữ"] == 2
    assert figures["Cá nhân trực tiếp lao động, sản xuất"] == 2
    assert figures["Cá nhân người dân tộc thiểu số"] == 2

    login(client, world, "unit_a_clerk")
    rows = _cells(
        _xlsx(client.get("/reports/statistics.xlsx?year_from=2025&year_to=2025"))["Tổng hợp"]
    )
    figures = {r[0]: r[1] for r in rows if r and r[0]}
    assert figures["Tổng số khen thưởng"] == 2  # only commune A's records
    assert figures["Cá nhân là nữ"] == 0


def test_the_unit_filter_includes_predecessors(world, client):
    from datetime import date

    from thidua.org.models import LineageEvent

    history(world, 4)
    # commune B merged into commune A: A's statistics now hold B's history too
    event = LineageEvent.objects.create(kind="merge", effective_date=date(2025, 7, 1))
    event.predecessors.set([world.unit_b, world.unit_a])
    event.successors.set([world.unit_a])
    login(client, world, "province_officer")
    url = f"/reports/statistics.xlsx?year_from=2025&year_to=2025&unit={world.unit_a.pk}"
    rows = _cells(_xlsx(client.get(url))["Tổng hợp"])
    assert {r[0]: r[1] for r in rows if r and r[0]}["Tổng số khen thưởng"] == 4


def test_bad_filters_are_refused_in_vietnamese_without_a_500(world, client):
    login(client, world, "province_officer")
    page = client.get("/reports/statistics/?year_from=2030&year_to=1900")
    assert page.status_code == 200
    text = page.content.decode()
    assert "is-invalid" in text
    response = client.get("/reports/statistics.xlsx?year_from=abc&year_to=2025")
    assert response.status_code == 400
    assert client.get("/reports/statistics/?unit=999999").status_code == 404
    assert client.get("/reports/statutory/?year=abc&form=nope").status_code == 200
    assert client.get("/reports/statutory.xlsx?year=1800").status_code == 400


def test_statutory_forms_agree_with_the_award_records(world, client):
    history(world, 8)
    revoked = history(world, 1)[0]
    revoked.revoked = True
    revoked.save(update_fields=["revoked"])
    login(client, world, "province_officer")
    response = client.get("/reports/statutory.xlsx?year=2025")
    book = _xlsx(response)
    assert book.sheetnames == ["0601.N", "0602.N", "0603.N", "0604.N", "0605.N", "Kiểm tra"]
    sheet = _cells(book["0604.N"])
    assert any("Năm 2025" in str(c) for r in sheet for c in r if c)
    total = next(r for r in sheet if r[1] == "Tổng cộng")
    in_force = AwardRecord.objects.filter(year=2025, revoked=False)
    assert total[2] == in_force.exclude(award_type__code="BK_BT").count() == 6
    assert all(not isinstance(c, str) or not c.startswith("=") for r in sheet for c in r)
    on_0605 = next(r for r in _cells(book["0605.N"]) if r[1] == "Tổng cộng")
    assert on_0605[2] == in_force.count() == 8
    checks = {r[0]: r for r in _cells(book["Kiểm tra"]) if r and r[0]}
    assert checks["0604.N/BNV-TĐKT"][1:4] == (6, 6, "Khớp") or list(
        checks["0604.N/BNV-TĐKT"][1:4]
    ) == [6, 6, "Khớp"]
    page = client.get("/reports/statutory/?year=2025").content.decode()
    assert "(6 records)" in page or "6 bản ghi" in page or "6 records" in page


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_a_statutory_form_opens_in_libreoffice_with_the_right_figures(world, client, tmp_path):
    history(world, 4)
    login(client, world, "province_officer")
    response = client.get("/reports/statutory.xlsx?year=2025&form=0604.N/BNV-TĐKT")
    source = Path(tmp_path) / "bieu.xlsx"
    source.write_bytes(response.content)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (Path(tmp_path) / "bieu.csv").read_text(encoding="utf-8", errors="replace")
    line = next(x for x in text.splitlines() if "Tổng cộng" in x)
    assert line.split(",")[2] == "3"  # LĐTT, CSTĐCS, TTLĐTT (the BK is on 0603)


def test_movement_dashboard_shows_the_state_in_charts_and_the_review_report(world, client):
    built = build(world)
    login(client, world, "province_officer")
    page = client.get(f"/reports/movements/{built.movement.pk}/").content.decode()
    assert page.count("<svg") >= 2
    assert "1/2" in page or "50,0 %" in page  # one of the two communes registered
    data = client.get(f"/reports/movements/{built.movement.pk}/review.docx").content
    text = docx_text(data)
    assert "BÁO CÁO" in text
    assert "Tổng kết" in text
    assert built.movement.name in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    interim = docx_text(
        client.get(f"/reports/movements/{built.movement.pk}/review.docx?stage=interim").content
    )
    assert "Sơ kết" in interim


def test_the_movement_detail_page_links_to_its_dashboard(world, client):
    built = build(world)
    login(client, world, "province_officer")
    page = client.get(f"/movements/{built.movement.pk}/").content.decode()
    assert reverse("reports:movement_dashboard", args=[built.movement.pk]) in page


@pytest.mark.parametrize("n", [2, 20])
def test_report_pages_have_a_pinned_query_count(world, client, django_assert_max_num_queries, n):
    built = build(world)
    history(world, n)
    login(client, world, "province_officer")
    pages = {
        "/reports/statistics/?year_from=2021&year_to=2025": 16,
        "/reports/statistics.xlsx?year_from=2021&year_to=2025": 16,
        "/reports/statutory/?year=2025": 16,
        "/reports/statutory.xlsx?year=2025": 16,
        f"/reports/units/?unit={world.province.pk}": 18,
        f"/reports/movements/{built.movement.pk}/": 28,
        f"/reports/movements/{built.movement.pk}/review.docx": 28,
    }
    for url in pages:
        client.get(url)  # warm the session and caches
    for url, limit in pages.items():
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200, url
