"""Movements over HTTP: reads scoped like the pages, writes through the same services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from thidua.movements import queries, services
from thidua.movements.models import Movement, Work
from thidua.org.access import get_unit_for_user
from thidua.org.models import Cluster

router = Router(tags=["movements"])

# Inputs are bounded like the database columns they land in (and like the forms bound them), so
# an over-long text or an out-of-range number is a 422, not a database error (a 500 on
# PostgreSQL, which enforces the column limits).
Value = Annotated[Decimal, Field(max_digits=16, decimal_places=4)]  # values, targets, goals
Money = Annotated[Decimal, Field(max_digits=18, decimal_places=0)]  # budgets in VND
Weight = Annotated[Decimal, Field(max_digits=8, decimal_places=2)]


class MovementOut(Schema):
    id: int
    name: str
    theme: str
    slogan: str
    kind: str
    launch_level: str
    state: str
    organiser_id: int
    launched_by: str
    document_type: str
    document_number: str
    document_date: date | None
    start_date: date
    end_date: date
    registration_deadline: date | None
    results_due: date | None
    budget: Decimal | None
    version: int


class MovementPage(Schema):
    items: list[MovementOut]
    next: str


class ItemOut(Schema):
    kind: str
    position: int
    title: str


class MilestoneOut(Schema):
    kind: str
    due_date: date
    title: str


class MovementDetail(MovementOut):
    objectives: str
    items: list[ItemOut]
    milestones: list[MilestoneOut]
    participant_ids: list[int]


class MilestoneIn(Schema):
    kind: str
    due_date: date
    title: str = Field("", max_length=255)


class MovementIn(Schema):
    name: str = Field(max_length=500)
    kind: str
    launch_level: str
    organiser_id: int
    document_type: str
    start_date: date
    end_date: date
    theme: str = Field("", max_length=500)
    slogan: str = Field("", max_length=300)
    launched_by: str = Field("", max_length=255)
    launcher_name: str = Field("", max_length=200)
    launcher_title: str = Field("", max_length=255)
    document_number: str = Field("", max_length=60)
    document_date: date | None = None
    document_issuer: str = Field("", max_length=255)
    objectives: str = ""
    registration_deadline: date | None = None
    results_due: date | None = None
    budget: Money | None = None
    budget_note: str = Field("", max_length=500)
    key_programmes: list[str] = []
    content_items: list[str] = []
    task_groups: list[str] = []
    milestones: list[MilestoneIn] = []


class TransitionIn(Schema):
    to: str
    version: int


class TargetOut(Schema):
    id: int
    indicator: str
    unit_of_measure: str
    direction: str
    low: Decimal | None
    high: Decimal | None
    weight: Decimal
    aggregation: str
    unit_goal: Decimal | None
    applies_level: str
    label: str
    achieved: Decimal | None
    percent: int
    met: bool


class TargetIn(Schema):
    indicator: str = Field(max_length=500)
    direction: str
    aggregation: str
    low: Value | None = None
    high: Value | None = None
    unit_of_measure: str = Field("", max_length=60)
    weight: Weight = Decimal(1)
    unit_goal: Value | None = None
    applies_level: str = ""
    note: str = Field("", max_length=500)


class IndicatorIn(Schema):
    indicator: str = Field(max_length=500)
    value: Value | None = None
    unit_of_measure: str = Field("", max_length=60)


class RegistrationOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    collective_title: str
    commitments: str
    submitted_on: date
    people: int


class RegistrationIn(Schema):
    unit_id: int
    collective_title: str = ""
    commitments: str = ""
    indicators: list[IndicatorIn] = []


class WorkOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    name: str
    kind: str
    status: str
    budget: Decimal | None
    quantity: int | None
    start_date: date | None
    end_date: date | None


class WorkIn(Schema):
    unit_id: int
    name: str = Field(max_length=500)
    kind: str
    budget: Money | None = None
    funding_sources: str = Field("", max_length=500)
    quantity: int | None = Field(None, ge=0, le=1_000_000)
    start_date: date | None = None
    end_date: date | None = None
    description: str = ""


class SignatureOut(Schema):
    unit_id: int
    unit_name: str
    signer_name: str
    signer_title: str
    signed_on: date


class PledgeOut(Schema):
    id: int
    cluster_id: int
    cluster_name: str
    title: str
    criteria: str
    ceremony_date: date | None
    ceremony_place: str
    witnesses: str
    signatures: list[SignatureOut]


class SignatureIn(Schema):
    unit_id: int
    signer_name: str = Field(max_length=200)
    signer_title: str = Field("", max_length=255)
    signed_on: date


def _movement_out(m: Movement) -> dict[str, object]:
    return {f: getattr(m, f) for f in MovementOut.model_fields} | {"organiser_id": m.organiser_id}


@router.get("", response=MovementPage)
def list_movements(
    request: HttpRequest,
    q: str = "",
    level: str = "",
    kind: str = "",
    state: str = "",
    year: int | None = None,
    after: str = "",
    limit: int = 30,
):
    rows, cursor = queries.movement_page(
        request.user,
        level=level,
        kind=kind,
        state=state,
        year=year if year is not None and 1900 <= year <= 2100 else None,
        text=q[:200],
        after=after[:100],
        limit=max(1, min(limit, 200)),
    )
    return {"items": [_movement_out(m) for m in rows], "next": cursor}


def _detail(m: Movement) -> dict[str, object]:
    return _movement_out(m) | {
        "objectives": m.objectives,
        "items": [
            {"kind": i.kind, "position": i.position, "title": i.title}
            for i in m.items.order_by("kind", "position")
        ],
        "milestones": [
            {"kind": x.kind, "due_date": x.due_date, "title": x.title} for x in m.milestones.all()
        ],
        "participant_ids": sorted(m.participants.values_list("unit_id", flat=True)),
    }


@router.get("/{movement_id}", response=MovementDetail)
def get_movement(request: HttpRequest, movement_id: int):
    return _detail(queries.get_movement(request.user, movement_id))


@router.post("", response={201: MovementDetail})
def create_movement(request: HttpRequest, payload: MovementIn):
    data = services.MovementData(
        name=payload.name,
        kind=payload.kind,
        launch_level=payload.launch_level,
        organiser=get_unit_for_user(request.user, payload.organiser_id),
        document_type=payload.document_type,
        start_date=payload.start_date,
        end_date=payload.end_date,
        theme=payload.theme,
        slogan=payload.slogan,
        launched_by=payload.launched_by,
        launcher_name=payload.launcher_name,
        launcher_title=payload.launcher_title,
        document_number=payload.document_number,
        document_date=payload.document_date,
        document_issuer=payload.document_issuer,
        objectives=payload.objectives,
        registration_deadline=payload.registration_deadline,
        results_due=payload.results_due,
        budget=payload.budget,
        budget_note=payload.budget_note,
        key_programmes=tuple(payload.key_programmes),
        content_items=tuple(payload.content_items),
        task_groups=tuple(payload.task_groups),
        milestones=tuple((m.kind, m.due_date, m.title) for m in payload.milestones),
    )
    movement = services.create_movement(request.user, data)
    return Status(201, _detail(movement))


@router.post("/{movement_id}/transition", response=MovementDetail)
def advance_movement(request: HttpRequest, movement_id: int, payload: TransitionIn):
    movement = queries.get_movement(request.user, movement_id)
    services.advance_movement(request.user, movement, payload.to, expected_version=payload.version)
    return _detail(movement)


def _target_out(row: queries.TargetRow) -> dict[str, object]:
    t = row.target
    return {
        "id": t.pk,
        "indicator": t.indicator,
        "unit_of_measure": t.unit_of_measure,
        "direction": t.direction,
        "low": t.low,
        "high": t.high,
        "weight": t.weight,
        "aggregation": t.aggregation,
        "unit_goal": t.unit_goal,
        "applies_level": t.applies_level,
        "label": row.label,
        "achieved": row.progress.achieved,
        "percent": row.progress.percent,
        "met": row.progress.met,
    }


@router.get("/{movement_id}/targets", response=list[TargetOut])
def list_targets(request: HttpRequest, movement_id: int):
    movement = queries.get_movement(request.user, movement_id)
    return [_target_out(row) for row in queries.target_rows(movement)]


@router.post("/{movement_id}/targets", response={201: TargetOut})
def add_target(request: HttpRequest, movement_id: int, payload: TargetIn):
    movement = queries.get_movement(request.user, movement_id)
    target = services.add_target(request.user, movement, services.TargetData(**payload.dict()))
    row = next(r for r in queries.target_rows(movement) if r.target.pk == target.pk)
    return Status(201, _target_out(row))


def _registration_out(r: object) -> dict[str, object]:
    return {
        "id": r.pk,  # type: ignore[attr-defined]
        "unit_id": r.unit_id,  # type: ignore[attr-defined]
        "unit_name": r.unit.name,  # type: ignore[attr-defined]
        "collective_title": r.collective_title,  # type: ignore[attr-defined]
        "commitments": r.commitments,  # type: ignore[attr-defined]
        "submitted_on": r.submitted_on,  # type: ignore[attr-defined]
        "people": r.people.count(),  # type: ignore[attr-defined]
    }


@router.get("/{movement_id}/registrations", response=list[RegistrationOut])
def list_registrations(request: HttpRequest, movement_id: int):
    movement = queries.get_movement(request.user, movement_id)
    return [_registration_out(r) for r in queries.registrations(request.user, movement)[:500]]


@router.post("/{movement_id}/registrations", response={201: RegistrationOut})
def register_unit(request: HttpRequest, movement_id: int, payload: RegistrationIn):
    movement = queries.get_movement(request.user, movement_id)
    unit = get_unit_for_user(request.user, payload.unit_id)
    reg = services.register_unit(
        request.user,
        movement,
        unit,
        collective_title=payload.collective_title,
        commitments=payload.commitments,
        indicators=[
            services.IndicatorData(i.indicator, i.value, i.unit_of_measure)
            for i in payload.indicators
        ],
    )
    return Status(201, _registration_out(reg))


def _work_out(w: Work) -> dict[str, object]:
    return {
        "id": w.pk,
        "unit_id": w.unit_id,
        "unit_name": w.unit.name,
        "name": w.name,
        "kind": w.kind,
        "status": w.status,
        "budget": w.budget,
        "quantity": w.quantity,
        "start_date": w.start_date,
        "end_date": w.end_date,
    }


@router.get("/{movement_id}/works", response=list[WorkOut])
def list_works(request: HttpRequest, movement_id: int):
    movement = queries.get_movement(request.user, movement_id)
    return [_work_out(w) for w in queries.works(request.user, movement)[:1000]]


@router.post("/{movement_id}/works", response={201: WorkOut})
def add_work(request: HttpRequest, movement_id: int, payload: WorkIn):
    movement = queries.get_movement(request.user, movement_id)
    unit = get_unit_for_user(request.user, payload.unit_id)
    data = payload.dict()
    data.pop("unit_id")
    work = services.add_work(request.user, movement, unit, services.WorkData(**data))
    return Status(201, _work_out(work))


def _pledge_out(p: object) -> dict[str, object]:
    cluster: Cluster = p.cluster  # type: ignore[attr-defined]
    return {
        "id": p.pk,  # type: ignore[attr-defined]
        "cluster_id": cluster.pk,
        "cluster_name": cluster.name,
        "title": p.title,  # type: ignore[attr-defined]
        "criteria": p.criteria,  # type: ignore[attr-defined]
        "ceremony_date": p.ceremony_date,  # type: ignore[attr-defined]
        "ceremony_place": p.ceremony_place,  # type: ignore[attr-defined]
        "witnesses": p.witnesses,  # type: ignore[attr-defined]
        "signatures": [
            {
                "unit_id": s.unit_id,
                "unit_name": s.unit.name,
                "signer_name": s.signer_name,
                "signer_title": s.signer_title,
                "signed_on": s.signed_on,
            }
            for s in p.signatures.select_related("unit")  # type: ignore[attr-defined]
        ],
    }


@router.get("/{movement_id}/pledges", response=list[PledgeOut])
def list_pledges(request: HttpRequest, movement_id: int):
    movement = queries.get_movement(request.user, movement_id)
    return [_pledge_out(p) for p in queries.visible_pledges(request.user, movement)]


@router.post("/pledges/{pledge_id}/signatures", response={201: PledgeOut})
def sign_pledge(request: HttpRequest, pledge_id: int, payload: SignatureIn):
    pledge = queries.get_pledge(request.user, pledge_id)
    unit = get_unit_for_user(request.user, payload.unit_id)
    services.sign_pledge(
        request.user,
        pledge,
        unit,
        signer_name=payload.signer_name,
        signer_title=payload.signer_title,
        signed_on=payload.signed_on,
    )
    return Status(201, _pledge_out(pledge))
