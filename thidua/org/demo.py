"""Loading the demo organisation (units, lineage, clusters, people, demo accounts).

The data is in `org/demo_data.py`; later issues add movements and awards on top of it.
Loading is idempotent: a second run changes nothing.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.core.events import record_event
from thidua.core.text import clean_text, fold, name_sort_key, split_person_name, vietnamese_sort_key
from thidua.org import demo_data as data
from thidua.org.choices import DEFAULT_LEVEL, LineageKind
from thidua.org.domain.identity import century_gender_digit
from thidua.org.models import (
    Cluster,
    ClusterMember,
    Household,
    LineageEvent,
    Membership,
    Person,
    Unit,
)

DEMO_PASSWORD = "thidua-demo-2026"
# Fixed authenticator key for demo accounts that need two-factor (hex, 20 bytes).
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
MARKER_CODE = "HT"
PROVINCE_CCCD = {"HT": "042", "QT": "045", "QB": "044", "BL": "095", "CM": "096"}
PEOPLE_PER_KIND = {
    "province": 3,
    "department": 6,
    "district": 3,
    "commune": 5,
    "ward": 5,
    "special_zone": 4,
    "enterprise": 6,
    "school": 5,
    "hospital": 5,
    "mass_org": 3,
    "village": 3,
}

# (username, full name, role, unit code)
DEMO_ACCOUNTS: list[tuple[str, str, str, str]] = [
    ("quantri", "Quản trị hệ thống", Role.ADMIN, "HT"),
    ("bantdkt.hatinh", "Nguyễn Thị Thu Hà", Role.PROVINCE_OFFICER, "HT"),
    # The focal point of the ward that inherited Thạch Hạ in the 2025 reform (Trần Phú).
    ("tranphu", "Trần Văn Hùng", Role.UNIT_FOCAL, "HT.TPHT.THACHHA"),
    # A neighbouring ward: must see nothing of Trần Phú.
    ("thanhsen", "Lê Thị Mai", Role.UNIT_FOCAL, "HT.THANHSEN"),
    ("dongha", "Hoàng Văn Tuấn", Role.UNIT_FOCAL, "QT.DH"),
    ("camau", "Lâm Thị Kiều", Role.PROVINCE_OFFICER, "CM"),
    ("hoidong", "Phan Văn Đức", Role.COUNCIL_MEMBER, "HT"),
    ("thuky", "Võ Thị Hằng", Role.COUNCIL_SECRETARY, "HT"),
    ("lanhdao", "Đặng Quốc Khánh", Role.SIGNER, "HT"),
    ("xem", "Bùi Minh Nhật", Role.VIEWER, "HT"),
]


def _province_code(code: str) -> str:
    return code.split(".", 1)[0]


def _weighted(rng: random.Random, items: tuple[Any, ...]) -> Any:
    return rng.choices(items, weights=[i.weight for i in items], k=1)[0]


def _load_units() -> dict[str, Unit]:
    by_code: dict[str, Unit] = {}
    pending = list(data.UNITS)
    # Parents first: repeat passes until every unit's parent exists.
    while pending:
        rest = []
        for row in pending:
            if row.parent_code and row.parent_code not in by_code:
                rest.append(row)
                continue
            parent = by_code.get(row.parent_code) if row.parent_code else None
            unit = Unit(
                code=row.code,
                name=clean_text(row.name),
                short_name=clean_text(row.short_name),
                kind=row.kind,
                level=row.level or DEFAULT_LEVEL[row.kind],
                parent=parent,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
                path="",
            )
            unit.search_key = fold(f"{unit.name} {unit.short_name} {unit.code}")[:255]
            unit.sort_key = vietnamese_sort_key(unit.name)[:255]
            unit.save()
            unit.path = (parent.path if parent else "") + f"{unit.pk:08d}/"
            unit.depth = len(unit.path) // 9 - 1
            unit.save(update_fields=["path", "depth"])
            by_code[row.code] = unit
        if len(rest) == len(pending):
            raise ValueError("Demo units with unknown parents: " + ", ".join(r.code for r in rest))
        pending = rest
    return by_code


def _rebase(unit: Unit, new_parent: Unit) -> None:
    old_path = unit.path
    unit.parent = new_parent
    unit.path = f"{new_parent.path}{unit.pk:08d}/"
    unit.depth = len(unit.path) // 9 - 1
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent, path=unit.path, depth=unit.depth)
    for node in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk):
        new_path = unit.path + node.path[len(old_path) :]
        Unit.objects.filter(pk=node.pk).update(path=new_path, depth=len(new_path) // 9 - 1)


def _load_lineage(units: dict[str, Unit]) -> int:
    count = 0
    for row in sorted(data.LINEAGE, key=lambda r: r.effective_date):
        preds = [units[c] for c in row.predecessors]
        succs = [units[c] for c in row.successors]
        event = LineageEvent.objects.create(
            kind=row.kind,
            effective_date=row.effective_date,
            note=clean_text(row.note),
            legal_reference=clean_text(row.legal_reference),
            old_name=clean_text(row.old_name),
            new_name=clean_text(row.new_name),
            old_parent=units[row.old_parent_code] if row.old_parent_code else None,
            new_parent=units[row.new_parent_code] if row.new_parent_code else None,
        )
        event.predecessors.add(*preds)
        if succs:
            event.successors.add(*succs)
        if row.kind == LineageKind.MOVE and row.new_parent_code:
            for unit in preds:
                unit.refresh_from_db()
                _rebase(unit, units[row.new_parent_code])
        count += 1
    return count


def _load_clusters(units: dict[str, Unit]) -> int:
    for row in data.CLUSTERS:
        cluster = Cluster.objects.create(
            code=row.code,
            name=clean_text(row.name),
            kind=row.kind,
            year=row.year,
            organiser=units[row.organiser_code],
            note=clean_text(row.note, multiline=True),
        )
        for code in row.members:
            role = "member"
            if code == row.leader_code:
                role = "leader"
            elif code == row.deputy_code:
                role = "deputy"
            ClusterMember.objects.create(cluster=cluster, unit=units[code], role=role)
    return len(data.CLUSTERS)


def _successor_map() -> dict[str, str]:
    """For units that ended in a merge or rename: the unit their people moved on to."""
    nxt: dict[str, str] = {}
    for row in data.LINEAGE:
        if row.kind in (LineageKind.MERGE, LineageKind.RENAME) and len(row.successors) == 1:
            for code in row.predecessors:
                if code != row.successors[0]:
                    nxt[code] = row.successors[0]
    return nxt


def _ethnicity(rng: random.Random, province: str) -> str:
    weighted = [(e.name, dict(e.province_weights).get(province, 0.0)) for e in data.ETHNICITIES]
    weighted = [(n, w) for n, w in weighted if w > 0] or [("Kinh", 1.0)]
    return rng.choices([n for n, _ in weighted], weights=[w for _, w in weighted], k=1)[0]


def _positions_for(unit: Unit, on: date) -> tuple[data.Position, ...]:
    options = tuple(
        p
        for p in data.POSITIONS.get(unit.kind, ())  # type: ignore[call-overload]
        if (not p.name_prefixes or unit.name.startswith(p.name_prefixes))
        and (p.valid_from is None or p.valid_from <= on)
        and (p.valid_to is None or on <= p.valid_to)
    )
    return options or (data.Position("Chuyên viên", False, False, 1),)


def _load_people(units: dict[str, Unit], seed: int = 2020) -> int:
    rng = random.Random(seed)
    used_ids: set[str] = set()
    successor = _successor_map()
    people: list[Person] = []
    memberships: list[tuple[int, Unit, str, bool, date, date | None]] = []

    def new_person(unit: Unit, on: date) -> tuple[Person, data.Position]:
        province = _province_code(unit.code)
        female = rng.random() < 0.48
        family_pool = data.FAMILY_NAMES
        ethnicity = _ethnicity(rng, province)
        if ethnicity == "Khmer":
            family_pool = data.FAMILY_NAMES_KHMER
        family = _weighted(rng, family_pool).name
        middle = _weighted(rng, data.MIDDLE_NAMES_FEMALE if female else data.MIDDLE_NAMES_MALE).name
        given = rng.choice(data.GIVEN_NAMES_FEMALE if female else data.GIVEN_NAMES_MALE)
        full_name = clean_text(f"{family} {middle} {given}")
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 35 * 365))
        national_id = None
        if rng.random() < 0.85:
            while True:
                candidate = "{p}{d}{y:02d}{r:06d}".format(
                    p=PROVINCE_CCCD.get(province, "042"),
                    d=century_gender_digit(born.year, female),
                    y=born.year % 100,
                    r=rng.randrange(0, 1_000_000),
                )
                if candidate not in used_ids:
                    used_ids.add(candidate)
                    national_id = candidate
                    break
        position = _weighted(rng, _positions_for(unit, on))
        f, m, g = split_person_name(full_name)
        person = Person(
            full_name=full_name,
            family_name=f,
            middle_name=m,
            given_name=g,
            gender="female" if female else "male",
            date_of_birth=born,
            ethnicity=ethnicity,
            national_id=national_id,
            civil_servant_code=""
            if position.direct_worker
            else "CC{n:07d}".format(n=rng.randrange(10**7)),
            unit=unit,
            position=position.title,
            is_direct_worker=position.direct_worker,
            search_key=fold(full_name)[:255],
            sort_key=name_sort_key(full_name)[:255],
        )
        return person, position

    for unit in sorted(units.values(), key=lambda u: u.code):
        count = PEOPLE_PER_KIND.get(unit.kind, 2)
        start = max(unit.valid_from or date(2008, 1, 1), date(2012, 1, 1))
        for _ in range(count):
            on = unit.valid_to or date(2025, 12, 31)
            person, position = new_person(unit, on)
            since = start + timedelta(days=rng.randrange(0, 900))
            if unit.valid_to is not None and since > unit.valid_to:
                since = unit.valid_from or unit.valid_to
            chain: list[tuple[Unit, str, bool, date, date | None]] = [
                (unit, position.title, position.direct_worker, since, unit.valid_to)
            ]
            code = unit.code
            while chain[-1][4] is not None and code in successor:
                code = successor[code]
                nxt = units[code]
                pos = _weighted(rng, _positions_for(nxt, nxt.valid_to or date(2025, 12, 31)))
                chain.append(
                    (
                        nxt,
                        pos.title,
                        pos.direct_worker,
                        chain[-1][4] + timedelta(days=1),
                        nxt.valid_to,
                    )
                )
            # Where a unit ended without a single successor, the person's last post ended too;
            # they stay listed where they last worked.
            last = chain[-1]
            person.unit, person.position, person.is_direct_worker = last[0], last[1], last[2]
            people.append(person)
            memberships.append((len(people) - 1, *chain[0]))  # type: ignore[arg-type]
            for link in chain[1:]:
                memberships.append((len(people) - 1, *link))  # type: ignore[arg-type]

    for named in data.NAMED_PEOPLE:
        if named.unit_code not in units:
            continue
        unit = units[named.unit_code]
        f, m, g = split_person_name(named.full_name)
        people.append(
            Person(
                full_name=clean_text(named.full_name),
                family_name=f,
                middle_name=m,
                given_name=g,
                gender="male",
                unit=unit,
                position=clean_text(named.position or ""),
                search_key=fold(named.full_name)[:255],
                sort_key=name_sort_key(named.full_name)[:255],
            )
        )
        memberships.append(
            (len(people) - 1, unit, clean_text(named.position or ""), False, named.as_of, None)
        )

    Person.objects.bulk_create(people, batch_size=500)
    Membership.objects.bulk_create(
        [
            Membership(
                person=people[i],
                unit=u,
                position=pos,
                is_direct_worker=direct,
                valid_from=start,
                valid_to=end,
            )
            for i, u, pos, direct, start, end in memberships
        ],
        batch_size=500,
    )
    _load_households(units, rng)
    return len(people)


def _load_households(units: dict[str, Unit], rng: random.Random) -> None:
    villages = [u for u in units.values() if u.kind == "village"]
    rows = []
    by_village: dict[int, int] = defaultdict(int)
    for village in villages:
        for _ in range(3):
            by_village[village.pk] += 1
            family = _weighted(rng, data.FAMILY_NAMES).name
            middle = _weighted(rng, data.MIDDLE_NAMES_MALE).name
            rows.append(
                Household(
                    code="{c}.H{n:03d}".format(c=village.code, n=by_village[village.pk]),
                    head_name=f"{family} {middle} {rng.choice(data.GIVEN_NAMES_MALE)}",
                    address=village.name,
                    unit=village,
                )
            )
    Household.objects.bulk_create(rows)


def _current(units: dict[str, Unit], code: str) -> Unit:
    """The unit that carries `code`'s history today (following merges and renames)."""
    successor = _successor_map()
    seen = set()
    while units[code].valid_to is not None and code in successor and code not in seen:
        seen.add(code)
        code = successor[code]
    return units[code]


def _ensure_accounts(units: dict[str, Unit]) -> list[tuple[str, str, str]]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from thidua.accounts.choices import TWO_FACTOR_ROLES

    shown = []
    for username, full_name, role, code in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username, password=DEMO_PASSWORD, full_name=full_name
            )
            if role == Role.ADMIN:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
        unit = _current(units, code)
        RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
        if (
            role in TWO_FACTOR_ROLES
            and not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        ):
            TOTPDevice.objects.create(user=user, name="demo", confirmed=True, key=DEMO_TOTP_KEY)
        shown.append((username, str(dict(Role.choices)[role]), unit.name))
    return shown


def load_demo() -> dict[str, Any]:
    """Load the demo organisation once; always make sure the demo accounts exist."""
    with transaction.atomic():
        created = not Unit.objects.filter(code=MARKER_CODE).exists()
        summary: dict[str, Any] = {"created": created}
        if created:
            units = _load_units()
            summary["units"] = len(units)
            summary["lineage"] = _load_lineage(units)
            summary["clusters"] = _load_clusters(units)
            summary["people"] = _load_people(units)
            summary["message"] = (
                "đã nạp {units} đơn vị, {lineage} sự kiện sắp xếp, {clusters} cụm/khối, "
                "{people} cá nhân.".format(**summary)
            )
        units = {u.code: u for u in Unit.objects.all()}
        summary["accounts"] = _ensure_accounts(units)
        if created:
            record_event(
                actor=None,
                action="demo.load",
                object_type="demo",
                object_id="org",
                object_repr="Dữ liệu mẫu: tổ chức",
                after={k: v for k, v in summary.items() if k not in ("accounts", "message")},
            )
    return summary
