"""Read endpoints of the organisation registry (scoped like the pages)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from thidua.org import queries
from thidua.org.access import get_unit_for_user, visible_units

router = Router(tags=["org"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str
    level: str
    parent_id: int | None
    valid_from: date | None
    valid_to: date | None


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str
    date_of_birth: date | None
    ethnicity: str
    unit_id: int | None
    position: str
    is_direct_worker: bool


class PersonPage(Schema):
    items: list[PersonOut]
    next: str


class ClusterMemberOut(Schema):
    unit_id: int
    unit_name: str
    role: str


class ClusterOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    year: int
    organiser_id: int
    members: list[ClusterMemberOut]


@router.get("/units", response=list[UnitOut])
def list_units(request: HttpRequest, q: str = "", parent: int | None = None, limit: int = 100):
    limit = max(1, min(limit, 500))
    if q:
        return queries.search_units(request.user, q, limit=limit)
    qs = visible_units(request.user)
    if parent is not None:
        qs = qs.filter(parent_id=parent)
    return list(qs.order_by("path")[:limit])


@router.get("/units/{unit_id}", response=UnitOut)
def get_unit(request: HttpRequest, unit_id: int):
    return get_unit_for_user(request.user, unit_id)


@router.get("/people", response=PersonPage)
def list_people(
    request: HttpRequest, q: str = "", unit: int | None = None, after: str = "", limit: int = 50
):
    scope_unit = get_unit_for_user(request.user, unit) if unit is not None else None
    rows, cursor = queries.people_page(
        request.user, text=q, unit=scope_unit, after=after, limit=max(1, min(limit, 200))
    )
    return {"items": rows, "next": cursor}


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int):
    from django.shortcuts import get_object_or_404

    return get_object_or_404(queries.visible_people(request.user), pk=person_id)


@router.get("/clusters", response=list[ClusterOut])
def list_clusters(request: HttpRequest, year: int | None = None):
    qs = queries.visible_clusters(request.user).prefetch_related("members__unit")
    if year is not None:
        qs = qs.filter(year=year)
    return [
        {
            "id": c.pk,
            "code": c.code,
            "name": c.name,
            "kind": c.kind,
            "year": c.year,
            "organiser_id": c.organiser_id,
            "members": [
                {"unit_id": m.unit_id, "unit_name": m.unit.name, "role": m.role}
                for m in c.members.all()
            ],
        }
        for c in qs.order_by("-year", "name")[:500]
    ]
