"""Progress reports, criteria tables, score sheets, rankings, peer scores and reviews."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.movements.models import Movement, Target
from thidua.org.models import Cluster, Person, Unit
from thidua.scoring.choices import (
    CriterionKind,
    RankingState,
    ReviewKind,
    SheetState,
    Stage,
    TableState,
)

_USER = settings.AUTH_USER_MODEL


def _user_fk(label: Any) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        _USER, verbose_name=label, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


# ------------------------------------------------------------------------------- progress


class ReportingPeriod(TimeStampedModel):
    """A reporting period of a movement (month, quarter, custom) with its deadline."""

    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    label = models.CharField(_("label"), max_length=120)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    due = models.DateField(_("report due by"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="%(app_label)s_%(class)s_dates_ordered",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["movement", "start", "end"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class ProgressReport(VersionedModel):
    """A unit's figure for a target in a period, with comment and evidence."""

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("reporting period"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    comment = models.TextField(_("comment"), blank=True)
    submitted_on = models.DateField(_("submitted on"))
    submitted_by = _user_fk(_("submitted by"))
    source = models.CharField(_("source"), max_length=20, default="form")  # form, excel, api

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["period__start", "target__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "unit", "period"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target} – {self.unit} – {self.period}: {self.value}"


class ProgressEvidence(TimeStampedModel):
    """A file backing a progress report (minutes, photos, statistics)."""

    report = models.ForeignKey(
        ProgressReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to="scoring/evidence/%Y/")
    name = models.CharField(_("name"), max_length=255, blank=True)
    uploaded_by = _user_fk(_("uploaded by"))

    class Meta:
        verbose_name = _("progress evidence")
        verbose_name_plural = _("progress evidence")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.file.name or ""


# ------------------------------------------------------------------------- criteria tables


class CriteriaTable(VersionedModel):
    """A scoring criteria table (bảng tiêu chí chấm điểm) for a movement or a cluster, a year.

    The proposal policy is data: how many units lead, and the award codes (from the awards
    catalogue) and counts proposed for the flag and the certificate of merit.
    """

    name = models.CharField(_("name"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    organiser = models.ForeignKey(
        Unit, verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="+"
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="criteria_tables",
    )
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster or block"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    max_total = models.DecimalField(_("maximum total"), max_digits=8, decimal_places=2)
    state = models.CharField(
        _("state"), max_length=20, choices=TableState.choices, default=TableState.DRAFT
    )
    leading_count = models.PositiveSmallIntegerField(_("leading units"), default=1)
    flag_award = models.CharField(_("flag award code"), max_length=20, default="CO_BT")
    flag_count = models.PositiveSmallIntegerField(_("units proposed for the flag"), default=1)
    merit_award = models.CharField(_("certificate award code"), max_length=20, default="BK_BT")
    merit_count = models.PositiveSmallIntegerField(
        _("units proposed for the certificate"), default=2
    )
    min_total = models.DecimalField(
        _("minimum total for a proposal"), max_digits=8, decimal_places=2, default=0
    )
    vote_threshold = models.DecimalField(
        _("approval threshold of the cluster vote (%)"), max_digits=5, decimal_places=2, default=80
    )
    peer_scoring = models.BooleanField(_("members also score each other"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("criteria table")
        verbose_name_plural = _("criteria tables")
        ordering = ["-year", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(vote_threshold__gte=0) & Q(vote_threshold__lte=100),
                name="%(app_label)s_%(class)s_threshold_percent",
            ),
            models.CheckConstraint(
                condition=Q(max_total__gt=0), name="%(app_label)s_%(class)s_max_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class CriterionGroup(TimeStampedModel):
    table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.CASCADE,
        related_name="groups",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=500)
    max_points = models.DecimalField(_("maximum points"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("criteria group")
        verbose_name_plural = _("criteria groups")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Criterion(TimeStampedModel):
    """A criterion: its type, formula name and parameters (data), maximum points, weight."""

    group = models.ForeignKey(
        CriterionGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("type"), max_length=20, choices=CriterionKind.choices)
    formula = models.CharField(_("formula"), max_length=40)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    max_points = models.DecimalField(_("maximum points"), max_digits=8, decimal_places=2)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    target = models.ForeignKey(
        Target,
        verbose_name=_("target it measures"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    guidance = models.TextField(_("evidence required"), blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["group__position", "position", "id"]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


# --------------------------------------------------------------------------- score sheets


class ScoreSheet(VersionedModel):
    """One unit's scores on a criteria table in its cluster: self, reviewed, final."""

    table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.PROTECT,
        related_name="sheets",
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster or block"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SheetState.choices, default=SheetState.DRAFT
    )
    self_total = models.DecimalField(_("self-score"), max_digits=10, decimal_places=2, default=0)
    reviewed_total = models.DecimalField(
        _("reviewed score"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    final_total = models.DecimalField(
        _("final score"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    review_comment = models.TextField(_("cluster leader's comment"), blank=True)
    explanation = models.TextField(_("unit's explanation"), blank=True)
    final_comment = models.TextField(_("organiser's comment"), blank=True)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        ordering = ["cluster_id", "unit__sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "cluster", "unit"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.table}"


class ScoreEntry(TimeStampedModel):
    """A criterion on a sheet: the raw value and points at each stage, evidence note."""

    sheet = models.ForeignKey(
        ScoreSheet, verbose_name=_("score sheet"), on_delete=models.CASCADE, related_name="entries"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    self_value = models.DecimalField(
        _("self-reported value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    self_points = models.DecimalField(_("self-score"), max_digits=10, decimal_places=2, default=0)
    reviewed_value = models.DecimalField(
        _("reviewed value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    reviewed_points = models.DecimalField(
        _("reviewed points"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    final_value = models.DecimalField(
        _("final value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    final_points = models.DecimalField(
        _("final points"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    evidence_note = models.CharField(_("evidence"), max_length=1000, blank=True)
    comment = models.CharField(_("reviewer's comment"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("score entry")
        verbose_name_plural = _("score entries")
        ordering = ["criterion__group__position", "criterion__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "criterion"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sheet} – {self.criterion}"


class ScoreEvidence(TimeStampedModel):
    sheet = models.ForeignKey(
        ScoreSheet, verbose_name=_("score sheet"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to="scoring/sheets/%Y/")
    name = models.CharField(_("name"), max_length=255, blank=True)
    uploaded_by = _user_fk(_("uploaded by"))

    class Meta:
        verbose_name = _("score evidence")
        verbose_name_plural = _("score evidence")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.file.name or ""


class ScoreChange(models.Model):
    """History of a sheet: every change of a value or state, append-only."""

    sheet = models.ForeignKey(
        ScoreSheet, verbose_name=_("score sheet"), on_delete=models.CASCADE, related_name="changes"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    actor = _user_fk(_("by"))
    action = models.CharField(_("action"), max_length=40)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, blank=True)
    criterion_code = models.CharField(_("criterion"), max_length=20, blank=True)
    before = models.CharField(_("before"), max_length=60, blank=True)
    after = models.CharField(_("after"), max_length=60, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.action} {self.criterion_code} {self.before} → {self.after}"


# ------------------------------------------------------------------------------ rankings


class Ranking(VersionedModel):
    """The ranking of a cluster on a criteria table, computed from its locked sheets."""

    table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.PROTECT,
        related_name="rankings",
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster or block"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=RankingState.choices, default=RankingState.DRAFT
    )
    computed_on = models.DateField(_("computed on"))
    published_on = models.DateField(_("published on"), null=True, blank=True)
    warnings = models.TextField(_("warnings"), blank=True)

    class Meta:
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        ordering = ["-computed_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "cluster"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} – {self.table}"


class RankingRow(TimeStampedModel):
    ranking = models.ForeignKey(
        Ranking, verbose_name=_("ranking"), on_delete=models.CASCADE, related_name="rows"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    total = models.DecimalField(_("total"), max_digits=10, decimal_places=2)
    rank = models.PositiveSmallIntegerField(_("rank"))
    leading = models.BooleanField(_("leading unit"), default=False)
    award = models.CharField(_("proposed award"), max_length=20, blank=True)
    tie_note = models.CharField(_("tie-break"), max_length=300, blank=True)
    peer_average = models.DecimalField(
        _("peer score"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("ranking row")
        verbose_name_plural = _("ranking rows")
        ordering = ["rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "unit"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.unit}"


class RankingVote(TimeStampedModel):
    """A member unit's vote on its cluster's ranking."""

    ranking = models.ForeignKey(
        Ranking, verbose_name=_("ranking"), on_delete=models.CASCADE, related_name="votes"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    approve = models.BooleanField(_("approves"))
    comment = models.CharField(_("comment"), max_length=1000, blank=True)
    voted_by = _user_fk(_("voted by"))

    class Meta:
        verbose_name = _("ranking vote")
        verbose_name_plural = _("ranking votes")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "unit"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.approve}"


class PeerScore(TimeStampedModel):
    """Points a member unit gives another member on a criteria table (never itself)."""

    table = models.ForeignKey(
        CriteriaTable, verbose_name=_("criteria table"), on_delete=models.CASCADE, related_name="+"
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster or block"), on_delete=models.PROTECT, related_name="+"
    )
    scorer = models.ForeignKey(
        Unit, verbose_name=_("scoring unit"), on_delete=models.PROTECT, related_name="+"
    )
    scored = models.ForeignKey(
        Unit, verbose_name=_("scored unit"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField(_("points"), max_digits=10, decimal_places=2)
    scored_by = _user_fk(_("entered by"))

    class Meta:
        verbose_name = _("peer score")
        verbose_name_plural = _("peer scores")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "cluster", "scorer", "scored"], name="%(app_label)s_%(class)s_once"
            ),
            models.CheckConstraint(
                condition=~Q(scorer=F("scored")),
                name="%(app_label)s_%(class)s_not_self",
                violation_error_message=_("A unit never scores itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scorer} → {self.scored}: {self.points}"


# -------------------------------------------------------------------------------- reviews


class Review(VersionedModel):
    """An interim or final review meeting (sơ kết, tổng kết) of a movement."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.PROTECT, related_name="reviews"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReviewKind.choices)
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    chaired_by = models.CharField(_("chaired by"), max_length=255, blank=True)
    participants = models.TextField(_("participants"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    recorded_by = _user_fk(_("recorded by"))

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-held_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.movement}"


class ReviewProposal(TimeStampedModel):
    """A unit or person the review proposes for commendation, with the award and reason."""

    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="proposals"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    award = models.CharField(_("award"), max_length=20)
    reason = models.CharField(_("reason"), max_length=1000)
    ranking_row = models.ForeignKey(
        RankingRow,
        verbose_name=_("from ranking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("review proposal")
        verbose_name_plural = _("review proposals")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | Q(person__isnull=False),
                name="%(app_label)s_%(class)s_unit_or_person",
                violation_error_message=_("A proposal names a unit or a person."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award}: {self.unit or self.person}"
