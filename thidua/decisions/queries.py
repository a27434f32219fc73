"""Reads of decisions, scoped through `org.access`.

Drafts and decisions awaiting signature are seen by those who prepare or sign decisions for
the issuing body's unit; once issued, a decision is also seen by everyone who sees the issuing
body's unit or one of its awardees.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.awards import queries as award_queries
from thidua.awards import services as award_services
from thidua.decisions.choices import DecisionStatus
from thidua.decisions.models import CertificateLayout, Decision, DecisionItem, IssuingBody
from thidua.nominations.models import Nominee
from thidua.org.access import has_permission, scope_for

PAGE_SIZE = 50
PUBLISHED = (DecisionStatus.ISSUED, DecisionStatus.REVOKED)


def visible_decisions(user: Any) -> QuerySet[Decision]:
    view = scope_for(user, Permission.VIEW)
    prepare = scope_for(user, Permission.PREPARE_DECISIONS)
    sign = scope_for(user, Permission.SIGN_DECISIONS)
    # An empty Q() (scope "everything") vanishes when OR-ed, so "everything" is spelled out.
    if prepare.everything or sign.everything:
        officials = Q(pk__isnull=False)
    elif prepare.paths or sign.paths:
        officials = prepare.q("body__unit__path") | sign.q("body__unit__path")
    else:
        officials = Q(pk__in=[])
    if view.everything:
        seen = Q(pk__isnull=False)
    elif view.paths:
        seen = (
            view.q("body__unit__path")
            | view.q("items__person__unit__path")
            | view.q("items__unit__path")
            | view.q("items__household__unit__path")
        )
    else:
        seen = Q(pk__in=[])
    ids = Decision.objects.filter(officials | (Q(status__in=PUBLISHED) & seen)).values("pk")
    return Decision.objects.filter(pk__in=ids)


def get_decision_for_user(user: Any, pk: int) -> Decision:
    decision = visible_decisions(user).select_related("body", "body__unit").filter(pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def can_prepare(user: Any, decision: Decision) -> bool:
    return has_permission(user, Permission.PREPARE_DECISIONS, decision.body.unit)


def can_sign(user: Any, decision: Decision) -> bool:
    return has_permission(user, Permission.SIGN_DECISIONS, decision.body.unit)


def bodies_for(
    user: Any, permission: Permission = Permission.PREPARE_DECISIONS
) -> QuerySet[IssuingBody]:
    return scope_for(user, permission).filter(
        IssuingBody.objects.select_related("unit"), "unit__path"
    )


@dataclass(frozen=True)
class Filters:
    status: str = ""
    year: int | None = None
    body: int | None = None
    text: str = ""


def filtered_decisions(user: Any, filters: Filters) -> QuerySet[Decision]:
    """The user's decisions matching the list filters, newest first, with their item count:
    the list page shows one page of them, the export all."""
    rows = visible_decisions(user).select_related("body")
    if filters.status in DecisionStatus.values:
        rows = rows.filter(status=filters.status)
    if filters.year:
        rows = rows.filter(
            Q(number_year=filters.year) | Q(number_year__isnull=True, created_at__year=filters.year)
        )
    if filters.body:
        rows = rows.filter(body_id=filters.body)
    if filters.text:
        rows = rows.filter(
            Q(summary__icontains=filters.text) | Q(number_text__icontains=filters.text)
        )
    return rows.annotate(item_count=Count("items")).order_by("-decided_on", "-id")


def decision_rows(user: Any, filters: Filters, page: int = 1) -> tuple[list[Any], bool]:
    """One bounded page of the user's decisions (newest first) and whether more follow."""
    rows = filtered_decisions(user, filters)
    start = (max(page, 1) - 1) * PAGE_SIZE
    chunk = list(rows[start : start + PAGE_SIZE + 1])
    return chunk[:PAGE_SIZE], len(chunk) > PAGE_SIZE


@dataclass(frozen=True)
class ItemRow:
    item: DecisionItem
    bonus: Decimal | None


def item_rows(decision: Decision) -> list[ItemRow]:
    """The awardees with their bonus: the amount fixed at issue, or for a draft the amount
    it would be on the decision date (today while undated)."""
    items = list(
        decision.items.select_related(
            "award_type", "person", "person__unit", "unit", "household", "award_record"
        ).order_by("position", "id")
    )
    day = decision.decided_on or timezone.localdate()
    table = award_queries.BonusTable({item.award_type_id for item in items})
    rows = []
    for item in items:
        amount = item.bonus
        if amount is None and decision.status in (DecisionStatus.DRAFT, DecisionStatus.SUBMITTED):
            kind = award_services.subject_kind(item.subject).value
            amount = table.amount(item.award_type_id, kind, day)
        rows.append(ItemRow(item, amount))
    return rows


def total_bonus(decision: Decision) -> Decimal:
    return decision.items.aggregate(total=Sum("bonus"))["total"] or Decimal(0)


def candidate_nominees(user: Any) -> QuerySet[Nominee]:
    """Nominees ready for a decision that the user may draft one for: passed by the council
    (or by appraisal), received by a unit in the user's scope, in no decision in force."""
    scope = scope_for(user, Permission.PREPARE_DECISIONS)
    busy = DecisionItem.objects.filter(nominee__isnull=False).exclude(
        decision__status=DecisionStatus.REVOKED
    )
    rows = (
        Nominee.objects.filter(status__in=["council_passed", "appraised"])
        .exclude(pk__in=busy.values("nominee_id"))
        .select_related(
            "award_type", "person", "unit", "household", "dossier", "dossier__proposing_unit"
        )
        .order_by("award_type__position", "dossier__proposing_unit__name", "position", "id")
    )
    return scope.filter(rows, "dossier__receiving_unit__path")


def item_by_token(token: str) -> DecisionItem | None:
    """The certificate a verification token names, issued or revoked; never a draft's."""
    if not token or len(token) > 64:
        return None
    return (
        DecisionItem.objects.select_related(
            "decision", "decision__body", "award_type", "person", "unit", "household"
        )
        .filter(token=token, decision__status__in=PUBLISHED)
        .first()
    )


def layout_for(kind: str) -> CertificateLayout | None:
    return CertificateLayout.objects.filter(kind=kind).first()
