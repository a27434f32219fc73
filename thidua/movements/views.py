"""Pages of movements: thin, calling queries and services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Permission
from thidua.core.errors import DomainError
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.movements import documents, excel, queries, services
from thidua.movements.domain import lifecycle
from thidua.movements.forms import (
    ImportForm,
    ListFilterForm,
    MovementForm,
    ParticipantsForm,
    PhotoForm,
    PledgeForm,
    QuotaRuleForm,
    RegistrationEditForm,
    RegistrationForm,
    SignForm,
    TargetForm,
    TargetReportForm,
    TransitionForm,
    WorkForm,
    WorkStatusForm,
    lines,
    planned_award_fields,
)
from thidua.movements.models import Movement, Notification, Target, WorkPhoto
from thidua.org.access import has_permission, scope_for, visible_units
from thidua.org.models import Unit


def _today() -> date:
    return timezone.localdate()


def _movement(request: HttpRequest, pk: int) -> Movement:
    return queries.get_movement(request.user, pk)


def _managed(request: HttpRequest, pk: int) -> Movement:
    movement = _movement(request, pk)
    if not has_permission(request.user, Permission.MANAGE_MOVEMENTS, movement.organiser):
        raise DjangoPermissionDenied
    return movement


def _take_part_units(request: HttpRequest, movement: Movement) -> QuerySet[Unit]:
    ids = movement.participants.values("unit_id")
    return (
        scope_for(request.user, Permission.TAKE_PART)
        .filter(Unit.objects.filter(pk__in=ids))
        .order_by("sort_key")
    )


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render_page(request, template, context)


def _form_page(
    request: HttpRequest, title: str, form: Any, movement: Movement | None, **extra: Any
) -> HttpResponse:
    cancel = f"/movements/{movement.pk}/" if movement else "/movements/"
    return _page(
        request,
        "movements/simple_form.html",
        {"form": form, "title": title, "movement": movement, "cancel": cancel, **extra},
    )


# ------------------------------------------------------------------------------ movements


@login_required
def movement_list(request: HttpRequest) -> HttpResponse:
    filters = ListFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    rows, next_cursor = queries.movement_page(
        request.user,
        level=data.get("level", ""),
        kind=data.get("kind", ""),
        year=data.get("year"),
        state=data.get("state", ""),
        text=data.get("q", ""),
        after=data.get("after", ""),
    )
    query = request.GET.copy()
    query.pop("after", None)
    context = {
        "movements": rows,
        "next_cursor": next_cursor,
        "filters": filters,
        "query": query.urlencode(),
        "notifications": queries.notifications_for(request.user),
        "can_create": has_permission(request.user, Permission.MANAGE_MOVEMENTS),
    }
    return render_page(request, "movements/list.html", context, "movements/partials/rows.html")


def _organisers(request: HttpRequest) -> QuerySet[Unit]:
    return (
        scope_for(request.user, Permission.MANAGE_MOVEMENTS)
        .filter(Unit.objects.filter(valid_to__isnull=True))
        .order_by("depth", "sort_key")
    )


def _unit_choices(request: HttpRequest) -> QuerySet[Unit]:
    return visible_units(request.user).order_by("depth", "sort_key")


def _data_from_form(form: MovementForm) -> services.MovementData:
    d = form.cleaned_data
    milestones = []
    if d.get("interim_review"):
        milestones.append(("interim", d["interim_review"], ""))
    if d.get("final_review"):
        milestones.append(("final", d["final_review"], ""))
    awards = tuple(
        services.AwardPlan(code, subject, d.get(name))
        for name, code, subject in planned_award_fields()
        if d.get(name) is not None
    )
    return services.MovementData(
        name=d["name"],
        kind=d["kind"],
        launch_level=d["launch_level"],
        organiser=d["organiser"],
        document_type=d["document_type"],
        start_date=d["start_date"],
        end_date=d["end_date"],
        theme=d.get("theme", ""),
        slogan=d.get("slogan", ""),
        launched_by=d.get("launched_by", ""),
        launcher_name=d.get("launcher_name", ""),
        launcher_title=d.get("launcher_title", ""),
        document_number=d.get("document_number", ""),
        document_date=d.get("document_date"),
        document_issuer=d.get("document_issuer", ""),
        objectives=d.get("objectives", ""),
        registration_deadline=d.get("registration_deadline"),
        results_due=d.get("results_due"),
        budget=d.get("budget"),
        budget_note=d.get("budget_note", ""),
        lead_unit=d.get("lead_unit"),
        cooperating_units=tuple(d.get("cooperating_units") or ()),
        content_items=tuple(lines(d.get("content_items", ""))),
        key_programmes=tuple(lines(d.get("key_programmes", ""))),
        task_groups=tuple(lines(d.get("task_groups", ""))),
        milestones=tuple(milestones),
        planned_awards=awards,
        note=d.get("note", ""),
    )


def _movement_form_page(
    request: HttpRequest, form: MovementForm, title: str, movement: Movement | None
) -> HttpResponse:
    return _page(
        request,
        "movements/movement_form.html",
        {
            "form": form,
            "title": title,
            "movement": movement,
            "cancel": f"/movements/{movement.pk}/" if movement else "/movements/",
            "editable": lifecycle.editable_fields(movement.state) if movement else None,
        },
    )


@login_required
def movement_create(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.MANAGE_MOVEMENTS):
        raise DjangoPermissionDenied
    organisers = _organisers(request)
    form = MovementForm(
        request.POST or None,
        request.FILES or None,
        units=_unit_choices(request),
        organisers=organisers,
        initial={
            "organiser": organisers.first(),
            "kind": "thematic",
            "launch_level": "province",
            "document_type": "plan",
        },
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            movement = services.create_movement(
                request.user,
                _data_from_form(form),
                document_file=form.cleaned_data.get("document_file"),
            )
            messages.success(
                request, _("Draft saved. Next: choose who takes part, then add targets.")
            )
            return redirect("movements:participants", pk=movement.pk)
    return _movement_form_page(request, form, _("New emulation movement"), None)


def _initial(movement: Movement) -> dict[str, Any]:
    items = queries.items_by_kind(movement)
    initial: dict[str, Any] = {
        name: getattr(movement, name)
        for name in (
            "name",
            "theme",
            "slogan",
            "kind",
            "launch_level",
            "launched_by",
            "launcher_name",
            "launcher_title",
            "document_type",
            "document_number",
            "document_date",
            "document_issuer",
            "start_date",
            "end_date",
            "registration_deadline",
            "results_due",
            "objectives",
            "budget",
            "budget_note",
            "note",
            "version",
        )
    }
    initial["organiser"] = movement.organiser_id
    initial["lead_unit"] = movement.lead_unit_id
    initial["cooperating_units"] = list(movement.cooperating_units.values_list("pk", flat=True))
    initial["key_programmes"] = "\n".join(i.title for i in items["key_programme"])
    initial["content_items"] = "\n".join(i.title for i in items["content"])
    initial["task_groups"] = "\n".join(i.title for i in items["task_group"])
    for m in movement.milestones.all():
        key = "interim_review" if m.kind == "interim" else "final_review"
        initial.setdefault(key, m.due_date)
    for p in movement.planned_awards.all():
        initial[f"plan_{p.award}_{p.subject}"] = p.quota
    return initial


@login_required
def movement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed(request, pk)
    form = MovementForm(
        request.POST or None,
        request.FILES or None,
        units=_unit_choices(request),
        organisers=_organisers(request) | Unit.objects.filter(pk=movement.organiser_id),
        initial=_initial(movement),
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.update_movement(
                request.user,
                movement,
                _data_from_form(form),
                expected_version=form.cleaned_data.get("version") or 0,
                document_file=form.cleaned_data.get("document_file"),
            )
            messages.success(request, _("Changes saved."))
            return redirect("movements:detail", pk=movement.pk)
    return _movement_form_page(
        request, form, _("Edit %(movement)s") % {"movement": movement.name}, movement
    )


@login_required
def movement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _movement(request, pk)
    user = request.user
    today = _today()
    compliance = queries.compliance(user, movement)
    coverage = queries.coverage(user, movement)
    can_manage = has_permission(user, Permission.MANAGE_MOVEMENTS, movement.organiser)
    take_part_units = _take_part_units(request, movement)
    next_states = [(s, lifecycle.STATE_NAMES[s]) for s in lifecycle.NEXT.get(movement.state, ())]
    context = {
        "movement": movement,
        "items": queries.items_by_kind(movement),
        "milestones": list(movement.milestones.all()),
        "planned_awards": list(movement.planned_awards.all()),
        "cooperating": list(movement.cooperating_units.order_by("sort_key")),
        "timeline": queries.timeline(movement, today),
        "history": [
            (e.occurred_at, queries.STATE_ACTIONS.get(e.action, e.action))
            for e in queries.state_history(movement)
        ],
        "target_rows": queries.target_rows(movement),
        "participants": [row.unit for row in coverage],
        "coverage": coverage,
        "registered_count": sum(1 for r in coverage if r.registration),
        "registrations": list(queries.registrations(user, movement)[:200]),
        "works": list(queries.works(user, movement)[:200]),
        "compliance_summary": _summary(compliance),
        "quota_rules": [(r, queries.quota_label(r)) for r in movement.quota_rules.all()],
        "pledges": list(queries.visible_pledges(user, movement)),
        "notifications": queries.notifications_for(user, movement),
        "can_manage": can_manage,
        "can_take_part": take_part_units.exists() and movement.state in lifecycle.TAKING_PART,
        "can_report": movement.state in lifecycle.TAKING_PART | lifecycle.REPORTING
        and (can_manage or take_part_units.exists()),
        "targets_editable": movement.state in lifecycle.TARGETS_EDITABLE,
        "next_states": next_states,
        "money": queries.money,
        "budget": queries.money(movement.budget),
        "today": today,
    }
    return _page(request, "movements/detail.html", context)


def _summary(rows: list[Any]) -> dict[str, int]:
    from thidua.movements.domain import quotas

    return quotas.summary(rows)


@login_required
def movement_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    movement = _movement(request, pk)
    if not movement.document_file:
        raise Http404
    try:
        handle = movement.document_file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    name = (movement.document_file.name or "").rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def movement_participants(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed(request, pk)
    units = visible_units(request.user).filter(valid_to__isnull=True).order_by("sort_key")
    clusters = queries.manageable_clusters(request.user)
    initial = {
        "scope_kind": movement.scope_kind,
        "levels": movement.scope_levels or list(services.DEFAULT_LEVELS),
        "units": list(movement.participants.values_list("unit_id", flat=True)),
        "clusters": list(movement.scope_clusters.values_list("pk", flat=True)),
        "version": movement.version,
    }
    form = ParticipantsForm(request.POST or None, units=units, clusters=clusters, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with refusals_shown_on(form):
            services.set_participants(
                request.user,
                movement,
                scope_kind=d["scope_kind"],
                levels=d.get("levels") or (),
                units=list(d.get("units") or ()),
                clusters=list(d.get("clusters") or ()),
                expected_version=d["version"],
            )
            messages.success(request, _("Participants saved."))
            return redirect("movements:detail", pk=movement.pk)
    return _form_page(
        request,
        _("Who takes part in %(movement)s") % {"movement": movement.name},
        form,
        movement,
        multipart=False,
    )


@login_required
@require_POST
def movement_advance(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed(request, pk)
    form = TransitionForm(
        request.POST, states=[(s, s) for s in lifecycle.NEXT.get(movement.state, ())]
    )
    if not form.is_valid():
        messages.error(request, _("This step is not available now."))
        return redirect("movements:detail", pk=movement.pk)
    try:
        services.advance_movement(
            request.user,
            movement,
            form.cleaned_data["to"],
            expected_version=form.cleaned_data["version"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("The movement is now: %(state)s.") % {"state": movement.get_state_display()},
        )
    return redirect("movements:detail", pk=movement.pk)


# -------------------------------------------------------------------------------- targets


@login_required
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed(request, pk)
    form = TargetForm(
        request.POST or None, initial={"direction": "at_least", "aggregation": "sum", "weight": 1}
    )
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        if d.get("weight") is None:
            d["weight"] = 1
        with refusals_shown_on(form):
            services.add_target(request.user, movement, services.TargetData(**d))
            messages.success(request, _("Target added."))
            return redirect(f"/movements/{movement.pk}/#targets")
    return _form_page(request, _("New target"), form, movement)


def _target(movement: Movement, target_id: int) -> Target:
    target = movement.targets.filter(pk=target_id).first()
    if target is None:
        raise Http404
    return target


@login_required
@require_POST
def target_delete(request: HttpRequest, pk: int, target_id: int) -> HttpResponse:
    movement = _managed(request, pk)
    target = _target(movement, target_id)
    try:
        services.remove_target(request.user, target)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Target removed."))
    return redirect(f"/movements/{movement.pk}/#targets")


@login_required
def target_report(request: HttpRequest, pk: int, target_id: int) -> HttpResponse:
    movement = _movement(request, pk)
    target = _target(movement, target_id)
    units = _take_part_units(request, movement).filter(pk__in=services.target_units(target))
    if has_permission(request.user, Permission.MANAGE_MOVEMENTS, movement.organiser):
        units = units | Unit.objects.filter(pk=movement.organiser_id)
    if not units.exists():
        raise DjangoPermissionDenied
    form = TargetReportForm(
        request.POST or None, units=units.order_by("sort_key"), initial={"reported_on": _today()}
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.report_target_value(request.user, target, **form.cleaned_data)
            messages.success(request, _("Value reported."))
            return redirect(f"/movements/{movement.pk}/#targets")
    return _form_page(
        request, _("Report on: %(target)s") % {"target": target.indicator}, form, movement
    )


# --------------------------------------------------------------------------------- quotas


@login_required
def quota_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed(request, pk)
    form = QuotaRuleForm(request.POST or None, initial={"min_count": 1})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.add_quota_rule(request.user, movement, **form.cleaned_data)
            messages.success(request, _("Quota rule added."))
            return redirect("movements:quotas", pk=movement.pk)
    return _form_page(request, _("New work quota rule"), form, movement)


@login_required
@require_POST
def quota_delete(request: HttpRequest, pk: int, rule_id: int) -> HttpResponse:
    movement = _managed(request, pk)
    rule = movement.quota_rules.filter(pk=rule_id).first()
    if rule is None:
        raise Http404
    try:
        services.remove_quota_rule(request.user, rule)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Quota rule removed."))
    return redirect("movements:quotas", pk=movement.pk)


@login_required
def quota_compliance(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _movement(request, pk)
    rows = queries.compliance(request.user, movement)
    show = request.GET.get("show", "")
    if show in ("below", "within", "above"):
        shown = [r for r in rows if r.status == show]
    else:
        shown = rows
    context = {
        "movement": movement,
        "rows": shown,
        "summary": _summary(rows),
        "show": show,
        "rules": [(r, queries.quota_label(r)) for r in movement.quota_rules.all()],
        "can_manage": has_permission(request.user, Permission.MANAGE_MOVEMENTS, movement.organiser),
        "targets_editable": movement.state in lifecycle.TARGETS_EDITABLE,
    }
    return _page(request, "movements/quotas.html", context)


# -------------------------------------------------------------------------- registrations


@login_required
def coverage(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _movement(request, pk)
    rows = queries.coverage(request.user, movement)
    context = {
        "movement": movement,
        "rows": rows,
        "missing": sum(1 for r in rows if r.registration is None),
        "can_manage": has_permission(request.user, Permission.MANAGE_MOVEMENTS, movement.organiser),
        "today": _today(),
    }
    return _page(request, "movements/coverage.html", context)


@login_required
@require_POST
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed(request, pk)
    today = _today()
    deadline = movement.registration_deadline
    if deadline is None or deadline < today or movement.state not in lifecycle.TAKING_PART:
        messages.error(request, _("There is no open registration deadline to remind of."))
    else:
        sent = services.send_reminders(today=today, days=(deadline - today).days, only=movement)
        messages.success(request, _("Reminders sent: %(n)s.") % {"n": sent})
    return redirect("movements:coverage", pk=movement.pk)


@login_required
def registration_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _movement(request, pk)
    registered = movement.registrations.values("unit_id")
    units = _take_part_units(request, movement).exclude(pk__in=registered)
    if not _take_part_units(request, movement).exists():
        raise DjangoPermissionDenied
    form = RegistrationForm(
        request.POST or None,
        units=units,
        targets=list(movement.targets.all()),
        initial={"unit": units.first()},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        indicators = [
            services.IndicatorData(t.indicator, d[name], t.unit_of_measure, t)
            for name, t in form.target_fields
            if d.get(name) is not None
        ]
        indicators += [
            services.IndicatorData(line) for line in lines(d.get("other_indicators", ""))
        ]
        with refusals_shown_on(form):
            reg = services.register_unit(
                request.user,
                movement,
                d["unit"],
                collective_title=d.get("collective_title", ""),
                commitments=d.get("commitments", ""),
                indicators=indicators,
            )
            messages.success(request, _("Registration submitted."))
            return redirect("movements:registration_detail", pk=reg.pk)
    return _form_page(
        request, _("Register for %(movement)s") % {"movement": movement.name}, form, movement
    )


@login_required
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    reg = queries.get_registration(request.user, pk)
    context = {
        "reg": reg,
        "movement": reg.movement,
        "indicators": list(reg.indicators.all()),
        "people": list(reg.people.select_related("person").order_by("person__sort_key")),
        "can_edit": has_permission(request.user, Permission.TAKE_PART, reg.unit)
        and reg.movement.state in lifecycle.TAKING_PART,
    }
    return _page(request, "movements/registration_detail.html", context)


def _guarded_registration(request: HttpRequest, pk: int) -> Any:
    reg = queries.get_registration(request.user, pk)
    if not has_permission(request.user, Permission.TAKE_PART, reg.unit):
        raise DjangoPermissionDenied
    return reg


@login_required
def registration_edit(request: HttpRequest, pk: int) -> HttpResponse:
    reg = _guarded_registration(request, pk)
    form = RegistrationEditForm(
        request.POST or None,
        initial={
            "collective_title": reg.collective_title,
            "commitments": reg.commitments,
            "version": reg.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.update_registration(
                request.user,
                reg,
                collective_title=form.cleaned_data["collective_title"],
                commitments=form.cleaned_data["commitments"],
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("Changes saved."))
            return redirect("movements:registration_detail", pk=reg.pk)
    return _form_page(
        request, _("Registration of %(unit)s") % {"unit": reg.unit.name}, form, reg.movement
    )


@login_required
def registration_import(request: HttpRequest, pk: int) -> HttpResponse:
    reg = _guarded_registration(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        rows, problems = excel.read_people_sheet(form.cleaned_data["file"])
        report = services.import_people(
            request.user,
            reg,
            rows,
            dry_run=form.cleaned_data["dry_run"],
            problems=problems,
        )
        if report.saved:
            messages.success(request, _("%(n)s people registered.") % {"n": report.saved})
            return redirect("movements:registration_detail", pk=reg.pk)
    return _page(
        request,
        "movements/import.html",
        {"form": form, "reg": reg, "movement": reg.movement, "report": report},
    )


@login_required
def registration_template(request: HttpRequest, pk: int) -> HttpResponse:
    reg = queries.get_registration(request.user, pk)
    content = excel.people_template(reg)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="dang-ky-ca-nhan.xlsx"'
    return response


# ---------------------------------------------------------------------------------- works


@login_required
def work_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _movement(request, pk)
    units = _take_part_units(request, movement)
    if not units.exists():
        raise DjangoPermissionDenied
    form = WorkForm(request.POST or None, units=units, initial={"unit": units.first()})
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        unit = d.pop("unit")
        with refusals_shown_on(form):
            work = services.add_work(request.user, movement, unit, services.WorkData(**d))
            messages.success(request, _("Work registered."))
            return redirect("movements:work_detail", pk=work.pk)
    return _form_page(request, _("New work marking the occasion"), form, movement)


@login_required
def work_detail(request: HttpRequest, pk: int) -> HttpResponse:
    work = queries.get_work(request.user, pk)
    can_edit = has_permission(request.user, Permission.TAKE_PART, work.unit)
    status_form = WorkStatusForm(initial={"status": work.status, "version": work.version})
    context = {
        "work": work,
        "movement": work.movement,
        "photos": list(work.photos.all()),
        "can_edit": can_edit,
        "status_form": status_form,
        "photo_form": PhotoForm(),
        "budget": queries.money(work.budget),
    }
    return _page(request, "movements/work_detail.html", context)


def _guarded_work(request: HttpRequest, pk: int) -> Any:
    work = queries.get_work(request.user, pk)
    if not has_permission(request.user, Permission.TAKE_PART, work.unit):
        raise DjangoPermissionDenied
    return work


@login_required
def work_status(request: HttpRequest, pk: int) -> HttpResponse:
    work = _guarded_work(request, pk)
    form = WorkStatusForm(
        request.POST or None, initial={"status": work.status, "version": work.version}
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.set_work_status(
                request.user,
                work,
                status=form.cleaned_data["status"],
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("Status saved."))
            return redirect("movements:work_detail", pk=work.pk)
    return _form_page(request, _("Status of %(work)s") % {"work": work.name}, form, work.movement)


@login_required
def work_photo(request: HttpRequest, pk: int) -> HttpResponse:
    work = _guarded_work(request, pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.add_work_photo(
                request.user,
                work,
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
            )
            messages.success(request, _("Photo added."))
            return redirect("movements:work_detail", pk=work.pk)
    return _form_page(
        request,
        _("Evidence photo for %(work)s") % {"work": work.name},
        form,
        work.movement,
        multipart=True,
    )


@login_required
def work_photo_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    photo = WorkPhoto.objects.select_related("work").filter(pk=pk).first()
    if photo is None:
        raise Http404
    queries.get_work(request.user, photo.work_id)
    try:
        handle = photo.image.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    return FileResponse(handle, filename=(photo.image.name or "").rsplit("/", 1)[-1])


# -------------------------------------------------------------------------------- pledges


def _pledge_clusters(request: HttpRequest, movement: Movement) -> QuerySet[Any]:
    clusters = queries.manageable_clusters(request.user)
    if has_permission(request.user, Permission.MANAGE_MOVEMENTS, movement.organiser):
        return clusters
    led = scope_for(request.user, Permission.TAKE_PART).q("members__unit__path")
    return clusters.filter(led, members__role="leader").distinct()


@login_required
def pledge_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _movement(request, pk)
    clusters = _pledge_clusters(request, movement).exclude(
        pk__in=movement.pledges.values("cluster_id")
    )
    if not _pledge_clusters(request, movement).exists():
        raise DjangoPermissionDenied
    form = PledgeForm(request.POST or None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        cluster = d.pop("cluster")
        with refusals_shown_on(form):
            pledge = services.create_pledge(request.user, movement, cluster, **d)
            messages.success(request, _("Pledge drawn up; member units can now sign it."))
            return redirect("movements:pledge_detail", pk=pledge.pk)
    return _form_page(request, _("New emulation pledge"), form, movement)


@login_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = queries.get_pledge(request.user, pk)
    members = queries.pledge_members(pledge)
    take_part = scope_for(request.user, Permission.TAKE_PART)
    can_sign = pledge.movement.state in lifecycle.TAKING_PART and any(
        row.signature is None and take_part.contains(row.member.unit.path) for row in members
    )
    context = {
        "pledge": pledge,
        "movement": pledge.movement,
        "members": members,
        "signed": sum(1 for r in members if r.signature),
        "criteria": lines(pledge.criteria),
        "can_sign": can_sign,
    }
    return _page(request, "movements/pledge_detail.html", context)


@login_required
def pledge_sign(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = queries.get_pledge(request.user, pk)
    member_ids = pledge.cluster.members.values("unit_id")
    mine = scope_for(request.user, Permission.TAKE_PART).filter(
        Unit.objects.filter(pk__in=member_ids)
    )
    if not mine.exists():
        raise DjangoPermissionDenied
    units = mine.exclude(pk__in=pledge.signatures.values("unit_id")).order_by("sort_key")
    form = SignForm(
        request.POST or None,
        units=units,
        initial={"signed_on": pledge.ceremony_date or _today(), "unit": units.first()},
    )
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        unit = d.pop("unit")
        with refusals_shown_on(form):
            services.sign_pledge(request.user, pledge, unit, **d)
            messages.success(request, _("Signature recorded."))
            return redirect("movements:pledge_detail", pk=pledge.pk)
    return _form_page(
        request, _("Sign: %(pledge)s") % {"pledge": pledge.title}, form, pledge.movement
    )


@login_required
def pledge_docx(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = queries.get_pledge(request.user, pk)
    content = documents.pledge_docx(pledge, queries.pledge_members(pledge))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="giao-uoc-{pledge.pk}.docx"'
    return response


# -------------------------------------------------------------------------- notifications


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = Notification.objects.filter(pk=pk, user_id=request.user.pk or 0).first()
    if notification is None:
        raise Http404
    services.mark_notification_read(request.user, notification)
    if notification.movement_id:
        return redirect("movements:detail", pk=notification.movement_id)
    return redirect("movements:list")
