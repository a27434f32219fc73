"""Movement commands: allowed paths, denied paths that change nothing, events."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.movements import services
from thidua.movements.models import (
    Movement,
    Notification,
    Participant,
    PersonRegistration,
    PledgeSignature,
    QuotaRule,
    Registration,
    Target,
    Work,
)
from thidua.movements.tests.builders import draft, movement_data

pytestmark = pytest.mark.django_db


def state():
    return (
        list(Movement.objects.order_by("pk").values_list("pk", "name", "state", "version")),
        Participant.objects.count(),
        Target.objects.count(),
        QuotaRule.objects.count(),
        Registration.objects.count(),
        PersonRegistration.objects.count(),
        Work.objects.count(),
        PledgeSignature.objects.count(),
        Event.objects.count(),
    )


def test_create_movement_cleans_text_and_writes_an_event(world, province_officer):
    movement = draft(
        world, name="  Phong  trào\u00a0thi đua ", slogan="Đổi mới - Sáng tạo - Hiệu quả"
    )
    assert movement.name == "Phong trào thi đua"
    assert movement.state == "draft"
    assert movement.items.filter(kind="key_programme").count() == 2
    assert movement.milestones.count() == 2
    event = Event.objects.get(action="movements.create_movement")
    assert event.actor == province_officer
    assert event.unit_path == world.province.path
    assert event.after["document_number"] == "01-CT/TU"


@pytest.mark.parametrize("persona", ["unit_a_clerk", "unit_a_viewer", "council_member", "outsider"])
def test_only_movement_managers_create_movements(world, persona):
    before = state()
    with pytest.raises(PermissionDenied):
        services.create_movement(world.users[persona], movement_data(world))
    assert state() == before


def test_period_ending_before_start_is_refused(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.create_movement(
            province_officer,
            movement_data(
                world,
                start_date=date(2020, 8, 31),
                end_date=date(2020, 3, 1),
                registration_deadline=None,
                document_date=date(2020, 2, 28),
                milestones=(),
            ),
        )
    assert caught.value.code == "PERIOD_ORDER"
    assert "end_date" in caught.value.fields
    assert state() == before


def test_launch_needs_participants_then_goes_through(world, province_officer):
    movement = draft(world)
    before = state()
    with pytest.raises(DomainError) as caught:
        services.launch_movement(province_officer, movement, expected_version=movement.version)
    assert caught.value.code == "LAUNCH_NEEDS_PARTICIPANTS"
    assert state() == before
    services.set_participants(
        province_officer,
        movement,
        scope_kind="subtree",
        levels=("commune",),
        expected_version=movement.version,
    )
    assert set(movement.participants.values_list("unit_id", flat=True)) == {
        world.unit_a.pk,
        world.unit_b.pk,
    }
    services.launch_movement(province_officer, movement, expected_version=movement.version)
    movement.refresh_from_db()
    assert movement.state == "launched"
    assert Event.objects.filter(action="movements.launch", object_id=str(movement.pk)).exists()


def test_lifecycle_steps_each_write_an_event(world, province_officer, built):
    m = built.movement
    for step in (
        services.open_interim_review,
        services.resume_movement,
        services.open_final_review,
        services.close_movement,
    ):
        step(province_officer, m, expected_version=m.version)
    m.refresh_from_db()
    assert m.state == "closed"
    actions = list(
        Event.objects.filter(object_id=str(m.pk), object_type="movements.movement").values_list(
            "action", flat=True
        )
    )
    assert actions[-4:] == [
        "movements.interim_review",
        "movements.resume",
        "movements.final_review",
        "movements.close",
    ]


def test_clerk_cannot_advance_and_nothing_changes(world, unit_a_clerk, built):
    before = state()
    with pytest.raises(PermissionDenied):
        services.open_final_review(
            unit_a_clerk, built.movement, expected_version=built.movement.version
        )
    assert state() == before


def test_stale_version_is_a_concurrent_change(world, province_officer, built):
    before = state()
    with pytest.raises(ConcurrentChange):
        services.open_final_review(
            province_officer, built.movement, expected_version=built.movement.version - 1
        )
    assert state() == before


def test_edits_depend_on_the_state(world, province_officer, built):
    m = built.movement
    # objectives may change while under way ...
    services.update_movement(
        province_officer,
        m,
        movement_data(world, objectives="Mục tiêu mới"),
        expected_version=m.version,
    )
    assert Movement.objects.get(pk=m.pk).objectives == "Mục tiêu mới"
    # ... the launch document may not
    before = state()
    with pytest.raises(DomainError) as caught:
        services.update_movement(
            province_officer,
            m,
            movement_data(world, objectives="Mục tiêu mới", document_number="99-CT/TU"),
            expected_version=m.version,
        )
    assert caught.value.code == "FIELD_FROZEN"
    assert "document_number" in caught.value.fields
    assert state() == before


def test_quota_rule_min_above_max_is_refused(world, province_officer):
    movement = draft(world)
    before = state()
    with pytest.raises(DomainError) as caught:
        services.add_quota_rule(
            province_officer, movement, min_count=5, max_count=3, unit_level="district"
        )
    assert caught.value.code == "QUOTA_MIN_ABOVE_MAX"
    assert state() == before
    rule = services.add_quota_rule(
        province_officer, movement, min_count=3, max_count=5, unit_level="district"
    )
    assert (rule.min_count, rule.max_count) == (3, 5)
    assert Event.objects.filter(action="movements.add_quota_rule").count() == 1


def test_clerk_of_a_registers_a_but_not_b(world, unit_a_clerk, unit_b_clerk, built):
    before = state()
    with pytest.raises(PermissionDenied):
        services.register_unit(unit_a_clerk, built.movement, world.unit_b)
    assert state() == before
    reg = services.register_unit(
        unit_b_clerk,
        built.movement,
        world.unit_b,
        collective_title="TTLDTT",
        indicators=[services.IndicatorData("Nhà cho hộ nghèo", Decimal(5), "nhà", built.target)],
    )
    assert reg.indicators.get().target == built.target
    assert Event.objects.filter(action="movements.register", object_id=str(reg.pk)).exists()


def test_registering_twice_or_late_is_refused(
    world, unit_a_clerk, unit_b_clerk, province_officer, built
):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.register_unit(unit_a_clerk, built.movement, world.unit_a)
    assert caught.value.code == "ALREADY_REGISTERED"
    late = built.movement.registration_deadline + timedelta(days=1)
    with pytest.raises(DomainError) as caught:
        services.register_unit(unit_b_clerk, built.movement, world.unit_b, today=late)
    assert caught.value.code == "DEADLINE_PASSED"
    assert state() == before
    # the organiser may still accept a late registration
    services.register_unit(province_officer, built.movement, world.unit_b, today=late)


def test_non_participant_cannot_add_work(world, province_officer, built):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.add_work(
            province_officer,
            built.movement,
            world.village_a,
            services.WorkData("Cầu", "inauguration"),
        )
    assert caught.value.code == "NOT_A_PARTICIPANT"
    with pytest.raises(DomainError) as caught:
        services.add_work(
            province_officer,
            built.movement,
            world.unit_b,
            services.WorkData(
                "Cầu", "inauguration", start_date=date(2025, 5, 1), end_date=date(2025, 4, 1)
            ),
        )
    assert caught.value.code == "PERIOD_ORDER"
    assert state() == before


def test_work_status_and_photo(world, unit_a_clerk, unit_b_clerk, built):
    work = built.work
    with pytest.raises(PermissionDenied):
        services.set_work_status(
            unit_b_clerk, work, status="completed", expected_version=work.version
        )
    services.set_work_status(unit_a_clerk, work, status="completed", expected_version=work.version)
    assert Work.objects.get(pk=work.pk).status == "completed"
    with pytest.raises(DomainError) as caught:
        services.add_work_photo(
            unit_a_clerk,
            work,
            image=SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream"),
        )
    assert caught.value.code == "FILE_TYPE"


def test_pledge_signed_by_members_only(world, unit_a_clerk, unit_b_clerk, province_officer, built):
    pledge = built.pledge
    before = state()
    with pytest.raises(DomainError) as caught:
        services.sign_pledge(
            province_officer, pledge, world.village_a, signer_name="X", signed_on=date(2024, 3, 6)
        )
    assert caught.value.code == "NOT_A_MEMBER"
    with pytest.raises(PermissionDenied):
        services.sign_pledge(
            unit_a_clerk, pledge, world.unit_b, signer_name="X", signed_on=date(2024, 3, 6)
        )
    assert state() == before
    services.sign_pledge(
        unit_a_clerk,
        pledge,
        world.unit_a,
        signer_name="Nguyễn Văn An",
        signer_title="Chủ tịch UBND xã",
        signed_on=date(2024, 3, 6),
    )
    services.sign_pledge(
        unit_b_clerk, pledge, world.unit_b, signer_name="Trần Thị Bình", signed_on=date(2024, 3, 6)
    )
    assert pledge.signatures.count() == 2
    with pytest.raises(DomainError) as caught:
        services.sign_pledge(
            unit_b_clerk,
            pledge,
            world.unit_b,
            signer_name="Trần Thị Bình",
            signed_on=date(2024, 3, 6),
        )
    assert caught.value.code == "ALREADY_SIGNED"
    assert Event.objects.filter(action="movements.sign_pledge").count() == 2


def test_pledge_docx_follows_decree_30(world, unit_a_clerk, built):
    from docx import Document

    from thidua.movements import documents, queries

    services.sign_pledge(
        unit_a_clerk,
        built.pledge,
        world.unit_a,
        signer_name="Nguyễn Văn An",
        signer_title="Chủ tịch UBND xã",
        signed_on=date(2024, 3, 6),
    )
    content = documents.pledge_docx(built.pledge, queries.pledge_members(built.pledge))
    doc = Document(BytesIO(content))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    body = "\n".join(texts)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body
    assert "Độc lập - Tự do - Hạnh phúc" in body
    assert "Thử Nghiệm, ngày 06 tháng 3 năm 2024" in body
    assert "GIAO ƯỚC THI ĐUA" in body
    assert "1. Hoàn thành chỉ tiêu" in body
    assert "Nguyễn Văn An" in body
    assert "(Chưa ký)" in body
    assert "Hội đồng Thi đua - Khen thưởng tỉnh" in body
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_reminders_in_app_and_by_email_once_a_day(world, built):
    world.users["unit_b_clerk"].email = "b@example.vn"
    world.users["unit_b_clerk"].save()
    today = timezone.localdate()
    Notification.objects.all().delete()
    mail.outbox.clear()
    call_command("movements", "remind", "--days", "10")
    assert Notification.objects.filter(user=world.users["unit_b_clerk"]).count() == 1
    assert not Notification.objects.filter(
        user=world.users["unit_a_clerk"]
    ).exists()  # A registered
    assert len(mail.outbox) == 1
    assert "chưa đăng ký" in mail.outbox[0].body
    assert services.send_reminders(today=today, days=10) == 0  # nothing new the same day
    assert services.send_reminders(today=today, days=1) == 0  # deadline not within 1 day


def _sheet(rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Số CCCD", "Danh hiệu đăng ký"])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "ds.xlsx"
    return buffer


def test_people_import_is_all_or_nothing_with_a_dry_run(world, unit_a_clerk, built):
    from thidua.movements import excel

    reg = built.registration
    rows, problems = excel.read_people_sheet(
        _sheet([["Nguyễn Văn An", "", "Lao động tiên tiến"], ["Người Lạ", "", "LĐTT"]])
    )
    before = state()
    report = services.import_people(unit_a_clerk, reg, rows, dry_run=False, problems=problems)
    assert not report.ok
    assert report.rows[1].errors == (
        "Không tìm thấy “Người Lạ” trong danh sách cá nhân của đơn vị.",
    )
    assert state() == before
    rows, problems = excel.read_people_sheet(_sheet([["Nguyễn Văn An", "", "Lao động tiên tiến"]]))
    dry = services.import_people(unit_a_clerk, reg, rows, dry_run=True)
    assert dry.ok
    assert dry.saved == 0
    assert state() == before
    done = services.import_people(unit_a_clerk, reg, rows, dry_run=False)
    assert done.saved == 1
    assert reg.people.get().person == world.person_a
    assert Event.objects.filter(action="movements.import_people").count() == 1


def test_unreadable_sheet_is_explained(world, unit_a_clerk, built):
    from thidua.movements import excel

    rows, problems = excel.read_people_sheet(BytesIO(b"not a workbook"))
    report = services.import_people(
        unit_a_clerk, built.registration, rows, dry_run=False, problems=problems
    )
    assert "Không đọc được tệp" in report.problems[0]
    assert report.saved == 0


def test_b_clerk_cannot_import_into_a(world, unit_b_clerk, built):
    with pytest.raises(PermissionDenied):
        services.import_people(unit_b_clerk, built.registration, [], dry_run=True)


def test_target_report_scoped_to_units(world, unit_a_clerk, built):
    before = state()
    with pytest.raises(PermissionDenied):
        services.report_target_value(
            unit_a_clerk,
            built.target,
            unit=world.unit_b,
            value=Decimal(1),
            reported_on=timezone.localdate(),
        )
    assert state() == before
    with pytest.raises(DomainError) as caught:
        services.report_target_value(
            unit_a_clerk,
            built.target,
            unit=world.unit_a,
            value=Decimal(1),
            reported_on=date(2019, 1, 1),
        )
    assert caught.value.code == "REPORT_BEFORE_START"
