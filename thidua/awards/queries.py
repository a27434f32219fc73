"""Reads of the award history: a subject's record for the engine, timelines, forecasts,
duplicates, quota counters and bonus amounts. Every list is scoped through `org.access`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet

from thidua.accounts.permissions import Permission
from thidua.awards import catalogue as packaged
from thidua.awards.choices import DisciplineLevel, RatingChoice
from thidua.awards.domain.bonus import bonus
from thidua.awards.domain.forecast import Forecast, forecast
from thidua.awards.domain.integrity import (
    DoubleAward,
    DuplicateGroup,
    PersonKey,
    QuotaStatus,
    find_double_awards,
    find_duplicate_people,
    quota_status,
)
from thidua.awards.domain.types import (
    AwardCategory,
    DisciplinePeriod,
    MemberStats,
    Rating,
    RecognitionLevel,
    ResearchResult,
    SubjectKind,
    SubjectRecord,
)
from thidua.awards.domain.types import (
    AwardRecord as AwardFactRecord,
)
from thidua.awards.domain.types import (
    Initiative as InitiativeFact,
)
from thidua.awards.models import (
    AnnualRating,
    AwardingAuthority,
    AwardRecord,
    AwardType,
    BaseSalary,
    BonusRule,
    DisciplineRecord,
    Initiative,
    ParameterChange,
    PendingMatter,
    QuotaRule,
)
from thidua.awards.services import fact_of
from thidua.movements.models import PersonRegistration, Registration
from thidua.org.access import scope_for
from thidua.org.models import Household, Person, Unit
from thidua.org.queries import lineage_closure

# Measures from cảnh cáo up: they bar a collective's members (TTLĐTT, legal-rules §4.2).
CANH_CAO_OR_ABOVE = [level for level in DisciplineLevel.values if level != "KHIEN_TRACH"]


def visible_records(user: Any) -> QuerySet[AwardRecord]:
    """Award records of people, units and households in the user's scope."""
    scope = scope_for(user, Permission.VIEW)
    rows = AwardRecord.objects.select_related("award_type", "person", "unit", "household")
    if scope.everything:
        return rows
    return rows.filter(
        scope.q("person__unit__path") | scope.q("unit__path") | scope.q("household__unit__path")
    )


def person_record(person: Person, *, registered: bool = False) -> SubjectRecord:
    """Everything the engine needs about a person, from the database."""
    awards = tuple(
        AwardFactRecord(r.award_type.code, r.year, AwardCategory(r.category), r.revoked)
        for r in person.awardrecord_set.select_related("award_type")
    )
    ratings = {r.year: Rating(r.rating) for r in person.annualrating_set.all()}
    initiatives: list[InitiativeFact] = []
    research: list[ResearchResult] = []
    for item in person.initiatives.select_related("used_for__award_type"):
        used = item.used_for.award_type.code if item.used_for else None
        level = RecognitionLevel(item.level)
        if item.kind == "research":
            research.append(ResearchResult(str(item.pk), level, item.year, used))
        else:
            initiatives.append(InitiativeFact(str(item.pk), level, item.year, used))
    discipline = tuple(DisciplinePeriod(d.level, d.start, d.end) for d in person.discipline.all())
    open_matters = person.pendingmatter_set.filter(closed__isnull=True).exists()
    return SubjectRecord(
        kind=SubjectKind.INDIVIDUAL,
        name=person.full_name,
        ratings=ratings,
        awards=awards,
        initiatives=tuple(initiatives),
        research=tuple(research),
        discipline=discipline,
        registered=registered,
        under_investigation=open_matters,
    )


def is_registered(subject: Person | Unit, year: int) -> bool:
    """Whether the subject registered for emulation (đăng ký thi đua) in a movement that runs
    in `year`: a person through their unit's registration, a unit by its own (legal-rules
    §2.3.8; whether registration is required is the rule figure `registration_required`)."""
    in_year = Q(movement__start_date__year__lte=year) & Q(movement__end_date__year__gte=year)
    if isinstance(subject, Person):
        return PersonRegistration.objects.filter(
            Q(person=subject)
            & Q(registration__movement__start_date__year__lte=year)
            & Q(registration__movement__end_date__year__gte=year)
        ).exists()
    return Registration.objects.filter(in_year, unit=subject).exists()


def member_stats(unit: Unit, year: int) -> MemberStats:
    """Counts over the unit's current people for `year` (Luật TĐKT 2022, Điều 27–28)."""
    people = Person.objects.filter(unit=unit)
    total = people.count()
    ratings = AnnualRating.objects.filter(person__unit=unit, year=year)
    good = ratings.filter(rating__in=[RatingChoice.HTXS, RatingChoice.HTT, RatingChoice.HT])
    awards = AwardRecord.objects.filter(person__unit=unit, year=year, revoked=False)
    disciplined = (
        DisciplineRecord.objects.filter(person__unit=unit, level__in=CANH_CAO_OR_ABOVE)
        .filter(start__year__lte=year)
        .filter(Q(end__isnull=True) | Q(end__year__gte=year))
        .values("person")
        .distinct()
        .count()
    )
    return MemberStats(
        total=total,
        htnv_or_better=good.count(),
        ldtt=awards.filter(award_type__code="LDTT").values("person").distinct().count(),
        cstdcs=awards.filter(award_type__code="CSTDCS").values("person").distinct().count(),
        disciplined_canh_cao_or_above=disciplined,
    )


def unit_record(unit: Unit, year: int, *, registered: bool = False) -> SubjectRecord:
    """Everything the engine needs about a collective: its own history (not its
    predecessors': a merged unit is a new collective) and its members' counts for `year`."""
    awards = tuple(
        AwardFactRecord(r.award_type.code, r.year, AwardCategory(r.category), r.revoked)
        for r in unit.awardrecord_set.select_related("award_type")
    )
    ratings = {r.year: Rating(r.rating) for r in unit.annualrating_set.all()}
    return SubjectRecord(
        kind=SubjectKind.COLLECTIVE,
        name=unit.name,
        ratings=ratings,
        awards=awards,
        members=member_stats(unit, year),
        registered=registered,
        under_investigation=unit.pendingmatter_set.filter(closed__isnull=True).exists(),
    )


def forecast_for(record: SubjectRecord, today: date) -> tuple[Forecast, ...]:
    """The ladder forecast for the current year, judged as proposed today."""
    return forecast(
        record,
        today.year,
        today,
        packaged.load_catalogue(),
        packaged.current_parameter_sets(),
    )


@dataclass(frozen=True)
class TimelineYear:
    year: int
    rating: str
    awards: list[AwardRecord]


def person_timeline(person: Person) -> list[TimelineYear]:
    """The person's awards and ratings grouped by year, newest first."""
    awards: dict[int, list[AwardRecord]] = defaultdict(list)
    for record in person.awardrecord_set.select_related("award_type").order_by(
        "-year", "award_type__position"
    ):
        awards[record.year].append(record)
    ratings = {r.year: r.get_rating_display() for r in person.annualrating_set.all()}
    years = sorted(set(awards) | set(ratings), reverse=True)
    return [TimelineYear(y, ratings.get(y, ""), awards.get(y, [])) for y in years]


@dataclass(frozen=True)
class UnitAward:
    record: AwardRecord
    inherited: bool


def unit_timeline(unit: Unit) -> list[UnitAward]:
    """The collective's awards with those of every unit it succeeded (merge, split, rename)."""
    units = lineage_closure(unit)
    rows = (
        AwardRecord.objects.filter(unit__in=units)
        .select_related("award_type", "unit")
        .order_by("-year", "award_type__position")
    )
    return [UnitAward(row, row.unit_id != unit.pk) for row in rows]


def person_initiatives(person: Person) -> QuerySet[Initiative]:
    return person.initiatives.select_related("used_for__award_type").order_by("-year")


def person_discipline(person: Person) -> QuerySet[DisciplineRecord]:
    return person.discipline.order_by("-start")


def open_matters(subject: Person | Unit) -> QuerySet[PendingMatter]:
    return subject.pendingmatter_set.order_by("-opened")


# --------------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------------


def catalogue_rows(subject: str = "", kind: str = "", level: str = "") -> QuerySet[AwardType]:
    rows = AwardType.objects.all()
    if subject:
        rows = rows.filter(subject__in=[subject, "any"])
    if kind:
        rows = rows.filter(kind=kind)
    if level:
        rows = rows.filter(level=level)
    return rows


def in_force(rows: list[Any], day: date) -> Any | None:
    """The row with the latest `effective_from` not after `day`."""
    current = [row for row in rows if row.effective_from <= day]
    return max(current, key=lambda row: row.effective_from, default=None)


def base_salary_on(day: date) -> BaseSalary | None:
    return BaseSalary.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


class BonusTable:
    """Bonus multiples and base salaries read once (two queries), for pages that show many
    amounts; `bonus_amount` is the one-off form."""

    def __init__(self, award_types: Iterable[int] | None = None) -> None:
        rules = BonusRule.objects.all()
        if award_types is not None:
            rules = rules.filter(award_type__in=list(award_types))
        self.rules: dict[tuple[int, str], list[BonusRule]] = defaultdict(list)
        for rule in rules:
            self.rules[(rule.award_type_id, rule.subject)].append(rule)
        self.salaries = list(BaseSalary.objects.all())

    def rule(self, award_type_id: int, subject: str, day: date) -> BonusRule | None:
        found: BonusRule | None = in_force(self.rules.get((award_type_id, subject), []), day)
        return found

    def amount(self, award_type_id: int, subject: str, day: date | None) -> Decimal | None:
        if day is None:
            return None
        rule = self.rule(award_type_id, subject, day)
        salary: BaseSalary | None = in_force(self.salaries, day)
        if rule is None or salary is None:
            return None
        return bonus(rule.multiple, salary.amount, packaged.bonus_rounding())


def bonus_amount(award_type: AwardType, subject: str, day: date) -> Decimal | None:
    """Multiple × lương cơ sở in force on `day` (the decision date), rounded by the
    `bonus_rounding` parameter."""
    return BonusTable([award_type.pk]).amount(award_type.pk, subject, day)


def authorities_on(award_type: AwardType, day: date) -> list[AwardingAuthority]:
    return [
        row
        for row in award_type.authorities.all()
        if row.effective_from <= day and (row.effective_to is None or day <= row.effective_to)
    ]


def parameter_history(rule_set: str, figure: str) -> QuerySet[ParameterChange]:
    return ParameterChange.objects.filter(rule_set=rule_set, figure=figure).select_related(
        "changed_by"
    )


# --------------------------------------------------------------------------------------------
# Integrity: duplicates, double awards, quotas
# --------------------------------------------------------------------------------------------


def duplicate_people(user: Any) -> list[DuplicateGroup]:
    """People in the user's scope who are probably recorded twice."""
    scope = scope_for(user, Permission.VIEW)
    people = scope.filter(Person.objects.all(), "unit__path")
    # Only people sharing a folded name and a birth date can match: narrow in the database.
    groups = (
        people.exclude(date_of_birth__isnull=True)
        .values("search_key", "date_of_birth")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    wanted = {(row["search_key"], row["date_of_birth"]) for row in groups}
    candidates = people.filter(search_key__in={name for name, _ in wanted}).only(
        "pk", "full_name", "search_key", "date_of_birth", "national_id"
    )
    keys = [
        PersonKey(p.pk, p.full_name, p.search_key, p.date_of_birth, p.national_id or "")
        for p in candidates
        if (p.search_key, p.date_of_birth) in wanted
    ]
    return find_duplicate_people(keys)


def double_awards(user: Any, year: int | None = None) -> list[DoubleAward]:
    """Achievements rewarded twice, or with two forms, among records in the user's scope."""
    rows = visible_records(user).filter(revoked=False)
    if year is not None:
        rows = rows.filter(year=year)
    return find_double_awards(fact_of(row) for row in rows)


@dataclass(frozen=True)
class QuotaUsage:
    rule: QuotaRule
    unit: Unit
    status: QuotaStatus


def quota_usage(user: Any, year: int) -> list[QuotaUsage]:
    """For each quota rule of `year`, the counter of each unit under the issuer that lies in
    the user's scope and has people: how many of the capped award it holds against its cap."""
    # A cap set by the province applies to the communes under it: every rule of the year is
    # read, and only the units in the user's scope are counted and shown.
    scope = scope_for(user, Permission.VIEW)
    rules = QuotaRule.objects.filter(year=year).select_related(
        "issuer", "award_type", "base_award_type"
    )
    usage: list[QuotaUsage] = []
    for rule in rules:
        awards = AwardRecord.objects.filter(
            year=year, revoked=False, person__unit__path__startswith=rule.issuer.path
        )
        used = dict(
            awards.filter(award_type=rule.award_type)
            .values_list("person__unit")
            .annotate(n=Count("id"))
        )
        if rule.base_award_type is not None:
            base = dict(
                awards.filter(award_type=rule.base_award_type)
                .values_list("person__unit")
                .annotate(n=Count("id"))
            )
        else:
            base = dict(
                Person.objects.filter(unit__path__startswith=rule.issuer.path)
                .values_list("unit")
                .annotate(n=Count("id"))
            )
        units = Unit.objects.filter(pk__in=set(base) | set(used)).order_by("path")
        for unit in scope.filter(units):
            status = quota_status(
                rule.award_type.name,
                base.get(unit.pk, 0),
                used.get(unit.pk, 0),
                rule.max_percent,
                rule.legal_basis,
            )
            usage.append(QuotaUsage(rule, unit, status))
    return usage


# --------------------------------------------------------------------------------------------
# Award-history search (a unit's subtree with its predecessors, year, award, kind, level)
# --------------------------------------------------------------------------------------------

RECORD_PAGE_SIZE = 50


@dataclass(frozen=True)
class RecordFilters:
    """Filters of the award-history search; empty values do not filter."""

    unit: Unit | None = None
    year: int | None = None
    award: str = ""
    kind: str = ""
    level: str = ""


def _minimal_paths(paths: Iterable[str]) -> list[str]:
    kept: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return sorted(kept)


def subtree_paths_with_predecessors(unit: Unit) -> list[str]:
    """The unit's subtree and the subtrees of every unit whose history flows into a unit of it
    (the communes merged into a new commune in 2025, transitively)."""
    from thidua.org.access import predecessor_ids
    from thidua.org.models import LineageEvent

    successors = set(
        LineageEvent.successors.through.objects.filter(
            unit__path__startswith=unit.path
        ).values_list("unit_id", flat=True)
    )
    found = predecessor_ids(successors | {unit.pk})
    paths = [unit.path]
    if found:
        paths += list(Unit.objects.filter(pk__in=found).values_list("path", flat=True))
    return _minimal_paths(paths)


def _paths_q(paths: Iterable[str], lookup: str = "path") -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{lookup}__startswith": path})
    return condition


def search_records(
    user: Any, filters: RecordFilters, *, after: str = "", limit: int = RECORD_PAGE_SIZE
) -> tuple[list[AwardRecord], str]:
    """A page of award records in the user's scope, newest year first, keyset-paginated.

    `after` is the cursor "<year>|<id>" of the last row of the previous page. The unit filter
    reaches people, collectives and households of the unit's subtree and of its predecessors'.
    """
    scope = scope_for(user, Permission.VIEW)
    rows = AwardRecord.objects.select_related("award_type", "person__unit", "unit", "household")
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    if filters.award:
        rows = rows.filter(award_type__code=filters.award)
    if filters.kind:
        rows = rows.filter(award_type__kind=filters.kind)
    if filters.level:
        rows = rows.filter(award_type__level=filters.level)
    if after and "|" in after:
        year, _, last = after.partition("|")
        if year.isdigit() and last.isdigit():
            rows = rows.filter(Q(year__lt=int(year)) | Q(year=int(year), pk__lt=int(last)))
    ordered = ("-year", "-pk")
    units: QuerySet[Unit] | None = None
    if filters.unit is not None:
        units = Unit.objects.filter(_paths_q(subtree_paths_with_predecessors(filters.unit)))
    if not scope.everything:
        units = scope.filter(units if units is not None else Unit.objects.all())
    if units is None:
        page = list(rows.order_by(*ordered)[: limit + 1])
    else:
        # One query per kind of subject, each newest first and bounded by the page: the
        # database can use the subject's index for a narrow scope and the (year, id) index for
        # a wide one; an OR across the three would force a scan of the whole history.
        ids = list(units.values_list("pk", flat=True))
        branches = [rows.filter(person__unit__in=ids), rows.filter(unit__in=ids)]
        households = list(Household.objects.filter(unit__in=ids).values_list("pk", flat=True))
        if households:  # none: an empty branch would still scan the history to find it so
            branches.append(rows.filter(household__in=households))
        page = []
        for branch in branches:
            page += list(branch.order_by(*ordered)[: limit + 1])
        page.sort(key=lambda r: (r.year, r.pk), reverse=True)
        page = page[: limit + 1]
    cursor = ""
    if len(page) > limit:
        page = page[:limit]
        cursor = f"{page[-1].year}|{page[-1].pk}"
    return page, cursor


# --------------------------------------------------------------------------------------------
# Many people at once (the year's nominees): a fixed number of queries, whatever their number
# --------------------------------------------------------------------------------------------

ID_CHUNK = 5000  # below SQLite's bound on query parameters


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]


def people_records(person_ids: Iterable[int], year: int) -> dict[int, SubjectRecord]:
    """`person_record(p, registered=is_registered(p, year))` for many people: eight queries
    per 5,000 people instead of seven per person."""
    ids = sorted(set(person_ids))
    awards: dict[int, list[AwardFactRecord]] = defaultdict(list)
    ratings: dict[int, dict[int, Rating]] = defaultdict(dict)
    initiatives: dict[int, list[InitiativeFact]] = defaultdict(list)
    research: dict[int, list[ResearchResult]] = defaultdict(list)
    discipline: dict[int, list[DisciplinePeriod]] = defaultdict(list)
    names: dict[int, str] = {}
    investigated: set[int] = set()
    registered: set[int] = set()
    codes = dict(AwardType.objects.values_list("pk", "code"))
    for chunk in _chunks(ids):
        names.update(Person.objects.filter(pk__in=chunk).values_list("pk", "full_name"))
        for pid, type_id, award_year, category, revoked in (
            AwardRecord.objects.filter(person__in=chunk)
            .order_by("-year", "award_type__position", "pk")
            .values_list("person", "award_type", "year", "category", "revoked")
        ):
            awards[pid].append(
                AwardFactRecord(codes[type_id], award_year, AwardCategory(category), revoked)
            )
        for pid, rating_year, rating in AnnualRating.objects.filter(person__in=chunk).values_list(
            "person", "year", "rating"
        ):
            ratings[pid][rating_year] = Rating(rating)
        authored = list(
            Initiative.authors.through.objects.filter(person__in=chunk).values_list(
                "person", "initiative"
            )
        )
        facts: dict[int, tuple[Any, ...]] = {}
        for ids_part in _chunks(sorted({i for _, i in authored})):
            for row in Initiative.objects.filter(pk__in=ids_part).values_list(
                "pk", "kind", "level", "year", "title", "used_for__award_type"
            ):
                facts[row[0]] = row
        # person_record's order: newest first, then by title
        authored.sort(key=lambda pair: (-facts[pair[1]][3], facts[pair[1]][4], pair[1]))
        for pid, initiative in authored:
            pk, kind, level, init_year, _title, used = facts[initiative]
            used_code = codes[used] if used is not None else None
            if kind == "research":
                research[pid].append(
                    ResearchResult(str(pk), RecognitionLevel(level), init_year, used_code)
                )
            else:
                initiatives[pid].append(
                    InitiativeFact(str(pk), RecognitionLevel(level), init_year, used_code)
                )
        for pid, level, start, end in (
            DisciplineRecord.objects.filter(person__in=chunk)
            .order_by("-start", "pk")
            .values_list("person", "level", "start", "end")
        ):
            discipline[pid].append(DisciplinePeriod(level, start, end))
        investigated.update(
            PendingMatter.objects.filter(person__in=chunk, closed__isnull=True).values_list(
                "person", flat=True
            )
        )
        registered.update(
            PersonRegistration.objects.filter(
                person__in=chunk,
                registration__movement__start_date__year__lte=year,
                registration__movement__end_date__year__gte=year,
            ).values_list("person", flat=True)
        )
    return {
        pid: SubjectRecord(
            kind=SubjectKind.INDIVIDUAL,
            name=names[pid],
            ratings=ratings.get(pid, {}),
            awards=tuple(awards.get(pid, ())),
            initiatives=tuple(initiatives.get(pid, ())),
            research=tuple(research.get(pid, ())),
            discipline=tuple(discipline.get(pid, ())),
            registered=pid in registered,
            under_investigation=pid in investigated,
        )
        for pid in ids
        if pid in names
    }
