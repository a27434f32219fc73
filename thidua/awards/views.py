"""Pages of the award history, the catalogue and its terms: thin, calling queries and services.

Reads go through `awards.queries` (scoped by `org.access`); every change is one service call,
whose refusal (`DomainError`) is shown on the form that asked for it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.permissions import Permission
from thidua.awards import catalogue as packaged
from thidua.awards import queries, services
from thidua.awards.choices import AwardKind, AwardLevel, SubjectScope
from thidua.awards.domain.forecast import Forecast
from thidua.awards.domain.parameters import Figure, Figures, ShareThreshold, figure_kind
from thidua.awards.domain.types import SubjectRecord
from thidua.awards.forms import (
    AwardForm,
    BaseSalaryForm,
    DisciplineForm,
    InitiativeForm,
    InitiativeUseForm,
    MatterCloseForm,
    MatterOpenForm,
    ParameterForm,
    QuotaRuleForm,
    RatingForm,
    RecordSearchForm,
    RevokeForm,
)
from thidua.awards.models import (
    AwardRecord,
    AwardType,
    BaseSalary,
    Initiative,
    ParameterChange,
    PendingMatter,
    QuotaRule,
)
from thidua.core.errors import PermissionDenied
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.org.access import get_unit_for_user, has_permission, scope_for
from thidua.org.models import Household, Person, Unit
from thidua.org.queries import visible_people

Subject = Person | Unit


def _today() -> date:
    return timezone.localdate()


# ------------------------------------------------------------------------------- helpers


def _get_person(request: HttpRequest, pk: int) -> Person:
    person = visible_people(request.user).select_related("unit").filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def _get_subject(request: HttpRequest, kind: str, pk: int) -> Subject:
    if kind == "people":
        return _get_person(request, pk)
    return get_unit_for_user(request.user, pk)


def can_manage(user: Any, subject: Person | Unit | Household) -> bool:
    """Whether the user may write the subject's history (the services' own check)."""
    try:
        services.require_for_subject(user, subject)
    except PermissionDenied:
        return False
    return True


def _guard(request: HttpRequest, subject: Person | Unit | Household) -> None:
    if not can_manage(request.user, subject):
        raise DjangoPermissionDenied


def profile_url(subject: Person | Unit | Household) -> str:
    if isinstance(subject, Person):
        return reverse("awards:person_profile", args=[subject.pk])
    if isinstance(subject, Unit):
        return reverse("awards:unit_profile", args=[subject.pk])
    unit = subject.unit
    return reverse("awards:unit_profile", args=[unit.pk]) if unit else reverse("awards:catalogue")


def _form_page(
    request: HttpRequest,
    title: str,
    form: forms.Form,
    cancel: str,
    subject: Any = None,
    **extra: Any,
) -> HttpResponse:
    context = {"form": form, "title": title, "cancel": cancel, "subject": subject, **extra}
    return render_page(request, "awards/form.html", context)


@dataclass(frozen=True)
class AwardRow:
    record: AwardRecord
    bonus: Decimal | None
    inherited_from: Unit | None = None


@dataclass(frozen=True)
class YearRow:
    year: int
    rating: str
    awards: list[AwardRow]


def _forecasts(record: SubjectRecord) -> tuple[Forecast, ...]:
    try:
        return queries.forecast_for(record, _today())
    except LookupError:  # no rule set in force today: nothing can be forecast
        return ()


# ------------------------------------------------------------------------------- profiles


@login_required
def person_profile(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get_person(request, pk)
    table = queries.BonusTable()
    timeline = [
        YearRow(
            year.year,
            year.rating,
            [
                AwardRow(r, table.amount(r.award_type_id, "individual", r.decision_date))
                for r in year.awards
            ],
        )
        for year in queries.person_timeline(person)
    ]
    context = {
        "person": person,
        "timeline": timeline,
        "initiatives": queries.person_initiatives(person).prefetch_related("authors"),
        "discipline": queries.person_discipline(person),
        "matters": queries.open_matters(person),
        "forecasts": _forecasts(
            queries.person_record(person, registered=queries.is_registered(person, _today().year))
        ),
        "forecast_year": _today().year,
        "can_manage": can_manage(request.user, person),
    }
    return render_page(request, "awards/person_profile.html", context)


@login_required
def unit_profile(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk)
    today = _today()
    table = queries.BonusTable()
    awards: dict[int, list[AwardRow]] = defaultdict(list)
    for item in queries.unit_timeline(unit):
        record = item.record
        awards[record.year].append(
            AwardRow(
                record,
                table.amount(record.award_type_id, "collective", record.decision_date),
                record.unit if item.inherited else None,
            )
        )
    ratings = {r.year: r.get_rating_display() for r in unit.annualrating_set.all()}
    years = sorted(set(awards) | set(ratings), reverse=True)
    facts = queries.unit_record(
        unit, today.year, registered=queries.is_registered(unit, today.year)
    )
    context = {
        "unit": unit,
        "timeline": [YearRow(y, ratings.get(y, ""), awards.get(y, [])) for y in years],
        "stats": facts.members,
        "forecasts": _forecasts(facts),
        "forecast_year": today.year,
        "matters": queries.open_matters(unit),
        "initiatives": unit.initiatives.select_related("used_for__award_type").order_by("-year"),
        "can_manage": can_manage(request.user, unit),
    }
    return render_page(request, "awards/unit_profile.html", context)


# ------------------------------------------------------------------------ history forms


@login_required
def award_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = _get_subject(request, kind, pk)
    _guard(request, subject)
    scope = services.subject_kind(subject).value
    types = AwardType.objects.filter(subject__in=[scope, SubjectScope.ANY])
    form = AwardForm(request.POST or None, award_types=types, initial={"year": _today().year})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.record_award(request.user, subject, services.AwardData(**form.cleaned_data))
            messages.success(request, _("Award recorded."))
            return redirect(profile_url(subject))
    title = _("New award for %(subject)s") % {"subject": subject}
    return _form_page(request, title, form, profile_url(subject), subject)


def _get_record(request: HttpRequest, pk: int) -> AwardRecord:
    record = queries.visible_records(request.user).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


@login_required
def award_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_record(request, pk)
    subject = record.subject
    _guard(request, subject)
    form = RevokeForm(
        request.POST or None, initial={"revoked_on": _today(), "version": record.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.revoke_award(
                request.user,
                record,
                expected_version=data["version"],
                revoked_on=data["revoked_on"],
                reason=data["reason"],
            )
            messages.success(request, _("Award revoked; it no longer counts toward any title."))
            return redirect(profile_url(subject))
    title = _("Revoke %(award)s %(year)s of %(subject)s") % {
        "award": record.award_type.name,
        "year": record.year,
        "subject": subject,
    }
    return _form_page(request, title, form, profile_url(subject), subject, record=record)


@login_required
def rating_set(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = _get_subject(request, kind, pk)
    _guard(request, subject)
    form = RatingForm(request.POST or None, initial={"year": _today().year})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.set_rating(
                request.user, subject, form.cleaned_data["year"], form.cleaned_data["rating"]
            )
            messages.success(request, _("Rating saved."))
            return redirect(profile_url(subject))
    title = _("Annual rating of %(subject)s") % {"subject": subject}
    return _form_page(request, title, form, profile_url(subject), subject)


@login_required
def initiative_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = _get_subject(request, kind, pk)
    _guard(request, subject)
    unit = subject if isinstance(subject, Unit) else subject.unit
    people = visible_people(request.user).order_by("sort_key", "pk")
    if unit is not None:
        people = people.filter(unit=unit)
    else:
        people = people.filter(pk=subject.pk)
    initial: dict[str, Any] = {"year": _today().year}
    if isinstance(subject, Person):
        initial["authors"] = [subject.pk]
    form = InitiativeForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        authors = data.pop("authors")
        with refusals_shown_on(form):
            services.record_initiative(
                request.user,
                services.InitiativeData(**data),
                authors=authors,
                unit=subject if isinstance(subject, Unit) else None,
            )
            messages.success(request, _("Initiative recorded."))
            return redirect(profile_url(subject))
    title = _("New initiative or research result of %(subject)s") % {"subject": subject}
    return _form_page(request, title, form, profile_url(subject), subject)


def _initiative_subjects(initiative: Initiative) -> list[Person | Unit]:
    subjects: list[Person | Unit] = list(initiative.authors.select_related("unit"))
    if initiative.unit is not None:
        subjects.insert(0, initiative.unit)
    return subjects


@login_required
def initiative_use(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_for(request.user, Permission.VIEW)
    initiative = (
        Initiative.objects.filter(pk=pk)
        .filter(scope.q("unit__path") | scope.q("authors__unit__path"))
        .select_related("unit", "used_for__award_type")
        .first()
    )
    if initiative is None:
        raise Http404
    subjects = _initiative_subjects(initiative)
    manageable = [s for s in subjects if can_manage(request.user, s)]
    if not manageable:
        raise DjangoPermissionDenied
    people = [s.pk for s in manageable if isinstance(s, Person)]
    units = [s.pk for s in manageable if isinstance(s, Unit)]
    awards = (
        queries.visible_records(request.user)
        .filter(revoked=False)
        .filter(Q(person__in=people) | Q(unit__in=units))
        .order_by("-year", "award_type__position")
    )
    form = InitiativeUseForm(
        request.POST or None,
        awards=awards,
        initial={"version": initiative.version, "award": initiative.used_for_id},
    )
    back = profile_url(manageable[0])
    if request.method == "POST" and form.is_valid():
        award = form.cleaned_data["award"]
        with refusals_shown_on(form):
            services.use_initiative(
                request.user, initiative, award, expected_version=form.cleaned_data["version"]
            )
            messages.success(request, _("The initiative is now locked to this award."))
            return redirect(profile_url(award.subject))
    title = _("Link “%(initiative)s” to an award") % {"initiative": initiative.title}
    return _form_page(request, title, form, back, initiative=initiative)


@login_required
def discipline_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get_person(request, pk)
    _guard(request, person)
    form = DisciplineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.record_discipline(request.user, person, **form.cleaned_data)
            messages.success(request, _("Disciplinary measure recorded."))
            return redirect(profile_url(person))
    title = _("Disciplinary measure for %(subject)s") % {"subject": person}
    return _form_page(request, title, form, profile_url(person), person)


@login_required
def matter_open(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = _get_subject(request, kind, pk)
    _guard(request, subject)
    form = MatterOpenForm(request.POST or None, initial={"opened": _today()})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.open_matter(request.user, subject, **form.cleaned_data)
            messages.success(request, _("Pending matter recorded."))
            return redirect(profile_url(subject))
    title = _("Investigation, inspection, complaint or denunciation: %(subject)s") % {
        "subject": subject
    }
    return _form_page(request, title, form, profile_url(subject), subject)


@login_required
def matter_close(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_for(request.user, Permission.VIEW)
    matter = (
        PendingMatter.objects.filter(pk=pk)
        .filter(
            scope.q("person__unit__path") | scope.q("unit__path") | scope.q("household__unit__path")
        )
        .select_related("person__unit", "unit", "household__unit")
        .first()
    )
    if matter is None:
        raise Http404
    subject = matter.subject
    _guard(request, subject)
    form = MatterCloseForm(
        request.POST or None, initial={"closed": _today(), "version": matter.version}
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.close_matter(
                request.user,
                matter,
                expected_version=form.cleaned_data["version"],
                closed=form.cleaned_data["closed"],
            )
            messages.success(request, _("Matter concluded."))
            return redirect(profile_url(subject))
    title = _("Conclude: %(matter)s") % {"matter": matter}
    return _form_page(request, title, form, profile_url(subject), subject, matter=matter)


# ------------------------------------------------------------------------------ catalogue


def _choice(request: HttpRequest, name: str, values: Iterable[str]) -> str:
    value = request.GET.get(name, "")
    return value if value in set(values) else ""


@dataclass(frozen=True)
class CatalogueRow:
    award_type: AwardType
    bonuses: list[tuple[str, Decimal, Decimal | None]]  # subject label, multiple, amount
    deciders: list[str]


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    today = _today()
    subjects = [c for c in SubjectScope.choices if c[0] != SubjectScope.ANY]
    chosen = {
        "subject": _choice(request, "subject", [c[0] for c in subjects]),
        "kind": _choice(request, "kind", AwardKind.values),
        "level": _choice(request, "level", AwardLevel.values),
    }
    types = list(queries.catalogue_rows(**chosen).prefetch_related("authorities"))
    table = queries.BonusTable()
    salary = queries.in_force(table.salaries, today)
    labels = dict(SubjectScope.choices)
    rows = []
    for award_type in types:
        bonuses = []
        for scope in (SubjectScope.INDIVIDUAL, SubjectScope.COLLECTIVE, SubjectScope.HOUSEHOLD):
            rule = table.rule(award_type.pk, scope, today)
            if rule is not None:
                amount = table.amount(award_type.pk, scope, today)
                bonuses.append((str(labels[scope]), rule.multiple, amount))
        deciders = [row.decider for row in queries.authorities_on(award_type, today)]
        rows.append(CatalogueRow(award_type, bonuses, deciders))
    context = {
        "rows": rows,
        "chosen": chosen,
        "subjects": subjects,
        "kinds": AwardKind.choices,
        "levels": AwardLevel.choices,
        "salary": salary,
        "today": today,
    }
    return render_page(
        request, "awards/catalogue.html", context, "awards/partials/catalogue_rows.html"
    )


@login_required
def award_type_detail(request: HttpRequest, code: str) -> HttpResponse:
    award_type = AwardType.objects.filter(code=code).first()
    if award_type is None:
        raise Http404
    today = _today()
    table = queries.BonusTable([award_type.pk])
    bonuses = [
        {
            "rule": rule,
            "amount_today": table.amount(award_type.pk, rule.subject, today),
            "current": table.rule(award_type.pk, rule.subject, today) == rule,
        }
        for rule in award_type.bonuses.order_by("subject", "-effective_from")
    ]
    current = set(queries.authorities_on(award_type, today))
    authorities = [
        {"row": row, "current": row in current}
        for row in award_type.authorities.order_by("-effective_from", "decider")
    ]
    context = {
        "award_type": award_type,
        "bonuses": bonuses,
        "authorities": authorities,
        "salaries": table.salaries,
        "today": today,
    }
    return render_page(request, "awards/award_type_detail.html", context)


# ----------------------------------------------------------------------------- parameters


def _is_catalogue_admin(user: Any) -> bool:
    return scope_for(user, Permission.MANAGE_CATALOGUE).everything


def format_figure(value: object) -> str:
    """A figure's value as people read it: yes/no, a number, or ≥ 50 %."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, ShareThreshold):
        percent = Decimal(value.share.numerator) * 100 / Decimal(value.share.denominator)
        text = f"{percent.quantize(Decimal('0.01')).normalize():f}".replace(".", ",")
        return f"{'≥' if value.inclusive else '>'} {text} %"
    return str(value)


@dataclass(frozen=True)
class FigureRow:
    name: str
    kind: str
    meaning: str
    current: Figure[object]
    packaged: Figure[object] | None
    changes: int

    @property
    def shown(self) -> str:
        return format_figure(self.current.value)

    @property
    def packaged_shown(self) -> str:
        return format_figure(self.packaged.value) if self.packaged else ""

    @property
    def changed(self) -> bool:
        if self.packaged is None:
            return True
        return packaged.figure_json(self.current.value) != packaged.figure_json(self.packaged.value)


def _meanings() -> dict[tuple[str, str], str]:
    """The packaged explanation of each figure (`meaning` in `rule_parameters.json`)."""
    raw = json.loads(packaged.read_data(packaged.PARAMETERS_FILE))
    found: dict[tuple[str, str], str] = {}
    for item in raw:
        for name, figure in (item.get("figures") or {}).items():
            found[(item["rule_set"], name)] = str(figure.get("meaning", ""))
    return found


def _figure_rows(rule_set: str, current: Figures, original: Figures | None) -> list[FigureRow]:
    meanings = _meanings()
    counts = dict(
        ParameterChange.objects.filter(rule_set=rule_set)
        .values_list("figure")
        .annotate(n=Count("id"))
    )
    return [
        FigureRow(
            spec.name,
            figure_kind(spec.name),
            meanings.get((rule_set, spec.name), ""),
            getattr(current, spec.name),
            getattr(original, spec.name) if original else None,
            counts.get(spec.name, 0),
        )
        for spec in fields(Figures)
    ]


@login_required
def parameters(request: HttpRequest) -> HttpResponse:
    originals = {p.rule_set: p for p in packaged.load_parameter_sets()}
    sets = []
    for params in sorted(
        packaged.current_parameter_sets(), key=lambda p: p.effective_from, reverse=True
    ):
        original = originals.get(params.rule_set)
        rows = []
        if params.figures is not None:
            rows = _figure_rows(
                params.rule_set, params.figures, original.figures if original else None
            )
        sets.append({"params": params, "rows": rows, "in_force": params.covers(_today())})
    context = {"sets": sets, "can_edit": _is_catalogue_admin(request.user)}
    return render_page(request, "awards/parameters.html", context)


@login_required
def parameter_edit(request: HttpRequest, rule_set: str, figure: str) -> HttpResponse:
    if not _is_catalogue_admin(request.user):
        raise DjangoPermissionDenied
    current = {p.rule_set: p for p in packaged.current_parameter_sets()}.get(rule_set)
    if current is None or current.figures is None or figure not in Figures.__dataclass_fields__:
        raise Http404
    kind = figure_kind(figure)
    now: Figure[object] = getattr(current.figures, figure)
    initial: dict[str, Any] = {"basis": now.basis, "confirmed": now.confirmed}
    if isinstance(now.value, ShareThreshold):
        share = now.value.share
        initial["value"] = (
            (Decimal(share.numerator) / Decimal(share.denominator))
            .quantize(Decimal("0.000001"))
            .normalize()
        )
        initial["inclusive"] = now.value.inclusive
    else:
        initial["value"] = now.value
    form = ParameterForm(request.POST or None, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.change_parameter(
                request.user,
                rule_set=rule_set,
                figure=figure,
                value=form.json_value(),
                basis=data["basis"],
                confirmed=data["confirmed"],
                reason=data["reason"],
            )
            messages.success(request, _("The figure is changed; the rules apply it from now on."))
            return redirect("awards:parameters")
    original = {p.rule_set: p for p in packaged.load_parameter_sets()}.get(rule_set)
    original_figure = getattr(original.figures, figure) if original and original.figures else None
    context = {
        "form": form,
        "params": current,
        "figure": figure,
        "meaning": _meanings().get((rule_set, figure), ""),
        "current": now,
        "current_shown": format_figure(now.value),
        "original": original_figure,
        "original_shown": format_figure(original_figure.value) if original_figure else "",
        "history": queries.parameter_history(rule_set, figure),
    }
    return render_page(request, "awards/parameter_edit.html", context)


@login_required
def base_salary(request: HttpRequest) -> HttpResponse:
    can_edit = _is_catalogue_admin(request.user)
    if request.method == "POST" and not can_edit:
        raise DjangoPermissionDenied
    form = BaseSalaryForm(request.POST or None) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.add_base_salary(request.user, **form.cleaned_data)
            messages.success(request, _("Base salary recorded."))
            return redirect("awards:base_salary")
    context = {
        "salaries": BaseSalary.objects.order_by("-effective_from"),
        "current": queries.base_salary_on(_today()),
        "form": form,
    }
    return render_page(request, "awards/base_salary.html", context)


# ---------------------------------------------------------------------- quotas, integrity


def _year(request: HttpRequest, default: int | None) -> int | None:
    value = request.GET.get("year", "").strip()
    if value.isdigit() and 1900 <= int(value) <= 2100:
        return int(value)
    return default


@login_required
def quotas(request: HttpRequest) -> HttpResponse:
    year = _year(request, _today().year) or _today().year
    manage = scope_for(request.user, Permission.MANAGE_MOVEMENTS)
    can_edit = has_permission(request.user, Permission.MANAGE_MOVEMENTS)
    if request.method == "POST" and not can_edit:
        raise DjangoPermissionDenied
    form = None
    if can_edit:
        units = manage.filter(Unit.objects.filter(valid_to__isnull=True)).order_by("path")
        form = QuotaRuleForm(request.POST or None, units=units, initial={"year": year})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            with refusals_shown_on(form):
                services.set_quota_rule(request.user, **data)
                messages.success(request, _("Quota rule saved."))
                return redirect(reverse("awards:quotas") + f"?year={data['year']}")
    usage: dict[int, list[queries.QuotaUsage]] = defaultdict(list)
    for row in queries.quota_usage(request.user, year):
        usage[row.rule.pk].append(row)
    rules = (
        scope_for(request.user)
        .filter(QuotaRule.objects.filter(year=year), "issuer__path")
        .select_related("issuer", "award_type", "base_award_type")
        .order_by("issuer__path", "award_type__position")
    )
    context = {
        "year": year,
        "years": range(_today().year + 1, _today().year - 6, -1),
        "rules": [(rule, usage.get(rule.pk, [])) for rule in rules],
        "form": form,
    }
    return render_page(request, "awards/quotas.html", context)


def _subject_links(codes: set[str]) -> dict[str, tuple[str, str]]:
    """The profile link and name of each award fact's subject (`p12`, `u3`, `h4`)."""
    ids: dict[str, set[int]] = defaultdict(set)
    for code in codes:
        if code[1:].isdigit():
            ids[code[:1]].add(int(code[1:]))
    found: dict[str, tuple[str, str]] = {}
    for pk, name in Person.objects.filter(pk__in=ids["p"]).values_list("pk", "full_name"):
        found[f"p{pk}"] = (reverse("awards:person_profile", args=[pk]), name)
    for pk, name in Unit.objects.filter(pk__in=ids["u"]).values_list("pk", "name"):
        found[f"u{pk}"] = (reverse("awards:unit_profile", args=[pk]), name)
    for pk, name in Household.objects.filter(pk__in=ids["h"]).values_list("pk", "head_name"):
        found[f"h{pk}"] = ("", name)
    return found


@login_required
def integrity(request: HttpRequest) -> HttpResponse:
    year = _year(request, None)
    groups = queries.double_awards(request.user, year)
    links = _subject_links({fact.subject for group in groups for fact in group.awards})
    doubles = [
        {
            "group": group,
            "links": [
                (fact, *links.get(fact.subject, ("", fact.subject))) for fact in group.awards
            ],
        }
        for group in groups
    ]
    context = {
        "duplicates": queries.duplicate_people(request.user),
        "doubles": doubles,
        "year": year,
        "years": range(_today().year, _today().year - 10, -1),
    }
    return render_page(request, "awards/integrity.html", context)


# ------------------------------------------------------------------------ history search


@login_required
def record_list(request: HttpRequest) -> HttpResponse:
    """The award history of the user's scope, filtered by unit (with its predecessors), year,
    award, kind and level; keyset-paginated ("Show more" loads the next page with htmx)."""
    form = RecordSearchForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    unit = get_unit_for_user(request.user, data["unit"]) if data.get("unit") else None
    award = data.get("award")
    filters = queries.RecordFilters(
        unit=unit,
        year=data.get("year"),
        award=award.code if award else "",
        kind=data.get("kind") or "",
        level=data.get("level") or "",
    )
    records, next_cursor = queries.search_records(
        request.user, filters, after=request.GET.get("after", "")
    )
    query = request.GET.copy()
    query.pop("after", None)
    context = {
        "form": form,
        "unit": unit,
        "records": records,
        "next_cursor": next_cursor,
        "query": query.urlencode(),
    }
    return render_page(
        request, "awards/record_list.html", context, "awards/partials/record_rows.html"
    )
