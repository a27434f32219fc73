"""Pages of nomination dossiers: thin, calling queries and services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Permission
from thidua.awards.queries import person_timeline, unit_timeline
from thidua.core.errors import DomainError
from thidua.core.files import stored_file_response
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.nominations import documents, queries, services
from thidua.nominations.forms import (
    AppraiseForm,
    ChecklistForm,
    DossierForm,
    FileForm,
    FilterForm,
    ForwardForm,
    NomineeEditForm,
    NomineeForm,
    PublishForm,
    ResolveForm,
    ReturnForm,
    VersionForm,
    WithdrawForm,
)
from thidua.nominations.models import Dossier, EvidenceFile, PublicComment
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Household, Person, Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _today() -> date:
    return timezone.localdate()


def _filing(request: HttpRequest, pk: int) -> Dossier:
    dossier = queries.get_dossier(request.user, pk)
    if not queries.can_file(request.user, dossier):
        raise DjangoPermissionDenied
    return dossier


def _appraising(request: HttpRequest, pk: int) -> Dossier:
    dossier = queries.get_dossier(request.user, pk)
    if not queries.can_appraise(request.user, dossier):
        raise DjangoPermissionDenied
    return dossier


def _form_page(
    request: HttpRequest, title: str, form: Any, dossier: Dossier | None, **extra: Any
) -> HttpResponse:
    cancel = f"/nominations/{dossier.pk}/" if dossier else "/nominations/"
    context = {"form": form, "title": title, "dossier": dossier, "cancel": cancel, **extra}
    return render_page(request, "nominations/form.html", context)


def _command(request: HttpRequest, dossier: Dossier, run: Any, done: str) -> HttpResponse:
    """Run a POST-only command from a button; refusals come back as a message."""
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page was out of date; reload it and try again."))
        return redirect("nominations:detail", pk=dossier.pk)
    try:
        run(form.cleaned_data["version"])
    except DomainError as exc:
        if exc.status == 403:
            raise DjangoPermissionDenied from exc
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("nominations:detail", pk=dossier.pk)


# ----------------------------------------------------------------------------------- lists


@login_required
def dossier_list(request: HttpRequest) -> HttpResponse:
    filters = FilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    rows = queries.dossier_page(
        request.user, box=data.get("box", ""), year=data.get("year"), status=data.get("status", "")
    )
    today = _today()
    context = {
        "rows": queries.status_texts(rows, today),
        "filters": filters,
        "can_create": has_permission(request.user, Permission.FILE_NOMINATIONS),
    }
    return render_page(request, "nominations/list.html", context)


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    today = _today()
    rows = queries.status_texts(queries.overdue(request.user, today), today)
    return render_page(request, "nominations/overdue.html", {"rows": rows, "today": today})


def _proposing_units(request: HttpRequest) -> QuerySet[Unit]:
    return (
        scope_for(request.user, Permission.FILE_NOMINATIONS)
        .filter(Unit.objects.filter(valid_to__isnull=True))
        .order_by("depth", "sort_key")
    )


@login_required
def dossier_create(request: HttpRequest) -> HttpResponse:
    proposing = _proposing_units(request)
    if not proposing.exists():
        raise DjangoPermissionDenied
    receiving = Unit.objects.filter(valid_to__isnull=True, depth__lte=2).order_by(
        "depth", "sort_key"
    )
    form = DossierForm(
        request.POST or None,
        proposing=proposing,
        receiving=receiving,
        initial={"year": _today().year, "kind": "annual"},
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            dossier = services.create_dossier(
                request.user,
                services.DossierData(
                    proposing_unit=form.cleaned_data["proposing_unit"],
                    receiving_unit=form.cleaned_data["receiving_unit"],
                    kind=form.cleaned_data["kind"],
                    year=form.cleaned_data["year"],
                    title=form.cleaned_data["title"],
                ),
            )
            messages.success(request, _("Dossier created. Now add the nominees."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(request, _("New nomination dossier"), form, None)


# ---------------------------------------------------------------------------------- detail


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = queries.get_dossier(request.user, pk)
    nominees = queries.nominees_of(dossier)
    can_file = queries.can_file(request.user, dossier)
    can_appraise = queries.can_appraise(request.user, dossier)
    items = queries.checklist_items(nominees)
    context = {
        "dossier": dossier,
        "status_text": queries.status_text(dossier, _today()),
        "nominees": nominees,
        "files": EvidenceFile.objects.filter(nominee__dossier=dossier).select_related(
            "nominee__person", "nominee__unit", "nominee__household"
        ),
        "quotas": queries.quota_counters(dossier),
        "checklist": [(item, dossier.checklist.get(item.code, {})) for item in items],
        "comments": list(queries.comments_of(dossier)),
        "can_file": can_file,
        "can_appraise": can_appraise,
        "editable": dossier.status in {"draft", "returned", "recalled"},
        "at_receiver": dossier.status in {"received", "appraising"},
        "forwarded_to": list(dossier.forwarded_to.all()),
    }
    return render_page(request, "nominations/detail.html", context)


# -------------------------------------------------------------------------------- nominees


def _subject(code: str, unit: Unit) -> Person | Unit | Household | None:
    kind, _sep, raw = code.partition(":")
    if not raw.isdigit():
        return None
    pk = int(raw)
    model: Any = {"p": Person, "u": Unit, "h": Household}.get(kind)
    return model.objects.filter(pk=pk).first() if model else None


@login_required
def nominee_add(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _filing(request, pk)
    form = NomineeForm(
        request.POST or None,
        unit=dossier.proposing_unit,
        initial={"year": dossier.year, "category": "CONG_TRANG"},
    )
    if request.method == "POST" and form.is_valid():
        subject = _subject(form.cleaned_data["subject"], dossier.proposing_unit)
        if subject is None:
            form.add_error("subject", _("Choose a nominee."))
        else:
            with refusals_shown_on(form):
                nominee = services.add_nominee(
                    request.user,
                    dossier,
                    subject,
                    services.NomineeData(
                        award_type=form.cleaned_data["award_type"],
                        category=form.cleaned_data["category"],
                        achievement=form.cleaned_data["achievement"],
                        justification=form.cleaned_data["justification"],
                        year=form.cleaned_data["year"],
                    ),
                )
                if nominee.eligible is False:
                    messages.warning(
                        request,
                        _(
                            "Not eligible by the rules: %(missing)s. Write a justification before sending."
                        )
                        % {"missing": ", ".join(nominee.eligibility.get("missing", []))},
                    )
                else:
                    messages.success(request, _("Nominee added."))
                return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(request, _("Add a nominee"), form, dossier)


@login_required
def nominee_edit(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = queries.get_nominee(request.user, pk)
    dossier = _filing(request, nominee.dossier_id)
    form = NomineeEditForm(
        request.POST or None,
        initial={
            "version": nominee.version,
            "category": nominee.category,
            "achievement": nominee.achievement,
            "justification": nominee.justification,
        },
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.update_nominee(
                request.user,
                nominee,
                expected_version=form.cleaned_data["version"],
                category=form.cleaned_data["category"],
                achievement=form.cleaned_data["achievement"],
                justification=form.cleaned_data["justification"],
            )
            messages.success(request, _("Nominee saved; eligibility checked again."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(
        request, _("Edit %(name)s") % {"name": nominee.subject}, form, dossier, nominee=nominee
    )


@login_required
@require_POST
def nominee_remove(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = queries.get_nominee(request.user, pk)
    dossier = _filing(request, nominee.dossier_id)
    try:
        services.remove_nominee(request.user, nominee)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Nominee removed."))
    return redirect("nominations:detail", pk=dossier.pk)


@login_required
def nominee_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = queries.get_nominee(request.user, pk)
    dossier = _filing(request, nominee.dossier_id)
    form = WithdrawForm(request.POST or None, initial={"version": nominee.version})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.withdraw_nominee(
                request.user,
                nominee,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Nominee withdrawn."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(
        request, _("Withdraw %(name)s") % {"name": nominee.subject}, form, dossier, nominee=nominee
    )


@login_required
def nominee_file(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = queries.get_nominee(request.user, pk)
    dossier = _filing(request, nominee.dossier_id)
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.add_file(
                request.user,
                nominee,
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("File attached."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(
        request,
        _("Attach a file for %(name)s") % {"name": nominee.subject},
        form,
        dossier,
        multipart=True,
    )


@login_required
def file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    row = EvidenceFile.objects.select_related("nominee").filter(pk=pk).first()
    if row is None:
        raise Http404
    queries.get_dossier(request.user, row.nominee.dossier_id)
    # Nominee files are shown in the browser where it can (PDFs, photos), as before.
    return stored_file_response(
        row.file, filename=row.original_name, content_type=row.content_type, inline=True
    )


@login_required
def report_template(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = queries.get_nominee(request.user, pk)
    subject = nominee.subject
    history: list[tuple[int, str, str]] = []
    if isinstance(subject, Person):
        for year in person_timeline(subject):
            for r in year.awards:
                history.append((r.year, r.award_type.name, _decision(r)))
    elif isinstance(subject, Unit):
        for item in unit_timeline(subject):
            r = item.record
            history.append((r.year, r.award_type.name, _decision(r)))
    data = documents.report_docx(nominee, history)
    return _docx(data, f"bao-cao-thanh-tich-{nominee.pk}.docx")


def _decision(record: Any) -> str:
    day = record.decision_date.strftime("%d/%m/%Y") if record.decision_date else ""
    return f"{record.decision_number} {day}".strip()


def _docx(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = queries.get_dossier(request.user, pk)
    data = documents.letter_docx(dossier, queries.nominees_of(dossier), dossier.submitted_on)
    return _docx(data, f"to-trinh-{dossier.pk}.docx")


@login_required
def nominee_list_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = queries.get_dossier(request.user, pk)
    data = documents.list_docx(dossier, queries.nominees_of(dossier), dossier.submitted_on)
    return _docx(data, f"danh-sach-{dossier.pk}.docx")


# -------------------------------------------------------------------------------- commands


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _filing(request, pk)
    return _command(
        request,
        dossier,
        lambda v: services.submit_dossier(request.user, dossier, expected_version=v),
        _("Dossier sent."),
    )


@login_required
@require_POST
def recall(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _filing(request, pk)
    return _command(
        request,
        dossier,
        lambda v: services.recall_dossier(request.user, dossier, expected_version=v),
        _("Dossier recalled; you can edit it and send it again."),
    )


@login_required
@require_POST
def recheck(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = queries.get_dossier(request.user, pk)
    if not (queries.can_file(request.user, dossier) or queries.can_appraise(request.user, dossier)):
        raise DjangoPermissionDenied
    services.recheck_dossier(request.user, dossier)
    messages.success(request, _("Eligibility checked again against the current history."))
    return redirect("nominations:detail", pk=dossier.pk)


@login_required
@require_POST
def receive(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _appraising(request, pk)
    return _command(
        request,
        dossier,
        lambda v: services.receive_dossier(request.user, dossier, expected_version=v),
        _("Dossier received; the appraisal deadline is running."),
    )


@login_required
@require_POST
def finish(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _appraising(request, pk)
    return _command(
        request,
        dossier,
        lambda v: services.finish_appraisal(request.user, dossier, expected_version=v),
        _("Appraisal finished."),
    )


@login_required
def return_dossier(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _appraising(request, pk)
    form = ReturnForm(request.POST or None, initial={"version": dossier.version})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.return_dossier(
                request.user,
                dossier,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Dossier returned to the proposing unit."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(request, _("Return the dossier"), form, dossier)


@login_required
def checklist(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _appraising(request, pk)
    items = queries.checklist_items(queries.nominees_of(dossier))
    form = ChecklistForm(
        request.POST or None,
        items=items,
        current=dossier.checklist,
        initial={"version": dossier.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.set_checklist(
                request.user,
                dossier,
                expected_version=data["version"],
                ticks={i.code: bool(data.get(f"ok_{i.code}")) for i in items},
                notes={i.code: data.get(f"note_{i.code}", "") for i in items},
            )
            messages.success(request, _("Checklist saved."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(request, _("Appraisal checklist"), form, dossier)


@login_required
def appraise(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = queries.get_nominee(request.user, pk)
    dossier = _appraising(request, nominee.dossier_id)
    form = AppraiseForm(request.POST or None, initial={"version": nominee.version})
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.appraise_nominee(
                request.user,
                nominee,
                expected_version=form.cleaned_data["version"],
                result=form.cleaned_data["result"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Appraisal result saved."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(
        request, _("Appraise %(name)s") % {"name": nominee.subject}, form, dossier, nominee=nominee
    )


def _forward_targets(dossier: Dossier) -> QuerySet[Unit]:
    here = dossier.receiving_unit
    prefixes = [here.path[:i] for i in range(9, len(here.path), 9)]
    return Unit.objects.filter(path__in=prefixes, valid_to__isnull=True).order_by("depth")


@login_required
def forward(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _appraising(request, pk)
    form = ForwardForm(
        request.POST or None,
        targets=_forward_targets(dossier),
        initial={"version": dossier.version},
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            upper = services.forward_dossier(
                request.user,
                dossier,
                expected_version=form.cleaned_data["version"],
                target=form.cleaned_data["target"],
            )
            messages.success(request, _("Dossier forwarded to the higher level."))
            return redirect("nominations:detail", pk=upper.pk)
    return _form_page(request, _("Forward to the higher level"), form, dossier)


@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _appraising(request, pk)
    form = PublishForm(
        request.POST or None, initial={"version": dossier.version, "start": _today()}
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.publish_dossier(
                request.user,
                dossier,
                expected_version=form.cleaned_data["version"],
                start=form.cleaned_data["start"],
            )
            messages.success(request, _("The nominee list is published for public comment."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(request, _("Publish for public comment"), form, dossier)


@login_required
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    comment = PublicComment.objects.select_related("nominee").filter(pk=pk).first()
    if comment is None:
        raise Http404
    dossier = _appraising(request, comment.nominee.dossier_id)
    form = ResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.resolve_comment(
                request.user,
                comment,
                outcome=form.cleaned_data["outcome"],
                handling=form.cleaned_data["handling"],
            )
            messages.success(request, _("Handling recorded."))
            return redirect("nominations:detail", pk=dossier.pk)
    return _form_page(request, _("Handle the complaint"), form, dossier, comment=comment)
