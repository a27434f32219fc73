"""The eligibility engine (awards) applied to a nominee, read from the database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from thidua.awards import catalogue as packaged
from thidua.awards.domain.contract import result_to_json
from thidua.awards.domain.eligibility import check_eligibility
from thidua.awards.domain.parameters import select_rule_set
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
    EligibilityQuery,
    SubjectKind,
    SubjectRecord,
)
from thidua.awards.queries import is_registered, person_record, unit_record
from thidua.org.models import Household, Person, Unit


def household_record(household: Household) -> SubjectRecord:
    awards = tuple(
        AwardRecord(r.award_type.code, r.year, AwardCategory(r.category), r.revoked)
        for r in household.awardrecord_set.select_related("award_type")
    )
    return SubjectRecord(kind=SubjectKind.HOUSEHOLD, name=household.head_name, awards=awards)


def subject_record(subject: Person | Unit | Household, year: int) -> SubjectRecord:
    if isinstance(subject, Person):
        return person_record(subject, registered=is_registered(subject, year))
    if isinstance(subject, Unit):
        return unit_record(subject, year, registered=is_registered(subject, year))
    return household_record(subject)


def evaluate(
    subject: Person | Unit | Household, award_code: str, year: int, today: date, now: datetime
) -> dict[str, Any]:
    """The engine's result as stored on the nominee: the contract's output plus when it was
    checked; `eligible` is None when the engine could not judge (no rule set in force)."""
    try:
        parameters = select_rule_set(packaged.current_parameter_sets(), today)
    except LookupError:
        return {
            "award": award_code,
            "year": year,
            "eligible": None,
            "rule_set": "",
            "checks": [],
            "missing": [],
            "error": "Không có bộ quy tắc nào áp dụng cho ngày đề nghị này.",
            "checked_at": now.isoformat(),
        }
    query = EligibilityQuery(award_code, year, today, subject_record(subject, year))
    result = result_to_json(check_eligibility(query, packaged.load_catalogue(), parameters))
    result["checked_at"] = now.isoformat()
    return result


def evaluate_nominees(nominees: list[Any], today: date, now: datetime) -> dict[int, dict[str, Any]]:
    """`evaluate` for many nominees: people's histories are read in bulk (a fixed number of
    queries per year, see `awards.queries.people_records`); units and households one by one."""
    from thidua.awards.queries import people_records

    by_year: dict[int, list[int]] = {}
    for nominee in nominees:
        if nominee.person_id is not None:
            by_year.setdefault(nominee.year, []).append(nominee.person_id)
    records = {year: people_records(ids, year) for year, ids in by_year.items()}
    try:
        parameters = select_rule_set(packaged.current_parameter_sets(), today)
    except LookupError:
        parameters = None
    catalogue = packaged.load_catalogue()
    results: dict[int, dict[str, Any]] = {}
    for nominee in nominees:
        code = nominee.award_type.code
        record = records.get(nominee.year, {}).get(nominee.person_id)
        if parameters is None or record is None:
            results[nominee.pk] = evaluate(nominee.subject, code, nominee.year, today, now)
            continue
        query = EligibilityQuery(code, nominee.year, today, record)
        result = result_to_json(check_eligibility(query, catalogue, parameters))
        result["checked_at"] = now.isoformat()
        results[nominee.pk] = result
    return results
