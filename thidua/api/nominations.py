"""Nomination dossiers over HTTP: reads scoped like the pages, writes through the services."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from thidua.awards.models import AwardType
from thidua.nominations import queries, services
from thidua.nominations.models import Dossier, Nominee
from thidua.org.access import get_unit_for_user
from thidua.org.models import Household, Person, Unit

router = Router(tags=["nominations"])

Version = Annotated[int, Field(ge=0, le=2**31 - 1)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class NomineeOut(Schema):
    id: int
    subject: str
    person_id: int | None
    unit_id: int | None
    household_id: int | None
    award_code: str
    year: int
    category: str
    status: str
    eligible: bool | None
    eligibility: dict[str, Any]
    eligibility_checked_at: datetime | None
    justification: str
    appraisal_note: str
    version: int


class DossierOut(Schema):
    id: int
    title: str
    kind: str
    year: int
    status: str
    status_text: str
    proposing_unit_id: int
    receiving_unit_id: int
    submitted_on: date | None
    due_on: date | None
    return_reason: str
    version: int


class DossierDetail(DossierOut):
    nominees: list[NomineeOut]


class DossierIn(Schema):
    proposing_unit_id: Id
    receiving_unit_id: Id
    kind: str = Field(max_length=20)
    year: int = Field(ge=1900, le=2100)
    title: str = Field(max_length=500)


class NomineeIn(Schema):
    person_id: int | None = Field(None, ge=1, le=2**31 - 1)
    unit_id: int | None = Field(None, ge=1, le=2**31 - 1)
    household_id: int | None = Field(None, ge=1, le=2**31 - 1)
    award_code: str = Field(max_length=20, pattern=r"^[A-Za-z0-9_]+$")
    category: str = Field("CONG_TRANG", max_length=20)
    year: int | None = Field(None, ge=1900, le=2100)
    achievement: str = Field("", max_length=20000)
    justification: str = Field("", max_length=20000)


class VersionIn(Schema):
    version: Version


class ReturnIn(VersionIn):
    reason: str = Field(max_length=5000)


class AppraiseIn(VersionIn):
    result: str = Field(max_length=20)
    reason: str = Field("", max_length=5000)


class ForwardIn(VersionIn):
    target_id: Id


def _nominee_out(n: Nominee) -> dict[str, Any]:
    return {
        "id": n.pk,
        "subject": str(n.subject),
        "person_id": n.person_id,
        "unit_id": n.unit_id,
        "household_id": n.household_id,
        "award_code": n.award_type.code,
        "year": n.year,
        "category": n.category,
        "status": n.status,
        "eligible": n.eligible,
        "eligibility": n.eligibility,
        "eligibility_checked_at": n.eligibility_checked_at,
        "justification": n.justification,
        "appraisal_note": n.appraisal_note,
        "version": n.version,
    }


def _out(d: Dossier, text: str | None = None) -> dict[str, Any]:
    return {
        "id": d.pk,
        "title": d.title,
        "kind": d.kind,
        "year": d.year,
        "status": d.status,
        "status_text": text if text is not None else queries.status_text(d, timezone.localdate()),
        "proposing_unit_id": d.proposing_unit_id,
        "receiving_unit_id": d.receiving_unit_id,
        "submitted_on": d.submitted_on,
        "due_on": d.due_on,
        "return_reason": d.return_reason,
        "version": d.version,
    }


def _detail(d: Dossier) -> dict[str, Any]:
    return _out(d) | {"nominees": [_nominee_out(n) for n in queries.nominees_of(d)]}


@router.get("", response=list[DossierOut])
def list_dossiers(request: HttpRequest, box: str = "", status: str = "", year: int | None = None):
    year = year if year is not None and 1900 <= year <= 2100 else None
    rows = queries.dossier_page(request.user, box=box[:20], status=status[:20], year=year)
    return [_out(d, text) for d, text in queries.status_texts(rows, timezone.localdate())]


@router.get("/overdue", response=list[DossierOut])
def overdue_dossiers(request: HttpRequest):
    today = timezone.localdate()
    return [
        _out(d, text)
        for d, text in queries.status_texts(queries.overdue(request.user, today), today)
    ]


@router.get("/{dossier_id}", response=DossierDetail)
def get_dossier(request: HttpRequest, dossier_id: int):
    return _detail(queries.get_dossier(request.user, dossier_id))


@router.post("", response={201: DossierDetail})
def create_dossier(request: HttpRequest, payload: DossierIn):
    receiving = Unit.objects.filter(pk=payload.receiving_unit_id).first()
    if receiving is None:
        raise Http404
    dossier = services.create_dossier(
        request.user,
        services.DossierData(
            proposing_unit=get_unit_for_user(request.user, payload.proposing_unit_id),
            receiving_unit=receiving,
            kind=payload.kind,
            year=payload.year,
            title=payload.title,
        ),
    )
    return Status(201, _detail(dossier))


@router.post("/{dossier_id}/nominees", response={201: NomineeOut})
def add_nominee(request: HttpRequest, dossier_id: int, payload: NomineeIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    subject: Person | Unit | Household | None = None
    if payload.person_id is not None:
        subject = Person.objects.filter(pk=payload.person_id).first()
    elif payload.unit_id is not None:
        subject = Unit.objects.filter(pk=payload.unit_id).first()
    elif payload.household_id is not None:
        subject = Household.objects.filter(pk=payload.household_id).first()
    award = AwardType.objects.filter(code=payload.award_code).first()
    if subject is None or award is None:
        raise Http404
    nominee = services.add_nominee(
        request.user,
        dossier,
        subject,
        services.NomineeData(
            award_type=award,
            category=payload.category,
            achievement=payload.achievement,
            justification=payload.justification,
            year=payload.year,
        ),
    )
    return Status(201, _nominee_out(nominee))


@router.post("/{dossier_id}/submit", response=DossierDetail)
def submit_dossier(request: HttpRequest, dossier_id: int, payload: VersionIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    services.submit_dossier(request.user, dossier, expected_version=payload.version)
    return _detail(dossier)


@router.post("/{dossier_id}/recall", response=DossierDetail)
def recall_dossier(request: HttpRequest, dossier_id: int, payload: VersionIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    services.recall_dossier(request.user, dossier, expected_version=payload.version)
    return _detail(dossier)


@router.post("/{dossier_id}/receive", response=DossierDetail)
def receive_dossier(request: HttpRequest, dossier_id: int, payload: VersionIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    services.receive_dossier(request.user, dossier, expected_version=payload.version)
    return _detail(dossier)


@router.post("/{dossier_id}/return", response=DossierDetail)
def return_dossier(request: HttpRequest, dossier_id: int, payload: ReturnIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    services.return_dossier(
        request.user, dossier, expected_version=payload.version, reason=payload.reason
    )
    return _detail(dossier)


@router.post("/{dossier_id}/finish", response=DossierDetail)
def finish_appraisal(request: HttpRequest, dossier_id: int, payload: VersionIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    services.finish_appraisal(request.user, dossier, expected_version=payload.version)
    return _detail(dossier)


@router.post("/{dossier_id}/forward", response={201: DossierDetail})
def forward_dossier(request: HttpRequest, dossier_id: int, payload: ForwardIn):
    dossier = queries.get_dossier(request.user, dossier_id)
    target = Unit.objects.filter(pk=payload.target_id).first()
    if target is None:
        raise Http404
    upper = services.forward_dossier(
        request.user, dossier, expected_version=payload.version, target=target
    )
    return Status(201, _detail(upper))


@router.post("/nominees/{nominee_id}/appraise", response=NomineeOut)
def appraise_nominee(request: HttpRequest, nominee_id: int, payload: AppraiseIn):
    nominee = queries.get_nominee(request.user, nominee_id)
    services.appraise_nominee(
        request.user,
        nominee,
        expected_version=payload.version,
        result=payload.result,
        reason=payload.reason,
    )
    return _nominee_out(nominee)
