"""Unit scoping: the one helper every query goes through.

A user sees the subtrees of the units in which they hold a role, plus the predecessors of
those units (a merged commune's history belongs to its successor). Administrators see all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.choices import Role
from thidua.accounts.permissions import ROLE_PERMISSIONS, Permission
from thidua.org.models import LineageEvent, Unit

_CACHE_ATTR = "_thidua_scopes"


@dataclass(frozen=True)
class Scope:
    """The subtrees a user may act in for one permission."""

    everything: bool
    paths: tuple[str, ...]

    def q(self, lookup: str = "path") -> Q:
        """A filter for rows whose unit path (reached by `lookup`) lies in the scope."""
        if self.everything:
            return Q()
        if not self.paths:
            return Q(pk__in=[])
        condition = Q()
        for path in self.paths:
            condition |= Q(**{f"{lookup}__startswith": path})
        return condition

    def contains(self, path: str) -> bool:
        return self.everything or any(path.startswith(p) for p in self.paths)

    def filter(self, queryset: QuerySet[Any], lookup: str = "path") -> QuerySet[Any]:
        if self.everything:
            return queryset
        return queryset.filter(self.q(lookup))


def _minimal(paths: set[str]) -> tuple[str, ...]:
    """Drop paths that lie inside another path of the set."""
    kept: list[str] = []
    for path in sorted(paths, key=len):
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return tuple(sorted(kept))


def predecessor_ids(unit_ids: set[int]) -> set[int]:
    """All units whose history flows into these units through lineage events (transitive)."""
    found: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        rows = LineageEvent.predecessors.through.objects.filter(
            lineageevent__successors__in=frontier
        ).values_list("unit_id", flat=True)
        new = set(rows) - found - unit_ids
        found |= new
        frontier = new
    return found


def scope_for(
    user: Any, permission: Permission = Permission.VIEW, *, on: date | None = None
) -> Scope:
    """The scope in which `user` holds `permission` (cached on the user for the request)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Scope(False, ())
    if user.is_superuser:
        return Scope(True, ())
    cache: dict[str, Scope] = getattr(user, _CACHE_ATTR, None) or {}
    if permission in cache:
        return cache[permission]
    roles = [r for r, perms in ROLE_PERMISSIONS.items() if permission in perms]
    assignments = user.role_assignments.filter(role__in=roles)
    if any(a.role == Role.ADMIN for a in assignments):
        scope = Scope(True, ())
    else:
        unit_ids = {a.unit_id for a in assignments}
        unit_ids |= predecessor_ids(unit_ids)
        paths = set(Unit.objects.filter(pk__in=unit_ids).values_list("path", flat=True))
        scope = Scope(False, _minimal(paths))
    cache[permission] = scope
    setattr(user, _CACHE_ATTR, cache)
    return scope


def clear_scope_cache(user: Any) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_permission(user: Any, permission: Permission, unit: Unit | None = None) -> bool:
    """Whether `user` holds `permission` over `unit` (or anywhere, when unit is None)."""
    scope = scope_for(user, permission)
    if unit is None:
        return scope.everything or bool(scope.paths)
    return scope.contains(unit.path)


def visible_units(user: Any) -> QuerySet[Unit]:
    return scope_for(user).filter(Unit.objects.all())


def get_unit_for_user(user: Any, pk: int) -> Unit:
    """The unit, or 404 when it does not exist or lies outside the user's scope."""
    unit = visible_units(user).filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit
