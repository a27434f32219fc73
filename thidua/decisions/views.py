"""Pages of decisions and certificates: thin, calling queries and services.

Every page needs a login; a decision outside the user's scope is a 404, a command the user
may not run a 403. The public verification page lives in `public_urls.py`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Permission
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.forms import add_domain_error, refusals_shown_on
from thidua.core.htmx import render_page
from thidua.decisions import documents, queries, services
from thidua.decisions.choices import DecisionStatus, LayoutField, LayoutKind
from thidua.decisions.domain.layout import FIELDS, positions_from
from thidua.decisions.forms import (
    BodyForm,
    DecisionForm,
    DraftForm,
    FilterForm,
    IssueForm,
    ItemForm,
    LayoutForm,
    ReturnForm,
    RevokeForm,
)
from thidua.decisions.models import CertificateLayout, Decision, DecisionItem
from thidua.org.access import has_permission, scope_for, visible_units
from thidua.org.queries import visible_people


def _decision(request: HttpRequest, pk: int) -> Decision:
    return queries.get_decision_for_user(request.user, pk)


def _guard_prepare(request: HttpRequest, decision: Decision) -> None:
    if not queries.can_prepare(request.user, decision):
        raise DjangoPermissionDenied


def _guard_sign(request: HttpRequest, decision: Decision) -> None:
    if not queries.can_sign(request.user, decision):
        raise DjangoPermissionDenied


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def _form_page(
    request: HttpRequest, title: str, form: Any, cancel: str, **extra: Any
) -> HttpResponse:
    return render(
        request, "decisions/form.html", {"form": form, "title": title, "cancel": cancel, **extra}
    )


# ------------------------------------------------------------------------------ list, draft


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = queries.Filters()
    if form.is_valid():
        data = form.cleaned_data
        filters = queries.Filters(status=data["status"], year=data["year"], text=data["q"])
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        page = 1
    rows, more = queries.decision_rows(request.user, filters, page)
    context = {
        "form": form,
        "rows": rows,
        "page": page,
        "more": more,
        "can_draft": has_permission(request.user, Permission.PREPARE_DECISIONS),
    }
    return render_page(request, "decisions/list.html", context, "decisions/partials/rows.html")


@login_required
def decision_create(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.PREPARE_DECISIONS):
        raise DjangoPermissionDenied
    bodies = queries.bodies_for(request.user)
    nominees = queries.candidate_nominees(request.user)
    form = DraftForm(request.POST or None, bodies=bodies, nominees=nominees)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            decision = services.draft_decision(
                request.user,
                data["body"],
                _decision_data(data),
                nominees=list(data["nominees"]),
            )
            messages.success(request, _("The draft decision was created."))
            return redirect("decisions:detail", decision.pk)
    return render(
        request,
        "decisions/create.html",
        {"form": form, "has_bodies": bodies.exists(), "nominee_count": nominees.count()},
    )


def _decision_data(data: dict[str, Any]) -> services.DecisionData:
    return services.DecisionData(
        summary=data["summary"],
        period=data["period"],
        category=data["category"],
        basis=data["basis"],
        article_1=data["article_1"],
        article_2=data["article_2"],
        article_3=data["article_3"],
        recipients=data["recipients"],
    )


# ------------------------------------------------------------------------------ one decision


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    rows = queries.item_rows(decision)
    total = sum((row.bonus or 0 for row in rows), 0)
    context = {
        "decision": decision,
        "rows": rows,
        "total": total,
        "can_prepare": queries.can_prepare(request.user, decision),
        "can_sign": queries.can_sign(request.user, decision),
        "is_draft": decision.status == DecisionStatus.DRAFT,
        "is_submitted": decision.status == DecisionStatus.SUBMITTED,
        "is_issued": decision.status == DecisionStatus.ISSUED,
        "is_published": decision.status in queries.PUBLISHED,
        "signing": documents.signing_configured(),
    }
    return render(request, "decisions/detail.html", context)


@login_required
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_prepare(request, decision)
    initial = {
        name: getattr(decision, name)
        for name in (
            "summary",
            "period",
            "category",
            "basis",
            "article_1",
            "article_2",
            "article_3",
            "recipients",
        )
    }
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.update_decision(
                request.user,
                decision,
                _decision_data(form.cleaned_data),
                expected_version=_version(request),
            )
            return redirect("decisions:detail", decision.pk)
    return _form_page(
        request, _("Edit the draft decision"), form, _detail_url(decision), decision=decision
    )


def _detail_url(decision: Decision) -> str:
    return reverse("decisions:detail", args=[decision.pk])


@login_required
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_prepare(request, decision)
    form = ItemForm(
        request.POST or None,
        nominees=queries.candidate_nominees(request.user),
        people=visible_people(request.user).order_by("sort_key"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            if data["nominee"] is not None:
                services.add_item(
                    request.user, decision, data["nominee"], expected_version=_version(request)
                )
            else:
                services.add_item(
                    request.user,
                    decision,
                    data["person"],
                    services.ItemData(data["award_type"], data["year"], data["achievement"]),
                    expected_version=_version(request),
                )
            return redirect("decisions:detail", decision.pk)
    return _form_page(request, _("Add an awardee"), form, _detail_url(decision), decision=decision)


@login_required
@require_POST
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_prepare(request, decision)
    item = DecisionItem.objects.filter(decision=decision, pk=item_pk).first()
    if item is None:
        raise Http404
    _run(
        request,
        lambda: services.remove_item(request.user, item, expected_version=_version(request)),
    )
    return redirect("decisions:detail", decision.pk)


def _run(request: HttpRequest, command: Any) -> bool:
    """Run a command from a button: a refusal becomes a message on the next page."""
    try:
        command()
    except PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return False
    return True


@login_required
@require_POST
def decision_submit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_prepare(request, decision)
    if _run(
        request,
        lambda: services.submit_decision(
            request.user, decision, expected_version=_version(request)
        ),
    ):
        messages.success(request, _("The decision was submitted for signature."))
    return redirect("decisions:detail", decision.pk)


@login_required
def decision_return(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_sign(request, decision)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.return_decision(
                request.user,
                decision,
                expected_version=_version(request),
                note=form.cleaned_data["note"],
            )
            return redirect("decisions:detail", decision.pk)
    return _form_page(
        request, _("Return to the drafter"), form, _detail_url(decision), decision=decision
    )


@login_required
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_sign(request, decision)
    user = request.user
    form = IssueForm(
        request.POST or None,
        initial={
            "decided_on": timezone.localdate(),
            "signer_name": getattr(user, "full_name", "") or user.get_username(),
            "signer_position": decision.signer_position or decision.body.signer_position,
            "on_behalf": decision.on_behalf,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.issue_decision(
                request.user,
                decision,
                expected_version=_version(request),
                decided_on=data["decided_on"],
                signer_name=data["signer_name"],
                signer_position=data["signer_position"],
                on_behalf=data["on_behalf"],
            )
            messages.success(request, _("The decision was signed and issued."))
            return redirect("decisions:detail", decision.pk)
    return _form_page(
        request,
        _("Sign and issue"),
        form,
        _detail_url(decision),
        decision=decision,
        submit_label=_("Sign and issue"),
    )


@login_required
def decision_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    _guard_sign(request, decision)
    form = RevokeForm(request.POST or None, initial={"revoked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.revoke_decision(
                request.user,
                decision,
                services.RevocationData(
                    ground=data["ground"],
                    reason=data["reason"],
                    revoking_number=data["revoking_number"],
                    revoked_on=data["revoked_on"],
                    recovery=data["recovery"],
                ),
                expected_version=_version(request),
            )
            messages.success(request, _("The decision was revoked."))
            return redirect("decisions:detail", decision.pk)
    return _form_page(
        request,
        _("Revoke the decision"),
        form,
        _detail_url(decision),
        decision=decision,
        submit_label=_("Revoke the decision"),
    )


# ------------------------------------------------------------------------------ documents


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    return _download(
        documents.decision_docx(decision), f"{documents.file_stem(decision)}.docx", DOCX
    )


@login_required
def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    return _download(
        documents.decision_pdf(decision), f"{documents.file_stem(decision)}.pdf", "application/pdf"
    )


def _published(request: HttpRequest, pk: int) -> Decision:
    decision = _decision(request, pk)
    if decision.status not in queries.PUBLISHED:
        raise Http404
    return decision


@login_required
def certificate(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    decision = _published(request, pk)
    item = (
        DecisionItem.objects.select_related(
            "decision", "decision__body", "award_type", "person", "unit", "household"
        )
        .filter(decision=decision, pk=item_pk, token__isnull=False)
        .first()
    )
    if item is None:
        raise Http404
    blank = request.GET.get("blank") == "1"
    suffix = "-in-phoi" if blank else ""
    return _download(
        documents.certificate_pdf(item, blank=blank),
        f"bang-{item.pk}{suffix}.pdf",
        "application/pdf",
    )


@login_required
def certificates(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _published(request, pk)
    blank = request.GET.get("blank") == "1"
    return _download(
        documents.certificates_zip(decision, blank=blank),
        f"{documents.file_stem(decision)}-bang.zip",
        "application/zip",
    )


# ------------------------------------------------------------------------------ set-up pages


@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.PREPARE_DECISIONS) and not has_permission(
        request.user, Permission.SIGN_DECISIONS
    ):
        raise DjangoPermissionDenied
    bodies = queries.bodies_for(request.user, Permission.PREPARE_DECISIONS) | queries.bodies_for(
        request.user, Permission.SIGN_DECISIONS
    )
    return render(
        request,
        "decisions/bodies.html",
        {
            "bodies": bodies.distinct(),
            "can_add": has_permission(request.user, Permission.PREPARE_DECISIONS),
        },
    )


@login_required
def body_create(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, Permission.PREPARE_DECISIONS)
    if not (scope.everything or scope.paths):
        raise DjangoPermissionDenied
    units = scope.filter(visible_units(request.user)).order_by("path")
    form = BodyForm(request.POST or None)
    form.fields["unit"] = forms.ModelChoiceField(label=_("Unit"), queryset=units)
    form.fields["unit"].widget.attrs["class"] = "form-select"
    form.order_fields(["unit"])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.save_issuing_body(
                request.user,
                services.BodyData(
                    unit=data["unit"],
                    name=data["name"],
                    head_lines=data["head_lines"],
                    symbol=data["symbol"],
                    place=data["place"],
                    authority=data["authority"],
                    signer_position=data["signer_position"],
                    on_behalf=data["on_behalf"],
                ),
            )
            return redirect("decisions:bodies")
    return _form_page(request, _("Add an issuing body"), form, reverse("decisions:bodies"))


@login_required
def layout_list(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.PREPARE_DECISIONS):
        raise DjangoPermissionDenied
    return render(request, "decisions/layouts.html", {"kinds": LayoutKind.choices})


@login_required
def layout_edit(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in LayoutKind.values:
        raise Http404
    if not has_permission(request.user, Permission.PREPARE_DECISIONS):
        raise DjangoPermissionDenied
    layout = CertificateLayout.objects.filter(kind=kind).first()
    positions = positions_from(layout.positions if layout else {})
    form = LayoutForm(request.POST or None, positions=positions)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_layout(
                request.user, kind, form.positions(), expected_version=_version(request) or None
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("The layout was saved."))
            return redirect("decisions:layout_edit", kind)
    labels = dict(LayoutField.choices)
    rows = [
        (name, labels.get(name, name), [form[f"{name}_{k}"] for k in ("x", "y", "size")])
        for name in FIELDS
    ]
    return render(
        request,
        "decisions/layout_edit.html",
        {"form": form, "rows": rows, "kind": LayoutKind(kind), "layout": layout},
    )


# ------------------------------------------------------------------------------ public


def verify_certificate(request: HttpRequest, token: str) -> HttpResponse:
    """The page a certificate's QR code opens: issuer, decision number and date, award and
    recipient's name — nothing more — and whether the decision was revoked. No login."""
    item = queries.item_by_token(token)
    if item is None:
        return render(request, "decisions/verify.html", {"item": None}, status=404)
    decision = item.decision
    context = {
        "item": item,
        "issuer": decision.body.name,
        "number": decision.number_text,
        "decided_on": decision.decided_on,
        "award": item.award_type.name,
        "recipient": documents.subject_name(item),
        "revoked": decision.status == DecisionStatus.REVOKED,
        "revoked_on": decision.revoked_on,
    }
    return render(request, "decisions/verify.html", context)
