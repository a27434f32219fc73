"""Synthetic data at small, province and national scale, written the fastest way each database
allows: `executemany` in large transactions on SQLite (synchronous=OFF, foreign keys checked
by construction) and `COPY ... FROM STDIN` on PostgreSQL.

The data is deterministic for a seed: the same scale and seed give the same rows. It follows
the shape of a real province after the 2025 reform: departments with their grassroots units,
historical districts whose communes ended on 30/06/2025 and were merged (lineage events) into
the new communes, villages and schools under the new communes, emulation clusters, people
with fifteen years of ratings and awards following the ladders (LĐTT every good year, CSTĐCS
with an initiative, Bằng khen and CSTĐ cấp tỉnh after runs of CSTĐCS), and one year of
nominations.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection, models, transaction
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.awards.models import AnnualRating, AwardRecord, AwardType, Initiative
from thidua.core.text import fold, name_sort_key, split_person_name, vietnamese_sort_key
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import Cluster, ClusterMember, LineageEvent, Membership, Person, Unit

FIRST_YEAR = 2011
LAST_YEAR = 2025  # fifteen years of history; the nominations are for the last one
REFORM_DAY = date(2025, 7, 1)  # Nghị quyết 202/2025/QH15: districts end, communes merge
BENCH_USER = "bench_province"
CHUNK = 50_000


@dataclass(frozen=True)
class Scale:
    """How much to generate; unit counts are per province, people and nominees in total."""

    name: str
    provinces: int
    departments: int
    grassroots_per_department: int
    districts: int
    old_communes_per_district: int
    merge: int
    villages_per_commune: int
    schools_per_commune: int
    people: int
    nominees: int


SCALES: dict[str, Scale] = {
    "small": Scale("small", 1, 5, 6, 3, 6, 3, 5, 3, 3_000, 600),
    "tenth": Scale("tenth", 1, 10, 8, 4, 9, 3, 10, 4, 10_000, 2_000),
    "province": Scale("province", 1, 30, 25, 12, 18, 3, 20, 8, 100_000, 20_000),
    "nation": Scale("nation", 34, 12, 10, 5, 12, 3, 20, 8, 1_000_000, 200_000),
}

FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công", "Xuân", "Đình", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thị Thu", "Hồng", "Bích", "Mai"]
GIVEN_MALE = (
    "An Anh Bảo Bình Cường Dũng Duy Đạt Đông Giang Hải Hiếu Hoà Hùng Huy Khải Khánh Khoa Lâm "
    "Long Lực Minh Nam Nghĩa Phong Phúc Quang Quân Sơn Tài Thắng Thành Thịnh Toàn Trung Tú Tuấn "
    "Việt Vinh"
).split()
GIVEN_FEMALE = (
    "An Anh Ánh Chi Diệp Dung Giang Hà Hạnh Hằng Hiền Hoa Huệ Hương Lan Liên Linh Loan Mai My "
    "Nga Ngân Nhung Oanh Phương Quyên Quỳnh Tâm Thảo Thơ Thu Thuỷ Trang Trinh Uyên Vân Yến"
).split()
PLACE = (
    "Bình Hòa Phú Thạnh Tân An Long Hưng Thịnh Phước Đông Tây Nam Bắc Sơn Hà Cẩm Kỳ Thạch Đức "
    "Xuân Hương Lộc Thuận Quang Trung Vĩnh Yên Mỹ Lạc Gia Hội Thọ Thủy Lâm Hải Cường Tiến"
).split()
DEPARTMENTS = [
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
]
GRASSROOTS = [
    ("school", "Trường THPT"),
    ("hospital", "Bệnh viện"),
    ("enterprise", "Công ty"),
    ("department", "Trung tâm"),
    ("department", "Chi cục"),
]
POSITIONS = ["Chuyên viên", "Giáo viên", "Bác sĩ", "Kế toán", "Cán bộ", "Phó phòng", "Trưởng phòng"]
RATING_WEIGHTS = (("HTXS", 15), ("HTT", 65), ("HT", 17), ("KHT", 3))


@dataclass
class Counts:
    """What was generated, table by table."""

    rows: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, n: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + n


def _default(f: models.Field[Any, Any], now: Any) -> Any:
    if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
        return now
    if f.default is not NOT_PROVIDED:
        value = f.get_default()
        if isinstance(value, dict | list):
            return json.dumps(value)
        return value
    if f.null:
        return None
    if isinstance(f, models.CharField | models.TextField):
        return ""
    raise ValueError(f"{f.model.__name__}.{f.name} needs a value")


class Table:
    """Rows for one table: the named columns in order, every other column at its default."""

    def __init__(self, loader: Loader, model: type[models.Model], names: Sequence[str]) -> None:
        self.loader = loader
        self.table = model._meta.db_table
        fields = {f.attname: f for f in model._meta.concrete_fields}
        missing = [n for n in names if n not in fields]
        if missing:
            raise ValueError(f"{self.table}: unknown columns {missing}")
        extra = [
            f
            for a, f in fields.items()
            if a not in names and not (f.primary_key and isinstance(f, models.AutoField))
        ]
        self.columns = [str(fields[n].column) for n in names] + [str(f.column) for f in extra]
        self.tail = tuple(_default(f, loader.now) for f in extra)
        self.buffer: list[tuple[Any, ...]] = []
        self.count = 0

    def add(self, *values: Any) -> None:
        self.buffer.append(values + self.tail)
        if len(self.buffer) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.loader.write(self.table, self.columns, self.buffer)
            self.count += len(self.buffer)
            self.buffer = []


class Loader:
    """Writes rows with COPY (PostgreSQL) or executemany (SQLite)."""

    def __init__(self) -> None:
        self.vendor = connection.vendor
        now = timezone.now()
        self.now: Any = now if self.vendor == "postgresql" else now.replace(tzinfo=None)
        self.tables: list[Table] = []

    def table(self, model: type[models.Model], names: Sequence[str]) -> Table:
        table = Table(self, model, names)
        self.tables.append(table)
        return table

    def write(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        if self.vendor == "postgresql":
            raw = connection.connection
            assert raw is not None
            with raw.cursor() as cursor:
                with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            raw = connection.connection
            assert raw is not None
            raw.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)

    def flush(self) -> None:
        for table in self.tables:
            table.flush()


class Ids:
    """Primary keys handed out in Python so rows can point at each other without reading."""

    def __init__(self, model: type[models.Model]) -> None:
        last = model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0
        self.next = int(last) + 1

    def __call__(self) -> int:
        value = self.next
        self.next += 1
        return value


@dataclass
class UnitRow:
    pk: int
    code: str
    name: str
    kind: str
    level: str
    path: str
    parent: int | None
    valid_from: date | None
    valid_to: date | None
    staff: bool  # people work here


class Generator:
    def __init__(self, scale: Scale, seed: int, echo: Callable[[str], None] = print) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.echo = echo
        self.counts = Counts()
        self.loader = Loader()
        self.units: list[UnitRow] = []
        self.award_types = dict(AwardType.objects.values_list("code", "pk"))
        self.family_names = [name for name, _ in FAMILY]
        self.family_weights = [w for _, w in FAMILY]

    # ---------------------------------------------------------------------- units
    def _unit(
        self,
        ids: Ids,
        table: Table,
        code: str,
        name: str,
        kind: str,
        level: str,
        parent: UnitRow | None,
        *,
        valid_from: date | None = None,
        valid_to: date | None = None,
        staff: bool = True,
    ) -> UnitRow:
        pk = ids()
        path = (parent.path if parent else "") + f"{pk:08d}/"
        row = UnitRow(
            pk, code, name, kind, level, path, parent.pk if parent else None, valid_from,
            valid_to, staff,
        )  # fmt: skip
        table.add(
            pk,
            code,
            name,
            kind,
            level,
            row.parent,
            path,
            len(path) // 9 - 1,
            valid_from,
            valid_to,
            fold(f"{name}  {code}")[:255],
            vietnamese_sort_key(name)[:255],
        )
        self.units.append(row)
        return row

    def _place(self) -> str:
        return " ".join(self.rng.sample(PLACE, 2))

    def units_and_lineage(self) -> None:
        s = self.scale
        ids = Ids(Unit)
        table = self.loader.table(
            Unit,
            [
                "id",
                "code",
                "name",
                "kind",
                "level",
                "parent_id",
                "path",
                "depth",
                "valid_from",
                "valid_to",
                "search_key",
                "sort_key",
            ],
        )
        ev_ids = Ids(LineageEvent)
        events = self.loader.table(
            LineageEvent, ["id", "kind", "effective_date", "legal_reference", "note"]
        )
        preds = self.loader.table(LineageEvent.predecessors.through, ["lineageevent_id", "unit_id"])
        succs = self.loader.table(LineageEvent.successors.through, ["lineageevent_id", "unit_id"])
        old_start = date(2000, 1, 1)
        old_end = date(2025, 6, 30)
        for p in range(1, s.provinces + 1):
            pc = f"T{p:02d}"
            province = self._unit(
                ids, table, pc, f"Tỉnh {self._place()} {p}", "province", "province", None
            )
            for d in range(1, s.departments + 1):
                dname = DEPARTMENTS[(d - 1) % len(DEPARTMENTS)]
                if d > len(DEPARTMENTS):
                    dname = f"{dname} {d // len(DEPARTMENTS) + 1}"
                dept = self._unit(
                    ids, table, f"{pc}-S{d:02d}", dname, "department", "department", province
                )
                for g in range(1, s.grassroots_per_department + 1):
                    kind, prefix = GRASSROOTS[g % len(GRASSROOTS)]
                    self._unit(
                        ids,
                        table,
                        f"{pc}-S{d:02d}-{g:03d}",
                        f"{prefix} {self._place()}",
                        kind,
                        "grassroots",
                        dept,
                    )
            new_no = 0
            for k in range(1, s.districts + 1):
                district = self._unit(
                    ids,
                    table,
                    f"{pc}-H{k:02d}",
                    f"Huyện {self._place()}",
                    "district",
                    "district",
                    province,
                    valid_from=old_start,
                    valid_to=old_end,
                    staff=False,
                )
                old = [
                    self._unit(
                        ids,
                        table,
                        f"{pc}-H{k:02d}-X{c:03d}",
                        f"Xã {self._place()}",
                        "commune",
                        "commune",
                        district,
                        valid_from=old_start,
                        valid_to=old_end,
                        staff=False,
                    )
                    for c in range(1, s.old_communes_per_district + 1)
                ]
                for start in range(0, len(old), s.merge):
                    group = old[start : start + s.merge]
                    new_no += 1
                    commune = self._unit(
                        ids,
                        table,
                        f"{pc}-X{new_no:03d}",
                        f"Xã {self._place()}",
                        "commune",
                        "commune",
                        province,
                        valid_from=REFORM_DAY,
                    )
                    event = ev_ids()
                    events.add(event, "merge", REFORM_DAY, "Nghị quyết sắp xếp ĐVHC 2025", "")
                    for unit in group:
                        preds.add(event, unit.pk)
                    succs.add(event, commune.pk)
                    for v in range(1, s.villages_per_commune + 1):
                        self._unit(
                            ids,
                            table,
                            f"{pc}-X{new_no:03d}-T{v:02d}",
                            f"Thôn {v}",
                            "village",
                            "village",
                            commune,
                            staff=False,
                        )
                    for t in range(1, s.schools_per_commune + 1):
                        self._unit(
                            ids,
                            table,
                            f"{pc}-X{new_no:03d}-TR{t:02d}",
                            f"Trường {['Mầm non', 'Tiểu học', 'THCS'][t % 3]} {self._place()}",
                            "school",
                            "grassroots",
                            commune,
                        )
            self.echo(f"  tỉnh {pc}: {len(self.units)} đơn vị")
        self.loader.flush()
        self.counts.add("org_unit", table.count)
        self.counts.add("org_lineageevent", events.count)

    def clusters(self) -> None:
        """2025 clusters: departments, new communes and grassroots units in groups of eight."""
        ids = Ids(Cluster)
        clusters = self.loader.table(
            Cluster, ["id", "code", "name", "kind", "year", "organiser_id"]
        )
        members = self.loader.table(ClusterMember, ["cluster_id", "unit_id", "role"])
        groups: dict[tuple[str, str], list[UnitRow]] = {}
        for unit in self.units:
            if unit.valid_to is None and unit.kind not in ("province", "village"):
                groups.setdefault((unit.path[:9], unit.kind), []).append(unit)
        n = 0
        for (_, _kind), units in sorted(groups.items()):
            for start in range(0, len(units), 8):
                group = units[start : start + 8]
                n += 1
                pk = ids()
                clusters.add(pk, f"C{n:05d}", f"Cụm thi đua {n}", "cluster", LAST_YEAR, group[0].pk)
                for i, unit in enumerate(group):
                    role = "leader" if i == 0 else "deputy" if i == 1 else "member"
                    members.add(pk, unit.pk, role)
        self.loader.flush()
        self.counts.add("org_cluster", clusters.count)

    # --------------------------------------------------------------------- people
    def _name(self, female: bool) -> str:
        family = self.rng.choices(self.family_names, self.family_weights)[0]
        middle = self.rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = self.rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        return f"{family} {middle} {given}"

    def people_and_history(self) -> list[tuple[int, int]]:
        """People, memberships, ratings, awards and initiatives. Returns (person, unit)."""
        s = self.scale
        rng = self.rng
        staff = [u for u in self.units if u.staff and u.valid_to is None]
        old_by_new: dict[int, list[UnitRow]] = {}
        by_pk = {u.pk: u for u in self.units}
        # Old communes feed the new ones in code order (see units_and_lineage).
        olds = [u for u in self.units if u.kind == "commune" and u.valid_to is not None]
        news = [u for u in self.units if u.kind == "commune" and u.valid_to is None]
        for i, new in enumerate(news):
            old_by_new[new.pk] = olds[i * s.merge : (i + 1) * s.merge]
        del by_pk
        person_ids = Ids(Person)
        people = self.loader.table(
            Person,
            [
                "id",
                "full_name",
                "family_name",
                "middle_name",
                "given_name",
                "gender",
                "date_of_birth",
                "national_id",
                "civil_servant_code",
                "unit_id",
                "position",
                "search_key",
                "sort_key",
            ],
        )
        memberships = self.loader.table(
            Membership, ["person_id", "unit_id", "position", "valid_from", "valid_to"]
        )
        ratings = self.loader.table(AnnualRating, ["person_id", "year", "rating"])
        award_ids = Ids(AwardRecord)
        awards = self.loader.table(
            AwardRecord,
            [
                "id",
                "person_id",
                "unit_id",
                "award_type_id",
                "year",
                "category",
                "decision_number",
                "decision_date",
                "issuer",
            ],
        )
        initiative_ids = Ids(Initiative)
        initiatives = self.loader.table(
            Initiative, ["id", "kind", "title", "level", "year", "unit_id", "used_for_id"]
        )
        authors = self.loader.table(Initiative.authors.through, ["initiative_id", "person_id"])
        t = self.award_types
        rating_codes = [c for c, _ in RATING_WEIGHTS]
        rating_weights = [w for _, w in RATING_WEIGHTS]
        result: list[tuple[int, int]] = []
        sort_keys: dict[str, tuple[str, str, str, str, str]] = {}
        serial = 0
        for _ in range(s.people):
            pk = person_ids()
            unit = rng.choice(staff)
            female = rng.random() < 0.52
            name = self._name(female)
            if name not in sort_keys:
                family, middle, given = split_person_name(name)
                sort_keys[name] = (family, middle, given, fold(name), name_sort_key(name)[:255])
            family, middle, given, search, sort = sort_keys[name]
            born = date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
            serial += 1
            national_id = "{:03d}{}{:02d}{:06d}".format(
                2 + (pk % 95),  # never 001: the import benchmark uses it
                (born.year // 100 - 19) * 2 + (1 if female else 0),
                born.year % 100,
                serial % 1_000_000,
            )
            position = rng.choice(POSITIONS)
            people.add(
                pk,
                name,
                family,
                middle,
                given,
                "female" if female else "male",
                born,
                national_id if rng.random() < 0.9 else None,
                f"CC{pk:08d}",
                unit.pk,
                position,
                search,
                sort,
            )
            start = max(FIRST_YEAR, born.year + 22, FIRST_YEAR + int(rng.random() ** 3 * 14))
            if unit.kind == "commune" and old_by_new.get(unit.pk):
                old = rng.choice(old_by_new[unit.pk])
                memberships.add(pk, old.pk, position, date(start, 1, 1), date(2025, 6, 30))
                memberships.add(pk, unit.pk, position, REFORM_DAY, None)
            else:
                memberships.add(pk, unit.pk, position, date(start, 1, 1), None)
            result.append((pk, unit.pk))
            run = 0  # consecutive CSTĐCS years
            for year in range(start, LAST_YEAR + 1):
                rating = rng.choices(rating_codes, rating_weights)[0]
                ratings.add(pk, year, rating)
                if rating == "HT" or rating == "KHT" or rng.random() > 0.95:
                    run = 0
                    if rating != "KHT" and rng.random() < 0.03:
                        self._award(awards, award_ids, pk, None, t["GK"], year)
                    continue
                self._award(awards, award_ids, pk, None, t["LDTT"], year)
                if rating == "HTXS" and rng.random() < 0.45:
                    cstd = self._award(awards, award_ids, pk, None, t["CSTDCS"], year)
                    ini = initiative_ids()
                    initiatives.add(
                        ini, "initiative", f"Sáng kiến {ini}", "CO_SO", year, unit.pk, cstd
                    )
                    authors.add(ini, pk)
                    run += 1
                    if run >= 2 and run % 2 == 0 and rng.random() < 0.5:
                        self._award(awards, award_ids, pk, None, t["BK_BT"], year)
                    if run >= 3 and run % 3 == 0 and rng.random() < 0.3:
                        self._award(awards, award_ids, pk, None, t["CSTDBT"], year)
                else:
                    run = 0
                if rng.random() < 0.03:
                    self._award(awards, award_ids, pk, None, t["GK"], year)
        self._unit_awards(awards, award_ids)
        self.loader.flush()
        for name, table in (
            ("org_person", people),
            ("awards_annualrating", ratings),
            ("awards_awardrecord", awards),
            ("awards_initiative", initiatives),
        ):
            self.counts.add(name, table.count)
        return result

    def _award(
        self,
        table: Table,
        ids: Ids,
        person: int | None,
        unit: int | None,
        award_type: int,
        year: int,
    ) -> int:
        pk = ids()
        decided = date(year + 1, 1 + pk % 3, 1 + pk % 28)
        table.add(
            pk, person, unit, award_type, year, "CONG_TRANG", f"{pk % 900 + 1}/QĐ-UBND", decided, ""
        )
        return pk

    def _unit_awards(self, awards: Table, ids: Ids) -> None:
        t = self.award_types
        rng = self.rng
        for unit in self.units:
            if unit.kind in ("province", "district"):
                continue
            first = unit.valid_from.year if unit.valid_from and unit.valid_from.year > 2000 else 0
            last = unit.valid_to.year - 1 if unit.valid_to else LAST_YEAR
            for year in range(max(FIRST_YEAR, first), last + 1):
                if unit.kind == "village":
                    if rng.random() < 0.7:
                        self._award(awards, ids, None, unit.pk, t["THON_VH"], year)
                    continue
                roll = rng.random()
                if roll < 0.15:
                    self._award(awards, ids, None, unit.pk, t["TTLDXS"], year)
                    if rng.random() < 0.2:
                        self._award(awards, ids, None, unit.pk, t["CO_BT"], year)
                elif roll < 0.75:
                    self._award(awards, ids, None, unit.pk, t["TTLDTT"], year)
                if rng.random() < 0.08:
                    self._award(awards, ids, None, unit.pk, t["BK_BT"], year)

    # ---------------------------------------------------------------- nominations
    def nominations(self, people: list[tuple[int, int]]) -> None:
        """The last year's nominees, in one dossier per proposing unit and award level."""
        rng = self.rng
        t = self.award_types
        dossier_ids = Ids(Dossier)
        dossiers = self.loader.table(
            Dossier,
            [
                "id",
                "proposing_unit_id",
                "receiving_unit_id",
                "kind",
                "year",
                "title",
                "status",
                "submitted_on",
            ],
        )
        nominees = self.loader.table(
            Nominee,
            ["dossier_id", "person_id", "award_type_id", "year", "category", "status", "position"],
        )
        initiative_ids = Ids(Initiative)
        initiatives = self.loader.table(
            Initiative, ["id", "kind", "title", "level", "year", "unit_id"]
        )
        authors = self.loader.table(Initiative.authors.through, ["initiative_id", "person_id"])
        units = {u.pk: u for u in self.units}
        chosen = rng.sample(people, min(self.scale.nominees, len(people)))
        open_dossiers: dict[tuple[int, int], tuple[int, int]] = {}
        year = LAST_YEAR
        submitted = date(year + 1, 1, 15)
        ladder = [("CSTDCS", 0.45), ("BK_BT", 0.35), ("CSTDBT", 0.1), ("LDTT", 0.1)]
        codes = [c for c, _ in ladder]
        weights = [w for _, w in ladder]
        for person, unit_pk in chosen:
            unit = units[unit_pk]
            code = rng.choices(codes, weights)[0]
            province_pk = int(unit.path[:8])
            receiving = province_pk if code in ("BK_BT", "CSTDBT") else unit.parent or unit.pk
            key = (unit.pk, receiving)
            if key not in open_dossiers:
                pk = dossier_ids()
                dossiers.add(
                    pk,
                    unit.pk,
                    receiving,
                    "annual",
                    year,
                    f"Đề nghị khen thưởng năm {year} – {unit.name}",
                    "submitted",
                    submitted,
                )
                open_dossiers[key] = (pk, 0)
            dossier, position = open_dossiers[key]
            open_dossiers[key] = (dossier, position + 1)
            nominees.add(dossier, person, t[code], year, "CONG_TRANG", "submitted", position + 1)
            if code == "CSTDCS" and rng.random() < 0.8:
                ini = initiative_ids()
                initiatives.add(ini, "initiative", f"Sáng kiến {ini}", "CO_SO", year, unit.pk)
                authors.add(ini, person)
        self.loader.flush()
        self.counts.add("nominations_dossier", dossiers.count)
        self.counts.add("nominations_nominee", nominees.count)

    def bench_user(self) -> None:
        """A provincial officer of the first province (the persona the scenarios act as)."""
        user = User.objects.create(
            username=BENCH_USER, full_name="Cán bộ Ban Thi đua (benchmark)", is_active=True
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        root = next(u for u in self.units if u.parent is None)
        RoleAssignment.objects.create(user=user, role=Role.PROVINCE_OFFICER, unit_id=root.pk)

    def run(self) -> Counts:
        with transaction.atomic():
            self.echo("Đơn vị, sắp xếp 2025, cụm thi đua…")
            self.units_and_lineage()
            self.clusters()
            self.echo("Người, đánh giá, khen thưởng, sáng kiến…")
            people = self.people_and_history()
            self.echo("Hồ sơ đề nghị…")
            self.nominations(people)
            self.bench_user()
        reset_sequences()
        analyze()
        return self.counts


def reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.apps import apps
    from django.core.management.color import no_style

    sql = connection.ops.sequence_reset_sql(no_style(), list(apps.get_models()))
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@contextmanager
def fast_load() -> Iterator[None]:
    """SQLite: no fsync and no foreign key checks during the bulk load (rows point at rows
    generated just before them); restored afterwards. Inside a transaction (tests) SQLite
    cannot change them: the load then runs with the usual settings (deferred key checks)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("PRAGMA cache_size=-200000")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")


def generate(
    scale: str | Scale, seed: int = 42, echo: Callable[[str], None] = print
) -> dict[str, int]:
    """Fill the (migrated) configured database; returns row counts per table."""
    if isinstance(scale, str):
        if scale not in SCALES:
            raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
        scale = SCALES[scale]
    with fast_load():
        counts = Generator(scale, seed, echo).run()
    return counts.rows
