"""Scoring commands against the database: the whole chain, history, locks, reproducibility."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.movements.models import Notification, TargetReport
from thidua.scoring import queries, services
from thidua.scoring.domain import ranking
from thidua.scoring.models import (
    ProgressReport,
    RankingRow,
    ReviewProposal,
    ScoreChange,
    ScoreEntry,
    ScoreSheet,
)
from thidua.scoring.tests.builders import RAW_A, fresh, score_through, values

pytestmark = pytest.mark.django_db
D = Decimal


def test_progress_report_with_evidence_feeds_the_movement(world, scoring):
    clerk = world.users["unit_a_clerk"]
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4", content_type="application/pdf")
    report = services.report_progress(
        clerk,
        scoring.target,
        unit=world.unit_a,
        period=scoring.period,
        value=D(30),
        comment="Đã khởi công 30 nhà",
        files=[pdf],
        today=date(2024, 4, 2),
    )
    assert report.evidence.count() == 1
    assert TargetReport.objects.filter(unit=world.unit_a, value=D(30)).exists()
    # a second report for the same period corrects it (optimistic locking on the row)
    again = services.report_progress(
        clerk,
        scoring.target,
        unit=world.unit_a,
        period=scoring.period,
        value=D(32),
        expected_version=report.version,
        today=date(2024, 4, 3),
    )
    assert again.pk == report.pk
    assert again.value == D(32)
    with pytest.raises(ConcurrentChange):
        services.report_progress(
            clerk,
            scoring.target,
            unit=world.unit_a,
            period=scoring.period,
            value=D(1),
            expected_version=1,
        )
    assert ProgressReport.objects.get().value == D(32)


def test_progress_refuses_bad_files_and_other_units(world, scoring):
    clerk = world.users["unit_a_clerk"]
    exe = SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload")
    with pytest.raises(DomainError) as err:
        services.report_progress(
            clerk, scoring.target, unit=world.unit_a, period=scoring.period, value=D(1), files=[exe]
        )
    assert err.value.code == "FILE_TYPE"
    with pytest.raises(PermissionDenied):
        services.report_progress(
            clerk, scoring.target, unit=world.unit_b, period=scoring.period, value=D(1)
        )
    assert not ProgressReport.objects.exists()


def test_excel_import_is_all_or_nothing_with_row_errors(world, scoring):
    clerk = world.users["unit_a_clerk"]
    rows = [
        services.ProgressRow(2, "T.H.A", "1", "12,5"),
        services.ProgressRow(3, "T.H.B", "1", "7"),
        services.ProgressRow(4, "T.H.A", "9", "1"),
        services.ProgressRow(5, "NOPE", "1", "1"),
    ]
    result = services.import_progress(clerk, scoring.movement, scoring.period, rows)
    assert result.errors == (
        "Dòng 3: bạn không có quyền báo cáo cho “Xã Bình Minh”.",
        "Dòng 4: phong trào không có chỉ tiêu số “9”.",
        "Dòng 5: không có đơn vị mã “NOPE”.",
    )
    assert not ProgressReport.objects.exists()
    dry = services.import_progress(clerk, scoring.movement, scoring.period, rows[:1], dry_run=True)
    assert dry.saved == 1
    assert not ProgressReport.objects.exists()
    done = services.import_progress(clerk, scoring.movement, scoring.period, rows[:1])
    assert done.saved == 1
    assert ProgressReport.objects.get().value == D("12.5")


def test_excel_template_round_trips(world, scoring):
    from openpyxl import load_workbook

    from thidua.scoring import excel

    data = excel.progress_template(scoring.movement, [world.unit_a, world.unit_b])
    rows, problems = excel.read_progress_sheet(io.BytesIO(data))
    assert (rows, problems) == ([], [])  # blank values are skipped
    book = load_workbook(io.BytesIO(data))
    book.active["E2"] = 12.5
    book.active["F2"] = "Lũy kế quý 1"
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    rows, problems = excel.read_progress_sheet(out)
    assert problems == []
    assert [(r.line, r.unit_code, r.target_position, r.value, r.comment) for r in rows] == [
        (2, "T.H.A", "1", "12.5", "Lũy kế quý 1")
    ]
    _, problems = excel.read_progress_sheet(io.BytesIO(b"not excel"))
    assert problems == ["Không đọc được tệp. Hãy tải lên bảng tính Excel (.xlsx) theo mẫu."]


def test_reminders_name_due_and_overdue_units_once_a_day(world, scoring):
    sent = services.send_progress_reminders(today=date(2024, 4, 12), days=7)
    # A's focal point and cluster leader, B's focal point (the period was due on 10/04)
    assert sent == 3
    msg = Notification.objects.get(user=world.users["unit_b_clerk"], kind=services.REMINDER_OVERDUE)
    assert "Quá hạn báo cáo tiến độ kỳ “Quý 1/2024” (hạn 10/04/2024)" in msg.message
    assert services.send_progress_reminders(today=date(2024, 4, 12), days=7) == 0
    services.report_progress(
        world.users["unit_a_clerk"],
        scoring.target,
        unit=world.unit_a,
        period=scoring.period,
        value=D(5),
    )
    assert services.send_progress_reminders(today=date(2024, 4, 13), days=7) == 1


def test_table_must_add_up_before_adoption(world):
    from thidua.scoring.tests.builders import make_table

    officer = world.users["province_officer"]
    table = make_table(world, name="Bảng thử")
    group = table.groups.first()
    services.add_criterion(
        officer, group, services.CriterionData("1.3", "Thêm", "yes_no", "yes_no", D(5), {})
    )
    with pytest.raises(DomainError) as err:
        services.adopt_criteria_table(officer, table, expected_version=table.version)
    assert (
        "Nhóm 1 “Thực hiện nhiệm vụ”: tổng điểm tiêu chí (65) khác điểm tối đa của nhóm (60)."
        in err.value.message
    )
    with pytest.raises(DomainError) as err:
        services.add_criterion(
            officer, group, services.CriterionData("1.4", "X", "yes_no", "per_occurrence", D(5), {})
        )
    assert err.value.code == "INVALID_INPUT" or "không dùng cho loại" in err.value.message


def test_the_whole_chain_ranks_and_keeps_history(world, scoring):
    board = score_through(world, scoring, publish=True)
    rows = list(board.rows.order_by("rank"))
    # A: 40 (best on 1.1) + 20 + 30 + 0 = 90; B: 32 + 8×5/20 = 34 + 20 + 40 (reviewed 4 → 40) - 5 = 89
    assert [(r.unit_id, r.total, r.rank, r.award, r.leading) for r in rows] == [
        (world.unit_a.pk, D(90), 1, "CO_BT", True),
        (world.unit_b.pk, D(89), 2, "BK_BT", False),
    ]
    sheet_b = ScoreSheet.objects.get(pk=scoring.sheet_b.pk)
    assert sheet_b.state == "locked"
    assert sheet_b.explanation.startswith("Mô hình thứ năm")
    entry = ScoreEntry.objects.get(sheet=sheet_b, criterion__code="2.1")
    assert (entry.self_value, entry.reviewed_value, entry.final_value) == (D(5), D(4), D(4))
    history = list(
        ScoreChange.objects.filter(sheet=sheet_b).values_list("action", "criterion_code")
    )
    assert ("value", "2.1") in history
    assert [a for a, _ in history if a != "value"] == [
        "submit",
        "review",
        "explain",
        "finalise",
        "lock",
    ]
    assert board.state == "published"


def test_locked_sheets_cannot_change(world, scoring):
    score_through(world, scoring)
    sheet = fresh(scoring.sheet_a)
    before = list(ScoreEntry.objects.filter(sheet=sheet).values_list("self_value", "final_points"))
    with pytest.raises(DomainError) as err:
        services.save_self_scores(
            world.users["unit_a_clerk"], sheet, values(sheet, RAW_A), expected_version=sheet.version
        )
    assert err.value.message == "Bảng điểm đã khóa, không thể thay đổi."
    with pytest.raises(DomainError):
        services.finalise_sheet(
            world.users["province_officer"], sheet, {}, comment="", expected_version=sheet.version
        )
    assert (
        list(ScoreEntry.objects.filter(sheet=sheet).values_list("self_value", "final_points"))
        == before
    )


def test_ranking_is_reproducible_from_stored_rows(world, scoring):
    board = score_through(world, scoring)
    # recompute from the DB rows only: criteria (formula, params) and entries' final values
    recomputed = ranking.rank(
        services.unit_scores(board.table, board.cluster), services.policy_of(board.table)
    )
    stored = list(
        RankingRow.objects.filter(ranking=board)
        .order_by("rank", "unit_id")
        .values_list("unit_id", "total", "rank", "award")
    )
    assert [(r.unit_id, r.total, r.rank, r.award) for r in recomputed.rows] == stored


def test_leader_does_not_review_its_own_sheet_nor_other_clusters(world, scoring):
    leader = world.users["cluster_leader"]
    clerk = world.users["unit_a_clerk"]
    sheet = fresh(scoring.sheet_a)
    services.save_self_scores(clerk, sheet, values(sheet, RAW_A), expected_version=sheet.version)
    services.submit_self_score(clerk, sheet, expected_version=sheet.version)
    with pytest.raises(DomainError) as err:
        services.review_sheet(leader, sheet, {}, comment="", expected_version=sheet.version)
    assert err.value.code == "OWN_SHEET"
    with pytest.raises(PermissionDenied):
        services.review_sheet(leader, fresh(scoring.sheet_c), {}, comment="", expected_version=1)
    assert fresh(scoring.sheet_a).state == "submitted"


def test_submit_needs_every_value(world, scoring):
    clerk = world.users["unit_a_clerk"]
    sheet = fresh(scoring.sheet_a)
    services.save_self_scores(
        clerk, sheet, values(sheet, {"1.1": "10"}), expected_version=sheet.version
    )
    with pytest.raises(DomainError) as err:
        services.submit_self_score(clerk, sheet, expected_version=sheet.version)
    assert err.value.message == "Chưa tự chấm các tiêu chí: 1.2, 2.1, 2.2."


def test_publication_needs_the_cluster_vote(world, scoring):
    board = score_through(world, scoring)
    services.cast_ranking_vote(world.users["unit_a_clerk"], board, unit=world.unit_a, approve=True)
    with pytest.raises(DomainError) as err:
        services.publish_ranking(
            world.users["province_officer"], board, expected_version=board.version
        )
    assert err.value.message.endswith(
        "1/2 thành viên tán thành (50 %; cần ≥ 80 %): chưa thông qua."
    )
    board.refresh_from_db()
    assert board.state == "draft"


def test_peer_scores_never_self_and_normalised(world, scoring):
    from thidua.scoring.tests.builders import make_table

    officer = world.users["province_officer"]
    table = make_table(world, name="Bảng có chấm chéo", peer_scoring=True)
    with pytest.raises(DomainError) as err:
        services.submit_peer_scores(
            world.users["unit_a_clerk"],
            table,
            scoring.cluster,
            scorer=world.unit_a,
            marks={world.unit_a.pk: D(90)},
        )
    assert err.value.code == "SELF_SCORE"
    services.submit_peer_scores(
        world.users["unit_a_clerk"],
        table,
        scoring.cluster,
        scorer=world.unit_a,
        marks={world.unit_b.pk: D(70)},
    )
    services.submit_peer_scores(
        world.users["unit_b_clerk"],
        table,
        scoring.cluster,
        scorer=world.unit_b,
        marks={world.unit_a.pk: D(90)},
    )
    assert services.peer_averages(table, scoring.cluster) == {
        world.unit_b.pk: D(80),
        world.unit_a.pk: D(80),
    }
    assert officer  # the organiser sees the same through queries.peer_view


def test_final_review_proposes_the_published_ranking(world, scoring):
    score_through(world, scoring, publish=True)
    officer = world.users["province_officer"]
    review = services.record_review(
        officer,
        scoring.movement,
        services.ReviewData(
            "final",
            date(2024, 12, 28),
            "Hội trường UBND tỉnh",
            "Chủ tịch UBND tỉnh",
            "Các xã",
            "Hoàn thành",
        ),
    )
    proposals = list(
        ReviewProposal.objects.filter(review=review).order_by("id").values_list("unit_id", "award")
    )
    assert proposals == [(world.unit_a.pk, "CO_BT"), (world.unit_b.pk, "BK_BT")]
    handed = queries.review_proposals(review)
    assert handed[0].award == "CO_BT"
    assert handed[0].unit_id == world.unit_a.pk
    assert "Xếp thứ 1" in handed[0].reason


def test_review_report_docx_reads_back(world, scoring):
    from thidua.core.documents import docx_text
    from thidua.scoring import documents

    score_through(world, scoring, publish=True)
    review = services.record_review(
        world.users["province_officer"],
        scoring.movement,
        services.ReviewData(
            "final", date(2024, 12, 28), "Hội trường", conclusions="Phong trào đạt kết quả tốt."
        ),
    )
    text = docx_text(documents.review_docx(review))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "BÁO CÁO" in text
    assert "Xã An Phú" in text
    assert "Cờ thi đua cấp bộ, ban, ngành, tỉnh" in text
    assert "chỉ tiêu đạt và vượt" in text
    assert "Phong trào đạt kết quả tốt." in text


def test_every_command_writes_an_event(world, scoring):
    before = Event.objects.count()
    score_through(world, scoring)
    actions = set(Event.objects.order_by("id")[before:].values_list("action", flat=True))
    assert {
        "scoring.save_self",
        "scoring.submit",
        "scoring.review",
        "scoring.explain",
        "scoring.finalise",
        "scoring.lock",
    } <= actions
