"""The council over HTTP: sessions (tallies only once closed), a member's own ballots, closing.

Write operations carry the session in the body, so every id is checked by the same scoped
query. No endpoint returns who voted how: before the close only the number of members who
have voted is given, and only to those who manage the council.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from thidua.accounts.permissions import Permission
from thidua.council import queries, services
from thidua.council.choices import SessionStatus
from thidua.council.models import Session
from thidua.org.access import has_permission

router = Router(tags=["council"])

Id = Field(ge=1, le=2**31 - 1)


class SessionOut(Schema):
    id: int
    council_id: int
    council: str
    title: str
    held_on: date
    place: str
    status: str
    ballot_opens_at: datetime
    ballot_closes_at: datetime
    version: int


class ItemOut(Schema):
    id: int
    position: int
    nominee_id: int
    nominee: str
    award: str
    voted: int | None = None  # managers only, while open
    result: str | None = None  # the tally, once closed
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    base: int | None = None
    percent: Decimal | None = None
    threshold: str | None = None


class SessionDetail(SessionOut):
    electorate: int
    present: int
    items: list[ItemOut]


class BallotIn(Schema):
    item_id: int = Id
    choice: str = Field(max_length=10)


class CastIn(Schema):
    session_id: int = Id
    ballots: list[BallotIn] = Field(max_length=200)


class CastOut(Schema):
    cast: int


class CloseIn(Schema):
    session_id: int = Id
    version: int = Field(ge=0, le=2**31 - 1)


def _out(session: Session) -> dict[str, object]:
    return {
        "id": session.pk,
        "council_id": session.council_id,
        "council": session.council.name,
        "title": session.title,
        "held_on": session.held_on,
        "place": session.place,
        "status": session.status,
        "ballot_opens_at": session.ballot_opens_at,
        "ballot_closes_at": session.ballot_closes_at,
        "version": session.version,
    }


def _detail(request: HttpRequest, session: Session) -> dict[str, object]:
    closed = session.status == SessionStatus.CLOSED
    manage = has_permission(request.user, Permission.MANAGE_COUNCIL, session.council.body)
    voted = queries.voted_counts(session) if manage and not closed else {}
    items = []
    for item in session.items.select_related(
        "nominee__person", "nominee__unit", "nominee__household", "nominee__award_type"
    ):
        row: dict[str, object] = {
            "id": item.pk,
            "position": item.position,
            "nominee_id": item.nominee_id,
            "nominee": str(item.nominee.subject),
            "award": item.nominee.award_type.code,
        }
        if manage and not closed:
            row["voted"] = voted.get(item.pk, 0)
        if closed:
            row.update(
                result=item.result,
                yes=item.yes,
                no=item.no,
                abstain=item.abstain,
                base=item.base,
                percent=item.percent,
                threshold=str(item.rule.get("text", "")),
            )
        items.append(row)
    return {
        **_out(session),
        "electorate": session.electors.count(),
        "present": session.electors.filter(present=True).count(),
        "items": items,
    }


@router.get("/sessions", response=list[SessionOut])
def list_sessions(request: HttpRequest):
    return [_out(s) for s in queries.sessions_for(request.user).order_by("-held_on", "-id")[:200]]


@router.get("/sessions/{session_id}", response=SessionDetail)
def get_session(request: HttpRequest, session_id: int):
    return _detail(request, queries.get_session(request.user, session_id))


@router.post("/ballots", response=CastOut)
def cast_ballots(request: HttpRequest, payload: CastIn):
    session = queries.get_session(request.user, payload.session_id)
    choices: dict[int, str] = {}
    for ballot in payload.ballots:
        choices[ballot.item_id] = ballot.choice
    return {"cast": services.cast_ballots(request.user, session, choices)}


@router.post("/close", response=SessionDetail)
def close_session(request: HttpRequest, payload: CloseIn):
    session = queries.get_session(request.user, payload.session_id)
    services.close_session(request.user, session, payload.version)
    return _detail(request, Session.objects.get(pk=session.pk))
