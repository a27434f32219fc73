"""Emulation movements (phong trào thi đua): the plan, its targets and work quotas, unit
registrations, works marking the occasion, cluster pledges and reminders."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.movements.choices import (
    Aggregation,
    AwardCode,
    Direction,
    DocumentType,
    ItemKind,
    LaunchLevel,
    MilestoneKind,
    MovementKind,
    MovementState,
    ScopeKind,
    SubjectKind,
    WorkKind,
    WorkStatus,
)
from thidua.org.choices import UnitKind, UnitLevel
from thidua.org.models import Cluster, Person, Unit


class Movement(VersionedModel):
    """A movement: what the launch document says (Law Art 17) and where it stands."""

    name = models.CharField(_("name"), max_length=500)
    theme = models.CharField(_("theme"), max_length=500, blank=True)
    slogan = models.CharField(_("slogan"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MovementKind.choices)
    launch_level = models.CharField(
        _("launching level"), max_length=20, choices=LaunchLevel.choices
    )
    organiser = models.ForeignKey(
        Unit,
        verbose_name=_("organising unit"),
        on_delete=models.PROTECT,
        related_name="organised_movements",
    )
    launched_by = models.CharField(_("launched by (body)"), max_length=255, blank=True)
    launcher_name = models.CharField(_("launching person"), max_length=200, blank=True)
    launcher_title = models.CharField(_("launching person's title"), max_length=255, blank=True)
    document_type = models.CharField(
        _("launch document type"), max_length=20, choices=DocumentType.choices
    )
    document_number = models.CharField(_("number and symbol"), max_length=60, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    document_issuer = models.CharField(_("issuing body"), max_length=255, blank=True)
    document_file = models.FileField(
        _("document file"), upload_to="movements/documents/%Y/", blank=True
    )
    objectives = models.TextField(_("objectives"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    results_due = models.DateField(_("results due by"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (VND)"), null=True, blank=True, max_digits=18, decimal_places=0
    )
    budget_note = models.CharField(_("budget sources"), max_length=500, blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cooperating_units = models.ManyToManyField(
        Unit, verbose_name=_("cooperating units"), blank=True, related_name="+"
    )
    scope_kind = models.CharField(
        _("participants"), max_length=20, choices=ScopeKind.choices, default=ScopeKind.SUBTREE
    )
    scope_levels = models.JSONField(_("unit levels taking part"), default=list, blank=True)
    scope_clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters taking part"), blank=True, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MovementState.choices, default=MovementState.DRAFT
    )
    note = models.TextField(_("note"), blank=True)
    search_key = models.CharField(_("search key"), max_length=255, db_index=True, editable=False)
    sort_key = models.CharField(_("sort key"), max_length=255, editable=False)

    class Meta:
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["start_date", "id"], name="movements_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_period_ordered",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="%(app_label)s_%(class)s_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def document_label(self) -> str:
        parts = [str(self.get_document_type_display()).split(" (")[0]]
        if self.document_number:
            parts.append("số " + self.document_number)
        if self.document_date:
            parts.append("ngày " + self.document_date.strftime("%d/%m/%Y"))
        return " ".join(parts)

    @property
    def is_multi_year(self) -> bool:
        return self.end_date.year > self.start_date.year


class MovementItem(TimeStampedModel):
    """A content item, key programme (chương trình trọng điểm) or task group of a movement."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.TextField(_("title"))

    class Meta:
        verbose_name = _("movement item")
        verbose_name_plural = _("movement items")
        ordering = ["kind", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "kind", "position"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return self.title[:80]


class Milestone(TimeStampedModel):
    """An interim (sơ kết) or final (tổng kết) review planned for a date."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="milestones"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MilestoneKind.choices)
    due_date = models.DateField(_("planned date"))
    title = models.CharField(_("title"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("review milestone")
        verbose_name_plural = _("review milestones")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_date:%d/%m/%Y}"


class PlannedAward(TimeStampedModel):
    """A reward form the movement plans to give, with its quota."""

    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        on_delete=models.CASCADE,
        related_name="planned_awards",
    )
    award = models.CharField(_("award"), max_length=20, choices=AwardCode.choices)
    subject = models.CharField(_("for"), max_length=20, choices=SubjectKind.choices)
    quota = models.PositiveIntegerField(_("quota"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("planned award")
        verbose_name_plural = _("planned awards")
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.get_award_display())


class Participant(TimeStampedModel):
    """A unit taking part in a movement (worked out from the movement's scope)."""

    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="movement_roles"
    )
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("through cluster"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.movement}"


class Target(VersionedModel):
    """An indicator (chỉ tiêu) with its target value or range and how progress is computed."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="targets"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    indicator = models.CharField(_("indicator"), max_length=500)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=60, blank=True)
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices)
    low = models.DecimalField(
        _("target value (from)"), null=True, blank=True, max_digits=16, decimal_places=4
    )
    high = models.DecimalField(
        _("target value (to)"), null=True, blank=True, max_digits=16, decimal_places=4
    )
    weight = models.DecimalField(_("weight"), max_digits=8, decimal_places=2, default=1)
    aggregation = models.CharField(
        _("progress computed as"), max_length=20, choices=Aggregation.choices
    )
    unit_goal = models.DecimalField(
        _("value each unit must reach"), null=True, blank=True, max_digits=16, decimal_places=4
    )
    applies_level = models.CharField(
        _("applies to level"), max_length=20, choices=UnitLevel.choices, blank=True
    )
    applies_units = models.ManyToManyField(
        Unit, verbose_name=_("applies to units"), blank=True, related_name="+"
    )
    label = models.CharField(
        _("how the target reads"), max_length=120, blank=True
    )  # e.g. "49/49 xã"; empty: worked out from direction and values
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(high__isnull=True) | Q(high__gte=F("low")),
                name="%(app_label)s_%(class)s_range_ordered",
                violation_error_message=_("The upper value must not be below the lower value."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=0), name="%(app_label)s_%(class)s_weight_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.indicator


class TargetReport(TimeStampedModel):
    """A value a unit reported for a target on a date (the input of progress)."""

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.CASCADE, related_name="reports"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    reported_on = models.DateField(_("as of"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("target report")
        verbose_name_plural = _("target reports")
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.target} – {self.unit}: {self.value}"


class QuotaRule(TimeStampedModel):
    """How many works each unit of a level (or kind) must register, e.g. each commune ≥ 1."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="quota_rules"
    )
    unit_level = models.CharField(
        _("unit level"), max_length=20, choices=UnitLevel.choices, blank=True
    )
    unit_kind = models.CharField(
        _("unit kind"), max_length=20, choices=UnitKind.choices, blank=True
    )
    work_kinds = models.JSONField(_("kinds of work counted"), default=list, blank=True)
    min_count = models.PositiveSmallIntegerField(_("at least"), default=0)
    max_count = models.PositiveSmallIntegerField(_("at most"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("work quota rule")
        verbose_name_plural = _("work quota rules")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_count__isnull=True) | Q(max_count__gte=F("min_count")),
                name="%(app_label)s_%(class)s_min_not_above_max",
                violation_error_message=_("The minimum must not exceed the maximum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_level or self.unit_kind or '*'}: {self.min_count}–{self.max_count}"


class Registration(VersionedModel):
    """A unit's emulation registration (đăng ký thi đua) for a movement."""

    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    collective_title = models.CharField(
        _("title the unit aims for"), max_length=20, choices=AwardCode.choices, blank=True
    )
    commitments = models.TextField(_("commitments"), blank=True)
    submitted_on = models.DateField(_("submitted on"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["submitted_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.movement}"


class RegisteredIndicator(TimeStampedModel):
    """An indicator a unit commits to in its registration."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    target = models.ForeignKey(
        Target,
        verbose_name=_("movement target"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    indicator = models.CharField(_("indicator"), max_length=500)
    value = models.DecimalField(
        _("committed value"), null=True, blank=True, max_digits=16, decimal_places=4
    )
    unit_of_measure = models.CharField(_("unit of measure"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("committed indicator")
        verbose_name_plural = _("committed indicators")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.indicator


class PersonRegistration(TimeStampedModel):
    """A person of the unit registered for a title (from the form or an Excel sheet)."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="people",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title aimed for"), max_length=20, choices=AwardCode.choices)

    class Meta:
        verbose_name = _("registered person")
        verbose_name_plural = _("registered people")
        ordering = ["person__sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "person"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.title}"


class Work(VersionedModel):
    """A work or project marking the occasion (công trình, phần việc chào mừng)."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="works"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=WorkKind.choices)
    budget = models.DecimalField(
        _("budget (VND)"), null=True, blank=True, max_digits=18, decimal_places=0
    )
    funding_sources = models.CharField(_("funding sources"), max_length=500, blank=True)
    quantity = models.PositiveIntegerField(_("quantity (e.g. houses)"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("planned completion"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=WorkStatus.choices, default=WorkStatus.PLANNED
    )
    description = models.TextField(_("description"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("work")
        verbose_name_plural = _("works")
        ordering = ["unit__sort_key", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_dates_ordered",
                violation_error_message=_("The end date must not be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WorkPhoto(TimeStampedModel):
    """An evidence photo of a work."""

    work = models.ForeignKey(
        Work, verbose_name=_("work"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("photo"), upload_to="movements/works/%Y/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("work photo")
        verbose_name_plural = _("work photos")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.caption or self.image.name or ""


class Pledge(VersionedModel):
    """An emulation pledge (giao ước thi đua) signed by the members of a cluster or block."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="pledges"
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster or block"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=500)
    criteria = models.TextField(_("criteria"))
    ceremony_date = models.DateField(_("signing ceremony date"), null=True, blank=True)
    ceremony_place = models.CharField(_("place"), max_length=255, blank=True)
    witnesses = models.CharField(_("witnessed by"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "cluster"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PledgeSignature(TimeStampedModel):
    """A member unit's signature of a pledge: who signed, when."""

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="signatures"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=200)
    signer_title = models.CharField(_("signer's title"), max_length=255, blank=True)
    signed_on = models.DateField(_("signed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pledge signature")
        verbose_name_plural = _("pledge signatures")
        ordering = ["signed_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "unit"], name="%(app_label)s_%(class)s_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.signer_name}"


class Notification(TimeStampedModel):
    """An in-app message for a user (e.g. a registration deadline is near)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="movement_notifications",
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=40)
    message = models.TextField(_("message"))
    sent_on = models.DateField(_("sent on"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-id"]
        constraints = [
            # One reminder per user, movement, unit, kind and day: running the command twice
            # a day sends nothing new.
            models.UniqueConstraint(
                fields=["user", "movement", "unit", "kind", "sent_on"],
                name="%(app_label)s_%(class)s_once_a_day",
            ),
        ]

    def __str__(self) -> str:
        return self.message[:80]
