"""Pages of the organisation registry: thin, calling queries and services."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.permissions import Permission
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.org import queries, services
from thidua.org.access import get_unit_for_user, has_permission, scope_for, visible_units
from thidua.org.forms import (
    ClusterForm,
    DissolveForm,
    MergeForm,
    MoveForm,
    PersonCreateForm,
    PersonEditForm,
    RenameForm,
    UnitEditForm,
    UnitForm,
)
from thidua.org.models import Cluster, Person, Unit


def _today() -> date:
    return timezone.localdate()


def _manageable_units(request: HttpRequest):  # type: ignore[no-untyped-def]
    return (
        scope_for(request.user, Permission.MANAGE_UNITS)
        .filter(Unit.objects.all())
        .order_by(queries.ACTIVE_FIRST, "sort_key")
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/home.html", {"roots": queries.root_units(request.user)})


@login_required
def unit_tree(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()
    context = {
        "roots": queries.root_units(request.user),
        "q": text,
        "results": queries.search_units(request.user, text) if text else None,
        "can_manage": has_permission(request.user, Permission.MANAGE_UNITS),
    }
    return render_page(request, "org/unit_tree.html", context, "org/partials/unit_search.html")


@login_required
def unit_children(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk)
    return render_page(
        request,
        "org/partials/unit_children.html",
        {"units": queries.children_of(request.user, unit)},
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk)
    predecessors, successors, own = queries.lineage_of(unit)
    context = {
        "unit": unit,
        "ancestors": queries.ancestors_of(unit),
        "children": queries.children_of(request.user, unit),
        "predecessors": predecessors,
        "successors": successors,
        "own_events": own,
        "people_count": queries.visible_people(request.user)
        .filter(unit__path__startswith=unit.path)
        .count(),
        "clusters": Cluster.objects.filter(members__unit=unit).order_by("-year")[:20],
        "can_manage": has_permission(request.user, Permission.MANAGE_UNITS, unit),
        "can_manage_people": has_permission(request.user, Permission.MANAGE_PEOPLE, unit),
    }
    return render_page(request, "org/unit_detail.html", context)


def _form_page(request: HttpRequest, title: str, form, unit: Unit | None, cancel: str):  # type: ignore[no-untyped-def]
    return render_page(
        request, "org/form.html", {"form": form, "title": title, "unit": unit, "cancel": cancel}
    )


@login_required
def unit_create(request: HttpRequest) -> HttpResponse:
    parent = None
    if request.GET.get("parent"):
        try:
            parent = get_unit_for_user(request.user, int(request.GET["parent"]))
        except ValueError as exc:
            raise Http404 from exc
    if not has_permission(request.user, Permission.MANAGE_UNITS, parent):
        raise DjangoPermissionDenied
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            unit = services.create_unit(request.user, parent=parent, **form.cleaned_data)
            messages.success(request, _("Unit created."))
            return redirect("org:unit_detail", pk=unit.pk)
    title = (
        _("New unit under %(parent)s") % {"parent": parent} if parent else _("New top-level unit")
    )
    return _form_page(
        request, title, form, parent, parent and f"/org/units/{parent.pk}/" or "/org/units/"
    )


def _guarded_unit(request: HttpRequest, pk: int) -> Unit:
    unit = get_unit_for_user(request.user, pk)
    if not has_permission(request.user, Permission.MANAGE_UNITS, unit):
        raise DjangoPermissionDenied
    return unit


@login_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _guarded_unit(request, pk)
    form = UnitEditForm(
        request.POST or None,
        initial={"code": unit.code, "short_name": unit.short_name, "version": unit.version},
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.update_unit(
                request.user,
                unit,
                expected_version=form.cleaned_data["version"],
                short_name=form.cleaned_data["short_name"],
                code=form.cleaned_data["code"],
            )
            messages.success(request, _("Changes saved."))
            return redirect("org:unit_detail", pk=unit.pk)
    return _form_page(
        request, _("Edit %(unit)s") % {"unit": unit}, form, unit, f"/org/units/{unit.pk}/"
    )


@login_required
def unit_rename(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _guarded_unit(request, pk)
    form = RenameForm(
        request.POST or None, initial={"new_name": unit.name, "effective_date": _today()}
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.rename_unit(request.user, unit, **form.cleaned_data)
            messages.success(request, _("Unit renamed; the old name stays in its history."))
            return redirect("org:unit_detail", pk=unit.pk)
    return _form_page(
        request, _("Rename %(unit)s") % {"unit": unit}, form, unit, f"/org/units/{unit.pk}/"
    )


@login_required
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _guarded_unit(request, pk)
    units = (
        _manageable_units(request).filter(valid_to__isnull=True).exclude(path__startswith=unit.path)
    )
    form = MoveForm(request.POST or None, units=units, initial={"effective_date": _today()})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.move_unit(request.user, unit, **form.cleaned_data)
            messages.success(request, _("Unit moved."))
            return redirect("org:unit_detail", pk=unit.pk)
    return _form_page(
        request, _("Move %(unit)s") % {"unit": unit}, form, unit, f"/org/units/{unit.pk}/"
    )


@login_required
def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _guarded_unit(request, pk)
    units = _manageable_units(request).filter(valid_to__isnull=True).exclude(pk=unit.pk)
    form = MergeForm(request.POST or None, units=units, initial={"effective_date": _today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            predecessors = [unit, *data["others"]]
            if data["keep_this"]:
                services.merge_units(
                    request.user,
                    predecessors,
                    effective_date=data["effective_date"],
                    successor=unit,
                    legal_reference=data["legal_reference"],
                    note=data["note"],
                )
                target = unit
            else:
                event = services.merge_units(
                    request.user,
                    predecessors,
                    effective_date=data["effective_date"],
                    new_unit=services.NewUnit(code=data["new_code"], name=data["new_name"]),
                    legal_reference=data["legal_reference"],
                    note=data["note"],
                )
                target = event.successors.get()
            messages.success(request, _("Units merged; their history passes to the successor."))
            return redirect("org:unit_detail", pk=target.pk)
    return _form_page(
        request, _("Merge %(unit)s") % {"unit": unit}, form, unit, f"/org/units/{unit.pk}/"
    )


@login_required
def unit_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _guarded_unit(request, pk)
    units = _manageable_units(request).filter(valid_to__isnull=True).exclude(pk=unit.pk)
    form = DissolveForm(request.POST or None, units=units, initial={"effective_date": _today()})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.dissolve_unit(request.user, unit, **form.cleaned_data)
            messages.success(request, _("Unit dissolved."))
            return redirect("org:unit_detail", pk=unit.pk)
    return _form_page(
        request, _("Dissolve %(unit)s") % {"unit": unit}, form, unit, f"/org/units/{unit.pk}/"
    )


# --------------------------------------------------------------------------------- people


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = get_unit_for_user(request.user, int(request.GET["unit"]))
    text = request.GET.get("q", "").strip()
    people, next_cursor = queries.people_page(
        request.user, text=text, unit=unit, after=request.GET.get("after", "")
    )
    context = {"people": people, "next_cursor": next_cursor, "q": text, "unit": unit}
    return render_page(request, "org/person_list.html", context, "org/partials/person_rows.html")


def _get_person(request: HttpRequest, pk: int) -> Person:
    person = (
        queries.visible_people(request.user)
        .select_related("unit", "household")
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise Http404
    return person


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get_person(request, pk)
    context = {
        "person": person,
        "memberships": person.memberships.select_related("unit").all(),
        "can_manage": has_permission(request.user, Permission.MANAGE_PEOPLE, person.unit),
    }
    return render_page(request, "org/person_detail.html", context)


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    if not request.GET.get("unit", "").isdigit():
        raise Http404
    unit = get_unit_for_user(request.user, int(request.GET["unit"]))
    if not has_permission(request.user, Permission.MANAGE_PEOPLE, unit):
        raise DjangoPermissionDenied
    form = PersonCreateForm(request.POST or None, initial={"since": _today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        extra = {k: data.pop(k) for k in ("position", "is_direct_worker", "since")}
        with refusals_shown_on(form):
            person = services.create_person(
                request.user, services.PersonData(**data), unit=unit, **extra
            )
            messages.success(request, _("Person added."))
            return redirect("org:person_detail", pk=person.pk)
    return _form_page(
        request, _("New person in %(unit)s") % {"unit": unit}, form, unit, f"/org/units/{unit.pk}/"
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get_person(request, pk)
    if not has_permission(request.user, Permission.MANAGE_PEOPLE, person.unit):
        raise DjangoPermissionDenied
    initial = {
        "full_name": person.full_name,
        "gender": person.gender,
        "date_of_birth": person.date_of_birth,
        "ethnicity": person.ethnicity,
        "national_id": person.national_id or "",
        "civil_servant_code": person.civil_servant_code,
        "version": person.version,
    }
    form = PersonEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        with refusals_shown_on(form):
            services.update_person(
                request.user,
                person,
                services.PersonData(**data, household=person.household),
                expected_version=version,
            )
            messages.success(request, _("Changes saved."))
            return redirect("org:person_detail", pk=person.pk)
    return _form_page(
        request,
        _("Edit %(person)s") % {"person": person},
        form,
        person.unit,
        f"/org/people/{person.pk}/",
    )


# ------------------------------------------------------------------------------- clusters


@login_required
def cluster_list(request: HttpRequest) -> HttpResponse:
    clusters = (
        queries.visible_clusters(request.user)
        .select_related("organiser")
        .annotate(member_count=Count("members"))
    )
    year = request.GET.get("year", "")
    if year.isdigit():
        clusters = clusters.filter(year=int(year))
    years = sorted(
        set(queries.visible_clusters(request.user).values_list("year", flat=True)), reverse=True
    )
    context = {
        "clusters": clusters.order_by("-year", "name")[:200],
        "years": years,
        "year": year,
        "can_manage": has_permission(request.user, Permission.MANAGE_CLUSTERS),
    }
    return render_page(request, "org/cluster_list.html", context)


@login_required
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = (
        queries.visible_clusters(request.user).select_related("organiser").filter(pk=pk).first()
    )
    if cluster is None:
        raise Http404
    context = {"cluster": cluster, "members": queries.cluster_members(cluster)}
    return render_page(request, "org/cluster_detail.html", context)


@login_required
def cluster_create(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.MANAGE_CLUSTERS):
        raise DjangoPermissionDenied
    units = visible_units(request.user).filter(valid_to__isnull=True).order_by("sort_key")
    form = ClusterForm(request.POST or None, units=units, initial={"year": _today().year})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            cluster = services.create_cluster(request.user, **form.cleaned_data)
            messages.success(request, _("Cluster created."))
            return redirect("org:cluster_detail", pk=cluster.pk)
    return _form_page(request, _("New emulation cluster or block"), form, None, "/org/clusters/")


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    """The event log within the user's scope (officers and administrators)."""
    from thidua.core.models import Event

    if not has_permission(request.user, Permission.VIEW_AUDIT):
        raise DjangoPermissionDenied
    scope = scope_for(request.user, Permission.VIEW_AUDIT)
    events = Event.objects.filter(scope.q("unit_path")).order_by("-id")[:200]
    return render_page(request, "org/audit.html", {"events": events})
