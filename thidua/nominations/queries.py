"""Reads of nomination dossiers, scoped through `org.access`, and the public functions the
council and decisions apps rely on (`nominees_ready_for_council`, `is_blocked`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from thidua.accounts.permissions import Permission
from thidua.awards.domain.integrity import QuotaStatus, quota_status
from thidua.awards.models import AwardRecord, QuotaRule
from thidua.nominations.choices import DossierStatus, NomineeStatus
from thidua.nominations.domain import routing
from thidua.nominations.domain.parameters import AwardFacts, ChecklistItem
from thidua.nominations.models import Dossier, Nominee, PublicComment
from thidua.nominations.parameters import procedure_parameters
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Person, Unit

# Nominee statuses that still take a place in a quota (the decided ones are award records).
QUOTA_STATUSES = (
    NomineeStatus.DRAFT,
    NomineeStatus.SUBMITTED,
    NomineeStatus.RETURNED,
    NomineeStatus.BLOCKED,
    NomineeStatus.APPRAISED,
    NomineeStatus.COUNCIL_PASSED,
)


# ------------------------------------------------------------------------ for council/decisions


def is_blocked(nominee: Nominee) -> bool:
    """Whether an open complaint holds the nominee (it may not be voted on or decided)."""
    return nominee.status == NomineeStatus.BLOCKED or (
        nominee.comments.filter(
            kind=PublicComment.Kind.COMPLAINT, state=PublicComment.State.OPEN
        ).exists()
    )


def nominees_ready_for_council(receiving_unit: Unit, year: int) -> QuerySet[Nominee]:
    """Nominees that passed appraisal at `receiving_unit` for `year` and are not blocked by an
    open complaint: what the council of that level may put on its agenda."""
    open_complaint = Q(
        comments__kind=PublicComment.Kind.COMPLAINT, comments__state=PublicComment.State.OPEN
    )
    blocked_ids = Nominee.objects.filter(open_complaint).values("pk")
    return (
        Nominee.objects.filter(
            dossier__receiving_unit=receiving_unit,
            dossier__year=year,
            dossier__status__in=[DossierStatus.APPRAISED, DossierStatus.FORWARDED],
            status=NomineeStatus.APPRAISED,
        )
        .exclude(pk__in=blocked_ids)
        .select_related("dossier", "award_type", "person", "unit", "household")
        .order_by("dossier_id", "position", "id")
    )


# ----------------------------------------------------------------------------------- reading


def visible_dossiers(user: Any) -> QuerySet[Dossier]:
    """A unit sees its own dossiers (any status); the receiving level sees those addressed to
    it once they are sent."""
    scope = scope_for(user, Permission.VIEW)
    rows = Dossier.objects.select_related("proposing_unit", "receiving_unit")
    if scope.everything:
        return rows
    own = scope.q("proposing_unit__path")
    addressed = scope.q("receiving_unit__path") & ~Q(status=DossierStatus.DRAFT)
    return rows.filter(own | addressed)


def get_dossier(user: Any, pk: int) -> Dossier:
    from django.http import Http404

    dossier = visible_dossiers(user).filter(pk=pk).first()
    if dossier is None:
        raise Http404
    return dossier


def get_nominee(user: Any, pk: int) -> Nominee:
    from django.http import Http404

    nominee = (
        Nominee.objects.select_related("dossier", "award_type", "person", "unit", "household")
        .filter(pk=pk)
        .first()
    )
    if nominee is None:
        raise Http404
    get_dossier(user, nominee.dossier_id)
    return nominee


def dossier_page(
    user: Any, *, box: str = "", year: int | None = None, status: str = "", limit: int = 50
) -> list[Dossier]:
    rows = visible_dossiers(user).annotate(nominee_count=Count("nominees"))
    if box == "sent":
        rows = rows.filter(scope_for(user, Permission.VIEW).q("proposing_unit__path"))
    elif box == "received":
        rows = rows.filter(scope_for(user, Permission.VIEW).q("receiving_unit__path")).exclude(
            status=DossierStatus.DRAFT
        )
    if year is not None:
        rows = rows.filter(year=year)
    if status:
        rows = rows.filter(status=status)
    return list(rows.order_by("-year", "-id")[:limit])


def nominees_of(dossier: Dossier) -> list[Nominee]:
    return list(
        dossier.nominees.select_related("award_type", "person", "unit", "household")
        .annotate(
            open_complaints=Count(
                "comments",
                filter=Q(
                    comments__kind=PublicComment.Kind.COMPLAINT,
                    comments__state=PublicComment.State.OPEN,
                ),
            ),
            file_count=Count("files", distinct=True),
        )
        .order_by("position", "id")
    )


# The standing TĐKT body of a province appraises for it (Ban TĐKT within Sở Nội vụ since
# 2025, legal-rules §6.5): found among the province's agencies by this name.
STANDING_BODY_PREFIX = "Sở Nội vụ"


def appraising_bodies(units: list[Unit]) -> dict[int, str]:
    """For each receiving unit, who appraises there, as officers say it: the short name of
    the province's Sở Nội vụ for a province, else the unit's own short name (one query)."""
    names = {u.pk: u.short_name or u.name for u in units}
    provinces = [u.pk for u in units if u.level == "province"]
    if provinces:
        for agency in Unit.objects.filter(
            parent_id__in=provinces, name__startswith=STANDING_BODY_PREFIX, valid_to__isnull=True
        ):
            assert agency.parent_id is not None
            names[agency.parent_id] = agency.short_name or agency.name
    return names


def status_text(dossier: Dossier, today: date, bodies: dict[int, str] | None = None) -> str:
    """The status in one sentence ("Đang thẩm định tại Sở Nội vụ, hạn 15/12")."""
    unit = dossier.receiving_unit
    if bodies is None:
        bodies = appraising_bodies([unit])
    return routing.status_line(
        dossier.status,
        unit.short_name or unit.name,
        dossier.due_on,
        today,
        appraising_body=bodies.get(unit.pk, ""),
    )


def status_texts(dossiers: list[Dossier], today: date) -> list[tuple[Dossier, str]]:
    units = list({d.receiving_unit_id: d.receiving_unit for d in dossiers}.values())
    bodies = appraising_bodies(units)
    return [(d, status_text(d, today, bodies)) for d in dossiers]


def award_facts(nominee: Nominee) -> AwardFacts:
    return AwardFacts(
        nominee.award_type.code, nominee.award_type.kind, nominee.award_type.level, nominee.category
    )


def checklist_items(nominees: list[Nominee]) -> tuple[ChecklistItem, ...]:
    active = [n for n in nominees if n.status != NomineeStatus.WITHDRAWN]
    return procedure_parameters().checklist_for(award_facts(n) for n in active)


def can_file(user: Any, dossier: Dossier) -> bool:
    return has_permission(user, Permission.FILE_NOMINATIONS, dossier.proposing_unit)


def can_appraise(user: Any, dossier: Dossier) -> bool:
    return has_permission(user, Permission.APPRAISE_NOMINATIONS, dossier.receiving_unit)


def overdue(user: Any, today: date) -> list[Dossier]:
    """Open dossiers past their step's deadline that the user files or appraises."""
    filing = scope_for(user, Permission.FILE_NOMINATIONS)
    appraising = scope_for(user, Permission.APPRAISE_NOMINATIONS)
    mine = Q(pk__in=[])
    if filing.everything or filing.paths:
        mine |= filing.q("proposing_unit__path") & Q(status=DossierStatus.RETURNED)
    if appraising.everything or appraising.paths:
        mine |= appraising.q("receiving_unit__path") & Q(
            status__in=[DossierStatus.SUBMITTED, DossierStatus.RECEIVED, DossierStatus.APPRAISING]
        )
    return list(
        Dossier.objects.filter(mine, due_on__lt=today)
        .select_related("proposing_unit", "receiving_unit")
        .order_by("due_on", "id")[:200]
    )


# ------------------------------------------------------------------------------------ quotas


@dataclass(frozen=True)
class QuotaCounter:
    rule: QuotaRule
    status: QuotaStatus
    awarded: int
    proposed: int

    @property
    def over(self) -> bool:
        return self.status.used > self.status.limit


def quota_counters(dossier: Dossier) -> list[QuotaCounter]:
    """For each quota rule of the year set by the proposing unit or a unit above it, on an
    award proposed in this dossier: holders already awarded plus people proposed in every
    open dossier of the unit, against the cap."""
    unit = dossier.proposing_unit
    award_ids = set(dossier.nominees.values_list("award_type_id", flat=True))
    if not award_ids:
        return []
    prefixes = [unit.path[: i + 9] for i in range(0, len(unit.path), 9)]
    rules = QuotaRule.objects.filter(
        year=dossier.year, award_type_id__in=award_ids, issuer__path__in=prefixes
    ).select_related("award_type", "base_award_type", "issuer")
    counters = []
    in_unit = Q(person__unit__path__startswith=unit.path)
    for rule in rules:
        awarded = AwardRecord.objects.filter(
            in_unit, year=dossier.year, revoked=False, award_type=rule.award_type
        ).count()
        proposed = (
            Nominee.objects.filter(
                in_unit,
                year=dossier.year,
                award_type=rule.award_type,
                status__in=QUOTA_STATUSES,
                source__isnull=True,
            )
            .exclude(dossier__status=DossierStatus.CLOSED)
            .count()
        )
        if rule.base_award_type is not None:
            base = AwardRecord.objects.filter(
                in_unit, year=dossier.year, revoked=False, award_type=rule.base_award_type
            ).count()
        else:
            base = Person.objects.filter(unit__path__startswith=unit.path).count()
        status = quota_status(
            rule.award_type.name, base, awarded + proposed, rule.max_percent, rule.legal_basis
        )
        counters.append(QuotaCounter(rule, status, awarded, proposed))
    return counters


# ------------------------------------------------------------------------------ public comment


def published_dossiers(today: date) -> QuerySet[Dossier]:
    """Dossiers whose public comment period includes today."""
    return (
        Dossier.objects.filter(public_from__lte=today, public_until__gte=today)
        .select_related("proposing_unit", "receiving_unit")
        .order_by("public_until", "id")
    )


def published_nominees(dossier: Dossier) -> list[Nominee]:
    return list(
        dossier.nominees.exclude(status=NomineeStatus.WITHDRAWN)
        .select_related("award_type", "person__unit", "unit", "household__unit")
        .order_by("position", "id")
    )


def comments_of(dossier: Dossier) -> QuerySet[PublicComment]:
    return PublicComment.objects.filter(nominee__dossier=dossier).select_related(
        "nominee__person", "nominee__unit", "nominee__household", "handled_by"
    )
