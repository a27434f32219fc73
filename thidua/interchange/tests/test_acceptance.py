"""The issue's acceptance story, and the command line's exit codes."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from thidua.interchange import services
from thidua.interchange.choices import JobStatus
from thidua.interchange.sample import HEADINGS, write_people_sheet
from thidua.interchange.tests.sheets import Upload, xlsx
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


def test_a_5000_row_mixed_encoding_sheet_dry_run_fix_and_import(world, tmp_path):
    # given a 5,000-row people sheet in Unicode, TCVN3 and VNI with Excel serial dates and 5 broken rows
    path = tmp_path / "nhan-su.xlsx"
    rows = write_people_sheet(path, 5000, ["T.H.A", "T.H.A.1"], broken=5)
    officer = world.users["province_officer"]
    before = Person.objects.count()
    # when it is checked
    with path.open("rb") as handle:
        job = services.enqueue(
            services.start_import(officer, kind="people", upload=Upload(handle.read()))
        )
    # then the dry run lists the broken rows and writes nothing
    assert job.status == JobStatus.REJECTED
    assert len({e["row"] for e in job.errors}) == 5
    assert Person.objects.count() == before
    # when the rows are fixed (here: dropped) and the sheet is imported
    bad = {e["row"] for e in job.errors}
    fixed = [rows[0]] + [r for number, r in enumerate(rows[1:], start=2) if number not in bad]
    job = services.enqueue(
        services.start_import(officer, kind="people", upload=Upload(xlsx(fixed)), dry_run=False)
    )
    # then every row is in, with names in clean Unicode
    assert job.status == JobStatus.DONE, job.errors[:3]
    assert Person.objects.count() == before + 4995
    names = set(Person.objects.values_list("full_name", flat=True))
    assert not any(ch in name for name in names for ch in "Þ\xad¬ø§«©ï")
    assert all(len(name.split()) >= 3 for name in names - {"Nguyễn Văn An", "Trần Thị Bình"})
    unicode_source = next(
        r[HEADINGS.index("Họ và tên")] for r in fixed[1:] if any(ord(c) > 0x1E00 for c in str(r[1]))
    )
    assert unicode_source in names


def test_cli_import_exits_2_with_the_report_and_0_on_success(world, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        xlsx([["Họ và tên", "Giới tính", "Mã đơn vị"], ["Tạ Văn Bốn", "Nam", "KHONG.CO"]])
    )
    with pytest.raises(CommandError) as caught:
        call_command("import", "people", str(bad), "--user", "officer")
    assert caught.value.returncode == 2
    assert "Dòng 2" in capsys.readouterr().out
    assert not Person.objects.filter(full_name="Tạ Văn Bốn").exists()
    good = tmp_path / "good.xlsx"
    good.write_bytes(
        xlsx([["Họ và tên", "Giới tính", "Mã đơn vị"], ["Tạ Văn Bốn", "Nam", "T.H.A"]])
    )
    call_command("import", "people", str(good), "--dry-run", "--user", "officer")
    assert not Person.objects.filter(full_name="Tạ Văn Bốn").exists()
    call_command("import", "people", str(good), "--user", "officer")
    assert Person.objects.filter(full_name="Tạ Văn Bốn").exists()


def test_cli_export_writes_xlsx_or_csv_by_extension(world, tmp_path):
    out = tmp_path / "nguoi.csv"
    call_command("export", "people", str(out), "--user", "officer")
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Họ và tên,")
    assert "Nguyễn Văn An" in text
    call_command("export", "units", str(tmp_path / "dv.xlsx"), "--user", "officer")
    assert (tmp_path / "dv.xlsx").read_bytes()[:2] == b"PK"
    with pytest.raises(CommandError):
        call_command("export", "people", str(tmp_path / "x.pdf"), "--user", "officer")
