"""Reads of exemplary models, always scoped through `org.access`.

A model is seen by everyone who sees its home unit (VIEW); the suggestion list is for those
who keep the case files (MANAGE_EXEMPLARS) and covers their scope. The facts behind the
suggestions come in a fixed number of queries, whatever the number of people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.awards.choices import RecognitionLevelChoice
from thidua.awards.models import AwardRecord, Initiative
from thidua.core.text import clean_text, fold, name_sort_key, vietnamese_sort_key
from thidua.exemplars import parameters
from thidua.exemplars.choices import ModelStatus, Stage
from thidua.exemplars.domain import suggest as rules
from thidua.exemplars.models import (
    Conference,
    ExemplaryModel,
    MediaFile,
    Replication,
    StageRecord,
)
from thidua.movements import queries as movement_queries
from thidua.movements.models import Movement
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Household, Person, Unit
from thidua.scoring.choices import RankingState
from thidua.scoring.models import RankingRow

PAGE_SIZE = 50
SUBJECT_RELATED = ("person", "person__unit", "unit", "household", "home_unit")


# ------------------------------------------------------------------------------ permissions


def can_manage(user: Any, model: ExemplaryModel) -> bool:
    return has_permission(user, Permission.MANAGE_EXEMPLARS, model.home_unit)


def can_edit(user: Any, model: ExemplaryModel) -> bool:
    """The office edits any case file in its scope; the unit's focal point edits its own
    proposal until the office takes it up."""
    if can_manage(user, model):
        return True
    return model.status == ModelStatus.PROPOSED and has_permission(
        user, Permission.FILE_NOMINATIONS, model.home_unit
    )


def can_create(user: Any) -> bool:
    return has_permission(user, Permission.MANAGE_EXEMPLARS) or has_permission(
        user, Permission.FILE_NOMINATIONS
    )


# ------------------------------------------------------------------------------ models


def visible_models(user: Any) -> QuerySet[ExemplaryModel]:
    return scope_for(user, Permission.VIEW).filter(ExemplaryModel.objects.all(), "home_unit__path")


def get_model(user: Any, pk: int) -> ExemplaryModel:
    model = (
        visible_models(user)
        .select_related(*SUBJECT_RELATED, "movement", "created_by")
        .filter(pk=pk)
        .first()
    )
    if model is None:
        raise Http404
    return model


@dataclass(frozen=True)
class Filters:
    stage: str = ""
    status: str = ""
    published: str = ""
    text: str = ""


def model_rows(user: Any, filters: Filters, page: int = 1) -> tuple[list[Any], bool]:
    """One bounded page of the user's models (newest first) and whether more follow."""
    rows = visible_models(user).select_related(*SUBJECT_RELATED, "movement")
    if filters.stage in Stage.values:
        rows = rows.filter(stage=filters.stage)
    if filters.status in ModelStatus.values:
        rows = rows.filter(status=filters.status)
    if filters.published in ("yes", "no"):
        rows = rows.filter(published=filters.published == "yes")
    if filters.text:
        # Names match without accents through their search keys; titles as typed.
        key = fold(filters.text)
        rows = rows.filter(
            Q(title__icontains=clean_text(filters.text))
            | Q(person__search_key__contains=key)
            | Q(unit__search_key__contains=key)
            | Q(household__head_name__icontains=clean_text(filters.text))
        )
    rows = rows.annotate(replication_count=Count("replications")).order_by("-id")
    start = (max(page, 1) - 1) * PAGE_SIZE
    chunk = list(rows[start : start + PAGE_SIZE + 1])
    return chunk[:PAGE_SIZE], len(chunk) > PAGE_SIZE


def stage_rows(model: ExemplaryModel) -> list[StageRecord]:
    return list(model.stages.select_related("responsible_unit").order_by("date", "id"))


def media_rows(model: ExemplaryModel) -> list[MediaFile]:
    return list(model.media.order_by("kind", "id"))


def replication_rows(model: ExemplaryModel) -> list[Replication]:
    return list(model.replications.select_related("unit").order_by("adopted_on", "id"))


def conferences_of(model: ExemplaryModel) -> list[Conference]:
    return list(model.conferences.select_related("organiser").order_by("-held_on"))


def get_media(user: Any, pk: int) -> MediaFile:
    row = MediaFile.objects.filter(pk=pk, model__in=visible_models(user)).first()
    if row is None:
        raise Http404
    return row


def subject_name(model: ExemplaryModel) -> str:
    if model.person_id:
        return model.person.full_name  # type: ignore[union-attr]
    if model.household_id:
        return f"Hộ gia đình {model.household.head_name}"  # type: ignore[union-attr]
    return model.unit.name  # type: ignore[union-attr]


def subject_unit_name(model: ExemplaryModel) -> str:
    """The unit shown with the name: the person's or household's unit, the collective's parent."""
    if model.unit_id:
        parent = model.unit.parent if model.unit else None  # type: ignore[union-attr]
        return parent.name if parent else ""
    return model.home_unit.name


def visible_initiatives(user: Any) -> QuerySet[Initiative]:
    scope = scope_for(user, Permission.VIEW)
    if scope.everything:
        return Initiative.objects.all()
    ids = Initiative.objects.filter(scope.q("unit__path") | scope.q("authors__unit__path"))
    return Initiative.objects.filter(pk__in=ids.values("pk"))


def visible_movements(user: Any) -> QuerySet[Movement]:
    return movement_queries.visible_movements(user)


# ------------------------------------------------------------------------------ public


def published_models() -> QuerySet[ExemplaryModel]:
    return (
        ExemplaryModel.objects.filter(published=True)
        .select_related("person", "unit", "unit__parent", "household", "home_unit")
        .order_by("-published_at", "-id")
    )


def get_published(pk: int) -> ExemplaryModel:
    model = published_models().filter(pk=pk).first()
    if model is None:
        raise Http404
    return model


# ------------------------------------------------------------------------------ conferences


def visible_conferences(user: Any) -> QuerySet[Conference]:
    """Conferences organised in the user's scope, or honouring a model the user sees."""
    scope = scope_for(user, Permission.VIEW)
    rows = Conference.objects.select_related("organiser")
    if scope.everything:
        return rows
    ids = Conference.objects.filter(
        scope.q("organiser__path") | scope.q("models_honoured__home_unit__path")
    ).values("pk")
    return rows.filter(pk__in=ids)


def get_conference(user: Any, pk: int) -> Conference:
    conference = visible_conferences(user).filter(pk=pk).first()
    if conference is None:
        raise Http404
    return conference


def conference_rows(user: Any, page: int = 1) -> tuple[list[Any], bool]:
    rows = visible_conferences(user).annotate(model_count=Count("models_honoured"))
    start = (max(page, 1) - 1) * PAGE_SIZE
    chunk = list(rows.order_by("-held_on", "-id")[start : start + PAGE_SIZE + 1])
    return chunk[:PAGE_SIZE], len(chunk) > PAGE_SIZE


def honourable_models(user: Any) -> QuerySet[ExemplaryModel]:
    """Models a conference recorded by the user may honour: taken up, in the user's scope."""
    return (
        scope_for(user, Permission.MANAGE_EXEMPLARS)
        .filter(ExemplaryModel.objects.all(), "home_unit__path")
        .filter(status=ModelStatus.ACTIVE)
        .select_related("person", "unit", "household")
        .order_by("title")
    )


# ------------------------------------------------------------------------------ suggestions


def _key(person_id: int | None, unit_id: int | None, household_id: int | None) -> rules.SubjectKey:
    if person_id:
        return ("person", person_id)
    if unit_id:
        return ("unit", unit_id)
    return ("household", household_id or 0)


def _subjects(keys: Iterable[rules.SubjectKey]) -> list[rules.Subject]:
    """The subjects behind the keys, three queries at most (people, units, households)."""
    wanted: dict[str, set[int]] = {"person": set(), "unit": set(), "household": set()}
    for kind, pk in keys:
        wanted[kind].add(pk)
    found: list[rules.Subject] = []
    today = timezone.localdate()
    if wanted["person"]:
        for p in Person.objects.filter(pk__in=wanted["person"]).select_related("unit"):
            found.append(
                rules.Subject(
                    ("person", p.pk),
                    p.full_name,
                    p.sort_key or name_sort_key(p.full_name),
                    p.unit.name if p.unit else "",
                    p.is_direct_worker,
                )
            )
    if wanted["unit"]:
        units = Unit.objects.filter(pk__in=wanted["unit"]).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=today)
        )
        for u in units.select_related("parent"):
            found.append(
                rules.Subject(
                    ("unit", u.pk),
                    u.name,
                    u.sort_key or vietnamese_sort_key(u.name),
                    u.parent.name if u.parent else "",
                )
            )
    if wanted["household"]:
        for h in Household.objects.filter(pk__in=wanted["household"]).select_related("unit"):
            name = f"Hộ gia đình {h.head_name}"
            found.append(
                rules.Subject(
                    ("household", h.pk),
                    name,
                    vietnamese_sort_key(name),
                    h.unit.name if h.unit else "",
                )
            )
    return found


def suggestion_facts(user: Any, as_of_year: int | None = None) -> rules.Facts:
    """The facts over the user's MANAGE_EXEMPLARS scope, in a bounded number of queries."""
    thresholds = parameters.thresholds()
    scope = scope_for(user, Permission.MANAGE_EXEMPLARS)
    year = as_of_year or timezone.localdate().year
    if not scope.everything and not scope.paths:
        return rules.Facts(year, ())
    subject_q = (
        scope.q("person__unit__path") | scope.q("unit__path") | scope.q("household__unit__path")
    )
    if scope.everything:
        subject_q = Q()
    titles = [
        rules.TitleFact(_key(p, u, h), code, name, y)
        for p, u, h, code, name, y in AwardRecord.objects.filter(
            subject_q,
            revoked=False,
            award_type__code__in=[thresholds.individual_award, thresholds.collective_award],
        ).values_list(
            "person_id", "unit_id", "household_id", "award_type__code", "award_type__name", "year"
        )
    ]
    ranks = [
        rules.RankFact(
            ("unit", unit_id),
            rank,
            str(total).replace(".", ","),
            f"bảng xếp hạng {cluster} – {table}",
            table_year,
        )
        for unit_id, rank, total, cluster, table, table_year in scope.filter(
            RankingRow.objects.filter(
                ranking__state=RankingState.PUBLISHED, rank__lte=thresholds.top_rank
            ),
            "unit__path",
        ).values_list(
            "unit_id",
            "rank",
            "total",
            "ranking__cluster__name",
            "ranking__table__name",
            "ranking__table__year",
        )
    ]
    chosen = Initiative.objects.filter(level__in=thresholds.initiative_levels)
    initiatives: list[rules.InitiativeFact] = []
    with_authors: set[int] = set()
    for init_id, person_id, title, level, init_year in scope.filter(
        Initiative.authors.through.objects.filter(initiative__in=chosen), "person__unit__path"
    ).values_list(
        "initiative_id", "person_id", "initiative__title", "initiative__level", "initiative__year"
    ):
        with_authors.add(init_id)
        initiatives.append(
            rules.InitiativeFact(
                init_id, ("person", person_id), title, level, _level_label(level), init_year
            )
        )
    for init_id, unit_id, title, level, init_year in scope.filter(
        chosen.filter(unit__isnull=False, authors__isnull=True), "unit__path"
    ).values_list("pk", "unit_id", "title", "level", "year"):
        if init_id not in with_authors:
            initiatives.append(
                rules.InitiativeFact(
                    init_id, ("unit", unit_id), title, level, _level_label(level), init_year
                )
            )
    already = frozenset(
        _key(p, u, h)
        for p, u, h in ExemplaryModel.objects.values_list("person_id", "unit_id", "household_id")
    )
    keys = (
        {t.subject for t in titles} | {r.subject for r in ranks} | {i.subject for i in initiatives}
    )
    return rules.Facts(
        year,
        _subjects(keys - already),
        tuple(titles),
        tuple(ranks),
        tuple(initiatives),
        already,
    )


LEVEL_LABELS: dict[str, str] = {
    RecognitionLevelChoice.CO_SO: "cấp cơ sở",
    RecognitionLevelChoice.BO_TINH: "cấp bộ, ngành, tỉnh",
    RecognitionLevelChoice.TOAN_QUOC: "cấp toàn quốc",
}


def _level_label(level: str) -> str:
    return LEVEL_LABELS.get(level, level)


def suggestions(user: Any, as_of_year: int | None = None) -> list[rules.Suggestion]:
    return rules.suggest(suggestion_facts(user, as_of_year), parameters.thresholds())


def suggestion_for(user: Any, kind: str, subject_id: int) -> rules.Suggestion | None:
    for s in suggestions(user):
        if s.subject.key == (kind, subject_id):
            return s
    return None


def subject_object(kind: str, pk: int) -> Person | Unit | Household:
    if kind == "person":
        return Person.objects.select_related("unit").get(pk=pk)
    if kind == "unit":
        return Unit.objects.get(pk=pk)
    if kind == "household":
        return Household.objects.select_related("unit").get(pk=pk)
    raise Http404
