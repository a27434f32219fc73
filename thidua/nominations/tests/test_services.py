"""Commands on dossiers: the happy path of the chain and each rule that refuses."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.awards.models import DisciplineRecord, QuotaRule
from thidua.core.errors import ConcurrentChange, DomainError
from thidua.core.models import Event
from thidua.nominations import queries, services
from thidua.nominations.models import Dossier, EvidenceFile, Nominee, PublicComment, Reminder
from thidua.nominations.tests.builders import PDF, award, build, make_dossier, rate_well, year
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db


def officer(world):
    return world.users["province_officer"]


def clerk(world):
    return world.users["unit_a_clerk"]


def fresh(obj):
    obj.refresh_from_db()
    return obj


def appraise_all(world, dossier):
    dossier = fresh(dossier)
    items = queries.checklist_items(list(dossier.nominees.all()))
    services.set_checklist(
        officer(world),
        dossier,
        expected_version=dossier.version,
        ticks={i.code: True for i in items},
        notes={},
    )
    for nominee in dossier.nominees.all():
        services.appraise_nominee(
            officer(world), nominee, expected_version=nominee.version, result="appraised"
        )
    dossier = fresh(dossier)
    return services.finish_appraisal(officer(world), dossier, expected_version=dossier.version)


# ------------------------------------------------------------------------------ filing


def test_dossier_must_go_to_a_level_above(world):
    with pytest.raises(DomainError) as exc:
        make_dossier(world, receiving=world.unit_b)
    assert exc.value.code == "RECEIVER_NOT_ABOVE"
    with pytest.raises(DomainError):
        make_dossier(world, receiving=world.unit_a)
    assert Dossier.objects.count() == 0
    assert make_dossier(world, receiving=world.district).status == "draft"


def test_nominee_stores_the_engine_result_with_reasons_and_rule_set(world, built):
    nominee = built.nominee
    assert nominee.eligible is False
    assert nominee.eligibility["rule_set"]
    failed = [c for c in nominee.eligibility["checks"] if not c["passed"]]
    assert failed
    assert all(c["basis"] for c in failed)
    assert nominee.eligibility_checked_at is not None


def test_nominee_from_another_unit_is_refused(world):
    dossier = make_dossier(world)
    with pytest.raises(DomainError) as exc:
        services.add_nominee(
            clerk(world), dossier, world.person_b, services.NomineeData(award("LDTT"))
        )
    assert exc.value.code == "SUBJECT_OUTSIDE_UNIT"
    assert not Nominee.objects.exists()


def test_collective_award_is_refused_for_a_person(world):
    dossier = make_dossier(world)
    with pytest.raises(DomainError) as exc:
        services.add_nominee(
            clerk(world), dossier, world.person_a, services.NomineeData(award("TTLDTT"))
        )
    assert exc.value.code == "AWARD_NOT_FOR_SUBJECT"


def test_same_nominee_twice_is_refused(world, built):
    with pytest.raises(DomainError) as exc:
        services.add_nominee(
            clerk(world), built.dossier, world.person_a, services.NomineeData(award("LDTT"))
        )
    assert exc.value.code == "DUPLICATE_NOMINEE"
    assert built.dossier.nominees.count() == 1


def test_not_eligible_without_justification_cannot_be_submitted(world):
    rate_well(world.person_a)
    dossier = make_dossier(world)
    nominee = services.add_nominee(
        clerk(world), dossier, world.person_a, services.NomineeData(award("LDTT"))
    )
    dossier = fresh(dossier)
    with pytest.raises(DomainError) as exc:
        services.submit_dossier(clerk(world), dossier, expected_version=dossier.version)
    assert exc.value.code == "JUSTIFICATION_REQUIRED"
    assert fresh(dossier).status == "draft"
    assert fresh(nominee).status == "draft"
    services.update_nominee(
        clerk(world),
        fresh(nominee),
        expected_version=fresh(nominee).version,
        category="CONG_TRANG",
        achievement="",
        justification="Lý do đề nghị dù chưa đăng ký thi đua.",
    )
    dossier = fresh(dossier)
    services.submit_dossier(clerk(world), dossier, expected_version=dossier.version)
    assert fresh(dossier).status == "submitted"
    assert fresh(nominee).status == "submitted"


def test_eligibility_is_checked_again_on_submit(world, built):
    before = built.nominee.eligibility
    assert "NO_DISCIPLINE" not in before["missing"]
    DisciplineRecord.objects.create(
        person=world.person_a, level="CANH_CAO", start=timezone.localdate() - timedelta(days=3)
    )
    services.submit_dossier(clerk(world), built.dossier, expected_version=built.dossier.version)
    assert "NO_DISCIPLINE" in fresh(built.nominee).eligibility["missing"]


def test_submit_sets_the_receive_deadline_in_working_days(world, built):
    dossier = services.submit_dossier(
        clerk(world), built.dossier, expected_version=built.dossier.version
    )
    assert dossier.submitted_on == timezone.localdate()
    assert dossier.due_on is not None
    assert dossier.due_on > dossier.submitted_on
    assert dossier.due_on.weekday() < 5


def test_stale_version_is_refused(world, built):
    with pytest.raises(ConcurrentChange):
        services.submit_dossier(
            clerk(world), built.dossier, expected_version=built.dossier.version - 1
        )
    assert fresh(built.dossier).status == "draft"


def test_over_quota_is_refused_on_submit(world, built):
    QuotaRule.objects.create(
        issuer=world.province,
        year=year(),
        award_type=award("LDTT"),
        max_percent=Decimal(50),
        legal_basis="Quyết định của UBND tỉnh",
    )
    # commune A has one person: a cap of ⌊1 × 50 %⌋ = 0
    [counter] = queries.quota_counters(built.dossier)
    assert (counter.status.limit, counter.proposed, counter.over) == (0, 1, True)
    with pytest.raises(DomainError) as exc:
        services.submit_dossier(clerk(world), built.dossier, expected_version=built.dossier.version)
    assert exc.value.code == "OVER_QUOTA"
    assert fresh(built.dossier).status == "draft"


def test_evidence_type_is_read_from_the_bytes(world, built):
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(DomainError) as exc:
        services.add_file(clerk(world), built.nominee, upload=fake, kind="evidence")
    assert exc.value.code == "FILE_TYPE"
    assert not EvidenceFile.objects.exists()
    real = SimpleUploadedFile("Báo cáo thành tích.pdf", PDF, "application/octet-stream")
    row = services.add_file(clerk(world), built.nominee, upload=real, kind="report")
    assert row.content_type == "application/pdf"
    assert row.original_name == "Báo cáo thành tích.pdf"
    assert "Báo cáo" not in row.file.name
    assert row.file.name.endswith(".pdf")


# ----------------------------------------------------------------------------- routing


def test_recall_before_receipt_only(world):
    built = build(world, submitted=True)
    dossier = services.recall_dossier(
        clerk(world), built.dossier, expected_version=built.dossier.version
    )
    assert dossier.status == "recalled"
    assert fresh(built.nominee).status == "draft"
    services.submit_dossier(clerk(world), dossier, expected_version=dossier.version)
    dossier = services.receive_dossier(
        officer(world), fresh(dossier), expected_version=fresh(dossier).version
    )
    with pytest.raises(DomainError) as exc:
        services.recall_dossier(clerk(world), dossier, expected_version=dossier.version)
    assert exc.value.code == "WRONG_STATUS"


def test_return_with_reasons_then_resubmit(world):
    built = build(world, received=True)
    with pytest.raises(DomainError) as exc:
        services.return_dossier(
            officer(world), built.dossier, expected_version=built.dossier.version, reason="  "
        )
    assert exc.value.code == "REASON_REQUIRED"
    dossier = services.return_dossier(
        officer(world),
        fresh(built.dossier),
        expected_version=fresh(built.dossier).version,
        reason="Thiếu biên bản họp Hội đồng cơ sở.",
    )
    assert dossier.status == "returned"
    assert dossier.return_reason == "Thiếu biên bản họp Hội đồng cơ sở."
    assert fresh(built.nominee).status == "returned"
    services.submit_dossier(clerk(world), dossier, expected_version=dossier.version)
    assert fresh(dossier).status == "submitted"
    assert fresh(dossier).return_reason == ""
    assert fresh(built.nominee).status == "submitted"


def test_appraisal_with_checklist_and_results(world):
    built = build(world, received=True)
    dossier = fresh(built.dossier)
    with pytest.raises(DomainError) as exc:
        services.finish_appraisal(officer(world), dossier, expected_version=dossier.version)
    assert "Danh mục thẩm định chưa đủ" in exc.value.message
    assert "chưa có kết quả thẩm định" in exc.value.message
    with pytest.raises(DomainError) as exc:
        services.appraise_nominee(
            officer(world),
            built.nominee,
            expected_version=built.nominee.version,
            result="not_approved",
        )
    assert exc.value.code == "REASON_REQUIRED"
    dossier = appraise_all(world, dossier)
    assert dossier.status == "appraised"
    assert dossier.appraised_on == timezone.localdate()
    assert fresh(built.nominee).status == "appraised"
    assert list(queries.nominees_ready_for_council(world.province, year())) == [built.nominee]
    assert not list(queries.nominees_ready_for_council(world.district, year()))
    actions = set(Event.objects.values_list("action", flat=True))
    assert {"nominations.submit", "nominations.receive", "nominations.finish_appraisal"} <= actions


def test_not_approved_nominee_is_not_ready_for_council(world):
    built = build(world, received=True)
    services.appraise_nominee(
        officer(world),
        built.nominee,
        expected_version=built.nominee.version,
        result="not_approved",
        reason="Chưa đăng ký thi đua.",
    )
    assert fresh(built.nominee).appraisal_note == "Chưa đăng ký thi đua."
    assert not queries.nominees_ready_for_council(world.province, year()).exists()


def test_forward_creates_the_upper_dossier(world):
    rate_well(world.person_a)
    dossier = make_dossier(world, receiving=world.district)
    services.add_nominee(
        clerk(world),
        dossier,
        world.person_a,
        services.NomineeData(award("LDTT"), justification="Có lý do."),
    )
    dossier = fresh(dossier)
    services.submit_dossier(clerk(world), dossier, expected_version=dossier.version)
    dossier = fresh(dossier)
    services.receive_dossier(officer(world), dossier, expected_version=dossier.version)
    dossier = appraise_all(world, dossier)
    with pytest.raises(DomainError) as exc:
        services.forward_dossier(
            officer(world), dossier, expected_version=dossier.version, target=world.unit_b
        )
    assert exc.value.code == "TARGET_NOT_ABOVE"
    upper = services.forward_dossier(
        officer(world),
        fresh(dossier),
        expected_version=fresh(dossier).version,
        target=world.province,
    )
    assert fresh(dossier).status == "forwarded"
    assert (upper.proposing_unit, upper.receiving_unit, upper.status) == (
        world.district,
        world.province,
        "submitted",
    )
    [carried] = upper.nominees.all()
    assert carried.person == world.person_a
    assert carried.source is not None
    assert carried.status == "submitted"


# ------------------------------------------------------------------------ public comment


def published(world, code="CSTDTQ"):
    rate_well(world.person_a, 6)
    dossier = make_dossier(world)
    nominee = services.add_nominee(
        clerk(world),
        dossier,
        world.person_a,
        services.NomineeData(award(code), justification="Thành tích đặc biệt xuất sắc."),
    )
    dossier = fresh(dossier)
    services.submit_dossier(clerk(world), dossier, expected_version=dossier.version)
    dossier = fresh(dossier)
    services.receive_dossier(officer(world), dossier, expected_version=dossier.version)
    dossier = fresh(dossier)
    dossier = services.publish_dossier(
        officer(world), dossier, expected_version=dossier.version, start=timezone.localdate()
    )
    return dossier, fresh(nominee)


def test_publish_needs_a_form_that_requires_it(world):
    built = build(world, received=True)
    with pytest.raises(DomainError) as exc:
        services.publish_dossier(
            officer(world),
            built.dossier,
            expected_version=built.dossier.version,
            start=timezone.localdate(),
        )
    assert exc.value.code == "NO_PUBLIC_COMMENT"


def test_publish_period_is_ten_working_days(world):
    dossier, _ = published(world)
    assert dossier.public_from == timezone.localdate()
    days = 0
    day = dossier.public_from
    while day <= dossier.public_until:
        days += day.weekday() < 5
        day += timedelta(days=1)
    assert days == 10 or (dossier.public_from.weekday() >= 5 and days == 10)
    assert dossier in queries.published_dossiers(timezone.localdate())


def test_open_complaint_blocks_until_resolved(world):
    dossier, nominee = published(world)
    data = services.CommentData(
        "complaint", "Thành tích kê khai chưa đúng thực tế.", "Lê Văn C", "0912345678"
    )
    comment = services.submit_comment(nominee, data, address="1.2.3.4")
    assert fresh(nominee).status == "blocked"
    assert queries.is_blocked(nominee)
    with pytest.raises(DomainError) as exc:
        services.appraise_nominee(
            officer(world),
            fresh(nominee),
            expected_version=fresh(nominee).version,
            result="appraised",
        )
    assert exc.value.code == "NOMINEE_BLOCKED"
    services.resolve_comment(
        officer(world), comment, outcome="dismissed", handling="Đã xác minh, nội dung không đúng."
    )
    assert fresh(nominee).status == "submitted"
    assert not queries.is_blocked(fresh(nominee))
    with pytest.raises(DomainError) as exc:
        services.resolve_comment(officer(world), fresh(comment), outcome="upheld", handling="x")
    assert exc.value.code == "ALREADY_HANDLED"


def test_comment_does_not_block_and_complaint_needs_contact(world):
    _, nominee = published(world)
    services.submit_comment(
        nominee, services.CommentData("comment", "Đồng tình với đề nghị khen thưởng."), address="a"
    )
    assert fresh(nominee).status == "submitted"
    with pytest.raises(DomainError) as exc:
        services.submit_comment(
            nominee,
            services.CommentData("complaint", "Khiếu nại không tên người gửi."),
            address="a",
        )
    assert set(exc.value.fields) == {"name", "contact"}
    assert PublicComment.objects.count() == 1


def test_comments_are_rate_limited(world):
    _, nominee = published(world)
    data = services.CommentData("comment", "Ý kiến đóng góp số nhiều lần.")
    for _ in range(services.COMMENTS_PER_WINDOW):
        services.submit_comment(nominee, data, address="9.9.9.9")
    with pytest.raises(DomainError) as exc:
        services.submit_comment(nominee, data, address="9.9.9.9")
    assert exc.value.code == "TOO_MANY_COMMENTS"
    services.submit_comment(nominee, data, address="8.8.8.8")


def test_comment_outside_the_period_is_refused(world):
    built = build(world, received=True)
    with pytest.raises(DomainError) as exc:
        services.submit_comment(
            built.nominee, services.CommentData("comment", "Ý kiến ngoài thời gian."), address="a"
        )
    assert exc.value.code == "NOT_FOUND"


# ----------------------------------------------------------------------------- reminders


def test_reminders_are_sent_once_a_day_to_the_level_that_must_act(world):
    built = build(world, submitted=True)
    due = fresh(built.dossier).due_on
    assert services.send_reminders(today=due, days=0) >= 1
    users = set(Reminder.objects.values_list("user__username", flat=True))
    assert "officer" in users
    assert "clerk_a" not in users
    assert services.send_reminders(today=due, days=0) == 0
    assert services.send_reminders(today=due - timedelta(days=30), days=3) == 0


def test_overdue_view_lists_late_dossiers(world):
    built = build(world, submitted=True)
    Dossier.objects.filter(pk=built.dossier.pk).update(due_on=date(2020, 1, 1))
    assert [d.pk for d in queries.overdue(officer(world), timezone.localdate())] == [
        built.dossier.pk
    ]
    assert queries.overdue(world.users["unit_b_clerk"], timezone.localdate()) == []


def test_status_text_names_the_appraising_body(world):
    Unit.objects.filter(pk=world.province.pk).update(short_name="Sở Nội vụ")
    built = build(world, received=True)
    text = queries.status_text(fresh(built.dossier), timezone.localdate())
    assert text.startswith("Đang thẩm định tại Sở Nội vụ, hạn ")


def test_remind_command(world):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    built = build(world, submitted=True)
    out = StringIO()
    day = fresh(built.dossier).due_on.isoformat()
    call_command("nominations", "remind", "--days", "0", "--date", day, stdout=out)
    assert "Đã gửi" in out.getvalue()
    assert Reminder.objects.filter(dossier=built.dossier).exists()
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("nominations", "remind", "--date", "31/12/2025")


def test_withdraw_keeps_the_nominee_on_record(world):
    built = build(world, received=True)
    with pytest.raises(DomainError) as exc:
        services.withdraw_nominee(
            clerk(world), built.nominee, expected_version=built.nominee.version, reason=" "
        )
    assert exc.value.code == "REASON_REQUIRED"
    nominee = services.withdraw_nominee(
        clerk(world),
        built.nominee,
        expected_version=built.nominee.version,
        reason="Cá nhân chuyển công tác.",
    )
    assert nominee.status == "withdrawn"
    assert "chuyển công tác" in fresh(nominee).appraisal_note
    # a dossier whose only nominee was withdrawn has nobody left to appraise
    dossier = fresh(built.dossier)
    with pytest.raises(DomainError) as exc:
        services.withdraw_nominee(
            clerk(world), fresh(nominee), expected_version=fresh(nominee).version, reason="Lại"
        )
    assert exc.value.code == "WRONG_STATUS"
    assert dossier.status == "received"
