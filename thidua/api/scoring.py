"""Scoring over HTTP: progress figures pushed by other systems, sheets, rankings, proposals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from thidua.movements.models import Target
from thidua.org.access import get_unit_for_user
from thidua.scoring import queries, services
from thidua.scoring.models import ReportingPeriod

router = Router(tags=["scoring"])

Value = Annotated[Decimal, Field(max_digits=16, decimal_places=4)]


class ProgressIn(Schema):
    target_id: int
    unit_id: int
    period_id: int
    value: Value
    comment: str = Field("", max_length=2000)


class ProgressOut(Schema):
    id: int
    target_id: int
    unit_id: int
    period_id: int
    value: Decimal
    comment: str
    submitted_on: date
    version: int


class EntryOut(Schema):
    criterion: str
    title: str
    self_value: Decimal | None
    self_points: Decimal
    reviewed_points: Decimal | None
    final_points: Decimal | None


class SheetOut(Schema):
    id: int
    unit_id: int
    cluster_id: int
    table_id: int
    state: str
    self_total: Decimal
    reviewed_total: Decimal | None
    final_total: Decimal | None
    version: int
    entries: list[EntryOut]


class SelfScoreIn(Schema):
    sheet_id: int
    version: int
    values: dict[str, Value]  # by criterion code
    notes: dict[str, Annotated[str, Field(max_length=1000)]] = {}


class RankingRowOut(Schema):
    unit_id: int
    unit: str
    total: Decimal
    rank: int
    leading: bool
    award: str


class RankingOut(Schema):
    id: int
    cluster_id: int
    table_id: int
    state: str
    rows: list[RankingRowOut]


class ProposalOut(Schema):
    unit_id: int | None
    unit_name: str
    person_id: int | None
    person_name: str
    award: str
    reason: str


def _sheet_out(sheet: services.ScoreSheet) -> SheetOut:
    entries = [
        EntryOut(
            criterion=e.criterion.code,
            title=e.criterion.title,
            self_value=e.self_value,
            self_points=e.self_points,
            reviewed_points=e.reviewed_points,
            final_points=e.final_points,
        )
        for e in sheet.entries.select_related("criterion")
    ]
    return SheetOut(
        id=sheet.pk,
        unit_id=sheet.unit_id,
        cluster_id=sheet.cluster_id,
        table_id=sheet.table_id,
        state=sheet.state,
        self_total=sheet.self_total,
        reviewed_total=sheet.reviewed_total,
        final_total=sheet.final_total,
        version=sheet.version,
        entries=entries,
    )


@router.post("/progress", response={201: ProgressOut}, operation_id="report_progress")
def report_progress(request: HttpRequest, payload: ProgressIn) -> Status[ProgressOut]:
    """Push a unit's figure for a target and period (e.g. from a statistics system)."""
    unit = get_unit_for_user(request.user, payload.unit_id)
    target = (
        Target.objects.select_related("movement", "movement__organiser")
        .filter(pk=payload.target_id)
        .first()
    )
    period = ReportingPeriod.objects.filter(pk=payload.period_id).first()
    if target is None or period is None:
        raise Http404
    queries.get_movement(request.user, target.movement_id)
    report = services.report_progress(
        request.user,
        target,
        unit=unit,
        period=period,
        value=payload.value,
        comment=payload.comment,
        source="api",
    )
    return Status(201, ProgressOut.from_orm(report))


@router.get("/sheets/{sheet_id}", response=SheetOut, operation_id="get_score_sheet")
def get_score_sheet(request: HttpRequest, sheet_id: int) -> SheetOut:
    return _sheet_out(queries.get_sheet(request.user, sheet_id))


@router.post("/self-scores", response=SheetOut, operation_id="save_self_scores")
def save_self_scores(request: HttpRequest, payload: SelfScoreIn) -> SheetOut:
    """Save a unit's self-scores (raw values by criterion code) on its sheet."""
    sheet = queries.get_sheet(request.user, payload.sheet_id)
    by_code = {e.criterion.code: e.criterion_id for e in sheet.entries.select_related("criterion")}
    unknown = sorted(set(payload.values) - set(by_code))
    if unknown:
        raise services.DomainError(
            "INVALID_INPUT", "Không có tiêu chí: {c}.".format(c=", ".join(unknown))
        )
    values = {
        by_code[c]: services.EntryInput(v, payload.notes.get(c, ""))
        for c, v in payload.values.items()
    }
    services.save_self_scores(request.user, sheet, values, expected_version=payload.version)
    return _sheet_out(queries.get_sheet(request.user, payload.sheet_id))


@router.get("/rankings/{ranking_id}", response=RankingOut, operation_id="get_ranking")
def get_ranking(request: HttpRequest, ranking_id: int) -> RankingOut:
    board = queries.get_ranking(request.user, ranking_id)
    rows = [
        RankingRowOut(
            unit_id=r.unit_id,
            unit=r.unit.name,
            total=r.total,
            rank=r.rank,
            leading=r.leading,
            award=r.award,
        )
        for r in queries.rows_with_units(board)
    ]
    return RankingOut(
        id=board.pk,
        cluster_id=board.cluster_id,
        table_id=board.table_id,
        state=board.state,
        rows=rows,
    )


@router.get(
    "/reviews/{review_id}/proposals", response=list[ProposalOut], operation_id="review_proposals"
)
def review_proposals(request: HttpRequest, review_id: int) -> list[ProposalOut]:
    review = queries.get_review(request.user, review_id)
    return [
        ProposalOut(**{k: getattr(p, k) for k in ProposalOut.model_fields})
        for p in queries.review_proposals(review)
    ]
