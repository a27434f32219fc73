"""Test personas: who they are and what each must (not) see.

Build them with `make_personas()`; the root conftest exposes each as a fixture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.org.models import Person, Unit


@dataclass
class World:
    province: Unit
    district: Unit  # a historical district of the province
    unit_a: Unit  # commune A
    unit_b: Unit  # commune B, a sibling that must see nothing of A
    village_a: Unit  # a village inside commune A
    person_a: Person  # someone who works in unit A
    person_b: Person  # someone who works in unit B
    users: dict[str, User]


def _unit(code: str, name: str, kind: str, level: str, parent: Unit | None) -> Unit:
    unit = Unit.objects.create(
        code=code,
        name=name,
        kind=kind,
        level=level,
        parent=parent,
        path="",
        valid_from=date(2008, 1, 1),
        search_key=name.lower(),
        sort_key=name.lower(),
    )
    unit.path = (parent.path if parent else "") + f"{unit.pk:08d}/"
    unit.depth = len(unit.path) // 9 - 1
    unit.save(update_fields=["path", "depth"])
    return unit


def _user(username: str, full_name: str, role: str | None, unit: Unit | None, **kw: Any) -> User:
    user = User.objects.create_user(
        username=username, password="matkhau-thu-nghiem", full_name=full_name, **kw
    )
    if role and unit:
        RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


def _person(name: str, gender: str, unit: Unit) -> Person:
    from thidua.core.text import fold, name_sort_key, split_person_name

    family, middle, given = split_person_name(name)
    return Person.objects.create(
        full_name=name,
        family_name=family,
        middle_name=middle,
        given_name=given,
        gender=gender,
        unit=unit,
        position="Chuyên viên",
        search_key=fold(name),
        sort_key=name_sort_key(name),
    )


@transaction.atomic
def make_personas() -> World:
    province = _unit("T", "Tỉnh Thử Nghiệm", "province", "province", None)
    district = _unit("T.H", "Huyện Thử Nghiệm", "district", "district", province)
    unit_a = _unit("T.H.A", "Xã An Phú", "commune", "commune", district)
    unit_b = _unit("T.H.B", "Xã Bình Minh", "commune", "commune", district)
    village_a = _unit("T.H.A.1", "Thôn Một", "village", "village", unit_a)
    users = {
        # An anonymous visitor has no user; "outsider" is logged in but holds no role at all.
        "outsider": _user("outsider", "Người ngoài", None, None),
        # The focal point of commune A: manages A's people, sees A's subtree only.
        "unit_a_clerk": _user("clerk_a", "Cán bộ xã An Phú", Role.UNIT_FOCAL, unit_a),
        # The focal point of commune B: must see nothing of commune A.
        "unit_b_clerk": _user("clerk_b", "Cán bộ xã Bình Minh", Role.UNIT_FOCAL, unit_b),
        # A viewer in commune A: reads A, changes nothing.
        "unit_a_viewer": _user("viewer_a", "Người xem xã An Phú", Role.VIEWER, unit_a),
        # The provincial emulation officer: manages units, people and clusters province-wide.
        "province_officer": _user(
            "officer", "Cán bộ Ban TĐKT tỉnh", Role.PROVINCE_OFFICER, province
        ),
        # A council member of the province: reads, votes later; needs two-factor.
        "council_member": _user("council", "Ủy viên Hội đồng", Role.COUNCIL_MEMBER, province),
        # The system administrator: sees and manages everything; needs two-factor.
        "admin": _user("admin", "Quản trị hệ thống", Role.ADMIN, province),
        # The commendation chain's people. Their cases are checked when a case names them
        # (see core.testing.matrix.CHAIN_PERSONAS).
        # Commune A leads a cluster: its leader reviews the members' self-scores.
        "cluster_leader": _user("leader_a", "Trưởng cụm (xã An Phú)", Role.CLUSTER_LEADER, unit_a),
        # The council's secretary prepares sessions and drafts decisions; needs two-factor.
        "council_secretary": _user(
            "secretary", "Thư ký Hội đồng", Role.COUNCIL_SECRETARY, province
        ),
        # The competent person who signs decisions; needs two-factor.
        "signer": _user("signer", "Chủ tịch UBND tỉnh", Role.SIGNER, province),
    }
    person_a = _person("Nguyễn Văn An", "male", unit_a)
    person_b = _person("Trần Thị Bình", "female", unit_b)
    return World(province, district, unit_a, unit_b, village_a, person_a, person_b, users)
