"""Demo award histories 2015–2026 for the demo people and collectives (idempotent).

The histories follow the ladders of Luật TĐKT 2022 so that the forecast has real cases to show:
most people hold Lao động tiên tiến in the years they were rated well, the best of them Chiến
sĩ thi đua cơ sở, a few built the three-year chain to the provincial title with a provincial
initiative. Four people of Phường Trần Phú (Hà Tĩnh, the `tranphu` demo account) are fixed
showcase cases: one step short of the provincial title, eligible for the Prime Minister's
certificate, blocked by discipline in force, and a chain broken by a revoked award. The former
communes merged into Trần Phú keep their collective awards, shown on the ward's history.
Random choices come from a generator seeded by each person's CCCD, so every load is the same.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from thidua.awards.choices import Category, InitiativeKind, RatingChoice
from thidua.awards.models import (
    AnnualRating,
    AwardRecord,
    AwardType,
    DisciplineRecord,
    Initiative,
    PendingMatter,
    QuotaRule,
)
from thidua.core.events import record_event
from thidua.org.access import predecessor_ids
from thidua.org.models import Person, Unit

FIRST_YEAR = 2015
LAST_AWARD_YEAR = 2025
RATED_YEAR = 2026  # the 2026 review is done for the showcase people (November 2026)
REFORM = date(2025, 7, 1)
SHOWCASE_UNIT = "HT.TRANPHU"
# Collective titles of communes later merged into Phường Trần Phú, each decided (January of
# the next year) while the commune still existed.
PREDECESSOR_AWARDS = (
    ("HT.TPHT.THACHHA", "TTLDXS", 2022),
    ("HT.TPHT.THACHHA", "TTLDTT", 2023),
    ("HT.TPHT.THACHTRUNG", "TTLDXS", 2021),
    ("HT.TPHT.DONGMON", "TTLDTT", 2022),
)
RATINGS = (RatingChoice.HTXS, RatingChoice.HTT, RatingChoice.HT, RatingChoice.KHT)
RATING_WEIGHTS = (20, 65, 12, 3)


@dataclass
class _Batch:
    ratings: list[AnnualRating]
    awards: list[AwardRecord]


def _rating(rng: random.Random) -> str:
    return str(rng.choices(RATINGS, RATING_WEIGHTS)[0])


def _ancestor(unit: Unit, level: str, units: dict[int, Unit]) -> Unit | None:
    current: Unit | None = unit
    while current is not None:
        if current.level == level:
            return current
        current = units.get(current.parent_id) if current.parent_id else None
    return None


def _former_district(unit: Unit, units: dict[int, Unit]) -> Unit | None:
    """The district of the unit, or (for a ward formed in 2025) of the units it succeeded."""
    district = _ancestor(unit, "district", units)
    if district is not None:
        return district
    for pk in sorted(predecessor_ids({unit.pk})):
        district = _ancestor(units[pk], "district", units)
        if district is not None:
            return district
    return None


def _issuer(
    unit: Unit, code: str, decided: date, units: dict[int, Unit], districts: dict[int, Unit | None]
) -> str:
    """Who decided, by the rules in force on `decided` (Luật TĐKT 2022, Điều 80; NĐ 129/2025
    moves the district chair's powers to the commune chair from 01/07/2025)."""
    province = _ancestor(unit, "province", units)
    if code in {"CSTDBT", "BK_BT", "TTLDXS", "CO_BT"}:
        return f"Chủ tịch UBND {province.name}" if province else "Chủ tịch UBND tỉnh"
    if code == "BK_TTG":
        return "Thủ tướng Chính phủ"
    if unit.level == "department":
        return f"Giám đốc {unit.name}"
    if decided < REFORM:
        if unit.pk not in districts:
            districts[unit.pk] = _former_district(unit, units)
        district = districts[unit.pk]
        return f"Chủ tịch UBND {district.name}" if district else "Chủ tịch UBND cấp huyện"
    return f"Chủ tịch UBND {unit.name}"


def _decision(number: int, code: str, year: int) -> tuple[str, date]:
    """Titles of year Y are decided in mid-January of Y+1."""
    decided = date(year + 1, 1, 10 + number % 15)
    symbol = "QĐ-UBND" if code not in {"BK_TTG"} else "QĐ-TTg"
    return f"{100 + number % 900}/{symbol}", decided


class _Writer:
    def __init__(self, types: dict[str, AwardType], units: dict[int, Unit]) -> None:
        self.types = types
        self.units = units
        self.batch = _Batch([], [])
        self.counter = 0
        self.given: set[tuple[str, int, str, int]] = set()
        self.districts: dict[int, Unit | None] = {}

    def award(
        self,
        subject: Person | Unit,
        code: str,
        year: int,
        *,
        category: str = Category.CONG_TRANG,
        revoked: str = "",
    ) -> None:
        key = (type(subject).__name__, subject.pk, code, year)
        if key in self.given:  # one achievement, one award (Luật TĐKT 2022, Điều 5)
            return
        self.given.add(key)
        self.counter += 1
        number, decided = _decision(self.counter, code, year)
        unit = subject if isinstance(subject, Unit) else subject.unit
        assert unit is not None
        record = AwardRecord(
            award_type=self.types[code],
            year=year,
            category=category,
            decision_number=number,
            decision_date=decided,
            issuer=_issuer(unit, code, decided, self.units, self.districts),
            note="Dữ liệu mẫu.",
            revoked=bool(revoked),
            revoked_on=date(year + 2, 6, 1) if revoked else None,
            revocation_reason=revoked,
        )
        if isinstance(subject, Unit):
            record.unit = subject
        else:
            record.person = subject
        self.batch.awards.append(record)

    def rating(self, subject: Person | Unit, year: int, value: str) -> None:
        row = AnnualRating(year=year, rating=value)
        if isinstance(subject, Unit):
            row.unit = subject
        else:
            row.person = subject
        self.batch.ratings.append(row)


def _history(writer: _Writer, person: Person, rng: random.Random) -> list[tuple[int, str]]:
    """Ratings and titles year by year; returns the (year, level) of initiatives to create."""
    cstdcs_years: list[int] = []
    initiatives: list[tuple[int, str]] = []
    start = rng.randint(FIRST_YEAR, 2019)
    for year in range(start, LAST_AWARD_YEAR + 1):
        rating = _rating(rng)
        writer.rating(person, year, rating)
        if rating not in (RatingChoice.HTT, RatingChoice.HTXS) or rng.random() < 0.1:
            continue
        writer.award(person, "LDTT", year)
        if rating == RatingChoice.HTXS and rng.random() < 0.7:
            writer.award(person, "CSTDCS", year)
            cstdcs_years.append(year)
            if rng.random() < 0.3:
                initiatives.append((year, "CO_SO"))
    chain = [y for y in cstdcs_years if {y - 1, y - 2} <= set(cstdcs_years)]
    if chain and rng.random() < 0.6:
        year = chain[-1]
        initiatives.append((year, "BO_TINH"))
        writer.award(person, "CSTDBT", year)
    elif len(cstdcs_years) >= 2 and rng.random() < 0.3:
        writer.award(person, "BK_BT", cstdcs_years[-1])
    if rng.random() < 0.05:
        writer.award(person, "GK", rng.randint(start, LAST_AWARD_YEAR), category=Category.DOT_XUAT)
    return initiatives


def _showcase(writer: _Writer, people: list[Person]) -> list[tuple[Person, int, str, str]]:
    """The four fixed cases; returns initiatives to create as (person, year, level, used_for)."""
    short, ttg, disciplined, revoked = people[:4]
    for person in people[:4]:
        for year in range(FIRST_YEAR, RATED_YEAR + 1):
            writer.rating(person, year, RatingChoice.HTT)
    # One step short: CSTĐCS 2024 and 2025, HTXS throughout, a provincial initiative of 2025.
    for year in (2024, 2025):
        writer.award(short, "LDTT", year)
        writer.award(short, "CSTDCS", year)
    for year in range(2023, RATED_YEAR + 1):
        _replace_rating(writer, short, year, RatingChoice.HTXS)
    # Eligible for the Prime Minister's certificate: BK tỉnh 2020, good years since, 3 × CSTĐCS.
    writer.award(ttg, "BK_BT", 2020)
    for year in (2022, 2023, 2025):
        writer.award(ttg, "LDTT", year)
        writer.award(ttg, "CSTDCS", year)
        _replace_rating(writer, ttg, year, RatingChoice.HTXS)
    # Blocked: same record as the first, but reprimanded from 01/03/2026 for a year.
    for year in (2024, 2025):
        writer.award(disciplined, "LDTT", year)
        writer.award(disciplined, "CSTDCS", year)
    # Broken chain: CSTĐCS 2024 revoked (Điều 93), so 2025–2026 cannot reach three in a row.
    writer.award(revoked, "CSTDCS", 2024, revoked="Kê khai không trung thực thành tích (Điều 93).")
    writer.award(revoked, "CSTDCS", 2025)
    return [(short, 2025, "BO_TINH", ""), (revoked, 2025, "BO_TINH", "")]


def _replace_rating(writer: _Writer, person: Person, year: int, value: str) -> None:
    for row in writer.batch.ratings:
        if row.person is person and row.year == year:
            row.rating = value


def _collectives(writer: _Writer, units: dict[int, Unit], rng: random.Random) -> None:
    for unit in sorted(units.values(), key=lambda u: u.code):
        if unit.level not in {"commune", "department", "district", "grassroots"}:
            continue
        local = random.Random(f"{rng.random()}-{unit.code}")
        first = max(2018, unit.valid_from.year if unit.valid_from else 2018)
        for year in range(first, LAST_AWARD_YEAR + 1):
            # A collective is rated and rewarded only while it exists (TT 15/2025).
            _, decided = _decision(0, "TTLDTT", year)
            if unit.valid_to is not None and decided > unit.valid_to:
                break
            rating = _rating(local)
            writer.rating(unit, year, rating)
            if rating in (RatingChoice.HTT, RatingChoice.HTXS) and local.random() < 0.7:
                code = (
                    "TTLDXS" if rating == RatingChoice.HTXS and local.random() < 0.5 else "TTLDTT"
                )
                writer.award(unit, code, year)


@transaction.atomic
def load_award_demo() -> dict[str, Any]:
    """Load the demo award histories once (marker: any award record exists)."""
    if AwardRecord.objects.exists():
        return {"created": False}
    types = {row.code: row for row in AwardType.objects.all()}
    units = {unit.pk: unit for unit in Unit.objects.all()}
    by_code = {unit.code: unit for unit in units.values()}
    writer = _Writer(types, units)
    showcase_unit = by_code.get(SHOWCASE_UNIT)
    showcase = (
        list(Person.objects.filter(unit=showcase_unit).order_by("sort_key")[:4])
        if showcase_unit
        else []
    )
    initiative_specs: list[tuple[Person, int, str, str]] = []
    people = Person.objects.select_related("unit").exclude(pk__in=[p.pk for p in showcase])
    for person in people.filter(unit__isnull=False).order_by("pk"):
        rng = random.Random(person.national_id or person.full_name)
        for year, level in _history(writer, person, rng):
            initiative_specs.append((person, year, level, ""))
    if len(showcase) == 4:
        initiative_specs += _showcase(writer, showcase)
    _collectives(writer, units, random.Random(2026))
    for code, award, year in PREDECESSOR_AWARDS:
        if code in by_code:
            writer.award(by_code[code], award, year)
    AnnualRating.objects.bulk_create(writer.batch.ratings, batch_size=2000)
    AwardRecord.objects.bulk_create(writer.batch.awards, batch_size=2000)
    _initiatives(initiative_specs)
    if len(showcase) == 4:
        DisciplineRecord.objects.create(
            person=showcase[2],
            level="KHIEN_TRACH",
            start=date(2026, 3, 1),
            end=date(2027, 2, 28),
            decision_number="15/QĐ-UBND",
            note="Dữ liệu mẫu: kỷ luật đang có hiệu lực.",
        )
        PendingMatter.objects.create(
            person=showcase[3],
            kind="complaint",
            opened=date(2024, 9, 1),
            closed=date(2025, 1, 20),
            note="Dữ liệu mẫu: đơn phản ánh đã giải quyết xong.",
        )
    province = by_code.get("HT")
    if province is not None:
        QuotaRule.objects.create(
            issuer=province,
            year=LAST_AWARD_YEAR,
            award_type=types["CSTDCS"],
            base_award_type=types["LDTT"],
            max_percent=Decimal("15"),
            legal_basis="Quy chế thi đua, khen thưởng của tỉnh (dữ liệu minh họa; Luật không quy "
            "định tỷ lệ)",
        )
    summary = {
        "created": True,
        "ratings": len(writer.batch.ratings),
        "awards": len(writer.batch.awards),
        "initiatives": len(initiative_specs),
    }
    message = (
        f"đã nạp {summary['awards']} khen thưởng, {summary['ratings']} kết quả xếp loại, "
        f"{summary['initiatives']} sáng kiến (2015–2026)."
    )
    record_event(
        actor=None,
        action="demo.load",
        object_type="demo",
        object_id="awards",
        object_repr="Dữ liệu mẫu: lịch sử khen thưởng",
        after=summary,
    )
    return {**summary, "message": message}


def _initiatives(specs: list[tuple[Person, int, str, str]]) -> None:
    """Create the initiatives; a provincial one in a CSTĐ-tỉnh year supported that award."""
    titles = (
        "Cải tiến quy trình tiếp nhận hồ sơ một cửa",
        "Số hóa hồ sơ lưu trữ của đơn vị",
        "Mô hình dân vận khéo trong xây dựng nông thôn mới",
        "Ứng dụng phần mềm theo dõi chỉ tiêu thi đua",
        "Giải pháp tiết kiệm chi thường xuyên",
    )
    cstdbt = {
        (row.person_id, row.year): row
        for row in AwardRecord.objects.filter(award_type__code="CSTDBT", revoked=False)
    }
    for index, (person, year, level, _) in enumerate(specs):
        initiative = Initiative.objects.create(
            kind=InitiativeKind.INITIATIVE,
            title=titles[index % len(titles)],
            level=level,
            year=year,
            recognised_by="Hội đồng sáng kiến cấp tỉnh"
            if level == "BO_TINH"
            else "Hội đồng sáng kiến cơ sở",
            unit=person.unit,
            used_for=cstdbt.get((person.pk, year)) if level == "BO_TINH" else None,
        )
        initiative.authors.add(person)
