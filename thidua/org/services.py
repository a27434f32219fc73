"""Commands on the organisation registry: one function per command.

Each command checks permission in the unit's scope, validates with the pure rules in
`org/domain/`, saves in one transaction and writes an event. A refused command raises
`DomainError` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from thidua.accounts.permissions import Permission
from thidua.core.concurrency import save_versioned
from thidua.core.errors import DomainError, PermissionDenied, refusal
from thidua.core.events import record_event, record_events, snapshot
from thidua.core.text import clean_text, fold, name_sort_key, split_person_name, vietnamese_sort_key
from thidua.org.access import has_permission, scope_for
from thidua.org.choices import DEFAULT_LEVEL, ClusterRole, Gender, LineageKind, UnitKind
from thidua.org.domain import identity, tree
from thidua.org.domain.reasons import Reason
from thidua.org.models import (
    PATH_STEP,
    Cluster,
    ClusterMember,
    Household,
    LineageEvent,
    Membership,
    Person,
    Unit,
)


def _require(actor: Any, permission: Permission, unit: Unit | None) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _require_for_person(actor: Any, person: Person) -> None:
    """People are managed in their current unit; someone with no current unit belongs to no
    one's subtree, so only those who reach every unit may manage them."""
    if person.unit is None:
        if not scope_for(actor, Permission.MANAGE_PEOPLE).everything:
            raise PermissionDenied()
        return
    _require(actor, Permission.MANAGE_PEOPLE, person.unit)


def facts(unit: Unit) -> tree.UnitFacts:
    return tree.UnitFacts(unit.pk, unit.name, unit.path, unit.valid_from, unit.valid_to)


def _set_keys(unit: Unit) -> None:
    unit.name = clean_text(unit.name)
    unit.short_name = clean_text(unit.short_name)
    unit.search_key = fold(f"{unit.name} {unit.short_name} {unit.code}")[:255]
    unit.sort_key = vietnamese_sort_key(unit.name)[:255]


def _assign_path(unit: Unit) -> None:
    prefix = unit.parent.path if unit.parent is not None else ""
    unit.path = f"{prefix}{unit.pk:08d}/"
    unit.depth = len(unit.path) // PATH_STEP - 1


def _unit_event(
    actor: Any, action: str, unit: Unit, before: dict[str, Any] | None, **kw: Any
) -> None:
    record_event(
        actor=actor,
        action=action,
        obj=unit,
        unit_path=unit.path,
        before=before,
        after=snapshot(unit),
        **kw,
    )


# ---------------------------------------------------------------------------------- units


def create_unit(
    actor: Any,
    *,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None,
    short_name: str = "",
    level: str = "",
    valid_from: date | None = None,
) -> Unit:
    """Add a unit under `parent` (only administrators may add a top-level unit)."""
    _require(actor, Permission.MANAGE_UNITS, parent)
    if parent is None and not getattr(actor, "is_superuser", False):
        if not has_permission(actor, Permission.MANAGE_USERS, None):
            raise PermissionDenied("Chỉ quản trị hệ thống được thêm đơn vị cấp cao nhất.")
    code = clean_text(code).upper()
    if not code or not clean_text(name):
        raise DomainError(
            "INVALID_INPUT",
            "Mã và tên đơn vị là bắt buộc.",
            fields={"code": "Bắt buộc.", "name": "Bắt buộc."},
        )
    if kind not in UnitKind.values:
        raise DomainError(
            "INVALID_INPUT", "Loại đơn vị không hợp lệ.", fields={"kind": "Không hợp lệ."}
        )
    reasons = tree.check_parent(None, facts(parent) if parent else None)
    if parent and parent.valid_from and valid_from and valid_from < parent.valid_from:
        reasons.append(
            Reason(
                "BEFORE_PARENT_EXISTED",
                "Ngày bắt đầu hoạt động trước ngày đơn vị cấp trên được thành lập ({day}).".format(
                    day=parent.valid_from.strftime("%d/%m/%Y")
                ),
                tree.BASIS_TREE,
                "valid_from",
            )
        )
    if reasons:
        raise refusal(reasons)
    if Unit.objects.filter(code=code).exists():
        raise _duplicate_code(code)
    with transaction.atomic():
        unit = Unit(
            code=code,
            name=name,
            short_name=short_name,
            kind=kind,
            level=level or DEFAULT_LEVEL[kind],
            parent=parent,
            valid_from=valid_from,
            path="",
        )
        _set_keys(unit)
        try:
            with transaction.atomic():
                unit.save()
        except IntegrityError as exc:  # the same code saved concurrently
            raise _duplicate_code(code) from exc
        _assign_path(unit)
        unit.save(update_fields=["path", "depth"])
        _unit_event(actor, "org.create_unit", unit, None)
    return unit


def _duplicate_code(code: str) -> DomainError:
    return DomainError(
        "DUPLICATE_CODE",
        "Mã đơn vị “{code}” đã được dùng.".format(code=code),
        fields={"code": "Mã đã được dùng."},
    )


def update_unit(
    actor: Any, unit: Unit, *, expected_version: int, short_name: str, code: str | None = None
) -> Unit:
    """Edit a unit's short name or code (name changes and moves are lineage events)."""
    _require(actor, Permission.MANAGE_UNITS, unit)
    before = snapshot(unit)
    unit.short_name = short_name
    if code is not None:
        new_code = clean_text(code).upper()
        if not new_code:
            raise DomainError(
                "INVALID_INPUT", "Mã đơn vị là bắt buộc.", fields={"code": "Bắt buộc."}
            )
        if new_code != unit.code and Unit.objects.filter(code=new_code).exists():
            raise _duplicate_code(new_code)
        unit.code = new_code
    _set_keys(unit)
    try:
        with transaction.atomic():
            save_versioned(unit, expected_version, ["short_name", "code", "search_key", "sort_key"])
            _unit_event(actor, "org.update_unit", unit, before)
    except IntegrityError as exc:  # the same code saved concurrently
        raise _duplicate_code(unit.code) from exc
    return unit


def rename_unit(
    actor: Any, unit: Unit, *, new_name: str, effective_date: date, legal_reference: str = ""
) -> LineageEvent:
    """Rename a unit from a date; the old name stays in its lineage."""
    _require(actor, Permission.MANAGE_UNITS, unit)
    new_name = clean_text(new_name)
    if not new_name:
        raise DomainError("INVALID_INPUT", "Tên mới là bắt buộc.", fields={"new_name": "Bắt buộc."})
    reasons = tree.check_change(facts(unit), effective_date)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(unit)
        event = LineageEvent.objects.create(
            kind=LineageKind.RENAME,
            effective_date=effective_date,
            old_name=unit.name,
            new_name=new_name,
            legal_reference=clean_text(legal_reference),
        )
        event.predecessors.add(unit)
        event.successors.add(unit)
        unit.name = new_name
        _set_keys(unit)
        save_versioned(unit, unit.version, ["name", "search_key", "sort_key"])
        _unit_event(actor, "org.rename_unit", unit, before)
    return event


def _rebase_subtree(unit: Unit, old_path: str) -> None:
    """Rewrite the materialised paths of a moved subtree."""
    for node in Unit.objects.filter(path__startswith=old_path).order_by("depth"):
        node.path = unit.path + node.path[len(old_path) :]
        node.depth = len(node.path) // PATH_STEP - 1
        Unit.objects.filter(pk=node.pk).update(path=node.path, depth=node.depth)


def move_unit(
    actor: Any, unit: Unit, *, new_parent: Unit, effective_date: date, legal_reference: str = ""
) -> LineageEvent:
    """Put a unit (and its subtree) under another parent from a date."""
    _require(actor, Permission.MANAGE_UNITS, unit)
    _require(actor, Permission.MANAGE_UNITS, new_parent)
    reasons = tree.check_move(facts(unit), facts(new_parent), effective_date)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(unit)
        event = LineageEvent.objects.create(
            kind=LineageKind.MOVE,
            effective_date=effective_date,
            old_parent=unit.parent,
            new_parent=new_parent,
            legal_reference=clean_text(legal_reference),
        )
        event.predecessors.add(unit)
        event.successors.add(unit)
        old_path = unit.path
        unit.parent = new_parent
        _assign_path(unit)
        _rebase_subtree(unit, old_path)
        save_versioned(unit, unit.version, ["parent", "path", "depth"])
        _unit_event(actor, "org.move_unit", unit, before)
    return event


@dataclass(frozen=True)
class NewUnit:
    code: str
    name: str
    kind: str = ""
    short_name: str = ""


def _end_unit(unit: Unit, effective_date: date) -> None:
    Unit.objects.filter(pk=unit.pk).update(
        valid_to=effective_date - timedelta(days=1), version=F("version") + 1
    )
    unit.valid_to = effective_date - timedelta(days=1)


def merge_units(
    actor: Any,
    predecessors: Sequence[Unit],
    *,
    effective_date: date,
    successor: Unit | None = None,
    new_unit: NewUnit | None = None,
    parent: Unit | None = None,
    legal_reference: str = "",
    note: str = "",
) -> LineageEvent:
    """Merge units from a date, into one of them, into another existing unit, or into a new
    unit. Predecessors end the day before; their history passes to the successor."""
    for unit in predecessors:
        _require(actor, Permission.MANAGE_UNITS, unit)
    if successor is None and new_unit is None:
        raise DomainError(
            "INVALID_INPUT",
            "Hãy chọn đơn vị kế thừa hoặc khai báo đơn vị mới.",
            fields={"successor": "Bắt buộc."},
        )
    if successor is not None:
        _require(actor, Permission.MANAGE_UNITS, successor)
    reasons = tree.check_merge(
        [facts(u) for u in predecessors], facts(successor) if successor else None, effective_date
    )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        if successor is None:
            assert new_unit is not None
            base = parent or predecessors[0].parent
            successor = create_unit(
                actor,
                code=new_unit.code,
                name=new_unit.name,
                kind=new_unit.kind or predecessors[0].kind,
                parent=base,
                short_name=new_unit.short_name,
                valid_from=effective_date,
            )
        event = LineageEvent.objects.create(
            kind=LineageKind.MERGE,
            effective_date=effective_date,
            legal_reference=clean_text(legal_reference),
            note=clean_text(note, multiline=True),
        )
        event.predecessors.add(*predecessors)
        event.successors.add(successor)
        for unit in predecessors:
            if unit.pk == successor.pk:
                continue
            before = snapshot(unit)
            _end_unit(unit, effective_date)
            _unit_event(actor, "org.merge_unit", unit, before, comment=str(successor))
    return event


def split_unit(
    actor: Any,
    unit: Unit,
    *,
    effective_date: date,
    new_units: Sequence[NewUnit],
    legal_reference: str = "",
    note: str = "",
) -> LineageEvent:
    """Split one unit into two or more new units from a date."""
    _require(actor, Permission.MANAGE_UNITS, unit)
    reasons = tree.check_split(facts(unit), [n.name for n in new_units], effective_date)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        created = [
            create_unit(
                actor,
                code=n.code,
                name=n.name,
                kind=n.kind or unit.kind,
                parent=unit.parent,
                short_name=n.short_name,
                valid_from=effective_date,
            )
            for n in new_units
        ]
        event = LineageEvent.objects.create(
            kind=LineageKind.SPLIT,
            effective_date=effective_date,
            legal_reference=clean_text(legal_reference),
            note=clean_text(note, multiline=True),
        )
        event.predecessors.add(unit)
        event.successors.add(*created)
        before = snapshot(unit)
        _end_unit(unit, effective_date)
        _unit_event(actor, "org.split_unit", unit, before)
    return event


def dissolve_unit(
    actor: Any,
    unit: Unit,
    *,
    effective_date: date,
    successor: Unit | None = None,
    legal_reference: str = "",
    note: str = "",
) -> LineageEvent:
    """End a unit. If a successor is named, it inherits the unit's history."""
    _require(actor, Permission.MANAGE_UNITS, unit)
    if successor is not None:
        if not has_permission(actor, Permission.VIEW, successor):
            raise PermissionDenied()
        if successor.valid_to is not None or successor.pk == unit.pk:
            raise DomainError(
                "SUCCESSOR_ENDED",
                "Đơn vị kế thừa phải là một đơn vị khác đang hoạt động.",
                fields={"successor": "Không hợp lệ."},
            )
    has_children = unit.children.filter(valid_to__isnull=True).exists()
    reasons = tree.check_dissolve(facts(unit), effective_date, has_children)
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        event = LineageEvent.objects.create(
            kind=LineageKind.DISSOLVE,
            effective_date=effective_date,
            legal_reference=clean_text(legal_reference),
            note=clean_text(note, multiline=True),
        )
        event.predecessors.add(unit)
        if successor is not None:
            event.successors.add(successor)
        before = snapshot(unit)
        _end_unit(unit, effective_date)
        _unit_event(actor, "org.dissolve_unit", unit, before)
    return event


# --------------------------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonData:
    full_name: str
    gender: str
    date_of_birth: date | None = None
    ethnicity: str = "Kinh"
    national_id: str = ""
    civil_servant_code: str = ""
    household: Household | None = None


def _validate_person(
    data: PersonData, exclude_pk: int | None = None, batch: PersonBatch | None = None
) -> list[Reason]:
    reasons: list[Reason] = []
    if not clean_text(data.full_name):
        reasons.append(Reason("INVALID_INPUT", "Họ và tên là bắt buộc.", field="full_name"))
    if data.gender not in Gender.values:
        reasons.append(Reason("INVALID_INPUT", "Giới tính không hợp lệ.", field="gender"))
    national_id = clean_text(data.national_id)
    if national_id:
        reasons += identity.check_national_id(
            national_id,
            date_of_birth=data.date_of_birth,
            is_female=(data.gender == Gender.FEMALE) if data.gender in Gender.values else None,
        )
        if batch is not None:
            taken = batch.national_id_taken(national_id)
        else:
            clash = Person.objects.filter(national_id=national_id)
            if exclude_pk:
                clash = clash.exclude(pk=exclude_pk)
            taken = clash.exists()
        if taken:
            reasons.append(
                Reason(
                    "DUPLICATE_NATIONAL_ID",
                    "Số CCCD {number} đã thuộc về một người khác trong hệ thống.".format(
                        number=national_id
                    ),
                    identity.BASIS,
                    "national_id",
                )
            )
    return reasons


class PersonBatch:
    """People checked by `create_person(..., batch=...)`, written together by `flush()`: one
    INSERT per table per flush and one lock of the event chain, instead of a dozen statements
    per person. Used by large imports, inside their one transaction."""

    def __init__(self, actor: Any) -> None:
        self.actor = actor
        self.pending: list[tuple[Person, date]] = []
        self.known_ids: dict[str, bool] = {}  # national ID -> already taken

    def prefetch(self, national_ids: Sequence[str]) -> None:
        """Learn in one query which of these national IDs are already taken."""
        wanted = [n for n in set(national_ids) if n and n not in self.known_ids]
        if not wanted:
            return
        taken = set(
            Person.objects.filter(national_id__in=wanted).values_list("national_id", flat=True)
        )
        for number in wanted:
            self.known_ids[number] = number in taken

    def national_id_taken(self, national_id: str) -> bool:
        if national_id not in self.known_ids:
            self.prefetch([national_id])
        return self.known_ids[national_id]

    def add(self, person: Person, since: date) -> None:
        if person.national_id:
            self.known_ids[person.national_id] = True  # a second row with it is a duplicate
        self.pending.append((person, since))

    def flush(self) -> list[Person | Membership]:
        """Write the pending people, their memberships and their events; return the rows."""
        if not self.pending:
            return []
        people = [person for person, _ in self.pending]
        try:
            with transaction.atomic():
                Person.objects.bulk_create(people, batch_size=1000)
        except IntegrityError as exc:
            raise _duplicate_national_id() from exc
        memberships = Membership.objects.bulk_create(
            [
                Membership(
                    person=person,
                    unit=person.unit,
                    position=person.position,
                    is_direct_worker=person.is_direct_worker,
                    valid_from=since,
                )
                for person, since in self.pending
            ],
            batch_size=1000,
        )
        record_events(
            actor=self.actor,
            action="org.create_person",
            items=[(p, p.unit.path if p.unit else "", snapshot(p)) for p in people],
        )
        self.pending = []
        return [*people, *memberships]


def _duplicate_national_id() -> DomainError:
    return DomainError(
        "DUPLICATE_NATIONAL_ID",
        "Số CCCD này đã thuộc về một người khác trong hệ thống.",
        fields={"national_id": "Đã được dùng."},
    )


def _apply_person(person: Person, data: PersonData) -> None:
    person.full_name = clean_text(data.full_name)
    family, middle, given = split_person_name(person.full_name)
    person.family_name, person.middle_name, person.given_name = family, middle, given
    person.gender = data.gender
    person.date_of_birth = data.date_of_birth
    person.ethnicity = clean_text(data.ethnicity) or "Kinh"
    person.national_id = clean_text(data.national_id) or None
    person.civil_servant_code = clean_text(data.civil_servant_code)
    person.household = data.household
    person.search_key = fold(person.full_name)[:255]
    person.sort_key = name_sort_key(person.full_name)[:255]


def create_person(
    actor: Any,
    data: PersonData,
    *,
    unit: Unit,
    position: str = "",
    is_direct_worker: bool = False,
    since: date,
    batch: PersonBatch | None = None,
) -> Person:
    """Register a person in a unit with their current position. With a `batch` (large
    imports) the person is checked now and written with the batch's next `flush()`."""
    _require(actor, Permission.MANAGE_PEOPLE, unit)
    reasons = _validate_person(data, batch=batch)
    if not unit.is_active:
        reasons.append(Reason("UNIT_ENDED", "Đơn vị đã chấm dứt hoạt động.", field="unit"))
    if reasons:
        raise refusal(reasons)
    if batch is not None:
        person = Person(unit=unit, position=clean_text(position), is_direct_worker=is_direct_worker)
        _apply_person(person, data)
        batch.add(person, since)
        return person
    with transaction.atomic():
        person = Person(unit=unit, position=clean_text(position), is_direct_worker=is_direct_worker)
        _apply_person(person, data)
        try:
            with transaction.atomic():
                person.save()
        except IntegrityError as exc:
            raise _duplicate_national_id() from exc
        Membership.objects.create(
            person=person,
            unit=unit,
            position=person.position,
            is_direct_worker=is_direct_worker,
            valid_from=since,
        )
        record_event(
            actor=actor,
            action="org.create_person",
            obj=person,
            unit_path=unit.path,
            after=snapshot(person),
        )
    return person


def update_person(actor: Any, person: Person, data: PersonData, *, expected_version: int) -> Person:
    """Correct a person's identity details (optimistic locking on `version`)."""
    _require_for_person(actor, person)
    reasons = _validate_person(data, exclude_pk=person.pk)
    if reasons:
        raise refusal(reasons)
    before = snapshot(person)
    _apply_person(person, data)
    fields = [
        "full_name",
        "family_name",
        "middle_name",
        "given_name",
        "gender",
        "date_of_birth",
        "ethnicity",
        "national_id",
        "civil_servant_code",
        "household",
        "search_key",
        "sort_key",
    ]
    try:
        with transaction.atomic():
            save_versioned(person, expected_version, fields)
            record_event(
                actor=actor,
                action="org.update_person",
                obj=person,
                unit_path=person.unit.path if person.unit else "",
                before=before,
                after=snapshot(person),
            )
    except IntegrityError as exc:  # the same CCCD saved concurrently for someone else
        person.version = expected_version
        raise _duplicate_national_id() from exc
    return person


def transfer_person(
    actor: Any, person: Person, *, unit: Unit, position: str, is_direct_worker: bool, since: date
) -> Membership:
    """Move a person to a new unit or position from a date; the old membership ends the day
    before, so their history follows them."""
    _require_for_person(actor, person)
    _require(actor, Permission.MANAGE_PEOPLE, unit)
    if unit.valid_to is not None:
        raise DomainError(
            "UNIT_ENDED",
            "“{unit}” đã chấm dứt hoạt động từ {day}; không thể chuyển người đến đó.".format(
                unit=unit.name, day=unit.valid_to.strftime("%d/%m/%Y")
            ),
            fields={"unit": "Đơn vị đã chấm dứt hoạt động."},
        )
    current = person.memberships.filter(valid_to__isnull=True).order_by("-valid_from").first()
    if current is not None and since <= current.valid_from:
        raise DomainError(
            "INVALID_INPUT",
            "Ngày chuyển công tác phải sau ngày bắt đầu vị trí hiện tại ({day}).".format(
                day=current.valid_from.strftime("%d/%m/%Y")
            ),
            fields={"since": "Không hợp lệ."},
        )
    with transaction.atomic():
        before = snapshot(person)
        if current is not None:
            current.valid_to = since - timedelta(days=1)
            current.save(update_fields=["valid_to", "updated_at"])
        membership = Membership.objects.create(
            person=person,
            unit=unit,
            position=clean_text(position),
            is_direct_worker=is_direct_worker,
            valid_from=since,
        )
        Person.objects.filter(pk=person.pk).update(
            unit=unit,
            position=membership.position,
            is_direct_worker=is_direct_worker,
            version=F("version") + 1,
        )
        person.refresh_from_db()
        record_event(
            actor=actor,
            action="org.transfer_person",
            obj=person,
            unit_path=unit.path,
            before=before,
            after=snapshot(person),
        )
    return membership


# ------------------------------------------------------------------------------- clusters


def create_cluster(
    actor: Any,
    *,
    code: str,
    name: str,
    kind: str,
    year: int,
    organiser: Unit,
    members: Sequence[Unit],
    leader: Unit | None = None,
    deputy: Unit | None = None,
    note: str = "",
) -> Cluster:
    """Form a cluster or block for a year, with its members and rotating leader/deputy."""
    _require(actor, Permission.MANAGE_CLUSTERS, organiser)
    reasons: list[Reason] = []
    member_ids = {m.pk for m in members}
    if len(member_ids) < 2:
        reasons.append(
            Reason("INVALID_INPUT", "Cụm, khối cần ít nhất hai đơn vị thành viên.", field="members")
        )
    for role_unit, field, label in (
        (leader, "leader", "Trưởng cụm"),
        (deputy, "deputy", "Phó cụm"),
    ):
        if role_unit is not None and role_unit.pk not in member_ids:
            reasons.append(
                Reason(
                    "INVALID_INPUT",
                    "{label} phải là thành viên của cụm.".format(label=label),
                    field=field,
                )
            )
    if leader is not None and deputy is not None and leader.pk == deputy.pk:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Trưởng cụm và phó cụm phải là hai đơn vị khác nhau.",
                field="deputy",
            )
        )
    for unit in members:
        if not has_permission(actor, Permission.VIEW, unit):
            raise PermissionDenied()
        if unit.valid_to is not None and unit.valid_to.year < year:
            reasons.append(
                Reason(
                    "UNIT_ENDED",
                    "“{unit}” đã chấm dứt hoạt động trước năm {year}.".format(
                        unit=unit.name, year=year
                    ),
                    field="members",
                )
            )
    if Cluster.objects.filter(code=clean_text(code).upper(), year=year).exists():
        reasons.append(
            Reason(
                "DUPLICATE_CODE",
                "Mã cụm đã được dùng trong năm {year}.".format(year=year),
                field="code",
            )
        )
    if reasons:
        raise refusal(reasons)
    try:
        with transaction.atomic():
            cluster = _save_cluster(
                actor, code, name, kind, year, organiser, members, leader, deputy, note
            )
    except IntegrityError as exc:  # the same code saved concurrently for this year
        raise DomainError(
            "DUPLICATE_CODE",
            "Mã cụm đã được dùng trong năm {year}.".format(year=year),
            fields={"code": "Mã đã được dùng."},
        ) from exc
    return cluster


def _save_cluster(
    actor: Any,
    code: str,
    name: str,
    kind: str,
    year: int,
    organiser: Unit,
    members: Sequence[Unit],
    leader: Unit | None,
    deputy: Unit | None,
    note: str,
) -> Cluster:
    member_ids = {m.pk for m in members}
    cluster = Cluster.objects.create(
        code=clean_text(code).upper(),
        name=clean_text(name),
        kind=kind,
        year=year,
        organiser=organiser,
        note=clean_text(note, multiline=True),
    )
    for unit in members:
        role = ClusterRole.MEMBER
        if leader is not None and unit.pk == leader.pk:
            role = ClusterRole.LEADER
        elif deputy is not None and unit.pk == deputy.pk:
            role = ClusterRole.DEPUTY
        ClusterMember.objects.create(cluster=cluster, unit=unit, role=role)
    record_event(
        actor=actor,
        action="org.create_cluster",
        obj=cluster,
        unit_path=organiser.path,
        after={
            **snapshot(cluster),
            "members": sorted(member_ids),
            "leader": leader.pk if leader else None,
            "deputy": deputy.pk if deputy else None,
        },
    )
    return cluster


def set_cluster_leadership(
    actor: Any, cluster: Cluster, *, leader: Unit, deputy: Unit | None, expected_version: int
) -> Cluster:
    """Rotate the cluster's leader and deputy (yearly rotation)."""
    _require(actor, Permission.MANAGE_CLUSTERS, cluster.organiser)
    member_ids = set(cluster.members.values_list("unit_id", flat=True))
    reasons: list[Reason] = []
    if leader.pk not in member_ids:
        reasons.append(
            Reason("INVALID_INPUT", "Trưởng cụm phải là thành viên của cụm.", field="leader")
        )
    if deputy is not None and deputy.pk not in member_ids:
        reasons.append(
            Reason("INVALID_INPUT", "Phó cụm phải là thành viên của cụm.", field="deputy")
        )
    if deputy is not None and deputy.pk == leader.pk:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Trưởng cụm và phó cụm phải là hai đơn vị khác nhau.",
                field="deputy",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        save_versioned(cluster, expected_version)
        before = {
            "leader": list(
                cluster.members.filter(role=ClusterRole.LEADER).values_list("unit_id", flat=True)
            ),
            "deputy": list(
                cluster.members.filter(role=ClusterRole.DEPUTY).values_list("unit_id", flat=True)
            ),
        }
        cluster.members.update(role=ClusterRole.MEMBER)
        cluster.members.filter(unit=leader).update(role=ClusterRole.LEADER)
        if deputy is not None:
            cluster.members.filter(unit=deputy).update(role=ClusterRole.DEPUTY)
        record_event(
            actor=actor,
            action="org.set_cluster_leadership",
            obj=cluster,
            unit_path=cluster.organiser.path,
            before=before,
            after={"leader": [leader.pk], "deputy": [deputy.pk] if deputy else []},
        )
    return cluster
