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
    # Scoring: criteria tables, final review, lock and publish (organising level) ...
    MANAGE_SCORING = "scoring.manage"
    # ... and the cluster leader's review of its members' self-scores.
    REVIEW_SCORES = "scoring.review"
    # Nominations: file dossiers for a unit's people and collectives ...
    FILE_NOMINATIONS = "nominations.file"
    # ... and receive, appraise and return them at the awarding level.
    APPRAISE_NOMINATIONS = "nominations.appraise"
    # Council: prepare sessions, record attendance and written votes, close ballots ...
    MANAGE_COUNCIL = "council.manage"
    # ... and cast one's own secret ballot as a member.
    VOTE = "council.vote"
    # Decisions: draft decisions and certificates ...
    PREPARE_DECISIONS = "decisions.prepare"
    # ... and sign and issue them (the competent person).
    SIGN_DECISIONS = "decisions.sign"
    # Bulk import and the lossless archive.
    IMPORT_DATA = "interchange.import"
    # Reports: dashboards, statistics and the statutory forms over one's units.
    VIEW_REPORTS = "reports.view"
    # Exemplary models: suggest, keep case files, track stages, replication and conferences.
    MANAGE_EXEMPLARS = "exemplars.manage"


# The system administrator manages everything except what the law gives to a person: casting a
# council member's ballot and signing a decision as the competent person.
_ALL = frozenset(Permission) - {Permission.VOTE, Permission.SIGN_DECISIONS}

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
            Permission.MANAGE_SCORING,
            Permission.REVIEW_SCORES,
            Permission.FILE_NOMINATIONS,
            Permission.APPRAISE_NOMINATIONS,
            Permission.MANAGE_COUNCIL,
            Permission.PREPARE_DECISIONS,
            Permission.IMPORT_DATA,
            Permission.VIEW_REPORTS,
            Permission.MANAGE_EXEMPLARS,
        }
    ),
    Role.UNIT_FOCAL: frozenset(
        {
            Permission.VIEW,
            Permission.MANAGE_PEOPLE,
            Permission.TAKE_PART,
            Permission.MANAGE_AWARD_RECORDS,
            Permission.FILE_NOMINATIONS,
            Permission.IMPORT_DATA,
            Permission.VIEW_REPORTS,
        }
    ),
    Role.CLUSTER_LEADER: frozenset(
        {Permission.VIEW, Permission.TAKE_PART, Permission.REVIEW_SCORES}
    ),
    Role.COUNCIL_MEMBER: frozenset({Permission.VIEW, Permission.VOTE}),
    Role.COUNCIL_SECRETARY: frozenset(
        {Permission.VIEW, Permission.MANAGE_COUNCIL, Permission.PREPARE_DECISIONS}
    ),
    Role.SIGNER: frozenset({Permission.VIEW, Permission.SIGN_DECISIONS, Permission.VIEW_REPORTS}),
    Role.VIEWER: frozenset({Permission.VIEW}),
}
