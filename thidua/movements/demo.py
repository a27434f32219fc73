"""Loading the demo movements (`movements/demo_data.py`) on top of the demo organisation.

Idempotent: a second run changes nothing. The records are written directly (like the org
demo): they are history, most of them closed, so the commands' state rules do not apply.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q

from thidua.core.events import record_event
from thidua.core.text import clean_text, fold, vietnamese_sort_key
from thidua.movements import demo_data as data
from thidua.movements.models import (
    Milestone,
    Movement,
    MovementItem,
    Participant,
    PersonRegistration,
    PlannedAward,
    Pledge,
    PledgeSignature,
    QuotaRule,
    RegisteredIndicator,
    Registration,
    Target,
    TargetReport,
    Work,
)
from thidua.org.models import Cluster, Person, Unit

MARKER = ("HT", "42-CT/TU")


def _active_on(qs: Any, day: date) -> Any:
    return qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def _participants(row: data.MovementRow, organiser: Unit, units: dict[str, Unit]) -> dict[int, Any]:
    kind, spec = row.scope
    found: dict[int, Any] = {}
    if kind == "subtree":
        qs = _active_on(
            Unit.objects.filter(path__startswith=organiser.path).exclude(pk=organiser.pk),
            row.start_date,
        ).filter(level__in=list(spec))
        found = dict.fromkeys(qs.values_list("pk", flat=True))
    elif kind == "units":
        for code in spec:
            if code.startswith("commune-level-of:"):
                parent = units[code.split(":", 1)[1]]
                qs = _active_on(
                    Unit.objects.filter(path__startswith=parent.path, level="commune"),
                    row.start_date,
                )
                found.update(dict.fromkeys(qs.values_list("pk", flat=True)))
            else:
                found[units[code].pk] = None
    else:
        for ref in spec:
            code, year = ref.split("@")
            cluster = Cluster.objects.get(code=code, year=int(year))
            for unit_id in cluster.members.values_list("unit_id", flat=True):
                found.setdefault(unit_id, cluster)
    return found


def _load_movement(row: data.MovementRow, units: dict[str, Unit]) -> Movement:
    organiser = units[row.organiser_code]
    movement = Movement.objects.create(
        name=clean_text(row.name),
        theme=clean_text(row.theme),
        slogan=clean_text(row.slogan),
        kind=row.kind,
        launch_level=row.launch_level,
        organiser=organiser,
        launched_by=clean_text(row.launched_by),
        launcher_name=clean_text(row.launcher_name),
        launcher_title=clean_text(row.launcher_title),
        document_type=row.document_type,
        document_number=row.document_number,
        document_date=row.document_date,
        document_issuer=clean_text(row.document_issuer),
        objectives=clean_text(row.objectives, multiline=True),
        start_date=row.start_date,
        end_date=row.end_date,
        registration_deadline=row.registration_deadline,
        results_due=row.results_due,
        budget_note=clean_text(row.budget_note),
        scope_kind=row.scope[0],
        scope_levels=list(row.scope[1]) if row.scope[0] == "subtree" else [],
        state=row.state,
        note=clean_text(row.note, multiline=True),
        search_key=fold(f"{row.name} {row.theme} {row.slogan} {row.document_number}")[:255],
        sort_key=vietnamese_sort_key(row.name)[:255],
    )
    items = [
        MovementItem(movement=movement, kind=kind, position=i, title=clean_text(title))
        for kind, titles in (
            ("key_programme", row.key_programmes),
            ("task_group", row.task_groups),
            ("content", row.content_items),
        )
        for i, title in enumerate(titles, start=1)
    ]
    MovementItem.objects.bulk_create(items)
    Milestone.objects.bulk_create(
        [Milestone(movement=movement, kind=k, due_date=d, title=t) for k, d, t in row.milestones]
    )
    PlannedAward.objects.bulk_create(
        [
            PlannedAward(movement=movement, award=a, subject=s, quota=q, note=n)
            for a, s, q, n in row.planned_awards
        ]
    )
    participants = _participants(row, organiser, units)
    Participant.objects.bulk_create(
        [Participant(movement=movement, unit_id=pk, cluster=c) for pk, c in participants.items()]
    )
    if row.scope[0] == "clusters":
        movement.scope_clusters.set({c.pk for c in participants.values() if c is not None})
    for position, t in enumerate(row.targets, start=1):
        target = Target.objects.create(
            movement=movement,
            position=position,
            indicator=clean_text(t.indicator),
            unit_of_measure=t.unit_of_measure,
            direction=t.direction,
            aggregation=t.aggregation,
            low=Decimal(t.low) if t.low is not None else None,
            high=Decimal(t.high) if t.high is not None else None,
            unit_goal=Decimal(t.unit_goal) if t.unit_goal is not None else None,
            applies_level=t.applies_level,
            label=t.label,
            note=clean_text(t.note),
        )
        TargetReport.objects.bulk_create(
            [
                TargetReport(target=target, unit=units[code], value=Decimal(value), reported_on=day)
                for code, value, day in t.reports
            ]
        )
    QuotaRule.objects.bulk_create(
        [
            QuotaRule(
                movement=movement,
                unit_level=q.unit_level,
                unit_kind=q.unit_kind,
                work_kinds=list(q.work_kinds),
                min_count=q.min_count,
                max_count=q.max_count,
                note=q.note,
            )
            for q in row.quotas
        ]
    )
    Work.objects.bulk_create(
        [
            Work(
                movement=movement,
                unit=units[w.unit_code],
                name=clean_text(w.name),
                kind=w.kind,
                status=w.status,
                quantity=w.quantity,
                budget=w.budget,
                funding_sources=clean_text(w.funding_sources),
                start_date=w.start_date,
                end_date=w.end_date,
                description=clean_text(w.description, multiline=True),
            )
            for w in row.works
        ]
    )
    for r in row.registrations:
        unit = units[r.unit_code]
        reg = Registration.objects.create(
            movement=movement,
            unit=unit,
            collective_title=r.collective_title,
            commitments=clean_text(r.commitments, multiline=True),
            submitted_on=r.submitted_on,
        )
        RegisteredIndicator.objects.bulk_create(
            [
                RegisteredIndicator(
                    registration=reg, indicator=i, value=Decimal(v), unit_of_measure=u
                )
                for i, v, u in r.indicators
            ]
        )
        if r.people:
            people = Person.objects.filter(memberships__unit=unit).distinct().order_by("sort_key")
            PersonRegistration.objects.bulk_create(
                [
                    PersonRegistration(registration=reg, person=p, title="LDTT")
                    for p in people[: r.people]
                ]
            )
    for p in row.pledges:
        cluster = Cluster.objects.get(code=p.cluster_code, year=p.cluster_year)
        pledge = Pledge.objects.create(
            movement=movement,
            cluster=cluster,
            title=clean_text(p.title),
            criteria="\n".join(clean_text(c) for c in p.criteria),
            ceremony_date=p.ceremony_date,
            ceremony_place=clean_text(p.ceremony_place),
            witnesses=clean_text(p.witnesses),
        )
        if p.signed_on is None:
            continue
        members = cluster.members.select_related("unit")
        signatures = []
        for m in members:
            if p.signers and m.unit.code not in p.signers:
                continue
            leader = Person.objects.filter(memberships__unit=m.unit).order_by("sort_key").first()
            signatures.append(
                PledgeSignature(
                    pledge=pledge,
                    unit=m.unit,
                    signer_name=leader.full_name if leader else "Thủ trưởng đơn vị",
                    signer_title="Thủ trưởng đơn vị",
                    signed_on=p.signed_on,
                )
            )
        PledgeSignature.objects.bulk_create(signatures)
    return movement


def load_demo() -> dict[str, Any]:
    """Load the seed movements once (needs the demo organisation)."""
    summary: dict[str, Any] = {"created": False, "movements": 0}
    with transaction.atomic():
        if not Unit.objects.filter(code=MARKER[0]).exists():
            return summary
        if Movement.objects.filter(organiser__code=MARKER[0], document_number=MARKER[1]).exists():
            return summary
        units = {u.code: u for u in Unit.objects.all()}
        loaded = [_load_movement(row, units) for row in data.MOVEMENTS]
        summary.update(
            created=True,
            movements=len(loaded),
            works=Work.objects.filter(movement__in=loaded).count(),
            pledges=Pledge.objects.filter(movement__in=loaded).count(),
        )
        summary["message"] = (
            "đã nạp {movements} phong trào mẫu, {works} công trình, {pledges} giao ước.".format(
                **summary
            )
        )
        record_event(
            actor=None,
            action="demo.load",
            object_type="demo",
            object_id="movements",
            object_repr="Dữ liệu mẫu: phong trào thi đua",
            after={k: v for k, v in summary.items() if k != "message"},
        )
    return summary
