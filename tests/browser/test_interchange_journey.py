"""A unit's focal point imports a legacy-encoded people sheet in a real browser: dry run with
errors, fixed sheet, import, names displayed correctly."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_checks_fixes_and_imports_a_legacy_sheet(
    page, live_server, tmp_path, settings, shoot
):
    from thidua.core.testing.personas import make_personas
    from thidua.core.text import encode_tcvn3, encode_vni
    from thidua.interchange.tests.sheets import xlsx

    settings.MEDIA_ROOT = tmp_path / "media"
    make_personas()
    head = ["Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị"]
    broken = tmp_path / "nhan-su-loi.xlsx"
    broken.write_bytes(
        xlsx(
            [
                head,
                [encode_tcvn3("Nguyễn Thị Hương"), "Nữ", 31111, "T.H.A"],
                [encode_vni("Trần Văn Dũng"), "Nam", "31/02/1990", "T.H.A"],
            ]
        )
    )
    fixed = tmp_path / "nhan-su.xlsx"
    fixed.write_bytes(
        xlsx(
            [
                head,
                [encode_tcvn3("Nguyễn Thị Hương"), "Nữ", 31111, "T.H.A"],
                [encode_vni("Trần Văn Dũng"), "Nam", "28/02/1990", "T.H.A"],
            ]
        )
    )
    # given commune A's focal point logs in and opens the import centre
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "clerk_a")
    page.fill("input[name=password]", "matkhau-thu-nghiem")
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/interchange/")
    page.wait_for_selector("h1:has-text('Nhập dữ liệu')")
    # when they upload the sheet with a broken date (dry run is ticked)
    page.select_option("select[name=kind]", "people")
    page.set_input_files("input[name=file]", str(broken))
    page.click("#upload-form button[type=submit]")
    # then the row report names row 3 and its column, and nothing is saved
    page.wait_for_selector("#row-report")
    assert "không có thật" in page.locator("#row-report").inner_text()
    assert "Ngày sinh" in page.locator("#row-report").inner_text()
    shoot(page, "interchange-01-dry-run-errors")
    # when they upload the fixed sheet and import it
    page.goto(f"{live_server.url}/interchange/")
    page.select_option("select[name=kind]", "people")
    page.set_input_files("input[name=file]", str(fixed))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#commit-button")
    page.click("#commit-button")
    page.wait_for_selector("#job-result:has-text('Đã nhập')")
    shoot(page, "interchange-02-imported")
    # then the people list shows the names in proper Vietnamese
    page.goto(f"{live_server.url}/org/people/?q=huong")
    page.wait_for_selector("text=Nguyễn Thị Hương")
    page.goto(f"{live_server.url}/org/people/?q=dung")
    page.wait_for_selector("text=Trần Văn Dũng")
