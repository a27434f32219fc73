"""API of the decisions app: the same queries and services as the pages.

Write operations carry the decision's id in the body (with its version for optimistic
locking), so every command is one POST with one JSON object.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from thidua.awards.choices import Category
from thidua.decisions import queries, services
from thidua.decisions.models import Decision, IssuingBody
from thidua.nominations.models import Nominee

router = Router(tags=["decisions"])

# Ids and versions fit the database's integer columns (a 404/409, never a 500).
Id = Field(ge=1, le=2**31 - 1)
Version = Field(ge=0, le=2**31 - 1)
NoNul = r"^[^\x00]*$"


class ItemOut(Schema):
    id: int
    subject: str
    person_id: int | None
    unit_id: int | None
    nominee_id: int | None
    award: str
    award_name: str
    year: int
    bonus: Decimal | None
    award_record_id: int | None


class DecisionOut(Schema):
    id: int
    version: int
    status: str
    body: str
    number: str
    decided_on: date | None
    summary: str
    category: str
    period: str
    signer_name: str
    revoked_on: date | None
    items: list[ItemOut]


class DecisionRow(Schema):
    id: int
    status: str
    number: str
    decided_on: date | None
    summary: str


class DraftIn(Schema):
    body_id: int = Id
    summary: str = Field(max_length=500, pattern=NoNul)
    period: str = Field(max_length=255, pattern=NoNul)
    category: str = Field(Category.CONG_TRANG, max_length=20, pattern=NoNul)
    basis: str = Field("", max_length=5000, pattern=NoNul)
    nominee_ids: list[int] = Field(default_factory=list, max_length=500)


class StepIn(Schema):
    decision_id: int = Id
    version: int = Version


class ReturnIn(StepIn):
    note: str = Field(max_length=5000, pattern=NoNul)


class IssueIn(StepIn):
    decided_on: date
    signer_name: str = Field(max_length=200, pattern=NoNul)
    signer_position: str = Field("", max_length=100, pattern=NoNul)


class RevokeDecisionIn(StepIn):
    ground: str = Field(max_length=1, pattern=NoNul)
    reason: str = Field(max_length=5000, pattern=NoNul)
    revoking_number: str = Field(max_length=60, pattern=NoNul)
    revoked_on: date
    recovery: str = Field("", max_length=5000, pattern=NoNul)


def _out(decision: Decision) -> dict[str, object]:
    return {
        "id": decision.pk,
        "version": decision.version,
        "status": decision.status,
        "body": decision.body.name,
        "number": decision.number_text,
        "decided_on": decision.decided_on,
        "summary": decision.summary,
        "category": decision.category,
        "period": decision.period,
        "signer_name": decision.signer_name,
        "revoked_on": decision.revoked_on,
        "items": [
            {
                "id": row.item.pk,
                "subject": str(row.item.subject),
                "person_id": row.item.person_id,
                "unit_id": row.item.unit_id,
                "nominee_id": row.item.nominee_id,
                "award": row.item.award_type.code,
                "award_name": row.item.award_type.name,
                "year": row.item.year,
                "bonus": row.bonus,
                "award_record_id": row.item.award_record_id,
            }
            for row in queries.item_rows(decision)
        ],
    }


def _get(request: HttpRequest, decision_id: int) -> Decision:
    return queries.get_decision_for_user(request.user, decision_id)


@router.get("/", response=list[DecisionRow])
def list_decisions(request: HttpRequest, status: str = "", year: int | None = None, page: int = 1):
    """The user's decisions, newest first, 50 per page."""
    if year is not None and not 1 <= year <= 9999:
        year = None
    rows, _more = queries.decision_rows(
        request.user, queries.Filters(status=status, year=year), max(1, min(page, 10_000))
    )
    return [
        {
            "id": d.pk,
            "status": d.status,
            "number": d.number_text,
            "decided_on": d.decided_on,
            "summary": d.summary,
        }
        for d in rows
    ]


@router.post("/drafts", response={201: DecisionOut})
def draft_decision(request: HttpRequest, payload: DraftIn):
    """Draft a decision of an issuing body for council-passed nominees."""
    body = queries.bodies_for(request.user).filter(pk=payload.body_id).first()
    if body is None:
        if not IssuingBody.objects.filter(pk=payload.body_id).exists():
            raise Http404
        body = IssuingBody.objects.get(pk=payload.body_id)  # the service refuses: 403
    wanted = {i for i in payload.nominee_ids if 1 <= i <= 2**31 - 1}
    nominees = list(queries.candidate_nominees(request.user).filter(pk__in=wanted))
    nominees += list(
        Nominee.objects.filter(pk__in=wanted - {n.pk for n in nominees})
    )  # not ready or not the user's: the service says why
    decision = services.draft_decision(
        request.user,
        body,
        services.DecisionData(
            summary=payload.summary,
            period=payload.period,
            category=payload.category,
            basis=payload.basis,
        ),
        nominees=nominees,
    )
    return Status(201, _out(decision))


@router.post("/submit", response=DecisionOut)
def submit_decision(request: HttpRequest, payload: StepIn):
    decision = _get(request, payload.decision_id)
    services.submit_decision(request.user, decision, expected_version=payload.version)
    return _out(decision)


@router.post("/return", response=DecisionOut)
def return_decision(request: HttpRequest, payload: ReturnIn):
    decision = _get(request, payload.decision_id)
    services.return_decision(
        request.user, decision, expected_version=payload.version, note=payload.note
    )
    return _out(decision)


@router.post("/issue", response=DecisionOut)
def issue_decision(request: HttpRequest, payload: IssueIn):
    """Sign and issue: number, award records, certificates' tokens."""
    decision = _get(request, payload.decision_id)
    services.issue_decision(
        request.user,
        decision,
        expected_version=payload.version,
        decided_on=payload.decided_on,
        signer_name=payload.signer_name,
        signer_position=payload.signer_position,
    )
    return _out(decision)


@router.post("/revoke", response=DecisionOut)
def revoke_decision(request: HttpRequest, payload: RevokeDecisionIn):
    """Revoke an issued decision (Luật TĐKT 2022, Điều 93)."""
    decision = _get(request, payload.decision_id)
    services.revoke_decision(
        request.user,
        decision,
        services.RevocationData(
            ground=payload.ground,
            reason=payload.reason,
            revoking_number=payload.revoking_number,
            revoked_on=payload.revoked_on,
            recovery=payload.recovery,
        ),
        expected_version=payload.version,
    )
    return _out(decision)


# Last, so that its path parameter does not swallow the command paths above.
@router.get("/{int:decision_id}", response=DecisionOut)
def get_decision(request: HttpRequest, decision_id: int):
    return _out(_get(request, decision_id))
