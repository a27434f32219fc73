"""Public pages (no login): the nominee lists open for comment, and the comment form.

Only the name, unit, proposed form and a short achievement are shown (nothing else about the
person). The form is CSRF-protected and lightly rate-limited per sender.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.core.forms import add_domain_error
from thidua.nominations import queries, services
from thidua.nominations.forms import CommentForm
from thidua.nominations.models import Nominee
from thidua.org.models import Household, Person

SHORT = 400


def _row(nominee: Nominee) -> dict[str, object]:
    subject = nominee.subject
    if isinstance(subject, Person):
        name, unit = subject.full_name, subject.unit.name if subject.unit else ""
    elif isinstance(subject, Household):
        name, unit = subject.head_name, subject.unit.name if subject.unit else ""
    else:
        name, unit = subject.name, subject.parent.name if subject.parent else ""
    text = nominee.achievement
    return {
        "pk": nominee.pk,
        "name": name,
        "unit": unit,
        "award": nominee.award_type.name,
        "achievement": text if len(text) <= SHORT else text[:SHORT].rsplit(" ", 1)[0] + " …",
    }


def index(request: HttpRequest) -> HttpResponse:
    from django.shortcuts import render

    dossiers = list(queries.published_dossiers(timezone.localdate()))
    return render(request, "nominations/public/index.html", {"dossiers": dossiers})


def _address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    from django.shortcuts import render

    found = queries.published_dossiers(timezone.localdate()).filter(pk=pk).first()
    if found is None:
        raise Http404
    nominees = queries.published_nominees(found)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nominee = next((n for n in nominees if n.pk == form.cleaned_data["nominee"]), None)
        if nominee is None:
            form.add_error("nominee", _("Choose a person on this list."))
        else:
            try:
                services.submit_comment(
                    nominee,
                    services.CommentData(
                        kind=form.cleaned_data["kind"],
                        text=form.cleaned_data["text"],
                        name=form.cleaned_data["name"],
                        contact=form.cleaned_data["contact"],
                    ),
                    address=_address(request),
                )
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, _("Thank you. Your opinion was received."))
                return redirect("public:nomination_dossier", pk=found.pk)
    context = {
        "dossier": found,
        "rows": [_row(n) for n in nominees],
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "nominations/public/dossier.html", context, status=status)
