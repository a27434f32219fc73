"""Reads of the organisation registry. Every read goes through unit scoping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from thidua.core.text import fold
from thidua.org.access import scope_for
from thidua.org.choices import LineageKind
from thidua.org.models import Cluster, ClusterMember, LineageEvent, Person, Unit

PAGE_SIZE = 50

# Active units first, then those that ended, most recent first (same on SQLite and PostgreSQL).
ACTIVE_FIRST = F("valid_to").desc(nulls_first=True)


def visible_people(user: Any) -> QuerySet[Person]:
    return scope_for(user).filter(Person.objects.all(), "unit__path")


def visible_clusters(user: Any) -> QuerySet[Cluster]:
    """Clusters organised inside the user's scope, or that a unit of theirs belongs to."""
    scope = scope_for(user)
    if scope.everything:
        return Cluster.objects.all()
    member_cluster_ids = ClusterMember.objects.filter(scope.q("unit__path")).values("cluster_id")
    return Cluster.objects.filter(scope.q("organiser__path") | Q(pk__in=member_cluster_ids))


def root_units(user: Any) -> list[Unit]:
    """The top of the tree as this user sees it: scope roots, or provinces for everyone."""
    scope = scope_for(user)
    qs = Unit.objects.annotate(child_count=Count("children"))
    if scope.everything:
        return list(qs.filter(parent__isnull=True).order_by(ACTIVE_FIRST, "sort_key"))
    return list(qs.filter(path__in=scope.paths).order_by(ACTIVE_FIRST, "sort_key"))


def children_of(user: Any, unit: Unit, *, include_ended: bool = True) -> list[Unit]:
    qs = (
        scope_for(user)
        .filter(Unit.objects.filter(parent=unit))
        .annotate(child_count=Count("children"))
    )
    if not include_ended:
        qs = qs.filter(valid_to__isnull=True)
    return list(qs.order_by(ACTIVE_FIRST, "sort_key"))


def ancestors_of(unit: Unit) -> list[Unit]:
    ids = [int(p) for p in unit.path.strip("/").split("/")[:-1]]
    by_id = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


def search_units(user: Any, text: str, limit: int = 30) -> list[Unit]:
    key = fold(text)
    qs = scope_for(user).filter(Unit.objects.all())
    for word in key.split():
        qs = qs.filter(search_key__contains=word)
    return list(qs.order_by(ACTIVE_FIRST, "sort_key")[:limit])


@dataclass(frozen=True)
class LineageRow:
    event: LineageEvent
    others: list[Unit]


def lineage_of(unit: Unit) -> tuple[list[LineageRow], list[LineageRow], list[LineageEvent]]:
    """(predecessor rows, successor rows, own rename/move events) of a unit."""
    as_successor = (
        LineageEvent.objects.filter(successors=unit)
        .exclude(kind__in=[LineageKind.RENAME, LineageKind.MOVE])
        .prefetch_related("predecessors")
    )
    as_predecessor = (
        LineageEvent.objects.filter(predecessors=unit)
        .exclude(kind__in=[LineageKind.RENAME, LineageKind.MOVE])
        .prefetch_related("successors")
    )
    own = LineageEvent.objects.filter(
        predecessors=unit, kind__in=[LineageKind.RENAME, LineageKind.MOVE]
    ).select_related("old_parent", "new_parent")
    preds = [
        LineageRow(e, [u for u in e.predecessors.all() if u.pk != unit.pk]) for e in as_successor
    ]
    succs = [
        LineageRow(e, [u for u in e.successors.all() if u.pk != unit.pk]) for e in as_predecessor
    ]
    return [r for r in preds if r.others], succs, list(own)


def lineage_closure(unit: Unit) -> list[Unit]:
    """The unit and every unit whose history flows into it (for 'the awards of X')."""
    from thidua.org.access import predecessor_ids

    ids = {unit.pk} | predecessor_ids({unit.pk})
    return list(Unit.objects.filter(pk__in=ids).order_by("path"))


def people_page(
    user: Any, *, text: str = "", unit: Unit | None = None, after: str = "", limit: int = PAGE_SIZE
) -> tuple[list[Person], str]:
    """A page of people sorted the Vietnamese way (given name first), keyset-paginated.

    `after` is the cursor "<sort_key>|<id>" of the last row of the previous page.
    """
    qs = visible_people(user).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    for word in fold(text).split():
        qs = qs.filter(search_key__contains=word)
    if after and "|" in after:
        key, _, last_id = after.rpartition("|")
        if last_id.isdigit():
            qs = qs.filter(Q(sort_key__gt=key) | Q(sort_key=key, pk__gt=int(last_id)))
    rows = list(qs.order_by("sort_key", "pk")[: limit + 1])
    next_cursor = ""
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = f"{rows[-1].sort_key}|{rows[-1].pk}"
    return rows, next_cursor


def cluster_members(cluster: Cluster) -> list[ClusterMember]:
    return list(cluster.members.select_related("unit").order_by("role", "unit__sort_key"))
