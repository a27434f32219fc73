"""The award catalogue as data, and the award history: records, ratings, initiatives,
discipline and pending matters.

History belongs to the subject (a person, a unit or a household), never to the unit a person
works in, so it follows people across units; a unit's profile adds the history of the units
it succeeded (org lineage), so it survives mergers.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import (
    AwardKind,
    AwardLevel,
    Category,
    DisciplineLevel,
    InitiativeKind,
    MatterKind,
    RatingChoice,
    RecognitionLevelChoice,
    SubjectScope,
)
from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.org.models import Household, Person, Unit

YEAR_HELP = _("The year the achievement was made in, not the year of the decision.")


class AwardType(TimeStampedModel):
    """One title or form of the catalogue (Luật TĐKT 2022, Điều 9; contracts/awards.csv)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=255)
    subject = models.CharField(_("subject"), max_length=20, choices=SubjectScope.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=AwardKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=AwardLevel.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("award type")
        verbose_name_plural = _("award types")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class BaseSalary(TimeStampedModel):
    """Lương cơ sở from a date on; bonuses are multiples of the one in force at the decision."""

    amount = models.PositiveBigIntegerField(_("amount (VND per month)"))
    effective_from = models.DateField(_("in force from"), unique=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})"


class BonusRule(TimeStampedModel):
    """The bonus of an award as a multiple of the base salary, from a date on."""

    award_type = models.ForeignKey(
        AwardType, verbose_name=_("award type"), on_delete=models.CASCADE, related_name="bonuses"
    )
    subject = models.CharField(_("subject"), max_length=20, choices=SubjectScope.choices)
    multiple = models.DecimalField(_("multiple of the base salary"), max_digits=6, decimal_places=2)
    effective_from = models.DateField(_("in force from"))
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    confirmed = models.BooleanField(_("confirmed in the legal text"), default=True)

    class Meta:
        verbose_name = _("bonus rule")
        verbose_name_plural = _("bonus rules")
        ordering = ["award_type", "subject", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_type", "subject", "effective_from"], name="awards_bonus_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.award_type.code} × {self.multiple}"


class AwardingAuthority(TimeStampedModel):
    """Who decides an award, for a period (Luật TĐKT 2022, Điều 80; NĐ 129/2025 from 01/07/2025)."""

    award_type = models.ForeignKey(
        AwardType,
        verbose_name=_("award type"),
        on_delete=models.CASCADE,
        related_name="authorities",
    )
    decider = models.CharField(_("who decides"), max_length=255)
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)

    class Meta:
        verbose_name = _("awarding authority")
        verbose_name_plural = _("awarding authorities")
        ordering = ["award_type", "effective_from", "decider"]

    def __str__(self) -> str:
        return self.decider


class ParameterChange(models.Model):
    """An administrator's change to one figure of a rule set. The newest change per figure
    overrides the packaged value (`awards/data/rule_parameters.json`); rows are never edited,
    so the table is the figure's history."""

    rule_set = models.CharField(_("rule set"), max_length=60)
    figure = models.CharField(_("figure"), max_length=80)
    value = models.JSONField(_("value"))
    basis = models.CharField(_("legal basis"), max_length=255)
    confirmed = models.BooleanField(_("confirmed in the legal text"), default=False)
    reason = models.TextField(_("reason for the change"))
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("parameter change")
        verbose_name_plural = _("parameter changes")
        ordering = ["rule_set", "figure", "-id"]
        indexes = [models.Index(fields=["rule_set", "figure"], name="awards_param_figure_idx")]

    def __str__(self) -> str:
        return f"{self.rule_set}.{self.figure} = {self.value}"


class QuotaRule(VersionedModel):
    """A cap an issuer sets for a year: at most `max_percent` % of the unit's holders of
    `base_award_type` (or of its people, when empty) may receive `award_type`."""

    issuer = models.ForeignKey(
        Unit, verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="quota_rules"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("award type"), on_delete=models.PROTECT, related_name="+"
    )
    base_award_type = models.ForeignKey(
        AwardType,
        verbose_name=_("share of holders of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    max_percent = models.DecimalField(_("at most (%)"), max_digits=5, decimal_places=2)
    legal_basis = models.CharField(_("legal basis"), max_length=255)

    class Meta:
        verbose_name = _("quota rule")
        verbose_name_plural = _("quota rules")
        ordering = ["-year", "award_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "award_type"], name="awards_quota_unique"
            ),
            models.CheckConstraint(
                condition=Q(max_percent__gt=0) & Q(max_percent__lte=100),
                name="awards_quota_percent_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_type.code} ≤ {self.max_percent} % ({self.year})"


class SubjectModel(VersionedModel):
    """A history row about exactly one subject: a person, a unit or a household."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("collective"), null=True, blank=True, on_delete=models.PROTECT
    )
    household = models.ForeignKey(
        Household, verbose_name=_("household"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        abstract = True

    @property
    def subject(self) -> Person | Unit | Household:
        subject = self.person or self.unit or self.household
        assert subject is not None
        return subject


def one_subject(name: str) -> models.CheckConstraint:
    exactly_one = (
        Q(person__isnull=False, unit__isnull=True, household__isnull=True)
        | Q(person__isnull=True, unit__isnull=False, household__isnull=True)
        | Q(person__isnull=True, unit__isnull=True, household__isnull=False)
    )
    return models.CheckConstraint(condition=exactly_one, name=name)


class AwardRecord(SubjectModel):
    """One award in the history (khen thưởng đã nhận)."""

    award_type = models.ForeignKey(
        AwardType, verbose_name=_("award"), on_delete=models.PROTECT, related_name="records"
    )
    year = models.PositiveSmallIntegerField(_("achievement year"), help_text=YEAR_HELP)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.CONG_TRANG
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        ordering = ["-year", "award_type__position"]
        constraints = [one_subject("awards_record_one_subject")]
        indexes = [
            models.Index(fields=["person", "year"], name="awards_record_person_idx"),
            models.Index(fields=["unit", "year"], name="awards_record_unit_idx"),
            models.Index(fields=["award_type", "year"], name="awards_record_type_idx"),
            # The history search pages newest first (year, then id) over a wide scope.
            models.Index(fields=["year", "id"], name="awards_record_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.award_type.code} {self.year}"


class AnnualRating(SubjectModel):
    """The year's quality rating of a person or a unit (Nghị định 90/2020/NĐ-CP)."""

    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=4, choices=RatingChoice.choices)

    class Meta:
        verbose_name = _("annual rating")
        verbose_name_plural = _("annual ratings")
        ordering = ["-year"]
        constraints = [
            one_subject("awards_rating_one_subject"),
            models.UniqueConstraint(fields=["person", "year"], name="awards_rating_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], name="awards_rating_unit_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.rating}"


class Initiative(VersionedModel):
    """A recognised initiative (sáng kiến) or accepted research result (đề tài). Once it has
    supported an award, `used_for` locks it: it cannot support another."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE
    )
    title = models.CharField(_("title"), max_length=500)
    level = models.CharField(_("recognition level"), max_length=20, choices=RecognitionLevelChoice)
    year = models.PositiveSmallIntegerField(_("year recognised"))
    recognised_by = models.CharField(_("recognised by"), max_length=255, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    authors = models.ManyToManyField(
        Person, verbose_name=_("authors"), blank=True, related_name="initiatives"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    used_for = models.ForeignKey(
        AwardRecord,
        verbose_name=_("used for the award"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supporting_initiatives",
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title


class DisciplineRecord(VersionedModel):
    """A disciplinary measure in force from `start` until `end` (open: still in force)."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="discipline"
    )
    level = models.CharField(_("measure"), max_length=20, choices=DisciplineLevel.choices)
    start = models.DateField(_("in force from"))
    end = models.DateField(_("in force until"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("discipline record")
        verbose_name_plural = _("discipline records")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="awards_discipline_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.start:%d/%m/%Y}"


class PendingMatter(SubjectModel):
    """An investigation, inspection, complaint or denunciation not yet concluded: it blocks
    proposals while open (NĐ 152/2025, Điều 4)."""

    kind = models.CharField(_("kind"), max_length=20, choices=MatterKind.choices)
    opened = models.DateField(_("opened on"))
    closed = models.DateField(_("concluded on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("pending matter")
        verbose_name_plural = _("pending matters")
        ordering = ["-opened"]
        constraints = [one_subject("awards_matter_one_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.opened:%d/%m/%Y}"
