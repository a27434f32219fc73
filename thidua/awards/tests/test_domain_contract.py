"""Pure tests of the contract parser: valid input becomes a query, and EVERY bad field is named."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from thidua.awards.catalogue import load_catalogue, load_parameter_sets
from thidua.awards.domain.contract import (
    FieldError,
    describe_errors,
    parse_query,
    result_to_json,
)
from thidua.awards.domain.eligibility import check_eligibility
from thidua.awards.domain.types import (
    AwardCategory,
    MemberStats,
    Rating,
    RecognitionLevel,
    SubjectKind,
)

CATALOGUE = load_catalogue()

VALID: dict[str, Any] = {
    "award": "CSTDBT",
    "year": 2025,
    "proposal_date": "2025-12-10",
    "subject": {"kind": "individual", "name": "Nguyễn Thị Hoa"},
    "registered": True,
    "ratings": {"2021": "HTT", "2022": "HTXS", "2023": "HTT", "2024": "HTXS", "2025": "HTXS"},
    "awards": [
        {"code": "CSTDCS", "year": 2023, "category": "CONG_TRANG", "revoked": False},
        {"code": "CSTDCS", "year": 2024, "category": "CONG_TRANG"},
        {"code": "CSTDCS", "year": 2025},
    ],
    "initiatives": [{"id": "SK-17", "level": "BO_TINH", "year": 2025, "used_for": None}],
    "research": [{"id": "DT-3", "level": "CO_SO", "accepted_year": 2024}],
    "discipline": [{"level": "KHIEN_TRACH", "from": "2021-05-01", "to": "2021-11-01"}],
    "under_investigation": False,
    "members": None,
}

TTLDXS: dict[str, Any] = {
    "award": "TTLDXS",
    "year": 2025,
    "proposal_date": "2025-12-15",
    "subject": {"kind": "collective", "name": "Phòng Nội vụ"},
    "ratings": {"2025": "HTXS"},
    "members": {
        "total": 20,
        "htnv_or_better": 20,
        "ldtt": 14,
        "cstdcs": 1,
        "disciplined_canh_cao_or_above": 0,
    },
}


def payload(base: dict[str, Any] = VALID, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    for key, value in changes.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def error_paths(data: object) -> list[str]:
    query, errors = parse_query(data, CATALOGUE)
    assert (query is None) == bool(errors)
    return [error.path for error in errors]


# -- valid input -------------------------------------------------------------------------------


def test_contract_example_parses_into_the_query() -> None:
    # given
    # when
    query, errors = parse_query(VALID, CATALOGUE)
    # then
    assert errors == []
    assert query is not None
    assert (query.award, query.year, query.proposal_date) == ("CSTDBT", 2025, date(2025, 12, 10))
    record = query.record
    assert record.kind is SubjectKind.INDIVIDUAL
    assert record.name == "Nguyễn Thị Hoa"
    assert record.ratings[2022] is Rating.HTXS
    assert [a.year for a in record.awards] == [2023, 2024, 2025]
    assert record.initiatives[0].level is RecognitionLevel.BO_TINH
    assert record.research[0].accepted_year == 2024
    assert record.discipline[0].end == date(2021, 11, 1)
    assert record.registered is True


def test_optional_fields_take_their_contract_defaults() -> None:
    # given only the required fields
    data = {
        "award": "LDTT",
        "year": 2025,
        "proposal_date": "2025-12-10",
        "subject": {"kind": "individual"},
        "awards": [{"code": "LDTT", "year": 2024}, {"code": "GK", "year": 2024, "revoked": None}],
        "ratings": {"2025": None},
    }
    # when
    query, errors = parse_query(data, CATALOGUE)
    # then
    assert errors == []
    assert query is not None
    assert query.record.registered is False
    assert query.record.under_investigation is False
    assert query.record.ratings == {}
    assert query.record.initiatives == ()
    assert {(a.category, a.revoked) for a in query.record.awards} == {
        (AwardCategory.CONG_TRANG, False)
    }


def test_collective_members_are_read() -> None:
    # given
    # when
    query, errors = parse_query(TTLDXS, CATALOGUE)
    # then
    assert errors == []
    assert query is not None
    assert query.record.members == MemberStats(20, 20, 14, 1, 0)


def test_award_for_any_subject_accepts_a_household() -> None:
    # given Giấy khen is "any" in the catalogue
    data = payload(award="GK", subject={"kind": "household", "name": "Hộ ông A"})
    # when / then
    assert error_paths(data) == []


def test_unknown_keys_are_ignored() -> None:
    assert error_paths(payload(note="free text", extra={"x": 1})) == []


# -- every bad field is named ------------------------------------------------------------------


def test_every_bad_field_is_named_at_once() -> None:
    # given one document with many mistakes
    data = payload(
        year="2025",
        proposal_date="2025-02-30",
        ratings={"20x5": "HTT", "2024": "GOOD", "1800": "HTT"},
        awards=[
            {"code": "CSTDCS", "year": 2023},
            {"code": "CSTDCS", "year": 2024.0},
            {"code": "NOPE", "year": 2025, "category": "BONUS", "revoked": "no"},
        ],
        initiatives=[{"id": 17, "level": "PROVINCE", "year": 2025}],
        research=[{"level": "CO_SO"}],
        discipline=[{"level": "khiển trách", "from": "2021-05-01", "to": "2021-01-01"}],
        registered="yes",
        under_investigation=0,
    )
    # when
    paths = error_paths(data)
    # then
    assert paths == [
        "year",
        "proposal_date",
        "ratings.20x5",
        "ratings.2024",
        "ratings.1800",
        "awards[1].year",
        "awards[2].code",
        "awards[2].category",
        "awards[2].revoked",
        "initiatives[0].id",
        "initiatives[0].level",
        "research[0].accepted_year",
        "discipline[0].level",
        "discipline[0].to",
        "registered",
        "under_investigation",
    ]


@pytest.mark.parametrize("field", ["award", "year", "proposal_date", "subject"])
def test_missing_required_field_is_named(field: str) -> None:
    # given
    # when
    paths = error_paths(payload(**{field: ...}))
    # then
    assert paths == [field]


def test_null_required_fields_are_missing_too() -> None:
    assert error_paths(payload(award=None, year=None, proposal_date=None, subject=None)) == [
        "award",
        "year",
        "proposal_date",
        "subject",
    ]


@pytest.mark.parametrize("year", ["2025", 2025.0, True, 1899, 2101, None], ids=lambda v: repr(v))
def test_year_must_be_an_integer_year(year: object) -> None:
    assert error_paths(payload(year=year)) == ["year"]


@pytest.mark.parametrize(
    "value",
    ["10/12/2025", "2025-13-01", "20251210", "2025-12-10T08:00", "", 20251210, "1899-12-31"],
)
def test_proposal_date_must_be_an_iso_date(value: object) -> None:
    # given
    # when
    _, errors = parse_query(payload(proposal_date=value), CATALOGUE)
    # then
    assert [e.path for e in errors] == ["proposal_date"]
    assert "YYYY-MM-DD" in errors[0].message or "1900" in errors[0].message


def test_unknown_award_code_is_invalid() -> None:
    # given
    # when
    _, errors = parse_query(payload(award="CSTD_XYZ"), CATALOGUE)
    # then
    assert [e.path for e in errors] == ["award"]
    assert "không có trong danh mục" in errors[0].message


@pytest.mark.parametrize(
    ("award", "kind"),
    [
        ("CSTDBT", "collective"),
        ("LDTT", "household"),
        ("TTLDXS", "individual"),
        ("GDVH", "collective"),
        ("THON_VH", "household"),
    ],
)
def test_award_for_another_subject_kind_is_invalid(award: str, kind: str) -> None:
    # given
    data = payload(TTLDXS, award=award, subject={"kind": kind, "name": "X"})
    # when
    _, errors = parse_query(data, CATALOGUE)
    # then
    assert "award" in [e.path for e in errors]
    assert f"subject.kind = {kind}" in next(e.message for e in errors if e.path == "award")


def test_subject_kind_is_required_and_checked() -> None:
    assert error_paths(payload(subject={"name": "A"})) == ["subject.kind"]
    assert error_paths(payload(subject={"kind": "person"})) == ["subject.kind"]
    assert error_paths(payload(subject="Nguyễn Văn A")) == ["subject"]
    assert error_paths(payload(subject={"kind": "individual", "name": 5})) == ["subject.name"]


@pytest.mark.parametrize("award", ["TTLDTT", "TTLDXS"])
def test_members_are_required_for_collective_titles(award: str) -> None:
    # given
    absent = payload(TTLDXS, award=award, members=...)
    null = payload(TTLDXS, award=award, members=None)
    # when / then
    assert error_paths(absent) == ["members"]
    assert error_paths(null) == ["members"]


def test_member_counts_are_validated() -> None:
    # given
    members = {"total": 10, "htnv_or_better": 11, "ldtt": -1, "cstdcs": "1"}
    # when
    paths = error_paths(payload(TTLDXS, members=members))
    # then
    assert paths == ["members.ldtt", "members.cstdcs", "members.htnv_or_better"]


def test_ttldtt_needs_its_member_fields() -> None:
    # given TTLDTT reads total, ldtt and the member discipline count
    data = payload(TTLDXS, award="TTLDTT", members={"total": 10})
    # when / then
    assert error_paths(data) == ["members.ldtt", "members.disciplined_canh_cao_or_above"]


def test_members_total_must_be_positive() -> None:
    members = {**TTLDXS["members"], "total": 0, "htnv_or_better": 0, "ldtt": 0, "cstdcs": 0}
    assert error_paths(payload(TTLDXS, members=members)) == ["members.total"]


@pytest.mark.parametrize("field", ["awards", "initiatives", "research", "discipline"])
def test_lists_must_be_lists_of_objects(field: str) -> None:
    assert error_paths(payload(**{field: {"a": 1}})) == [field]
    assert error_paths(payload(**{field: ["x"]})) == [f"{field}[0]"]


def test_ratings_must_be_an_object() -> None:
    assert error_paths(payload(ratings=["HTT"])) == ["ratings"]


@pytest.mark.parametrize("document", [[], "text", 3, None])
def test_top_level_must_be_an_object(document: object) -> None:
    # given
    # when
    _, errors = parse_query(document, CATALOGUE)
    # then
    assert [e.path for e in errors] == [""]


# -- FieldError, messages, output --------------------------------------------------------------


def test_field_error_paths_and_batch_prefix() -> None:
    # given
    error = FieldError(("awards", 1, "year"), "x")
    # when
    batch = error.under(3)
    # then
    assert error.path == "awards[1].year"
    assert batch.path == "[3].awards[1].year"
    assert batch.loc == (3, "awards", 1, "year")
    assert FieldError((), "x").path == ""


def test_describe_errors_lists_every_field_in_vietnamese() -> None:
    # given
    _, errors = parse_query(payload(year="x", award="NOPE"), CATALOGUE)
    # when
    text = describe_errors(errors)
    # then
    assert text.startswith("Dữ liệu đầu vào không hợp lệ (2 lỗi):")
    assert "  - award: " in text
    assert "  - year: " in text


def test_result_json_has_exactly_the_contract_shape() -> None:
    # given
    query, _ = parse_query(VALID, CATALOGUE)
    assert query is not None
    result = check_eligibility(query, CATALOGUE, load_parameter_sets())
    # when
    output = result_to_json(result)
    # then
    assert output["eligible"] is True
    assert list(output) == ["award", "year", "eligible", "rule_set", "checks", "missing"]
    assert output["missing"] == []
    checks = output["checks"]
    assert isinstance(checks, list)
    assert all(list(c) == ["code", "passed", "message", "basis"] for c in checks)
