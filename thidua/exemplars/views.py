"""Pages of exemplary models: thin, calling queries and services.

Every page needs a login except the public list and detail (`public_urls.py`, /models/). A
model outside the user's scope is a 404, a command the user may not run a 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Permission
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.files import stored_file_response
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.exemplars import documents, parameters, queries, services
from thidua.exemplars.forms import (
    CaseFileForm,
    ConferenceForm,
    CreateForm,
    FilterForm,
    MediaForm,
    ReplicationForm,
    StageForm,
)
from thidua.exemplars.models import ExemplaryModel
from thidua.org.access import has_permission, scope_for, visible_units
from thidua.org.models import Household, Unit
from thidua.org.queries import visible_people

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _page(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        return 1


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def _units(user: Any) -> QuerySet[Unit]:
    today = timezone.localdate()
    return (
        visible_units(user)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("path")
    )


def _form_page(
    request: HttpRequest, title: str, form: Any, cancel: str, **extra: Any
) -> HttpResponse:
    return render(
        request, "exemplars/form.html", {"form": form, "title": title, "cancel": cancel, **extra}
    )


def _model(request: HttpRequest, pk: int) -> ExemplaryModel:
    return queries.get_model(request.user, pk)


def _guard(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


def _case_file_kwargs(user: Any) -> dict[str, Any]:
    return {
        "movements": queries.visible_movements(user).order_by("-start_date", "name"),
        "initiatives": queries.visible_initiatives(user).order_by("-year", "title"),
    }


# ------------------------------------------------------------------------------ list


@login_required
def model_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = queries.Filters()
    if form.is_valid():
        data = form.cleaned_data
        filters = queries.Filters(
            stage=data["stage"], status=data["status"], published=data["published"], text=data["q"]
        )
    page = _page(request)
    rows, more = queries.model_rows(request.user, filters, page)
    context = {
        "form": form,
        "rows": [(m, queries.subject_name(m)) for m in rows],
        "page": page,
        "more": more,
        "can_create": queries.can_create(request.user),
        "can_manage": has_permission(request.user, Permission.MANAGE_EXEMPLARS),
    }
    return render_page(request, "exemplars/list.html", context, "exemplars/partials/rows.html")


# ------------------------------------------------------------------------------ suggestions


@login_required
def suggestion_list(request: HttpRequest) -> HttpResponse:
    _guard(has_permission(request.user, Permission.MANAGE_EXEMPLARS))
    found = queries.suggestions(request.user)
    return render(
        request,
        "exemplars/suggestions.html",
        {
            "suggestions": found[: queries.PAGE_SIZE * 2],
            "total": len(found),
            "shown": min(len(found), queries.PAGE_SIZE * 2),
            "note": parameters.note(),
            "thresholds": parameters.thresholds(),
        },
    )


@login_required
@require_POST
def suggestion_add(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    try:
        subject_id = int(request.POST.get("subject", ""))
    except ValueError:
        subject_id = 0
    try:
        model = services.create_from_suggestion(request.user, kind, subject_id)
    except PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("exemplars:suggestions")
    messages.success(request, _("The model was added. Complete its story and field."))
    return redirect("exemplars:edit", model.pk)


# ------------------------------------------------------------------------------ one model


@login_required
def model_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    _guard(queries.can_create(user))
    units = _units(user)
    form = CreateForm(
        request.POST or None,
        people=visible_people(user).select_related("unit").order_by("sort_key"),
        units=units,
        households=scope_for(user)
        .filter(Household.objects.all(), "unit__path")
        .order_by("head_name"),
        **_case_file_kwargs(user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            model = services.create_model(
                user,
                form.subject,
                _model_data(data),
                discovered_on=data["discovered_on"],
                responsible_unit=data["responsible_unit"],
            )
            messages.success(request, _("The model was added."))
            return redirect("exemplars:detail", model.pk)
    manager = has_permission(user, Permission.MANAGE_EXEMPLARS)
    return _form_page(
        request,
        _("Add an exemplary model") if manager else _("Propose an exemplary model"),
        form,
        reverse("exemplars:list"),
    )


def _model_data(data: dict[str, Any]) -> services.ModelData:
    return services.ModelData(
        title=data["title"],
        sector=data["sector"],
        story=data["story"],
        achievements=data["achievements"],
        movement=data["movement"],
        initiatives=list(data["initiatives"]),
    )


@login_required
def model_detail(request: HttpRequest, pk: int) -> HttpResponse:
    model = _model(request, pk)
    context = {
        "model": model,
        "name": queries.subject_name(model),
        "unit_name": queries.subject_unit_name(model),
        "stages": queries.stage_rows(model),
        "media": queries.media_rows(model),
        "replications": queries.replication_rows(model),
        "conferences": queries.conferences_of(model),
        "initiatives": list(model.initiatives.order_by("-year", "title")),
        "story": [p for p in model.story.split("\n") if p.strip()],
        "can_edit": queries.can_edit(request.user, model),
        "can_manage": queries.can_manage(request.user, model),
        "stage_steps": _steps(model),
    }
    return render(request, "exemplars/detail.html", context)


def _steps(model: ExemplaryModel) -> list[tuple[str, bool]]:
    from thidua.exemplars.choices import Stage

    order = [s.value for s in Stage]
    reached = order.index(model.stage) if model.stage else -1
    return [(str(label), i <= reached) for i, (_value, label) in enumerate(Stage.choices)]


@login_required
def model_edit(request: HttpRequest, pk: int) -> HttpResponse:
    model = _model(request, pk)
    _guard(queries.can_edit(request.user, model))
    initial = {
        "title": model.title,
        "sector": model.sector,
        "movement": model.movement_id,
        "story": model.story,
        "achievements": model.achievements,
        "initiatives": list(model.initiatives.values_list("pk", flat=True)),
    }
    form = CaseFileForm(request.POST or None, initial=initial, **_case_file_kwargs(request.user))
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.update_model(
                request.user,
                model,
                _model_data(form.cleaned_data),
                expected_version=_version(request),
            )
            messages.success(request, _("The case file was saved."))
            return redirect("exemplars:detail", model.pk)
    return _form_page(
        request,
        _("Edit the case file"),
        form,
        reverse("exemplars:detail", args=[model.pk]),
        model=model,
    )


@login_required
def stage_add(request: HttpRequest, pk: int) -> HttpResponse:
    model = _model(request, pk)
    _guard(queries.can_manage(request.user, model))
    form = StageForm(
        request.POST or None,
        units=_units(request.user),
        initial={"date": timezone.localdate(), "stage": _next_stage(model)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.record_stage(
                request.user,
                model,
                stage=data["stage"],
                day=data["date"],
                responsible_unit=data["responsible_unit"],
                note=data["note"],
                expected_version=_version(request),
            )
            messages.success(request, _("The stage was recorded."))
            return redirect("exemplars:detail", model.pk)
    return _form_page(
        request,
        _("Record a stage"),
        form,
        reverse("exemplars:detail", args=[model.pk]),
        model=model,
    )


def _next_stage(model: ExemplaryModel) -> str:
    from thidua.exemplars.choices import Stage

    order = [s.value for s in Stage]
    if not model.stage:
        return order[0]
    return order[min(order.index(model.stage) + 1, len(order) - 1)]


@login_required
def media_add(request: HttpRequest, pk: int) -> HttpResponse:
    model = _model(request, pk)
    _guard(queries.can_edit(request.user, model))
    form = MediaForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.add_media(
                request.user, model, upload=data["file"], kind=data["kind"], caption=data["caption"]
            )
            messages.success(request, _("The file was attached."))
            return redirect("exemplars:detail", model.pk)
    return _form_page(
        request,
        _("Attach a photo or document"),
        form,
        reverse("exemplars:detail", args=[model.pk]),
        model=model,
        multipart=True,
    )


@login_required
@require_POST
def media_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = queries.get_media(request.user, pk)
    model_pk = row.model_id
    try:
        services.remove_media(request.user, row)
    except PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    messages.success(request, _("The file was removed."))
    return redirect("exemplars:detail", model_pk)


@login_required
def media_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    row = queries.get_media(request.user, pk)
    return stored_file_response(
        row.file,
        filename=row.original_name,
        content_type=row.content_type,
        inline=row.content_type.startswith("image/"),
    )


@login_required
def replication_add(request: HttpRequest, pk: int) -> HttpResponse:
    model = _model(request, pk)
    _guard(queries.can_manage(request.user, model))
    form = ReplicationForm(request.POST or None, units=_units(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.record_replication(
                request.user,
                model,
                services.ReplicationData(
                    unit=data["unit"],
                    adopted_on=data["adopted_on"],
                    result=data["result"],
                    measure=data["measure"],
                    measured_value=data["measured_value"],
                ),
            )
            messages.success(request, _("The replication was recorded."))
            return redirect("exemplars:detail", model.pk)
    return _form_page(
        request,
        _("Record a replication"),
        form,
        reverse("exemplars:detail", args=[model.pk]),
        model=model,
    )


def _command(request: HttpRequest, pk: int, command: Any, done: str) -> HttpResponse:
    model = _model(request, pk)
    _guard(queries.can_manage(request.user, model))
    try:
        command(request.user, model, expected_version=_version(request))
    except PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("exemplars:detail", model.pk)


@login_required
@require_POST
def model_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _command(request, pk, services.publish, _("The model is now on the public page."))


@login_required
@require_POST
def model_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    return _command(request, pk, services.unpublish, _("The model was taken off the public page."))


@login_required
def case_docx(request: HttpRequest, pk: int) -> HttpResponse:
    model = _model(request, pk)
    data = documents.case_summary_docx(model, timezone.localdate())
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="dien-hinh-{model.pk}.docx"'
    return response


# ------------------------------------------------------------------------------ conferences


@login_required
def conference_list(request: HttpRequest) -> HttpResponse:
    page = _page(request)
    rows, more = queries.conference_rows(request.user, page)
    context = {
        "rows": rows,
        "page": page,
        "more": more,
        "can_manage": has_permission(request.user, Permission.MANAGE_EXEMPLARS),
    }
    return render(request, "exemplars/conferences.html", context)


@login_required
def conference_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    _guard(has_permission(user, Permission.MANAGE_EXEMPLARS))
    units = scope_for(user, Permission.MANAGE_EXEMPLARS).filter(_units(user), "path")
    form = ConferenceForm(request.POST or None, units=units, models=queries.honourable_models(user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            conference = services.record_conference(
                user,
                services.ConferenceData(
                    name=data["name"],
                    level=data["level"],
                    held_on=data["held_on"],
                    organiser=data["organiser"],
                    place=data["place"],
                    attendees=data["attendees"],
                    document_number=data["document_number"],
                    note=data["note"],
                    models=list(data["models"]),
                ),
            )
            messages.success(request, _("The conference was recorded."))
            return redirect("exemplars:conference_detail", conference.pk)
    return _form_page(
        request,
        _("Record a conference of exemplary models"),
        form,
        reverse("exemplars:conferences"),
    )


@login_required
def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = queries.get_conference(request.user, pk)
    honoured = [
        (m, queries.subject_name(m))
        for m in queries.visible_models(request.user)
        .filter(conferences=conference)
        .select_related(*queries.SUBJECT_RELATED)
        .order_by("title")
    ]
    return render(
        request,
        "exemplars/conference_detail.html",
        {"conference": conference, "honoured": honoured},
    )


# ------------------------------------------------------------------------------ public


def public_list(request: HttpRequest) -> HttpResponse:
    """Published models: name, unit, title, field and the start of the story. No login."""
    page = _page(request)
    start = (page - 1) * queries.PAGE_SIZE
    chunk = list(queries.published_models()[start : start + queries.PAGE_SIZE + 1])
    rows = [
        (m, queries.subject_name(m), queries.subject_unit_name(m))
        for m in chunk[: queries.PAGE_SIZE]
    ]
    return render(
        request,
        "exemplars/public/list.html",
        {"rows": rows, "page": page, "more": len(chunk) > queries.PAGE_SIZE},
    )


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    model = queries.get_published(pk)
    context = {
        "model": model,
        "name": queries.subject_name(model),
        "unit_name": queries.subject_unit_name(model),
        "story": [p for p in model.story.split("\n") if p.strip()],
    }
    return render(request, "exemplars/public/detail.html", context)
