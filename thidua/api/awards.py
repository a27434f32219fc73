"""Award catalogue and history endpoints (scoped like the pages; writes go through services)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.params import P, QueryEx

from thidua.awards import queries, services
from thidua.awards.choices import Category
from thidua.awards.models import AwardRecord, AwardType
from thidua.core.errors import DomainError
from thidua.org.access import get_unit_for_user
from thidua.org.models import Person, Unit
from thidua.org.queries import visible_people

router = Router(tags=["awards"])


class AwardTypeOut(Schema):
    code: str
    name: str
    subject: str
    kind: str
    level: str
    legal_basis: str
    bonus_individual: Decimal | None
    bonus_collective: Decimal | None


class AwardRecordOut(Schema):
    id: int
    version: int
    award: str
    award_name: str
    year: int
    category: str
    decision_number: str
    decision_date: date | None
    issuer: str
    revoked: bool
    revoked_on: date | None
    revocation_reason: str
    person_id: int | None
    unit_id: int | None
    inherited_from: int | None = None


class RatingOut(Schema):
    year: int
    rating: str


class InitiativeOut(Schema):
    id: int
    kind: str
    title: str
    level: str
    year: int
    used_for: int | None


class CheckOut(Schema):
    code: str
    passed: bool
    message: str
    basis: str


class ForecastOut(Schema):
    award: str
    name: str
    year: int
    eligible_now: bool
    reachable: bool
    summary: str
    steps: list[str]
    checks: list[CheckOut]


class PersonHistoryOut(Schema):
    person_id: int
    awards: list[AwardRecordOut]
    ratings: list[RatingOut]
    initiatives: list[InitiativeOut]
    under_discipline: bool


class UnitHistoryOut(Schema):
    unit_id: int
    awards: list[AwardRecordOut]
    ratings: list[RatingOut]


class AwardIn(Schema):
    # Bounded like the database columns (a 422, not a 500 on PostgreSQL); the code is looked
    # up in the catalogue, and PostgreSQL cannot even compare a text holding NUL.
    award: str = Field(max_length=20, pattern=r"^[^\x00]*$")
    year: int
    person_id: int | None = None
    unit_id: int | None = None
    category: str = Category.CONG_TRANG
    decision_number: str = Field("", max_length=60)
    decision_date: date | None = None
    issuer: str = Field("", max_length=255)
    note: str = ""


class RevokeIn(Schema):
    expected_version: int
    revoked_on: date
    reason: str


def _record_out(record: AwardRecord, *, inherited: bool = False) -> dict[str, object]:
    return {
        "id": record.pk,
        "version": record.version,
        "award": record.award_type.code,
        "award_name": record.award_type.name,
        "year": record.year,
        "category": record.category,
        "decision_number": record.decision_number,
        "decision_date": record.decision_date,
        "issuer": record.issuer,
        "revoked": record.revoked,
        "revoked_on": record.revoked_on,
        "revocation_reason": record.revocation_reason,
        "person_id": record.person_id,
        "unit_id": record.unit_id,
        "inherited_from": record.unit_id if inherited else None,
    }


@router.get("/catalogue", response=list[AwardTypeOut])
def list_catalogue(request: HttpRequest, subject: str = "", kind: str = "", level: str = ""):
    """The catalogue with each bonus multiple in force today."""
    today = timezone.localdate()
    rows = queries.catalogue_rows(subject, kind, level).prefetch_related("bonuses")
    result = []
    for row in rows:
        bonuses = list(row.bonuses.all())
        result.append(
            {
                "code": row.code,
                "name": row.name,
                "subject": row.subject,
                "kind": row.kind,
                "level": row.level,
                "legal_basis": row.legal_basis,
                "bonus_individual": _multiple(bonuses, "individual", today),
                "bonus_collective": _multiple(bonuses, "collective", today),
            }
        )
    return result


def _multiple(bonuses: list, subject: str, today: date) -> Decimal | None:
    rule = queries.in_force([b for b in bonuses if b.subject == subject], today)
    return rule.multiple if rule is not None else None


@router.get("/people/{person_id}/history", response=PersonHistoryOut)
def person_history(request: HttpRequest, person_id: int):
    person = get_object_or_404(visible_people(request.user), pk=person_id)
    today = timezone.localdate()
    return {
        "person_id": person.pk,
        "awards": [_record_out(r) for r in person.awardrecord_set.select_related("award_type")],
        "ratings": [{"year": r.year, "rating": r.rating} for r in person.annualrating_set.all()],
        "initiatives": [
            {
                "id": i.pk,
                "kind": i.kind,
                "title": i.title,
                "level": i.level,
                "year": i.year,
                "used_for": i.used_for_id,
            }
            for i in queries.person_initiatives(person)
        ],
        "under_discipline": any(
            d.start <= today and (d.end is None or d.end >= today)
            for d in queries.person_discipline(person)
        ),
    }


@router.get("/people/{person_id}/forecast", response=list[ForecastOut])
def person_forecast(request: HttpRequest, person_id: int):
    """For each rung of the ladder: eligible now, what would make the person eligible this
    year, or what blocks it."""
    person = get_object_or_404(visible_people(request.user), pk=person_id)
    today = timezone.localdate()
    record = queries.person_record(person, registered=queries.is_registered(person, today.year))
    return [
        {
            "award": item.award,
            "name": item.name,
            "year": item.year,
            "eligible_now": item.eligible_now,
            "reachable": item.reachable,
            "summary": item.summary,
            "steps": [step.text for step in item.steps or ()],
            "checks": [
                {"code": c.code, "passed": c.passed, "message": c.message, "basis": c.basis}
                for c in item.result.checks
            ],
        }
        for item in queries.forecast_for(record, today)
    ]


@router.get("/units/{unit_id}/history", response=UnitHistoryOut)
def unit_history(request: HttpRequest, unit_id: int):
    """The collective's awards, including those of the units it succeeded."""
    unit = get_unit_for_user(request.user, unit_id)
    return {
        "unit_id": unit.pk,
        "awards": [
            _record_out(row.record, inherited=row.inherited) for row in queries.unit_timeline(unit)
        ],
        "ratings": [{"year": r.year, "rating": r.rating} for r in unit.annualrating_set.all()],
    }


class RecordPageOut(Schema):
    items: list[AwardRecordOut]
    next: str = Field(description="Cursor of the next page (pass as `after`); empty at the end.")


@router.get("/records", response=RecordPageOut)
def search_records(
    request: HttpRequest,
    unit: QueryEx[int | None, P(ge=1, le=2**63 - 1)] = None,
    year: QueryEx[int | None, P(ge=1900, le=2100)] = None,
    award: QueryEx[str, P(max_length=20, pattern=r"^[A-Za-z0-9_]*$")] = "",
    kind: QueryEx[str, P(max_length=20, pattern=r"^[a-z_]*$")] = "",
    level: QueryEx[str, P(max_length=20, pattern=r"^[a-z_]*$")] = "",
    after: QueryEx[str, P(max_length=40, pattern=r"^[0-9|]*$")] = "",
):
    """The award history in the caller's scope, newest first, 50 per page: `unit` reaches its
    subtree and the units it succeeded (lineage)."""
    subject = get_unit_for_user(request.user, unit) if unit is not None else None
    filters = queries.RecordFilters(subject, year, award.upper(), kind, level)
    rows, cursor = queries.search_records(request.user, filters, after=after)
    return {"items": [_record_out(row) for row in rows], "next": cursor}


@router.post("/records", response={201: AwardRecordOut})
def create_record(request: HttpRequest, payload: AwardIn):
    """Record an award for a person or a collective (exactly one of person_id, unit_id)."""
    if (payload.person_id is None) == (payload.unit_id is None):
        raise DomainError(
            "SUBJECT_REQUIRED",
            "Cần chỉ rõ một đối tượng: person_id hoặc unit_id.",
            fields={"person_id": "Chọn cá nhân hoặc tập thể."},
        )
    subject: Person | Unit
    if payload.person_id is not None:
        subject = get_object_or_404(visible_people(request.user), pk=payload.person_id)
    else:
        assert payload.unit_id is not None
        subject = get_unit_for_user(request.user, payload.unit_id)
    award_type = AwardType.objects.filter(code=payload.award).first()
    if award_type is None:
        raise DomainError(
            "UNKNOWN_AWARD",
            f"Mã khen thưởng {payload.award!r} không có trong danh mục.",
            fields={"award": "Mã không có trong danh mục."},
        )
    data = services.AwardData(
        award_type=award_type,
        year=payload.year,
        category=payload.category,
        decision_number=payload.decision_number,
        decision_date=payload.decision_date,
        issuer=payload.issuer,
        note=payload.note,
    )
    record = services.record_award(request.user, subject, data)
    return Status(201, _record_out(record))


@router.post("/records/{record_id}/revoke", response=AwardRecordOut)
def revoke_record(request: HttpRequest, record_id: int, payload: RevokeIn):
    record = get_object_or_404(queries.visible_records(request.user), pk=record_id)
    services.revoke_award(
        request.user,
        record,
        expected_version=payload.expected_version,
        revoked_on=payload.revoked_on,
        reason=payload.reason,
    )
    return _record_out(record)
