"""Pages of scoring: thin, calling queries and services."""

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
from thidua.core.forms import refusals_shown_on
from thidua.core.htmx import render_page
from thidua.movements.models import Movement
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Cluster, Unit
from thidua.scoring import documents, excel, queries, services
from thidua.scoring.domain import workflow
from thidua.scoring.domain.formulas import FORMULAS
from thidua.scoring.forms import (
    ClusterChoiceForm,
    CriterionForm,
    GroupForm,
    ImportForm,
    PeerForm,
    PeriodForm,
    PeriodsForm,
    ProgressForm,
    ReviewForm,
    SheetForm,
    TableForm,
    TransitionForm,
    VoteForm,
)
from thidua.scoring.models import CriteriaTable, ScoreSheet


def _today() -> date:
    return timezone.localdate()


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render_page(request, template, context)


def _form_page(
    request: HttpRequest, title: str, form: Any, cancel: str, **extra: Any
) -> HttpResponse:
    return _page(
        request,
        "scoring/simple_form.html",
        {"form": form, "title": title, "cancel": cancel, **extra},
    )


def _take_part_units(request: HttpRequest, movement: Movement) -> QuerySet[Unit]:
    ids = list(movement.participants.values_list("unit_id", flat=True)) + [movement.organiser_id]
    return (
        scope_for(request.user, Permission.TAKE_PART)
        .filter(Unit.objects.filter(pk__in=ids))
        .order_by("sort_key")
    )


def _managed_movement(request: HttpRequest, pk: int) -> Movement:
    movement = queries.get_movement(request.user, pk)
    if not has_permission(request.user, Permission.MANAGE_SCORING, movement.organiser):
        raise DjangoPermissionDenied
    return movement


def _managed_table(request: HttpRequest, pk: int) -> CriteriaTable:
    table = queries.get_table(request.user, pk)
    if not services.can_manage(request.user, table):
        raise DjangoPermissionDenied
    return table


# ------------------------------------------------------------------------------ dashboard


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    tables = queries.visible_tables(user).select_related("organiser")[:50]
    sheets = (
        queries.visible_sheets(user)
        .filter(unit__in=scope_for(user, Permission.TAKE_PART).filter(Unit.objects.all()))
        .select_related("table", "unit", "cluster")[:50]
    )
    boards = queries.visible_rankings(user).select_related("table", "cluster")[:50]
    context = {
        "tables": tables,
        "sheets": sheets,
        "rankings": boards,
        "can_create": has_permission(user, Permission.MANAGE_SCORING),
        "overdue": queries.overdue(user, _today())[:20],
    }
    return _page(request, "scoring/home.html", context)


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    return _page(request, "scoring/overdue.html", {"rows": queries.overdue(request.user, _today())})


# ------------------------------------------------------------------------------- progress


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    movement = queries.get_movement(request.user, pk)
    periods = list(movement.reporting_periods.all())
    period = None
    if request.GET.get("period", "").isdigit():
        period = next((p for p in periods if p.pk == int(request.GET["period"])), None)
    result = queries.movement_progress(request.user, movement, period)
    target = None
    if request.GET.get("target", "").isdigit():
        target = movement.targets.filter(pk=int(request.GET["target"])).first()
    reports = (
        queries.ProgressReport.objects.filter(target__movement=movement)
        .filter(
            scope_for(request.user).q("unit__path")
            | scope_for(request.user).q("target__movement__organiser__path")
        )
        .select_related("unit", "period", "target")
        .order_by("-period__end", "unit__sort_key")[:100]
    )
    context = {
        "movement": movement,
        "periods": periods,
        "period": period,
        "progress": result,
        "reports": reports,
        "rollup": queries.rollup(request.user, target) if target else [],
        "rollup_target": target,
        "can_report": _take_part_units(request, movement).exists(),
        "can_manage": has_permission(request.user, Permission.MANAGE_SCORING, movement.organiser),
        "reviews": movement.reviews.all(),
    }
    return _page(request, "scoring/progress.html", context)


@login_required
def progress_report(request: HttpRequest, pk: int) -> HttpResponse:
    movement = queries.get_movement(request.user, pk)
    units = _take_part_units(request, movement)
    if not units.exists():
        raise DjangoPermissionDenied
    form = ProgressForm(
        request.POST or None,
        request.FILES or None,
        targets=movement.targets.all(),
        units=units,
        periods=movement.reporting_periods.all(),
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with refusals_shown_on(form):
            services.report_progress(
                request.user,
                d["target"],
                unit=d["unit"],
                period=d["period"],
                value=d["value"],
                comment=d["comment"],
                files=d["evidence"] or [],
            )
            messages.success(request, _("Progress reported."))
            return redirect("scoring:progress", pk=movement.pk)
    return _form_page(
        request,
        _("Report progress"),
        form,
        f"/scoring/movements/{movement.pk}/progress/",
        movement=movement,
    )


@login_required
def progress_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = queries.get_report(request.user, pk)
    return _page(
        request,
        "scoring/progress_detail.html",
        {"report": report, "evidence": report.evidence.all()},
    )


@login_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    evidence = queries.get_evidence(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=evidence.name or "minh-chung")


@login_required
def sheet_evidence_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    evidence = queries.get_sheet_evidence(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=evidence.name or "minh-chung")


@login_required
def progress_import(request: HttpRequest, pk: int) -> HttpResponse:
    movement = queries.get_movement(request.user, pk)
    if not _take_part_units(request, movement).exists():
        raise DjangoPermissionDenied
    form = ImportForm(
        request.POST or None, request.FILES or None, periods=movement.reporting_periods.all()
    )
    result = None
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        rows, problems = excel.read_progress_sheet(form.cleaned_data["file"])
        if not problems:
            with refusals_shown_on(form):
                result = services.import_progress(
                    request.user,
                    movement,
                    form.cleaned_data["period"],
                    rows,
                    dry_run=form.cleaned_data["dry_run"],
                )
                if not result.errors and not result.dry_run:
                    messages.success(request, _("%(n)s figures saved.") % {"n": result.saved})
                    return redirect("scoring:progress", pk=movement.pk)
    return _page(
        request,
        "scoring/import.html",
        {"form": form, "movement": movement, "result": result, "problems": problems},
    )


@login_required
def progress_template(request: HttpRequest, pk: int) -> HttpResponse:
    movement = queries.get_movement(request.user, pk)
    units = list(_take_part_units(request, movement))
    if not units:
        raise DjangoPermissionDenied
    data = excel.progress_template(movement, units)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="mau-so-lieu-tien-do.xlsx"'
    return response


@login_required
def periods(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed_movement(request, pk)
    generate = PeriodsForm(request.POST if "frequency" in request.POST else None, prefix="g")
    custom = PeriodForm(request.POST if "label" in request.POST else None, prefix="c")
    if request.method == "POST":
        if "frequency" in request.POST and generate.is_valid():
            with refusals_shown_on(generate):
                services.generate_reporting_periods(request.user, movement, **generate.cleaned_data)
                return redirect("scoring:periods", pk=movement.pk)
        elif "label" in request.POST and custom.is_valid():
            with refusals_shown_on(custom):
                services.add_reporting_period(request.user, movement, **custom.cleaned_data)
                return redirect("scoring:periods", pk=movement.pk)
    context = {
        "movement": movement,
        "generate": generate,
        "custom": custom,
        "periods": movement.reporting_periods.all(),
    }
    return _page(request, "scoring/periods.html", context)


# ------------------------------------------------------------------------- criteria tables


@login_required
def table_create(request: HttpRequest) -> HttpResponse:
    organisers = (
        scope_for(request.user, Permission.MANAGE_SCORING)
        .filter(Unit.objects.filter(valid_to__isnull=True))
        .order_by("depth", "sort_key")
    )
    if not organisers.exists():
        raise DjangoPermissionDenied
    scope = scope_for(request.user, Permission.MANAGE_SCORING)
    form = TableForm(
        request.POST or None,
        organisers=organisers,
        movements=scope.filter(Movement.objects.all(), "organiser__path").order_by("-start_date"),
        clusters=scope.filter(Cluster.objects.all(), "organiser__path").order_by("-year", "name"),
    )
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            table = services.create_criteria_table(
                request.user, services.TableData(**form.cleaned_data)
            )
            return redirect("scoring:table_detail", pk=table.pk)
    return _form_page(request, _("New criteria table"), form, "/scoring/")


@login_required
def table_detail(request: HttpRequest, pk: int) -> HttpResponse:
    table = queries.get_table(request.user, pk)
    can_manage = services.can_manage(request.user, table)
    groups = table.groups.prefetch_related("criteria")
    sheets = (
        queries.visible_sheets(request.user)
        .filter(table=table)
        .select_related("unit", "cluster")
        .order_by("cluster__name", "unit__sort_key")
    )
    boards = queries.visible_rankings(request.user).filter(table=table).select_related("cluster")
    clusters = Cluster.objects.filter(year=table.year).order_by("name")
    if table.cluster_id:
        clusters = clusters.filter(pk=table.cluster_id)
    context = {
        "table": table,
        "groups": groups,
        "sheets": sheets,
        "rankings": boards,
        "can_manage": can_manage,
        "open_form": ClusterChoiceForm(clusters=clusters) if can_manage else None,
        "cluster_ids": sorted({s.cluster_id for s in sheets}),
        "clusters": {
            c.pk: c for c in Cluster.objects.filter(pk__in={s.cluster_id for s in sheets})
        },
        "formulas": FORMULAS,
    }
    return _page(request, "scoring/table_detail.html", context)


@login_required
def group_create(request: HttpRequest, pk: int) -> HttpResponse:
    table = _managed_table(request, pk)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            services.add_criterion_group(request.user, table, **form.cleaned_data)
            return redirect("scoring:table_detail", pk=table.pk)
    return _form_page(request, _("New criteria group"), form, f"/scoring/tables/{table.pk}/")


@login_required
def criterion_create(request: HttpRequest, pk: int) -> HttpResponse:
    table = _managed_table(request, pk)
    targets = table.movement.targets.all() if table.movement else table.groups.none()
    form = CriterionForm(request.POST or None, groups=table.groups.all(), targets=targets)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        group = d.pop("group")
        with refusals_shown_on(form):
            services.add_criterion(request.user, group, services.CriterionData(**d))
            return redirect("scoring:table_detail", pk=table.pk)
    return _form_page(
        request, _("New criterion"), form, f"/scoring/tables/{table.pk}/", formulas=FORMULAS
    )


@login_required
@require_POST
def table_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    table = _managed_table(request, pk)
    try:
        services.adopt_criteria_table(
            request.user, table, expected_version=int(request.POST.get("version", "0") or 0)
        )
        messages.success(request, _("The criteria table is adopted."))
    except services.DomainError as exc:
        messages.error(request, exc.message)
    return redirect("scoring:table_detail", pk=table.pk)


@login_required
@require_POST
def table_open(request: HttpRequest, pk: int) -> HttpResponse:
    table = _managed_table(request, pk)
    form = ClusterChoiceForm(request.POST, clusters=Cluster.objects.all())
    if form.is_valid():
        try:
            services.open_scoring(request.user, table, form.cleaned_data["cluster"])
            messages.success(request, _("Score sheets opened."))
        except services.DomainError as exc:
            messages.error(request, exc.message)
    return redirect("scoring:table_detail", pk=table.pk)


@login_required
@require_POST
def table_lock(request: HttpRequest, pk: int, cluster: int) -> HttpResponse:
    table = _managed_table(request, pk)
    try:
        board = services.lock_cluster(request.user, table, queries.get_cluster(cluster))
        return redirect("scoring:ranking_detail", pk=board.pk)
    except services.DomainError as exc:
        messages.error(request, exc.message)
    return redirect("scoring:table_detail", pk=table.pk)


@login_required
def simulate(request: HttpRequest, pk: int) -> HttpResponse:
    table = _managed_table(request, pk)
    sources = queries.simulation_sources(request.user, table)
    source = None
    if request.GET.get("source", "").isdigit():
        source = sources.filter(pk=int(request.GET["source"])).first()
    source = source or sources.first()
    result = queries.simulate(table, source) if source else None
    return _page(
        request,
        "scoring/simulate.html",
        {"table": table, "sources": sources, "source": source, "result": result},
    )


@login_required
def peer(request: HttpRequest, pk: int, cluster: int) -> HttpResponse:
    table = queries.get_table(request.user, pk)
    group = queries.get_cluster(cluster)
    members = list(Unit.objects.filter(cluster_memberships__cluster=group).order_by("sort_key"))
    mine = [u for u in members if has_permission(request.user, Permission.TAKE_PART, u)]
    manage = services.can_manage(request.user, table)
    if not mine and not manage:
        raise Http404
    scorer = mine[0] if mine else None
    form = None
    if scorer is not None:
        others = [u for u in members if u.pk != scorer.pk]
        form = PeerForm(request.POST or None, units=others, max_points=table.max_total)
        if request.method == "POST" and form.is_valid():
            marks = {int(k[5:]): v for k, v in form.cleaned_data.items() if v is not None}
            with refusals_shown_on(form):
                services.submit_peer_scores(request.user, table, group, scorer=scorer, marks=marks)
                messages.success(request, _("Peer scores saved."))
                return redirect("scoring:peer", pk=table.pk, cluster=group.pk)
    rows = services.peer_rows(table, group) if manage else []
    names = {u.pk: u.name for u in members}
    return _page(
        request,
        "scoring/peer.html",
        {
            "table": table,
            "cluster": group,
            "form": form,
            "scorer": scorer,
            "rows": rows,
            "names": names,
        },
    )


# ---------------------------------------------------------------------------- score sheets


def _sheet_stage(request: HttpRequest, sheet: ScoreSheet) -> str | None:
    """Which stage this user may edit now, or None."""
    user = request.user
    if sheet.state == workflow.DRAFT and has_permission(user, Permission.TAKE_PART, sheet.unit):
        return "self"
    if sheet.state == workflow.SUBMITTED and services.can_review(user, sheet.cluster, sheet.table):
        return "review"
    if sheet.state in (workflow.REVIEWED, workflow.EXPLAINED) and services.can_manage(
        user, sheet.table
    ):
        return "final"
    return None


@login_required
def sheet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = queries.get_sheet(request.user, pk)
    stage = _sheet_stage(request, sheet)
    grouped = queries.sheets_by_group(sheet)
    entries = [e for _, es in grouped for e in es]
    initial: dict[str, Any] = {"version": sheet.version}
    for e in entries:
        v = {
            "self": e.self_value,
            "review": e.reviewed_value if e.reviewed_value is not None else e.self_value,
            "final": e.final_value
            if e.final_value is not None
            else (e.reviewed_value if e.reviewed_value is not None else e.self_value),
        }.get(stage or "self")
        initial[f"value_{e.criterion_id}"] = v
        initial[f"note_{e.criterion_id}"] = e.evidence_note if stage == "self" else e.comment
    form = (
        SheetForm(
            request.POST or None,
            request.FILES or None,
            entries=entries,
            stage=stage or "",
            initial=initial,
        )
        if stage
        else None
    )
    if request.method == "POST":
        if form is None:
            raise DjangoPermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            values = {
                e.criterion_id: services.EntryInput(
                    d.get(f"value_{e.criterion_id}"), d.get(f"note_{e.criterion_id}") or ""
                )
                for e in entries
                if stage != "self"
                or d.get(f"value_{e.criterion_id}") is not None
                or e.self_value is not None
            }
            if stage != "self":
                # only what the reviewer changes (or comments on) is recorded at this stage
                before = {e.criterion_id: initial[f"value_{e.criterion_id}"] for e in entries}
                values = {
                    k: v
                    for k, v in values.items()
                    if v.value is not None and (v.value != before.get(k) or v.note)
                }
            with refusals_shown_on(form):
                if stage == "self":
                    services.save_self_scores(
                        request.user,
                        sheet,
                        values,
                        expected_version=d["version"],
                        files=d["evidence"] or [],
                    )
                elif stage == "review":
                    services.review_sheet(
                        request.user,
                        sheet,
                        values,
                        comment=d["comment"],
                        expected_version=d["version"],
                    )
                else:
                    services.finalise_sheet(
                        request.user,
                        sheet,
                        values,
                        comment=d["comment"],
                        expected_version=d["version"],
                    )
                messages.success(request, _("Scores saved."))
                return redirect("scoring:sheet_detail", pk=sheet.pk)
    rows = [
        (
            g,
            [
                (
                    e,
                    form[f"value_{e.criterion_id}"] if form else None,
                    form[f"note_{e.criterion_id}"] if form else None,
                )
                for e in es
            ],
        )
        for g, es in grouped
    ]
    context = {
        "sheet": sheet,
        "form": form,
        "stage": stage,
        "rows": rows,
        "changes": [
            (
                c,
                workflow.ACTION_LABELS.get(
                    c.action, _("value") if c.action == "value" else c.action
                ),
                workflow.STATE_LABELS.get(c.before, c.before),
                workflow.STATE_LABELS.get(c.after, c.after),
            )
            for c in sheet.changes.select_related("actor").order_by("-id")[:100]
        ],
        "evidence": sheet.evidence.all(),
        "can_submit": sheet.state == workflow.DRAFT
        and has_permission(request.user, Permission.TAKE_PART, sheet.unit),
        "can_return": sheet.state == workflow.SUBMITTED
        and services.can_review(request.user, sheet.cluster, sheet.table),
        "can_explain": sheet.state == workflow.REVIEWED
        and has_permission(request.user, Permission.TAKE_PART, sheet.unit),
        "state_label": workflow.STATE_LABELS.get(sheet.state, sheet.state),
    }
    return _page(request, "scoring/sheet_detail.html", context)


@login_required
@require_POST
def sheet_transition(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = queries.get_sheet(request.user, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The request is not valid."))
        return redirect("scoring:sheet_detail", pk=sheet.pk)
    d = form.cleaned_data
    try:
        if d["action"] == "submit":
            services.submit_self_score(request.user, sheet, expected_version=d["version"])
        elif d["action"] == "return":
            services.return_sheet(
                request.user, sheet, comment=d["text"], expected_version=d["version"]
            )
        else:
            services.explain_sheet(
                request.user, sheet, explanation=d["text"], expected_version=d["version"]
            )
        messages.success(request, _("Done."))
    except services.PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    except services.DomainError as exc:
        messages.error(request, exc.message)
    return redirect("scoring:sheet_detail", pk=sheet.pk)


# -------------------------------------------------------------------------------- rankings


@login_required
def ranking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    board = queries.get_ranking(request.user, pk)
    members = Unit.objects.filter(cluster_memberships__cluster=board.cluster)
    voters = scope_for(request.user, Permission.TAKE_PART).filter(members).order_by("sort_key")
    rows = queries.rows_with_units(board)
    context = {
        "board": board,
        "rows": rows,
        "vote": services.vote_result(board),
        "votes": board.votes.select_related("unit"),
        "vote_form": VoteForm(units=voters) if voters.exists() and board.state == "draft" else None,
        "can_publish": services.can_manage(request.user, board.table) and board.state == "draft",
        "warnings": [w for w in board.warnings.splitlines() if w],
    }
    return _page(request, "scoring/ranking_detail.html", context)


@login_required
@require_POST
def ranking_vote(request: HttpRequest, pk: int) -> HttpResponse:
    board = queries.get_ranking(request.user, pk)
    units = scope_for(request.user, Permission.TAKE_PART).filter(
        Unit.objects.filter(cluster_memberships__cluster=board.cluster)
    )
    form = VoteForm(request.POST, units=units)
    if not form.is_valid():
        if not units.exists():
            raise DjangoPermissionDenied
        messages.error(request, _("Choose your unit and your vote."))
        return redirect("scoring:ranking_detail", pk=board.pk)
    try:
        services.cast_ranking_vote(request.user, board, **form.cleaned_data)
        messages.success(request, _("Your vote is recorded."))
    except services.PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    except services.DomainError as exc:
        messages.error(request, exc.message)
    return redirect("scoring:ranking_detail", pk=board.pk)


@login_required
@require_POST
def ranking_publish(request: HttpRequest, pk: int) -> HttpResponse:
    board = queries.get_ranking(request.user, pk)
    if not services.can_manage(request.user, board.table):
        raise DjangoPermissionDenied
    try:
        services.publish_ranking(
            request.user, board, expected_version=int(request.POST.get("version", "0") or 0)
        )
        messages.success(request, _("The ranking is published."))
    except services.DomainError as exc:
        messages.error(request, exc.message)
    return redirect("scoring:ranking_detail", pk=board.pk)


@login_required
def ranking_explain(request: HttpRequest, pk: int) -> HttpResponse:
    board = queries.get_ranking(request.user, pk)
    rows = queries.rows_with_units(board)
    ids = [r.unit_id for r in rows]
    x = int(request.GET["x"]) if request.GET.get("x", "").isdigit() else (ids[0] if ids else 0)
    y = (
        int(request.GET["y"])
        if request.GET.get("y", "").isdigit()
        else (ids[1] if len(ids) > 1 else 0)
    )
    result = queries.explanation(board, x, y) if x != y else None
    names = {r.unit_id: r.unit.name for r in rows}
    return _page(
        request,
        "scoring/explain.html",
        {"board": board, "rows": rows, "x": x, "y": y, "result": result, "names": names},
    )


# --------------------------------------------------------------------------------- reviews


@login_required
def review_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _managed_movement(request, pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown_on(form):
            review = services.record_review(
                request.user, movement, services.ReviewData(**form.cleaned_data)
            )
            return redirect("scoring:review_detail", pk=review.pk)
    return _form_page(
        request,
        _("Record a review"),
        form,
        f"/scoring/movements/{movement.pk}/progress/",
        movement=movement,
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = queries.get_review(request.user, pk)
    return _page(
        request,
        "scoring/review_detail.html",
        {"review": review, "proposals": queries.review_proposals(review)},
    )


@login_required
def review_docx(request: HttpRequest, pk: int) -> HttpResponse:
    review = queries.get_review(request.user, pk)
    response = HttpResponse(
        documents.review_docx(review),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{review.kind}-{review.pk}.docx"'
    )
    return response
