"""Permission codes and which roles grant them.

A user holds roles *in a unit*; a role grants its codes over that unit's subtree. Code never
spells a permission as a string literal: use `Permission.<NAME>`.
"""

from enum import StrEnum

from thidua.accounts.choices import Role


class Permission(StrEnum):
    VIEW = "core.view"
    MANAGE_UNITS = "org.manage_unit"
    MANAGE_PEOPLE = "org.manage_person"
    MANAGE_CLUSTERS = "org.manage_cluster"
    VIEW_AUDIT = "core.view_audit"
    MANAGE_USERS = "accounts.manage_user"
    # Movements: launch and run them (province/organising level) ...
    MANAGE_MOVEMENTS = "movements.manage_movement"
    # ... and take part in them (register, report works, sign pledges) as a unit.
    TAKE_PART = "movements.take_part"
    # Award history: record awards, ratings, initiatives and discipline.
    MANAGE_AWARD_RECORDS = "awards.manage_record"
    # The catalogue and the legal parameters the rules read.
    MANAGE_CATALOGUE = "awards.manage_catalogue"


_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _ALL,
    Role.PROVINCE_OFFICER: frozenset(
        {
            Permission.VIEW,
            Permission.MANAGE_UNITS,
            Permission.MANAGE_PEOPLE,
            Permission.MANAGE_CLUSTERS,
            Permission.VIEW_AUDIT,
            Permission.MANAGE_MOVEMENTS,
            Permission.TAKE_PART,
            Permission.MANAGE_AWARD_RECORDS,
        }
    ),
    Role.UNIT_FOCAL: frozenset(
        {
            Permission.VIEW,
            Permission.MANAGE_PEOPLE,
            Permission.TAKE_PART,
            Permission.MANAGE_AWARD_RECORDS,
        }
    ),
    Role.CLUSTER_LEADER: frozenset({Permission.VIEW, Permission.TAKE_PART}),
    Role.COUNCIL_MEMBER: frozenset({Permission.VIEW}),
    Role.COUNCIL_SECRETARY: frozenset({Permission.VIEW}),
    Role.SIGNER: frozenset({Permission.VIEW}),
    Role.VIEWER: frozenset({Permission.VIEW}),
}
