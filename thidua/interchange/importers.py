"""The import kinds: which columns each reads, how a row is checked, and which service writes it.

A kind's `check` turns one sheet row into a payload or row errors, looking up units, people,
awards and movements (read-only); `write` calls the owning app's service, so its permission
checks, rules and events hold exactly as when an officer types the record in by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import translation

from thidua.accounts.permissions import Permission
from thidua.awards import services as award_services
from thidua.awards.choices import Category, InitiativeKind, RatingChoice, RecognitionLevelChoice
from thidua.awards.models import AnnualRating, AwardRecord, AwardType
from thidua.core.text import clean_text, fold
from thidua.interchange.choices import ImportKind
from thidua.interchange.domain.columns import Column
from thidua.interchange.domain.report import RowError
from thidua.interchange.domain.values import BadValue, parse_date, parse_number, parse_year
from thidua.interchange.reading import SheetRow
from thidua.movements import services as movement_services
from thidua.movements.choices import AwardCode
from thidua.movements.models import Movement, Target
from thidua.org import services as org_services
from thidua.org.access import has_permission
from thidua.org.choices import ClusterKind, Gender, UnitKind
from thidua.org.domain import identity
from thidua.org.models import Cluster, Person, Unit

Choices = type[models.TextChoices]


_CHOICE_TABLES: dict[tuple[Choices, tuple[tuple[str, str], ...]], dict[str, str]] = {}


def choice_lookup(choices: Choices, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Folded value, English label and Vietnamese label -> value (plus `extra` aliases).
    Built once per choice list (it is asked for on every row of a large sheet)."""
    key = (choices, tuple(sorted((extra or {}).items())))
    table = _CHOICE_TABLES.get(key)
    if table is None:
        table = _CHOICE_TABLES[key] = _build_choice_lookup(choices, extra)
    return table


def _build_choice_lookup(choices: Choices, extra: dict[str, str] | None) -> dict[str, str]:
    table: dict[str, str] = {}
    for value, label in choices.choices:
        table[fold(value)] = value
        for language in ("en", "vi"):
            with translation.override(language):
                text = str(label)
            table[fold(text)] = value
            if "(" in text:  # "Advanced worker (Lao động tiên tiến)"
                table[fold(text.split("(", 1)[1].rstrip(")"))] = value
    for alias, value in (extra or {}).items():
        table[fold(alias)] = value
    return table


UNIT_KIND_ALIASES = {
    "tỉnh": "province",
    "thành phố trực thuộc trung ương": "province",
    "sở": "department",
    "ban": "department",
    "ngành": "department",
    "sở ban ngành": "department",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "ward",
    "thị trấn": "commune",
    "đặc khu": "special_zone",
    "doanh nghiệp": "enterprise",
    "công ty": "enterprise",
    "trường": "school",
    "trường học": "school",
    "bệnh viện": "hospital",
    "đoàn thể": "mass_org",
    "thôn": "village",
    "xóm": "village",
    "ấp": "village",
    "bản": "village",
    "tổ dân phố": "village",
    "khu phố": "village",
}
GENDER_ALIASES = {"nam": "male", "nữ": "female", "nu": "female", "m": "male", "f": "female"}
RATING_ALIASES = {
    "hoàn thành xuất sắc nhiệm vụ": "HTXS",
    "hoàn thành tốt nhiệm vụ": "HTT",
    "hoàn thành nhiệm vụ": "HT",
    "không hoàn thành nhiệm vụ": "KHT",
    "xuất sắc": "HTXS",
    "tốt": "HTT",
}
LEVEL_ALIASES = {
    "cơ sở": "CO_SO",
    "cấp cơ sở": "CO_SO",
    "cấp tỉnh": "BO_TINH",
    "cấp bộ": "BO_TINH",
    "tỉnh": "BO_TINH",
    "toàn quốc": "TOAN_QUOC",
}
INITIATIVE_ALIASES = {
    "sáng kiến": "initiative",
    "đề tài": "research",
    "đề tài khoa học": "research",
}
CLUSTER_ALIASES = {
    "cụm": "cluster",
    "khối": "block",
    "cụm thi đua": "cluster",
    "khối thi đua": "block",
}
YES = {"x", "co", "1", "yes", "true", "dung"}
_LIST_SPLIT = re.compile(r"[,;\n]+")


class Context:
    """What a run knows while checking rows: the actor, today, lookups cached per run, and
    keys already seen in the file (duplicates inside the sheet)."""

    def __init__(self, actor: Any, today: date, options: dict[str, Any] | None = None) -> None:
        self.actor = actor
        self.today = today
        self.options = options or {}
        self.seen: dict[str, int] = {}
        self.planned_units: set[str] = set()
        self._units: dict[str, Unit | None] = {}
        self._units_by_pk: dict[int, Unit] = {}
        self._people: dict[str, Person | None] = {}
        self._movements: dict[str, Movement | None] = {}
        self._awards: dict[str, AwardType | None] | None = None
        self.people_batch = org_services.PersonBatch(actor)

    def prime_people(self, national_ids: Iterable[str]) -> None:
        """Look up, in one query, the people of these national IDs not looked up yet."""
        wanted = {n for n in national_ids if n and n not in self._people}
        if not wanted:
            return
        found = {
            p.national_id: p
            for p in Person.objects.select_related("unit").filter(national_id__in=wanted)
        }
        for number in wanted:
            self._people[number] = found.get(number)

    def unit(self, code: str) -> Unit | None:
        key = clean_text(code).upper()
        if key not in self._units:
            self._units[key] = Unit.objects.filter(code=key).first()
        return self._units[key]

    def unit_by_pk(self, pk: int) -> Unit:
        """A unit already looked up by code (rows repeat the same few), else from the database."""
        if len(self._units_by_pk) != len(self._units):
            self._units_by_pk = {u.pk: u for u in self._units.values() if u is not None}
        return self._units_by_pk.get(pk) or Unit.objects.get(pk=pk)

    def forget_unit(self, code: str) -> None:
        self._units.pop(clean_text(code).upper(), None)

    def person(self, national_id: str) -> Person | None:
        if national_id not in self._people:
            self._people[national_id] = (
                Person.objects.select_related("unit").filter(national_id=national_id).first()
            )
        return self._people[national_id]

    def movement(self, ref: str) -> Movement | None:
        if ref not in self._movements:
            qs = Movement.objects.select_related("organiser")
            found = qs.filter(pk=int(ref)).first() if ref.isdigit() else None
            if found is None:
                found = qs.filter(document_number__iexact=ref).first()
            self._movements[ref] = found
        return self._movements[ref]

    def award(self, ref: str) -> AwardType | None:
        if self._awards is None:
            self._awards = {}
            for award_type in AwardType.objects.all():
                self._awards[fold(award_type.code)] = award_type
                self._awards[fold(award_type.name)] = award_type
        return self._awards.get(fold(ref))

    def first_seen(self, key: str, row: int) -> int | None:
        """The row where `key` was first seen, or None (and remember this row)."""
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = row
        return earlier


class RowValues:
    """One row's cells by column key, with parsers that collect errors instead of raising."""

    def __init__(
        self, row: SheetRow, positions: dict[str, int], columns: Sequence[Column], max_chars: int
    ) -> None:
        self.row = row
        self.positions = positions
        self.headings = {c.key: c.heading for c in columns}
        self.errors: list[RowError] = []
        for index, cell in enumerate(row.cells):
            key = next((k for k, i in positions.items() if i == index), "")
            if cell.formula:
                self.errors.append(
                    RowError(
                        row.number,
                        self.headings.get(key, ""),
                        "Ô chứa công thức Excel ({f}); hãy dán giá trị thay cho công thức.".format(
                            f=str(cell.value)[:40]
                        ),
                    )
                )
            elif isinstance(cell.value, str) and len(cell.value) > max_chars:
                self.errors.append(
                    RowError(
                        row.number,
                        self.headings.get(key, ""),
                        "Ô quá dài ({n} ký tự; tối đa {m}).".format(n=len(cell.value), m=max_chars),
                    )
                )
        for column in columns:
            if column.required and self.raw(column.key) in (None, ""):
                self.error(column.key, "Bắt buộc phải điền.")

    def raw(self, key: str) -> Any:
        index = self.positions.get(key)
        if index is None or index >= len(self.row.cells):
            return None
        cell = self.row.cells[index]
        return None if cell.formula else cell.value

    def error(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.row.number, self.headings.get(key, ""), message))

    def text(self, key: str) -> str:
        value = self.raw(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return clean_text(str(value))

    def code(self, key: str) -> str:
        """An identifier typed as a number keeps its leading zeros only if typed as text."""
        return self.text(key).upper()

    def digits(self, key: str) -> str:
        """A CCCD: digits only as typed; a number cell loses its leading zero, so restore it."""
        value = self.raw(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return f"{int(value):012d}"
        return self.text(key).replace(" ", "").replace(".", "")

    def _parse(self, key: str, parser: Callable[[Any], Any]) -> Any:
        try:
            return parser(self.raw(key))
        except BadValue as exc:
            self.error(key, exc.message)
            return None

    def date(self, key: str) -> date | None:
        return self._parse(key, parse_date)  # type: ignore[no-any-return]

    def year(self, key: str) -> int | None:
        return self._parse(key, parse_year)  # type: ignore[no-any-return]

    def number(self, key: str) -> Decimal | None:
        return self._parse(key, parse_number)  # type: ignore[no-any-return]

    def choice(self, key: str, table: dict[str, str], default: str = "") -> str:
        text = self.text(key)
        if not text:
            return default
        value = table.get(fold(text))
        if value is None:
            self.error(key, "“{t}” không phải giá trị hợp lệ.".format(t=text))
            return ""
        return value

    def flag(self, key: str) -> bool:
        return fold(self.text(key)) in YES

    def items(self, key: str) -> list[str]:
        return [clean_text(x) for x in _LIST_SPLIT.split(self.text(key)) if clean_text(x)]


@dataclass(frozen=True)
class Outcome:
    payload: dict[str, Any] | None
    errors: list[RowError]


@dataclass
class Kind:
    key: str
    columns: tuple[Column, ...]
    permission: Permission  # the permission of the service that writes the records
    example: tuple[Any, ...]
    check_row: Callable[[Context, RowValues], dict[str, Any] | None]
    write_row: Callable[[Context, dict[str, Any]], Iterable[models.Model]]
    notes: tuple[str, ...] = field(default=())
    # Large sheets: `prefetch` looks up a chunk of rows' references in a few queries before
    # they are checked; `flush`, when set, writes what `write_row` queued (in bulk) and
    # returns the new rows; such kinds write without a savepoint per row.
    prefetch: Callable[[Context, Sequence[RowValues]], None] | None = None
    flush: Callable[[Context], Iterable[models.Model]] | None = None

    @property
    def label(self) -> str:
        return str(ImportKind(self.key).label)

    def check(self, ctx: Context, values: RowValues) -> Outcome:
        payload = self.check_row(ctx, values)
        return Outcome(None if values.errors else payload, list(values.errors))


# ------------------------------------------------------------------------------- helpers


def _unit_for(
    ctx: Context, values: RowValues, key: str, permission: Permission, *, planned_ok: bool = False
) -> Unit | None:
    code = values.code(key)
    if not code:
        return None
    unit = ctx.unit(code)
    if unit is None:
        if not (planned_ok and code in ctx.planned_units):
            values.error(key, "Không có đơn vị mã “{c}” trong hệ thống.".format(c=code))
        return None
    if not has_permission(ctx.actor, Permission.IMPORT_DATA, unit) or not has_permission(
        ctx.actor, permission, unit
    ):
        values.error(key, "Bạn không có quyền nhập dữ liệu cho “{u}”.".format(u=unit.name))
        return None
    return unit


def _subject(ctx: Context, values: RowValues, permission: Permission) -> Person | Unit | None:
    national_id = values.digits("national_id")
    unit_code = values.code("unit_code")
    if national_id and unit_code:
        values.error(
            "national_id", "Chỉ điền số CCCD (cá nhân) hoặc mã đơn vị (tập thể), không điền cả hai."
        )
        return None
    if national_id:
        person = ctx.person(national_id)
        if person is None:
            values.error(
                "national_id", "Không có ai mang số CCCD {n} trong hệ thống.".format(n=national_id)
            )
            return None
        if (
            person.unit is None
            or not has_permission(ctx.actor, Permission.IMPORT_DATA, person.unit)
            or not has_permission(ctx.actor, permission, person.unit)
        ):
            values.error(
                "national_id",
                "Bạn không có quyền nhập dữ liệu cho “{p}”.".format(p=person.full_name),
            )
            return None
        return person
    if unit_code:
        return _unit_for(ctx, values, "unit_code", permission)
    values.error("national_id", "Cần số CCCD (cá nhân) hoặc mã đơn vị (tập thể).")
    return None


def _not_future(ctx: Context, values: RowValues, key: str, day: date | None) -> None:
    if day is not None and day > ctx.today:
        values.error(key, "Ngày {d} chưa đến.".format(d=day.strftime("%d/%m/%Y")))


# --------------------------------------------------------------------------------- units


def _check_unit(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    code = v.code("code")
    kind = v.choice("kind", choice_lookup(UnitKind, UNIT_KIND_ALIASES))
    valid_from = v.date("valid_from")
    parent_code = v.code("parent_code")
    parent = None
    if parent_code:
        parent = ctx.unit(parent_code)
        if parent is None and parent_code not in ctx.planned_units:
            v.error(
                "parent_code",
                "Không có đơn vị cấp trên mã “{c}” (trong hệ thống hay ở các dòng trên).".format(
                    c=parent_code
                ),
            )
        elif parent is not None and (
            not has_permission(ctx.actor, Permission.IMPORT_DATA, parent)
            or not has_permission(ctx.actor, Permission.MANAGE_UNITS, parent)
        ):
            v.error(
                "parent_code", "Bạn không có quyền thêm đơn vị vào “{u}”.".format(u=parent.name)
            )
    elif not has_permission(ctx.actor, Permission.MANAGE_USERS):
        v.error(
            "parent_code",
            "Chỉ quản trị hệ thống được thêm đơn vị cấp cao nhất; hãy điền mã đơn vị cấp trên.",
        )
    if code:
        earlier = ctx.first_seen("unit:" + code, v.row.number)
        if earlier is not None:
            v.error("code", "Mã “{c}” đã có ở dòng {r}.".format(c=code, r=earlier))
        elif ctx.unit(code) is not None:
            v.error("code", "Mã đơn vị “{c}” đã được dùng trong hệ thống.".format(c=code))
        ctx.planned_units.add(code)
    if v.errors:
        return None
    return {
        "code": code,
        "name": v.text("name"),
        "kind": kind,
        "parent_code": parent_code,
        "short_name": v.text("short_name"),
        "valid_from": valid_from,
    }


def _write_unit(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    parent = ctx.unit(p["parent_code"]) if p["parent_code"] else None
    unit = org_services.create_unit(
        ctx.actor,
        code=p["code"],
        name=p["name"],
        kind=p["kind"],
        parent=parent,
        short_name=p["short_name"],
        valid_from=p["valid_from"],
    )
    ctx.forget_unit(p["code"])
    return [unit]


# -------------------------------------------------------------------------------- people


def _check_person(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    name = v.text("full_name")
    gender = v.choice("gender", choice_lookup(Gender, GENDER_ALIASES))
    dob = v.date("date_of_birth")
    _not_future(ctx, v, "date_of_birth", dob)
    since = v.date("since") or ctx.today
    unit = _unit_for(ctx, v, "unit_code", Permission.MANAGE_PEOPLE)
    national_id = v.digits("national_id")
    if unit is not None and not unit.is_active:
        v.error("unit_code", "Đơn vị “{u}” đã chấm dứt hoạt động.".format(u=unit.name))
    if name and any(ch.isdigit() for ch in name):
        v.error("full_name", "Họ và tên có chữ số: “{n}”.".format(n=name))
    if national_id:
        for reason in identity.check_national_id(
            national_id, date_of_birth=dob, is_female=(gender == Gender.FEMALE) if gender else None
        ):
            v.error("national_id", reason.message)
        earlier = ctx.first_seen("cccd:" + national_id, v.row.number)
        if earlier is not None:
            v.error(
                "national_id",
                "Trùng người: số CCCD {n} đã có ở dòng {r}.".format(n=national_id, r=earlier),
            )
        else:
            other = ctx.person(national_id)
            if other is not None:
                v.error(
                    "national_id",
                    "Trùng người: số CCCD {n} đã thuộc về “{p}” trong hệ thống.".format(
                        n=national_id, p=other.full_name
                    ),
                )
    elif name and unit is not None:
        key = f"name:{fold(name)}|{dob}|{unit.pk}"
        earlier = ctx.first_seen(key, v.row.number)
        if earlier is not None:
            v.error(
                "full_name",
                "Trùng người: cùng họ tên, ngày sinh và đơn vị với dòng {r}.".format(r=earlier),
            )
        elif Person.objects.filter(search_key=fold(name), date_of_birth=dob, unit=unit).exists():
            v.error(
                "full_name",
                "Trùng người: “{n}” cùng ngày sinh đã có trong đơn vị này.".format(n=name),
            )
    if v.errors:
        return None
    return {
        "full_name": name,
        "gender": gender,
        "date_of_birth": dob,
        "national_id": national_id,
        "ethnicity": v.text("ethnicity") or "Kinh",
        "civil_servant_code": v.text("civil_servant_code"),
        "unit_id": unit.pk if unit else None,
        "position": v.text("position"),
        "is_direct_worker": v.flag("direct_worker"),
        "since": since,
    }


def _write_person(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    unit = ctx.unit_by_pk(p["unit_id"])
    data = org_services.PersonData(
        full_name=p["full_name"],
        gender=p["gender"],
        date_of_birth=p["date_of_birth"],
        ethnicity=p["ethnicity"],
        national_id=p["national_id"],
        civil_servant_code=p["civil_servant_code"],
    )
    org_services.create_person(
        ctx.actor,
        data,
        unit=unit,
        position=p["position"],
        is_direct_worker=p["is_direct_worker"],
        since=p["since"],
        batch=ctx.people_batch,
    )
    return []  # written by `_flush_people`


def _prefetch_national_ids(ctx: Context, rows: Sequence[RowValues]) -> None:
    numbers = [v.digits("national_id") for v in rows]
    ctx.prime_people(numbers)
    ctx.people_batch.prefetch(numbers)


def _flush_people(ctx: Context) -> list[models.Model]:
    return list(ctx.people_batch.flush())


# ------------------------------------------------------------------------------ clusters


def _check_cluster(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    kind = v.choice("kind", choice_lookup(ClusterKind, CLUSTER_ALIASES), ClusterKind.CLUSTER)
    year = v.year("year")
    organiser = _unit_for(ctx, v, "organiser_code", Permission.MANAGE_CLUSTERS)
    members: list[int] = []
    for code in v.items("member_codes"):
        unit = ctx.unit(code)
        if unit is None:
            v.error("member_codes", "Không có đơn vị mã “{c}”.".format(c=code.upper()))
        else:
            members.append(unit.pk)
    if len(set(members)) < 2 and not v.errors:
        v.error("member_codes", "Cụm, khối cần ít nhất hai đơn vị thành viên.")
    roles: dict[str, int | None] = {}
    for key in ("leader_code", "deputy_code"):
        code = v.code(key)
        unit = ctx.unit(code) if code else None
        if code and (unit is None or unit.pk not in members):
            v.error(key, "“{c}” phải là một đơn vị thành viên của cụm.".format(c=code))
        roles[key] = unit.pk if unit else None
    code = v.code("code")
    if code and year:
        earlier = ctx.first_seen(f"cluster:{code}:{year}", v.row.number)
        if earlier is not None:
            v.error(
                "code", "Mã cụm “{c}” năm {y} đã có ở dòng {r}.".format(c=code, y=year, r=earlier)
            )
        elif Cluster.objects.filter(code=code, year=year).exists():
            v.error("code", "Mã cụm “{c}” đã được dùng trong năm {y}.".format(c=code, y=year))
    if v.errors:
        return None
    return {
        "code": code,
        "name": v.text("name"),
        "kind": kind,
        "year": year,
        "organiser_id": organiser.pk if organiser else None,
        "members": members,
        "leader_id": roles["leader_code"],
        "deputy_id": roles["deputy_code"],
        "note": v.text("note"),
    }


def _write_cluster(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    units = Unit.objects.in_bulk([*p["members"], p["organiser_id"]])
    cluster = org_services.create_cluster(
        ctx.actor,
        code=p["code"],
        name=p["name"],
        kind=p["kind"],
        year=p["year"],
        organiser=units[p["organiser_id"]],
        members=[units[i] for i in p["members"]],
        leader=units.get(p["leader_id"]) if p["leader_id"] else None,
        deputy=units.get(p["deputy_id"]) if p["deputy_id"] else None,
        note=p["note"],
    )
    return [cluster, *cluster.members.all()]


# ------------------------------------------------------------------------------- ratings


def _subject_ref(subject: Person | Unit) -> dict[str, Any]:
    return {"person_id": subject.pk} if isinstance(subject, Person) else {"unit_id": subject.pk}


def _load_subject(p: dict[str, Any]) -> Person | Unit:
    if p.get("person_id"):
        return Person.objects.select_related("unit").get(pk=p["person_id"])
    return Unit.objects.get(pk=p["unit_id"])


def _check_rating(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    subject = _subject(ctx, v, Permission.MANAGE_AWARD_RECORDS)
    year = v.year("year")
    rating = v.choice("rating", choice_lookup(RatingChoice, RATING_ALIASES))
    if year and year > ctx.today.year:
        v.error("year", "Năm {y} chưa đến.".format(y=year))
    if subject is not None and year:
        ref = _subject_ref(subject)
        earlier = ctx.first_seen(f"rating:{ref}:{year}", v.row.number)
        if earlier is not None:
            v.error(
                "year",
                "Xếp loại năm {y} của đối tượng này đã có ở dòng {r}.".format(y=year, r=earlier),
            )
        elif AnnualRating.objects.filter(
            **{k.removesuffix("_id"): val for k, val in ref.items()}, year=year
        ).exists():
            v.error(
                "year", "Đã có xếp loại năm {y} của “{s}” trong hệ thống.".format(y=year, s=subject)
            )
    if v.errors or subject is None:
        return None
    return {**_subject_ref(subject), "year": year, "rating": rating}


def _write_rating(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    return [award_services.set_rating(ctx.actor, _load_subject(p), p["year"], p["rating"])]


# -------------------------------------------------------------------------- award history


def _check_award(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    subject = _subject(ctx, v, Permission.MANAGE_AWARD_RECORDS)
    year = v.year("year")
    decision_date = v.date("decision_date")
    _not_future(ctx, v, "decision_date", decision_date)
    ref = v.text("award")
    award_type = ctx.award(ref) if ref else None
    if ref and award_type is None:
        v.error("award", "“{a}” không có trong danh mục hình thức khen thưởng.".format(a=ref))
    category = v.choice("category", choice_lookup(Category), Category.CONG_TRANG)
    if subject is not None and award_type is not None and year:
        earlier = ctx.first_seen(
            f"award:{_subject_ref(subject)}:{award_type.pk}:{year}", v.row.number
        )
        if earlier is not None:
            v.error("award", "Khen thưởng này đã có ở dòng {r}.".format(r=earlier))
        elif AwardRecord.objects.filter(
            **{k.removesuffix("_id"): val for k, val in _subject_ref(subject).items()},
            award_type=award_type,
            year=year,
            revoked=False,
        ).exists():
            v.error(
                "award",
                "{a} năm {y} đã có trong lịch sử khen thưởng của đối tượng này.".format(
                    a=award_type.name, y=year
                ),
            )
    if v.errors or subject is None or award_type is None:
        return None
    return {
        **_subject_ref(subject),
        "award_type_id": award_type.pk,
        "year": year,
        "category": category,
        "decision_number": v.text("decision_number"),
        "decision_date": decision_date,
        "issuer": v.text("issuer"),
        "note": v.text("note"),
    }


def _write_award(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    data = award_services.AwardData(
        award_type=AwardType.objects.get(pk=p["award_type_id"]),
        year=p["year"],
        category=p["category"],
        decision_number=p["decision_number"],
        decision_date=p["decision_date"],
        issuer=p["issuer"],
        note=p["note"],
    )
    return [award_services.record_award(ctx.actor, _load_subject(p), data)]


# --------------------------------------------------------------------------- initiatives


def _check_initiative(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    kind = v.choice(
        "kind", choice_lookup(InitiativeKind, INITIATIVE_ALIASES), InitiativeKind.INITIATIVE
    )
    level = v.choice("level", choice_lookup(RecognitionLevelChoice, LEVEL_ALIASES))
    year = v.year("year")
    if year and year > ctx.today.year:
        v.error("year", "Năm {y} chưa đến.".format(y=year))
    authors: list[int] = []
    for number in v.items("author_ids"):
        digits = number.replace(" ", "").replace(".", "")
        person = ctx.person(digits)
        if person is None:
            v.error("author_ids", "Không có ai mang số CCCD {n}.".format(n=digits))
        elif person.unit is None or not has_permission(
            ctx.actor, Permission.IMPORT_DATA, person.unit
        ):
            v.error(
                "author_ids",
                "Bạn không có quyền nhập dữ liệu cho “{p}”.".format(p=person.full_name),
            )
        else:
            authors.append(person.pk)
    unit = _unit_for(ctx, v, "unit_code", Permission.MANAGE_AWARD_RECORDS)
    if not authors and unit is None and not v.errors:
        v.error("author_ids", "Cần ít nhất một tác giả (số CCCD) hoặc mã đơn vị.")
    if v.errors:
        return None
    return {
        "kind": kind,
        "title": v.text("title"),
        "level": level,
        "year": year,
        "authors": authors,
        "unit_id": unit.pk if unit else None,
        "recognised_by": v.text("recognised_by"),
        "decision_number": v.text("decision_number"),
    }


def _write_initiative(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    data = award_services.InitiativeData(
        kind=p["kind"],
        title=p["title"],
        level=p["level"],
        year=p["year"],
        recognised_by=p["recognised_by"],
        decision_number=p["decision_number"],
    )
    initiative = award_services.record_initiative(
        ctx.actor,
        data,
        authors=list(Person.objects.filter(pk__in=p["authors"]).select_related("unit")),
        unit=Unit.objects.get(pk=p["unit_id"]) if p["unit_id"] else None,
    )
    return [initiative]


# ------------------------------------------------------------------------- registrations


def _movement(ctx: Context, v: RowValues) -> Movement | None:
    ref = v.text("movement")
    if not ref:
        return None
    movement = ctx.movement(ref)
    if movement is None:
        v.error(
            "movement",
            "Không có phong trào “{m}” (ghi số hiệu hoặc số văn bản phát động).".format(m=ref),
        )
    return movement


def _check_registration(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    movement = _movement(ctx, v)
    unit = _unit_for(ctx, v, "unit_code", Permission.TAKE_PART)
    title = v.choice("collective_title", choice_lookup(AwardCode))
    if movement is not None and unit is not None:
        earlier = ctx.first_seen(f"reg:{movement.pk}:{unit.pk}", v.row.number)
        if earlier is not None:
            v.error("unit_code", "Đơn vị đã đăng ký ở dòng {r}.".format(r=earlier))
        elif movement.registrations.filter(unit=unit).exists():
            v.error(
                "unit_code", "“{u}” đã đăng ký thi đua trong phong trào này.".format(u=unit.name)
            )
        elif not movement_services.is_participant(movement, unit):
            v.error(
                "unit_code",
                "“{u}” không thuộc đối tượng tham gia phong trào này.".format(u=unit.name),
            )
    if v.errors or movement is None or unit is None:
        return None
    return {
        "movement_id": movement.pk,
        "unit_id": unit.pk,
        "collective_title": title,
        "commitments": v.text("commitments"),
    }


def _write_registration(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    reg = movement_services.register_unit(
        ctx.actor,
        Movement.objects.get(pk=p["movement_id"]),
        Unit.objects.get(pk=p["unit_id"]),
        collective_title=p["collective_title"],
        commitments=p["commitments"],
    )
    return [reg]


# ------------------------------------------------------------------------------ progress


def _check_progress(ctx: Context, v: RowValues) -> dict[str, Any] | None:
    movement = _movement(ctx, v)
    unit = _unit_for(ctx, v, "unit_code", Permission.TAKE_PART)
    value = v.number("value")
    reported_on = v.date("reported_on") or ctx.today
    _not_future(ctx, v, "reported_on", reported_on)
    target = None
    ref = v.text("target")
    if movement is not None and ref:
        targets = movement.targets.all()
        target = targets.filter(position=int(ref)).first() if ref.isdigit() else None
        if target is None:
            target = next((t for t in targets if fold(t.indicator) == fold(ref)), None)
        if target is None:
            v.error(
                "target",
                "Phong trào không có chỉ tiêu “{t}” (ghi số thứ tự hoặc tên chỉ tiêu).".format(
                    t=ref
                ),
            )
    if v.errors or target is None or unit is None:
        return None
    return {
        "target_id": target.pk,
        "unit_id": unit.pk,
        "value": value,
        "reported_on": reported_on,
        "note": v.text("note"),
    }


def _write_progress(ctx: Context, p: dict[str, Any]) -> list[models.Model]:
    report = movement_services.report_target_value(
        ctx.actor,
        Target.objects.select_related("movement").get(pk=p["target_id"]),
        unit=Unit.objects.get(pk=p["unit_id"]),
        value=p["value"],
        reported_on=p["reported_on"],
        note=p["note"],
    )
    return [report]


# ------------------------------------------------------------------------------ registry

C = Column
_SUBJECT = (
    C(
        "national_id",
        "Số CCCD",
        ("CCCD", "Căn cước công dân", "Số căn cước", "CMND", "Số định danh"),
    ),
    C("unit_code", "Mã đơn vị", ("Mã tập thể", "Mã ĐV")),
)

KINDS: dict[str, Kind] = {
    ImportKind.UNITS: Kind(
        ImportKind.UNITS,
        (
            C("code", "Mã đơn vị", ("Mã", "Mã ĐV"), True),
            C("name", "Tên đơn vị", ("Tên", "Đơn vị"), True),
            C("kind", "Loại đơn vị", ("Loại", "Loại hình"), True),
            C("parent_code", "Mã đơn vị cấp trên", ("Cấp trên", "Mã cấp trên", "Trực thuộc")),
            C("short_name", "Tên viết tắt", ("Viết tắt",)),
            C("valid_from", "Ngày thành lập", ("Hoạt động từ", "Ngày bắt đầu")),
        ),
        Permission.MANAGE_UNITS,
        ("T.H.C", "Xã Cẩm Hưng", "Xã", "T.H", "", "01/07/2025"),
        _check_unit,
        _write_unit,
    ),
    ImportKind.PEOPLE: Kind(
        ImportKind.PEOPLE,
        (
            C("full_name", "Họ và tên", ("Họ tên", "Tên", "Họ, tên"), True),
            C("gender", "Giới tính", ("Phái", "Nam/Nữ"), True),
            C("date_of_birth", "Ngày sinh", ("Ngày tháng năm sinh", "Sinh ngày", "Năm sinh")),
            C(
                "national_id",
                "Số CCCD",
                ("CCCD", "Căn cước công dân", "Số căn cước", "Số định danh"),
            ),
            C("ethnicity", "Dân tộc"),
            C("civil_servant_code", "Mã công chức", ("Mã CBCC", "Mã viên chức", "Mã cán bộ")),
            C("unit_code", "Mã đơn vị", ("Mã ĐV", "Đơn vị"), True),
            C("position", "Chức vụ", ("Chức danh", "Chức vụ, chức danh")),
            C("since", "Công tác từ ngày", ("Ngày bắt đầu", "Từ ngày")),
            C("direct_worker", "Trực tiếp sản xuất", ("Lao động trực tiếp",)),
        ),
        Permission.MANAGE_PEOPLE,
        (
            "Nguyễn Thị Hoa",
            "Nữ",
            "15/03/1985",
            "042185000123",
            "Kinh",
            "",
            "T.H.A",
            "Chuyên viên",
            "",
            "",
        ),
        _check_person,
        _write_person,
        prefetch=_prefetch_national_ids,
        flush=_flush_people,
    ),
    ImportKind.CLUSTERS: Kind(
        ImportKind.CLUSTERS,
        (
            C("code", "Mã cụm", ("Mã cụm khối", "Mã"), True),
            C("name", "Tên cụm", ("Tên cụm khối", "Tên"), True),
            C("kind", "Loại", ("Cụm hay khối",)),
            C("year", "Năm", (), True),
            C("organiser_code", "Mã đơn vị tổ chức", ("Đơn vị tổ chức",), True),
            C(
                "member_codes",
                "Mã các đơn vị thành viên",
                ("Thành viên", "Đơn vị thành viên"),
                True,
            ),
            C("leader_code", "Mã trưởng cụm", ("Trưởng cụm", "Trưởng khối")),
            C("deputy_code", "Mã phó cụm", ("Phó cụm", "Phó khối")),
            C("note", "Ghi chú"),
        ),
        Permission.MANAGE_CLUSTERS,
        ("CUM1", "Cụm thi đua số 1", "Cụm", "2025", "T", "T.H.A, T.H.B", "T.H.A", "T.H.B", ""),
        _check_cluster,
        _write_cluster,
    ),
    ImportKind.RATINGS: Kind(
        ImportKind.RATINGS,
        (
            *_SUBJECT,
            C("year", "Năm", ("Năm đánh giá",), True),
            C("rating", "Xếp loại", ("Mức xếp loại", "Kết quả xếp loại"), True),
        ),
        Permission.MANAGE_AWARD_RECORDS,
        ("042185000123", "", "2024", "HTXS"),
        _check_rating,
        _write_rating,
    ),
    ImportKind.AWARDS: Kind(
        ImportKind.AWARDS,
        (
            *_SUBJECT,
            C(
                "award",
                "Hình thức khen thưởng",
                ("Danh hiệu", "Hình thức", "Mã khen thưởng", "Danh hiệu, hình thức"),
                True,
            ),
            C("year", "Năm thành tích", ("Năm",), True),
            C("decision_number", "Số quyết định", ("Số QĐ", "Quyết định số")),
            C("decision_date", "Ngày quyết định", ("Ngày QĐ", "Ngày ký")),
            C("issuer", "Cơ quan quyết định", ("Cấp khen", "Người ký", "Cơ quan ban hành")),
            C("category", "Loại hình khen thưởng", ("Loại hình",)),
            C("note", "Ghi chú"),
        ),
        Permission.MANAGE_AWARD_RECORDS,
        ("042185000123", "", "LDTT", "2024", "15/QĐ-UBND", "10/01/2025", "UBND xã", "", ""),
        _check_award,
        _write_award,
    ),
    ImportKind.INITIATIVES: Kind(
        ImportKind.INITIATIVES,
        (
            C("title", "Tên sáng kiến", ("Tên sáng kiến, đề tài", "Tên đề tài", "Sáng kiến"), True),
            C("kind", "Loại", ("Sáng kiến hay đề tài",)),
            C("level", "Cấp công nhận", ("Phạm vi ảnh hưởng", "Cấp"), True),
            C("year", "Năm công nhận", ("Năm",), True),
            C("author_ids", "Số CCCD tác giả", ("Tác giả", "CCCD tác giả")),
            C("unit_code", "Mã đơn vị", ("Mã ĐV",)),
            C("recognised_by", "Cơ quan công nhận", ("Hội đồng công nhận",)),
            C("decision_number", "Số quyết định", ("Số QĐ",)),
        ),
        Permission.MANAGE_AWARD_RECORDS,
        (
            "Số hóa hồ sơ một cửa",
            "Sáng kiến",
            "Cơ sở",
            "2024",
            "042185000123",
            "",
            "UBND xã",
            "12/QĐ-UBND",
        ),
        _check_initiative,
        _write_initiative,
    ),
    ImportKind.REGISTRATIONS: Kind(
        ImportKind.REGISTRATIONS,
        (
            C(
                "movement",
                "Phong trào",
                ("Số hiệu phong trào", "Mã phong trào", "Số văn bản phát động"),
                True,
            ),
            C("unit_code", "Mã đơn vị", ("Mã ĐV",), True),
            C("collective_title", "Danh hiệu đăng ký", ("Danh hiệu", "Danh hiệu tập thể")),
            C("commitments", "Cam kết", ("Nội dung đăng ký", "Nội dung cam kết")),
        ),
        Permission.TAKE_PART,
        ("1", "T.H.A", "Tập thể lao động xuất sắc", "Hoàn thành 100% chỉ tiêu"),
        _check_registration,
        _write_registration,
    ),
    ImportKind.PROGRESS: Kind(
        ImportKind.PROGRESS,
        (
            C(
                "movement",
                "Phong trào",
                ("Số hiệu phong trào", "Mã phong trào", "Số văn bản phát động"),
                True,
            ),
            C("target", "Chỉ tiêu", ("Số thứ tự chỉ tiêu", "Tên chỉ tiêu", "STT chỉ tiêu"), True),
            C("unit_code", "Mã đơn vị", ("Mã ĐV",), True),
            C("value", "Giá trị", ("Kết quả", "Số liệu", "Giá trị đạt được"), True),
            C("reported_on", "Ngày số liệu", ("Tính đến ngày", "Ngày báo cáo")),
            C("note", "Ghi chú"),
        ),
        Permission.TAKE_PART,
        ("1", "1", "T.H.A", "1.234,5", "30/06/2025", ""),
        _check_progress,
        _write_progress,
    ),
}


def get_kind(key: str) -> Kind | None:
    return KINDS.get(key)
