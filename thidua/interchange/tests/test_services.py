"""The import centre's commands: dry run, all-or-nothing import, undo, hostile files."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from thidua.awards import services as award_services
from thidua.awards.models import AnnualRating, AwardRecord, AwardType
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.core.text import encode_tcvn3, encode_vni
from thidua.interchange import services
from thidua.interchange.choices import JobStatus
from thidua.interchange.models import ImportJob
from thidua.interchange.tests.sheets import Upload, xlsx
from thidua.org.models import Membership, Person, Unit

pytestmark = pytest.mark.django_db

HEAD = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Mã đơn vị"]


def run(actor, kind, rows, *, dry_run=True, name="bang.xlsx", data=None):
    job = services.start_import(
        actor, kind=kind, upload=Upload(data or xlsx(rows), name), dry_run=dry_run
    )
    return services.enqueue(job)


def people_count():
    return Person.objects.count(), Membership.objects.count(), Event.objects.count()


def test_dry_run_lists_every_problem_by_row_and_writes_nothing(world):
    clerk = world.users["unit_a_clerk"]
    before = people_count()
    rows = [
        HEAD,
        ["Nguyễn Thị Hoa", "Nữ", "15/03/1985", "001185000123", "T.H.A"],
        ["Trần Văn Bình", "Nam", "31/02/1990", "", "T.H.A"],  # impossible date
        ["Lê Văn Cường", "Nam", "01/01/1980", "12345", "T.H.A"],  # bad CCCD
        ["Phạm Thị Dung", "Nữ", "01/01/1980", "", "KHONG.CO"],  # unknown unit
        ["Nguyễn Thị Hoa", "Nữ", "15/03/1985", "001185000123", "T.H.A"],  # duplicate person
        ["Võ Văn Em", "Nam", "", "", "T.H.B"],  # commune B: not the clerk's
    ]
    job = run(clerk, "people", rows)
    assert job.status == JobStatus.REJECTED
    by_row = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert "không có thật" in by_row[(3, "Ngày sinh")]
    assert "12 chữ số" in by_row[(4, "Số CCCD")]
    assert "KHONG.CO" in by_row[(5, "Mã đơn vị")]
    assert "Trùng người" in by_row[(6, "Số CCCD")]
    assert "dòng 2" in by_row[(6, "Số CCCD")]
    assert "không có quyền" in by_row[(7, "Mã đơn vị")]
    assert not any(e["row"] == 2 for e in job.errors)
    assert people_count() == before


def test_a_clean_dry_run_then_import_writes_every_row_through_the_service(world):
    clerk = world.users["unit_a_clerk"]
    rows = [
        ["Mã đơn vị", "GIOI TINH", "ho ten", "Ngày sinh", "CCCD"],  # any order, no diacritics
        ["T.H.A", "Nữ", encode_tcvn3("Nguyễn Thị Hương"), 31111, ""],
        ["t.h.a", "nam", encode_vni("Trần Văn Dũng"), "5/3/85", "001085000456"],
        ["T.H.A.1", "Nam", "  Lê   Văn\u00a0Tám ", "năm 1970", ""],
    ]
    rows[3][3] = "01/01/1970"
    job = run(clerk, "people", rows)
    assert job.status == JobStatus.CHECKED, job.errors
    assert not Person.objects.filter(full_name="Trần Văn Dũng").exists()
    job = services.commit_job(clerk, job, expected_version=job.version)
    assert job.status == JobStatus.DONE
    assert job.created_count == 3
    huong = Person.objects.get(full_name="Nguyễn Thị Hương")
    assert huong.date_of_birth == date(1985, 3, 5)
    assert huong.unit == world.unit_a
    assert Person.objects.get(national_id="001085000456").full_name == "Trần Văn Dũng"
    assert Person.objects.filter(full_name="Lê Văn Tám", unit=world.village_a).exists()
    actions = list(Event.objects.values_list("action", flat=True))
    assert actions.count("org.create_person") == 3
    assert actions[-1] == "interchange.import"


def test_import_is_all_or_nothing_when_a_service_refuses_a_row(world, monkeypatch):
    clerk = world.users["unit_a_clerk"]
    rows = [HEAD, ["Người Một", "Nam", "", "", "T.H.A"], ["Người Hai", "Nam", "", "", "T.H.A"]]
    job = run(clerk, "people", rows)
    assert job.status == JobStatus.CHECKED
    from thidua.org import services as org_services

    original = org_services.create_person
    calls = []

    def refuse_second(actor, data, **kw):
        calls.append(data.full_name)
        if len(calls) == 2:
            raise DomainError("UNIT_ENDED", "Đơn vị đã chấm dứt hoạt động.")
        return original(actor, data, **kw)

    monkeypatch.setattr(org_services, "create_person", refuse_second)
    before = people_count()
    job = services.commit_job(clerk, job, expected_version=job.version)
    assert job.status == JobStatus.REJECTED
    assert job.errors == [{"row": 3, "column": "", "message": "Đơn vị đã chấm dứt hoạt động."}]
    assert people_count() == before  # the first row was rolled back too


def test_undo_removes_the_import_unless_something_depends_on_it(world):
    clerk = world.users["unit_a_clerk"]
    job = run(clerk, "people", [HEAD, ["Hoàng Văn Nam", "Nam", "", "", "T.H.A"]], dry_run=False)
    assert job.status == JobStatus.DONE
    person = Person.objects.get(full_name="Hoàng Văn Nam")
    record = award_services.record_award(
        clerk, person, award_services.AwardData(AwardType.objects.get(code="LDTT"), 2024)
    )
    with pytest.raises(DomainError) as caught:
        services.undo_import(clerk, job, expected_version=job.version)
    assert caught.value.code == "HAS_DEPENDENTS"
    assert "1" in caught.value.message
    assert "khen thưởng" in caught.value.message.lower()
    assert Person.objects.filter(pk=person.pk).exists()
    AwardRecord.objects.filter(pk=record.pk).delete()
    job = services.undo_import(clerk, job, expected_version=job.version)
    assert job.status == JobStatus.UNDONE
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Membership.objects.filter(person_id=person.pk).exists()
    assert Event.objects.last().action == "interchange.undo_import"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.4 not a sheet", "a.xlsx", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a.xls", ".xls"),
        (b"", "a.csv", "rỗng"),
    ],
)
def test_wrong_file_types_are_refused_before_anything_is_stored(world, data, name, message):
    with pytest.raises(DomainError) as caught:
        services.start_import(world.users["unit_a_clerk"], kind="people", upload=Upload(data, name))
    assert message in caught.value.message
    assert not ImportJob.objects.exists()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (50 * 1024 * 1024))
    return buffer.getvalue()


def test_hostile_sheets_are_rejected_with_clear_errors_and_write_nothing(world):
    clerk = world.users["unit_a_clerk"]
    before = people_count()
    bomb = run(clerk, "people", None, data=_zip_bomb(), dry_run=False)
    assert bomb.status == JobStatus.REJECTED
    assert "bom nén" in bomb.problems[0]
    broken = run(clerk, "people", None, data=b"PK\x03\x04garbage", dry_run=False)
    assert "hỏng" in broken.problems[0]
    formula = run(
        clerk, "people", [HEAD, ['=HYPERLINK("http://x")', "Nam", "", "", "T.H.A"]], dry_run=False
    )
    assert formula.status == JobStatus.REJECTED
    assert "công thức" in formula.errors[0]["message"]
    huge = run(clerk, "people", [HEAD, ["A" * 5000, "Nam", "", "", "T.H.A"]], dry_run=False)
    assert "quá dài" in huge.errors[0]["message"]
    wide = run(clerk, "people", [HEAD + [f"c{i}" for i in range(80)]], dry_run=False)
    assert "cột" in wide.problems[0]
    empty = run(clerk, "people", [HEAD], dry_run=False)
    assert "không có dòng" in empty.problems[0]
    missing = run(clerk, "people", [["Tên gì đó"], ["x"]], dry_run=False)
    assert "Thiếu cột bắt buộc" in missing.problems[0]
    assert people_count() == before


def test_a_legacy_csv_saved_by_old_excel_is_read_cell_by_cell(world):
    lines = [
        encode_tcvn3("Họ và tên;Giới tính;Mã đơn vị"),
        encode_tcvn3("Nguyễn Thị Hương;Nữ;T.H.A"),
        encode_vni("Trần Văn Dũng") + ";Nam;T.H.A",
    ]
    data = "\r\n".join(lines).encode("cp1252")
    job = run(world.users["unit_a_clerk"], "people", None, data=data, name="cu.csv", dry_run=False)
    assert job.status == JobStatus.DONE, (job.problems, job.errors)
    assert {"Nguyễn Thị Hương", "Trần Văn Dũng"} <= set(
        Person.objects.values_list("full_name", flat=True)
    )


def test_units_ratings_and_award_history_import(world):
    officer = world.users["province_officer"]
    units = run(
        officer,
        "units",
        [
            ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],
            ["T.H.C", "Xã Cẩm Hưng", "Xã", "T.H"],
            ["T.H.C.1", "Thôn Trung", "thôn", "T.H.C"],  # parent from the row above
        ],
        dry_run=False,
    )
    assert units.status == JobStatus.DONE, units.errors
    assert Unit.objects.get(code="T.H.C.1").parent.code == "T.H.C"
    world.person_a.national_id = "001085000999"
    world.person_a.save()
    ratings = run(
        officer,
        "ratings",
        [
            ["Số CCCD", "Mã đơn vị", "Năm", "Xếp loại"],
            ["001085000999", "", "năm 2023", "Hoàn thành xuất sắc nhiệm vụ"],
            ["", "T.H.A", 2023, "HTT"],
        ],
        dry_run=False,
    )
    assert ratings.status == JobStatus.DONE, ratings.errors
    assert AnnualRating.objects.get(person=world.person_a, year=2023).rating == "HTXS"
    awards = run(
        officer,
        "awards",
        [
            [
                "Số CCCD",
                "Hình thức khen thưởng",
                "Năm thành tích",
                "Số quyết định",
                "Ngày quyết định",
            ],
            ["001085000999", "LDTT", 2023, "15/QĐ-UBND", "10/01/2024"],
            ["001085000999", "Không có danh hiệu này", 2023, "", ""],
        ],
    )
    assert awards.status == JobStatus.REJECTED
    assert awards.errors[0]["row"] == 3
    assert "danh mục" in awards.errors[0]["message"]


def test_only_holders_of_import_data_may_upload(world):
    for persona in ("unit_a_viewer", "council_member", "outsider"):
        with pytest.raises(PermissionDenied):
            services.start_import(world.users[persona], kind="people", upload=Upload(xlsx([HEAD])))
    assert not ImportJob.objects.exists()


def test_a_large_file_goes_to_the_database_worker_and_a_retry_runs_it_again(world, settings):
    from django_tasks_db.models import DBTaskResult

    from thidua.interchange import worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    clerk = world.users["unit_a_clerk"]
    job = services.start_import(
        clerk,
        kind="people",
        upload=Upload(xlsx([HEAD, ["Đỗ Văn Gia", "Nam", "", "", "T.H.A"]])),
        dry_run=False,
    )
    job = services.enqueue(job, inline=False)
    assert job.status == JobStatus.QUEUED
    assert DBTaskResult.objects.ready().count() == 1
    assert worker.queue_health().ready == 1
    assert worker.run_pending() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert worker.queue_health().ready == 0
    with pytest.raises(DomainError):
        services.retry_job(clerk, job, expected_version=job.version)  # done: nothing to retry
