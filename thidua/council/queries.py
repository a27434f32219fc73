"""Reads of the council app, scoped by unit (`thidua.org.access`).

`council_outcome(nominee)` is the seam the decisions app reads: keep its shape stable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Count, Q, QuerySet

from thidua.accounts.permissions import Permission
from thidua.awards.models import AwardType
from thidua.core.errors import NotFound
from thidua.council.choices import ItemResult, SessionStatus
from thidua.council.domain import conflicts as conflict_rules
from thidua.council.domain.tally import Reason, Rule
from thidua.council.models import (
    AgendaItem,
    Council,
    CouncilMember,
    Elector,
    Session,
    VoteReceipt,
    VotingRule,
)
from thidua.nominations.models import Nominee
from thidua.org.access import scope_for

DATA = Path(__file__).parent / "data" / "voting_rules.json"


@cache
def packaged_parameters() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def leadership_words() -> tuple[str, ...]:
    """The position words that make a member a leader (a parameter, see voting_rules.json)."""
    return tuple(packaged_parameters()["leadership_words"]["value"])


# ------------------------------------------------------------------------------ scoping


def councils_for(user: Any, permission: Permission = Permission.VIEW) -> QuerySet[Council]:
    return scope_for(user, permission).filter(Council.objects.select_related("body"), "body__path")


def get_council(user: Any, pk: int) -> Council:
    council = councils_for(user).filter(pk=pk).first()
    if council is None:
        raise NotFound()
    return council


def sessions_for(user: Any) -> QuerySet[Session]:
    return scope_for(user).filter(
        Session.objects.select_related("council", "council__body"), "council__body__path"
    )


def get_session(user: Any, pk: int) -> Session:
    session = sessions_for(user).filter(pk=pk).first()
    if session is None:
        raise NotFound()
    return session


def get_item(user: Any, pk: int) -> AgendaItem:
    item = (
        scope_for(user)
        .filter(
            AgendaItem.objects.select_related("session", "session__council__body"),
            "session__council__body__path",
        )
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise NotFound()
    return item


def get_elector(user: Any, pk: int) -> Elector:
    elector = (
        scope_for(user)
        .filter(
            Elector.objects.select_related("session", "session__council__body"),
            "session__council__body__path",
        )
        .filter(pk=pk)
        .first()
    )
    if elector is None:
        raise NotFound()
    return elector


def get_member(user: Any, pk: int) -> CouncilMember:
    member = (
        scope_for(user)
        .filter(CouncilMember.objects.select_related("council__body"), "council__body__path")
        .filter(pk=pk)
        .first()
    )
    if member is None:
        raise NotFound()
    return member


def members_on(council: Council, day: date) -> QuerySet[CouncilMember]:
    """The members whose seat covers `day`."""
    return council.members.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day
    ).select_related("user", "person")


# ------------------------------------------------------------------------------ nominees


def nominees_ready_for_council(council: Council, day: date) -> QuerySet[Nominee]:
    """Nominees the council may put on a session held on `day`: appraised at the council's
    body for the achievement year of `day` or the year before, not blocked by an open
    complaint (the nominations app decides both), and not already on a session that is not
    closed."""
    from thidua.nominations import queries as nominations

    ready_ids: set[int] = set()
    for year in (day.year, day.year - 1):
        ready = nominations.nominees_ready_for_council(council.body, year)
        ready_ids |= set(ready.values_list("pk", flat=True))
    return (
        Nominee.objects.filter(pk__in=ready_ids)
        .exclude(agenda_items__session__status__in=[SessionStatus.PLANNED, SessionStatus.OPEN])
        .select_related("person", "unit", "household", "award_type", "dossier")
        .order_by("award_type__position", "dossier__proposing_unit__path", "position", "id")
    )


def blocked_items(session: Session) -> list[AgendaItem]:
    """Agenda items whose nominee is blocked by an open complaint (may not be voted on)."""
    from thidua.nominations import queries as nominations

    return [
        item
        for item in session.items.select_related("nominee")
        if nominations.is_blocked(item.nominee)
    ]


def nominee_name(nominee: Nominee) -> str:
    return str(nominee.subject)


# ------------------------------------------------------------------------------ rules


def rule_row_for(award_type: AwardType, day: date) -> VotingRule | None:
    """The rule in force on `day`: the award's own, else its level's, else the default."""
    rows = VotingRule.objects.filter(effective_from__lte=day).order_by("-effective_from", "-id")
    for condition in (
        Q(award_code=award_type.code),
        Q(award_code="", level=award_type.level),
        Q(award_code="", level=""),
    ):
        row = rows.filter(condition).first()
        if row is not None:
            return row
    return None


def to_rule(row: VotingRule) -> Rule:
    return Rule(
        base=row.base,
        percent=Decimal(row.percent),
        comparison=row.comparison,
        quorum_numerator=row.quorum_numerator,
        quorum_denominator=row.quorum_denominator,
        basis=row.basis,
        confirmed=row.confirmed,
    )


# ------------------------------------------------------------------------------ sessions


@dataclass(frozen=True)
class Conflict:
    elector_id: int | None
    member_name: str
    reasons: tuple[Reason, ...]
    recused: bool


def _nominee_facts(nominee: Nominee) -> conflict_rules.NomineeFacts:
    if nominee.person_id is not None:
        person = nominee.person
        assert person is not None
        unit = person.unit
        return conflict_rules.NomineeFacts(
            person_id=person.pk,
            unit_id=unit.pk if unit else None,
            parent_unit_id=unit.parent_id if unit else None,
        )
    if nominee.unit_id is not None:
        assert nominee.unit is not None
        return conflict_rules.NomineeFacts(
            person_id=None,
            unit_id=nominee.unit_id,
            parent_unit_id=nominee.unit.parent_id,
            is_collective=True,
        )
    return conflict_rules.NomineeFacts(
        person_id=None, unit_id=None, parent_unit_id=None, household_id=nominee.household_id
    )


def conflicts_of(session: Session) -> dict[int, list[Conflict]]:
    """For each agenda item, the members with a conflict of interest (the frozen electorate
    once open, the current members while planned)."""
    words = leadership_words()
    items = list(
        session.items.select_related(
            "nominee__person__unit", "nominee__unit", "nominee__household"
        ).prefetch_related("recusals")
    )
    seats: list[tuple[int | None, str, Any]]
    if session.status == SessionStatus.PLANNED:
        seats = [
            (None, m.full_name, m.person) for m in members_on(session.council, session.held_on)
        ]
    else:
        seats = [(e.pk, e.full_name, e.person) for e in session.electors.select_related("person")]
    found: dict[int, list[Conflict]] = {}
    for item in items:
        facts = _nominee_facts(item.nominee)
        recused = {r.elector_id for r in item.recusals.all()}
        for elector_id, name, person in seats:
            if person is None:
                continue
            member = conflict_rules.MemberFacts(
                person_id=person.pk,
                unit_id=person.unit_id,
                position=person.position,
                household_id=person.household_id,
            )
            reasons = conflict_rules.conflicts(member, facts, words)
            if reasons:
                found.setdefault(item.pk, []).append(
                    Conflict(elector_id, name, tuple(reasons), elector_id in recused)
                )
    return found


def voted_counts(session: Session) -> dict[int, int]:
    """How many members have voted on each item (never how)."""
    rows = (
        VoteReceipt.objects.filter(item__session=session).values("item_id").annotate(n=Count("id"))
    )
    return {row["item_id"]: row["n"] for row in rows}


def elector_of(user: Any, session: Session) -> Elector | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return session.electors.filter(user=user).first()


def my_ballot_state(elector: Elector) -> dict[int, str]:
    """For the voter's own page: per item, "voted", "recused" or "" (may vote)."""
    state: dict[int, str] = {}
    for item_id in elector.receipts.values_list("item_id", flat=True):
        state[item_id] = "voted"
    for item_id in elector.recusals.values_list("item_id", flat=True):
        state[item_id] = "recused"
    return state


# ------------------------------------------------------------------------------ the seam


@dataclass(frozen=True)
class Outcome:
    """What the council decided about a nominee. `status` is "passed", "failed" or
    "not_voted"; the tally fields are None when not voted."""

    status: str
    session_id: int | None = None
    session_title: str = ""
    held_on: date | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    base: int | None = None
    percent: Decimal | None = None
    threshold: str = ""
    basis: str = ""


def council_outcome(nominee: Nominee) -> Outcome:
    """The latest closed council vote on this nominee (stable seam for the decisions app)."""
    item = (
        AgendaItem.objects.filter(nominee=nominee, session__status=SessionStatus.CLOSED)
        .exclude(result=ItemResult.PENDING)
        .select_related("session")
        .order_by("-session__held_on", "-session__closed_at", "-id")
        .first()
    )
    if item is None:
        return Outcome(status="not_voted")
    return Outcome(
        status=item.result,
        session_id=item.session_id,
        session_title=item.session.title,
        held_on=item.session.held_on,
        yes=item.yes,
        no=item.no,
        abstain=item.abstain,
        base=item.base,
        percent=item.percent,
        threshold=str(item.rule.get("text", "")),
        basis=str(item.rule.get("basis", "")),
    )
