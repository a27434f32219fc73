"""Pure rules of the procedure, without the database."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.nominations.domain import files, routing
from thidua.nominations.domain.parameters import (
    AwardFacts,
    add_working_days,
    parse_parameters,
)
from thidua.nominations.parameters import procedure_parameters


def test_working_days_skip_the_weekend():
    friday = date(2025, 12, 5)
    assert add_working_days(friday, 1) == date(2025, 12, 8)  # Monday
    assert add_working_days(friday, 10) == date(2025, 12, 19)
    assert add_working_days(friday, 0) == friday


def test_working_days_skip_holidays():
    monday = date(2025, 9, 1)
    assert add_working_days(monday, 1, holidays=[date(2025, 9, 2)]) == date(2025, 9, 3)


def test_status_line_reads_at_a_glance():
    line = routing.status_line("appraising", "Sở Nội vụ", date(2025, 12, 15), date(2025, 12, 1))
    assert line == "Đang thẩm định tại Sở Nội vụ, hạn 15/12"


def test_status_line_counts_overdue_days():
    line = routing.status_line("received", "Sở Nội vụ", date(2025, 12, 15), date(2025, 12, 18))
    assert line.endswith("hạn 15/12 (quá hạn 3 ngày)")
    # on the due day itself it is not overdue yet
    assert "quá hạn" not in routing.status_line(
        "received", "Sở Nội vụ", date(2025, 12, 15), date(2025, 12, 15)
    )


@pytest.mark.parametrize(
    ("command", "status", "allowed"),
    [
        ("submit", "draft", True),
        ("submit", "returned", True),
        ("submit", "submitted", False),
        ("recall", "submitted", True),
        ("recall", "received", False),
        ("receive", "submitted", True),
        ("return", "appraised", False),
        ("forward", "appraised", True),
        ("forward", "appraising", False),
    ],
)
def test_transitions(command, status, allowed):
    assert (routing.transition_reasons(command, status) == []) is allowed


def _facts(eligible, justification="", status="draft"):
    return routing.NomineeFacts("Nguyễn Văn An", status, eligible, justification, "LĐTT")


def test_not_eligible_needs_a_justification():
    [reason] = routing.submission_reasons([_facts(False)])
    assert reason.code == "JUSTIFICATION_REQUIRED"
    assert routing.submission_reasons([_facts(False, "Lý do đặc biệt")]) == []
    # a blank justification is no justification
    assert routing.submission_reasons([_facts(False, "   ")])[0].code == "JUSTIFICATION_REQUIRED"
    # an engine that could not judge (None) does not require one
    assert routing.submission_reasons([_facts(None)]) == []


def test_an_empty_dossier_cannot_be_sent():
    assert routing.submission_reasons([])[0].code == "NO_NOMINEES"
    assert routing.submission_reasons([_facts(True, status="withdrawn")])[0].code == "NO_NOMINEES"


def test_blocked_nominee_blocks_submission():
    codes = [r.code for r in routing.submission_reasons([_facts(True, status="blocked")])]
    assert codes == ["NOMINEE_BLOCKED"]


def test_appraisal_needs_a_reason_to_refuse():
    assert routing.appraisal_reasons("not_approved", "", "submitted")[0].code == "REASON_REQUIRED"
    assert routing.appraisal_reasons("not_approved", "Thiếu minh chứng", "submitted") == []
    assert routing.appraisal_reasons("appraised", "", "blocked")[0].code == "NOMINEE_BLOCKED"
    assert routing.appraisal_reasons("decided", "", "submitted")[0].code == "INVALID_RESULT"


def test_finish_needs_checklist_and_results():
    codes = [r.code for r in routing.finish_reasons(["appraised", "submitted"], ["Tờ trình"])]
    assert codes == ["CHECKLIST_INCOMPLETE", "NOMINEES_PENDING"]
    assert routing.finish_reasons(["appraised", "not_approved", "withdrawn"], []) == []


def test_complaint_needs_name_and_contact_but_comment_does_not():
    codes = {r.code for r in routing.comment_reasons("complaint", "", "", "Nội dung phản ánh dài")}
    assert codes == {"NAME_REQUIRED", "CONTACT_REQUIRED"}
    assert routing.comment_reasons("comment", "", "", "Nội dung ý kiến dài") == []
    assert routing.comment_reasons("comment", "", "", "ngắn")[0].code == "TEXT_TOO_SHORT"


def test_restored_status():
    assert routing.restored_status("appraised") == "appraised"
    assert routing.restored_status("") == "submitted"


def test_packaged_parameters_parse_and_fall_back_to_commune():
    params = procedure_parameters()
    assert params.deadline("province", "appraise").days == 10
    # a grassroots unit has no rule of its own: the commune's applies
    assert params.deadline("grassroots", "receive") == params.deadline("commune", "receive")


def test_public_comment_by_code_wins_over_level():
    params = procedure_parameters()
    hero = params.public_comment_for(AwardFacts("AHLD", "honorary", "nha_nuoc"))
    assert hero is not None
    assert hero.days == 10
    assert hero.confirmed
    assert params.public_comment_for(AwardFacts("LDTT", "title", "co_so")) is None
    state = params.public_comment_for(AwardFacts("HCLD3", "form", "nha_nuoc"))
    assert state is not None
    assert not state.confirmed


def test_checklist_depends_on_the_forms():
    params = procedure_parameters()
    grassroots = {i.code for i in params.checklist_for([AwardFacts("LDTT", "title", "co_so")])}
    assert grassroots == {"to_trinh", "danh_sach", "bao_cao", "bien_ban"}
    fighter = {i.code for i in params.checklist_for([AwardFacts("CSTDBT", "title", "bo_tinh")])}
    assert {"sang_kien", "xep_loai"} <= fighter
    ad_hoc = {
        i.code for i in params.checklist_for([AwardFacts("BK_BT", "form", "bo_tinh", "DOT_XUAT")])
    }
    assert "bao_cao_tom_tat" in ad_hoc
    assert "bao_cao" not in ad_hoc


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError, match="malformed|bad"):
        parse_parameters({"effective_from": "2025-07-01", "deadlines": [], "checklist": []})
    bad = {
        "effective_from": "2025-07-01",
        "deadlines": [{"level": "commune", "step": "fly", "days": 3, "basis": ""}],
        "public_comment": [],
        "checklist": [],
    }
    with pytest.raises(ValueError, match="malformed|bad"):
        parse_parameters(bad)


def test_files_are_recognised_by_their_bytes():
    assert files.sniff(b"%PDF-1.7 ...") == "application/pdf"
    assert files.sniff(b"PK\x03\x04...").endswith("wordprocessingml.document")
    assert files.sniff(b"MZ\x90\x00") == ""
    assert files.upload_reasons(b"MZ\x90\x00", 100)[0].code == "FILE_TYPE"
    assert files.upload_reasons(b"%PDF-", files.MAX_BYTES)[:1] == []
    assert files.upload_reasons(b"%PDF-", files.MAX_BYTES + 1)[0].code == "FILE_TOO_LARGE"
    assert files.upload_reasons(b"", 0)[0].code == "FILE_EMPTY"
