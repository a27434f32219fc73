"""Pages of the council: thin, calling queries and services.

Nothing here ever shows how a member voted: the secretary sees who has voted (receipts),
everyone who sees the session sees the stored tallies once it is closed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Permission
from thidua.core.errors import DomainError
from thidua.core.forms import add_domain_error, refusals_shown_on
from thidua.core.htmx import render_page
from thidua.council import documents, queries, services
from thidua.council.choices import SessionStatus
from thidua.council.forms import (
    AgendaForm,
    BallotForm,
    CouncilForm,
    EndMemberForm,
    MemberForm,
    OpenForm,
    RecusalForm,
    RuleForm,
    SessionForm,
    VersionForm,
    WrittenBallotForm,
)
from thidua.council.models import Council, Session, VotingRule
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Person, Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _get(fn: Any, request: HttpRequest, pk: int) -> Any:
    try:
        return fn(request.user, pk)
    except DomainError as exc:
        raise Http404 from exc


def _can_manage(request: HttpRequest, council: Council) -> bool:
    return has_permission(request.user, Permission.MANAGE_COUNCIL, council.body)


def _managed(request: HttpRequest, council: Council) -> None:
    if not _can_manage(request, council):
        raise DjangoPermissionDenied


def _form(request: HttpRequest, title: str, form: Any, cancel: str, **extra: Any) -> HttpResponse:
    return render_page(
        request,
        "council/form.html",
        {"form": form, "title": title, "cancel": cancel, **extra},
    )


def _session_url(session: Session) -> str:
    return f"/council/sessions/{session.pk}/"


# ------------------------------------------------------------------------------ councils


@login_required
def index(request: HttpRequest) -> HttpResponse:
    councils = list(queries.councils_for(request.user).order_by("body__path", "name"))
    sessions = list(queries.sessions_for(request.user).order_by("-held_on", "-id")[:100])
    return render_page(
        request,
        "council/index.html",
        {
            "councils": councils,
            "sessions": sessions,
            "can_create": has_permission(request.user, Permission.MANAGE_COUNCIL),
            "can_edit_rules": has_permission(request.user, Permission.MANAGE_CATALOGUE),
        },
    )


@login_required
def council_create(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.MANAGE_COUNCIL):
        raise DjangoPermissionDenied
    bodies = scope_for(request.user, Permission.MANAGE_COUNCIL).filter(
        Unit.objects.filter(valid_to__isnull=True).order_by("depth", "sort_key")
    )
    form = CouncilForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            council = services.create_council(
                request.user, form.cleaned_data["body"], form.cleaned_data["name"]
            )
            return redirect("council:council_detail", council.pk)
    return _form(request, _("New council"), form, "/council/")


@login_required
def council_detail(request: HttpRequest, pk: int) -> HttpResponse:
    council = _get(queries.get_council, request, pk)
    members = council.members.select_related("user", "person").order_by("sort_key", "id")
    return render_page(
        request,
        "council/council_detail.html",
        {
            "council": council,
            "members": list(members),
            "sessions": list(council.sessions.order_by("-held_on", "-id")),
            "can_manage": _can_manage(request, council),
        },
    )


@login_required
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    council = _get(queries.get_council, request, pk)
    _managed(request, council)
    users = get_user_model().objects.filter(is_active=True).order_by("full_name", "username")
    people = scope_for(request.user).filter(
        Person.objects.select_related("unit").order_by("sort_key"), "unit__path"
    )
    form = MemberForm(request.POST or None, users=users, people=people)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with refusals_shown_on(form):
            services.add_member(
                request.user,
                council,
                services.MemberData(
                    full_name=d["full_name"],
                    title=d["title"],
                    role=d["role"],
                    valid_from=d["valid_from"],
                    valid_to=d.get("valid_to"),
                    user=d.get("user"),
                    person=d.get("person"),
                ),
            )
            return redirect("council:council_detail", council.pk)
    return _form(request, _("Add a council member"), form, f"/council/{council.pk}/")


@login_required
@require_POST
def member_end(request: HttpRequest, pk: int) -> HttpResponse:
    member = _get(queries.get_member, request, pk)
    _managed(request, member.council)
    form = EndMemberForm(request.POST)
    if form.is_valid():
        try:
            services.end_member(request.user, member, form.cleaned_data["valid_to"])
        except DomainError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Enter a valid end date."))
    return redirect("council:council_detail", member.council_id)


# ------------------------------------------------------------------------------ sessions


@login_required
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    council = _get(queries.get_council, request, pk)
    _managed(request, council)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with refusals_shown_on(form):
            session = services.create_session(
                request.user,
                council,
                services.SessionData(
                    title=d["title"],
                    held_on=d["held_on"],
                    place=d["place"],
                    ballot_opens_at=d["ballot_opens_at"],
                    ballot_closes_at=d["ballot_closes_at"],
                    chaired_by=d["chaired_by"],
                    notes=d["notes"],
                ),
            )
            return redirect("council:session_detail", session.pk)
    return _form(request, _("New council session"), form, f"/council/{council.pk}/")


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get(queries.get_session, request, pk)
    can_manage = _can_manage(request, session.council)
    items = list(
        session.items.select_related(
            "nominee__person", "nominee__unit", "nominee__household", "nominee__award_type"
        ).prefetch_related("recusals__elector")
    )
    voted = queries.voted_counts(session) if can_manage else {}
    conflicts = queries.conflicts_of(session) if can_manage else {}
    rows = [
        {
            "item": item,
            "voted": voted.get(item.pk, 0),
            "conflicts": conflicts.get(item.pk, []),
            "recusals": list(item.recusals.all()),
        }
        for item in items
    ]
    elector = queries.elector_of(request.user, session)
    return render_page(
        request,
        "council/session_detail.html",
        {
            "session": session,
            "rows": rows,
            "electors": list(session.electors.order_by("sort_key", "id")),
            "can_manage": can_manage,
            "can_vote": elector is not None
            and session.status == SessionStatus.OPEN
            and has_permission(request.user, Permission.VOTE, session.council.body),
            "closed": session.status == SessionStatus.CLOSED,
        },
    )


@login_required
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get(queries.get_session, request, pk)
    _managed(request, session.council)
    form = AgendaForm(
        request.POST or None,
        nominees=queries.nominees_ready_for_council(session.council, session.held_on),
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.add_agenda_item(request.user, session, form.cleaned_data["nominee"])
            return redirect("council:session_detail", session.pk)
    return _form(request, _("Add a nominee to the agenda"), form, _session_url(session))


@login_required
@require_POST
def agenda_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get(queries.get_item, request, pk)
    _managed(request, item.session.council)
    try:
        services.remove_agenda_item(request.user, item)
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("council:session_detail", item.session_id)


@login_required
def session_open(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get(queries.get_session, request, pk)
    _managed(request, session.council)
    members = queries.members_on(session.council, session.held_on).order_by("sort_key", "id")
    form = OpenForm(request.POST or None, members=members, initial={"version": session.version})
    if request.method == "POST" and form.is_valid():
        present = [int(v) for v in form.cleaned_data["present"]]
        with refusals_shown_on(form):
            services.open_session(request.user, session, present, form.cleaned_data["version"])
            return redirect("council:session_detail", session.pk)
    return _form(
        request, _("Open the session: attendance"), form, _session_url(session), session=session
    )


@login_required
@require_POST
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    elector = _get(queries.get_elector, request, pk)
    _managed(request, elector.session.council)
    try:
        services.record_attendance(request.user, elector, request.POST.get("present") == "1")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("council:session_detail", elector.session_id)


@login_required
def recusal(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get(queries.get_item, request, pk)
    _managed(request, item.session.council)
    form = RecusalForm(request.POST or None, electors=item.session.electors.order_by("sort_key"))
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.record_recusal(
                request.user, item, form.cleaned_data["elector"], form.cleaned_data["reason"]
            )
            return redirect("council:session_detail", item.session_id)
    return _form(request, _("Record a recusal"), form, _session_url(item.session), subject=item)


@login_required
def written_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get(queries.get_item, request, pk)
    _managed(request, item.session.council)
    form = WrittenBallotForm(
        request.POST or None,
        electors=item.session.electors.filter(present=False).order_by("sort_key"),
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.record_written_ballot(
                request.user, item, form.cleaned_data["elector"], form.cleaned_data["choice"]
            )
            messages.success(request, _("The written ballot was recorded."))
            return redirect("council:session_detail", item.session_id)
    return _form(
        request,
        _("Record the written ballot of an absent member"),
        form,
        _session_url(item.session),
        subject=item,
    )


@login_required
@require_POST
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get(queries.get_session, request, pk)
    _managed(request, session.council)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page is out of date; reload it."))
        return redirect("council:session_detail", session.pk)
    try:
        services.close_session(request.user, session, form.cleaned_data["version"])
        messages.success(request, _("The session was closed and the ballots counted."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("council:session_detail", session.pk)


@login_required
def ballot(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get(queries.get_session, request, pk)
    if not has_permission(request.user, Permission.VOTE, session.council.body):
        raise DjangoPermissionDenied
    elector = queries.elector_of(request.user, session)
    if elector is None or session.status != SessionStatus.OPEN:
        raise DjangoPermissionDenied
    state = queries.my_ballot_state(elector)
    items = list(
        session.items.select_related(
            "nominee__award_type", "nominee__person", "nominee__unit", "nominee__household"
        )
    )
    open_items = [i for i in items if i.pk not in state]
    form = BallotForm(request.POST or None, items=open_items)
    if request.method == "POST" and form.is_valid():
        try:
            services.cast_ballots(request.user, session, form.choices())
        except DomainError as exc:
            if exc.status == 403:
                raise DjangoPermissionDenied from exc
            add_domain_error(form, exc)
        else:
            messages.success(request, _("Your ballots were cast. Thank you."))
            return redirect("council:ballot", session.pk)
    return render_page(
        request,
        "council/ballot.html",
        {
            "session": session,
            "form": form,
            "elector": elector,
            "done": [(i, state[i.pk]) for i in items if i.pk in state],
        },
    )


def _closed_session(request: HttpRequest, pk: int) -> Session:
    session = _get(queries.get_session, request, pk)
    if session.status != SessionStatus.CLOSED:
        raise Http404
    return session


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = _closed_session(request, pk)
    response = HttpResponse(documents.minutes_docx(session), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="bien-ban-hop-{session.pk}.docx"'
    return response


@login_required
def count_record(request: HttpRequest, pk: int) -> HttpResponse:
    session = _closed_session(request, pk)
    response = HttpResponse(documents.count_record_docx(session), content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="bien-ban-kiem-phieu-{session.pk}.docx"'
    )
    return response


# ------------------------------------------------------------------------------ voting rules


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "council/rules.html",
        {
            "rules": list(VotingRule.objects.order_by("award_code", "level", "-effective_from")),
            "can_edit": has_permission(request.user, Permission.MANAGE_CATALOGUE),
        },
    )


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not has_permission(request.user, Permission.MANAGE_CATALOGUE):
        raise DjangoPermissionDenied
    rule = VotingRule.objects.filter(pk=pk).first()
    if rule is None:
        raise Http404
    initial = {
        "base": rule.base,
        "comparison": rule.comparison,
        "percent": rule.percent,
        "quorum_numerator": rule.quorum_numerator,
        "quorum_denominator": rule.quorum_denominator,
        "secret": rule.secret,
        "confirmed": rule.confirmed,
        "basis": rule.basis,
        "version": rule.version,
    }
    form = RuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with refusals_shown_on(form):
            services.change_voting_rule(
                request.user,
                rule,
                services.RuleData(
                    base=d["base"],
                    percent=d["percent"],
                    comparison=d["comparison"],
                    quorum_numerator=d["quorum_numerator"],
                    quorum_denominator=d["quorum_denominator"],
                    secret=d["secret"],
                    basis=d["basis"],
                    confirmed=d["confirmed"],
                ),
                d["reason"],
                d["version"],
            )
            return redirect("council:rules")
    return _form(request, _("Change a voting rule"), form, "/council/rules/", subject=rule)
