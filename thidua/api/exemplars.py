"""API of the exemplars app (thin: calls queries and services).

Reads are scoped like the pages; recording a stage is the one write (with the model's version
for optimistic locking)."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from thidua.exemplars import queries, services
from thidua.exemplars.models import ExemplaryModel
from thidua.org.models import Unit

router = Router(tags=["exemplars"])

Id = Field(ge=1, le=2**31 - 1)
Version = Field(ge=0, le=2**31 - 1)
NoNul = r"^[^\x00]*$"


class ModelRow(Schema):
    id: int
    title: str
    subject: str
    subject_kind: str
    home_unit_id: int
    sector: str
    status: str
    stage: str
    is_direct_worker: bool
    published: bool


class StageOut(Schema):
    id: int
    stage: str
    date: date
    responsible_unit_id: int
    responsible_unit: str
    note: str


class ReplicationOut(Schema):
    unit_id: int
    unit: str
    adopted_on: date
    result: str
    measure: str
    measured_value: float | None


class ModelOut(ModelRow):
    version: int
    story: str
    achievements: str
    movement_id: int | None
    initiative_ids: list[int]
    published_at: datetime | None
    stages: list[StageOut]
    replications: list[ReplicationOut]


class StageIn(Schema):
    model_id: int = Id
    version: int = Version
    stage: str = Field(max_length=20, pattern=NoNul)
    date: date
    responsible_unit_id: int = Id
    note: str = Field("", max_length=5000, pattern=NoNul)


def _kind(model: ExemplaryModel) -> str:
    return "person" if model.person_id else ("unit" if model.unit_id else "household")


def _row(model: ExemplaryModel) -> dict[str, object]:
    return {
        "id": model.pk,
        "title": model.title,
        "subject": queries.subject_name(model),
        "subject_kind": _kind(model),
        "home_unit_id": model.home_unit_id,
        "sector": model.sector,
        "status": model.status,
        "stage": model.stage,
        "is_direct_worker": model.is_direct_worker,
        "published": model.published,
    }


def _stage(s: object) -> dict[str, object]:
    return {
        "id": s.pk,  # type: ignore[attr-defined]
        "stage": s.stage,  # type: ignore[attr-defined]
        "date": s.date,  # type: ignore[attr-defined]
        "responsible_unit_id": s.responsible_unit_id,  # type: ignore[attr-defined]
        "responsible_unit": s.responsible_unit.name,  # type: ignore[attr-defined]
        "note": s.note,  # type: ignore[attr-defined]
    }


def _out(model: ExemplaryModel) -> dict[str, object]:
    return {
        **_row(model),
        "version": model.version,
        "story": model.story,
        "achievements": model.achievements,
        "movement_id": model.movement_id,
        "initiative_ids": sorted(model.initiatives.values_list("pk", flat=True)),
        "published_at": model.published_at,
        "stages": [_stage(s) for s in queries.stage_rows(model)],
        "replications": [
            {
                "unit_id": r.unit_id,
                "unit": r.unit.name,
                "adopted_on": r.adopted_on,
                "result": r.result,
                "measure": r.measure,
                "measured_value": float(r.measured_value) if r.measured_value is not None else None,
            }
            for r in queries.replication_rows(model)
        ],
    }


@router.get("/", response=list[ModelRow])
def list_exemplars(
    request: HttpRequest, stage: str = "", status: str = "", published: str = "", page: int = 1
):
    """The user's exemplary models, newest first, 50 per page."""
    rows, _more = queries.model_rows(
        request.user,
        queries.Filters(stage=stage, status=status, published=published),
        max(1, min(page, 10_000)),
    )
    return [_row(m) for m in rows]


@router.get("/{int:model_id}", response=ModelOut)
def get_exemplar(request: HttpRequest, model_id: int):
    return _out(queries.get_model(request.user, model_id))


@router.get("/{int:model_id}/stages", response=list[StageOut])
def list_exemplar_stages(request: HttpRequest, model_id: int):
    return [_stage(s) for s in queries.stage_rows(queries.get_model(request.user, model_id))]


@router.post("/stages", response={201: StageOut})
def record_exemplar_stage(request: HttpRequest, payload: StageIn):
    """Record the next step of a model (discover → nurture → summarise → replicate)."""
    model = queries.get_model(request.user, payload.model_id)
    # A unit outside the user's scope is refused by the service (after the permission check).
    unit = Unit.objects.filter(pk=payload.responsible_unit_id).first()
    if unit is None:
        raise Http404
    row = services.record_stage(
        request.user,
        model,
        stage=payload.stage,
        day=payload.date,
        responsible_unit=unit,
        note=payload.note,
        expected_version=payload.version,
    )
    return Status(201, _stage(row))
