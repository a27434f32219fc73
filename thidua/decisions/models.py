"""Decisions (quyết định khen thưởng), their numbering registers, items and certificates.

A decision is drafted by the emulation office, submitted for signature and issued by the
competent person; issuing assigns the next number of the issuing body's register for the year
and writes each item into the award history exactly once (`DecisionItem.award_record`).
Revocation (hủy bỏ, Luật TĐKT 2022, Điều 93) revokes those records again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import Category
from thidua.awards.models import (
    YEAR_HELP,
    AwardRecord,
    AwardType,
    Initiative,
    SubjectModel,
    one_subject,
)
from thidua.core.models import VersionedModel
from thidua.decisions.choices import DecisionStatus, LayoutKind, RevocationGround
from thidua.org.models import Unit


class IssuingBody(VersionedModel):
    """A body that issues decisions under its own number register (Nghị định 30/2020,
    Phụ lục III): `Số: 12/QĐ-UBND` — the symbol `UBND` is data, per body."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="issuing_bodies"
    )
    name = models.CharField(_("name"), max_length=255)
    head_lines = models.TextField(
        _("head lines"),
        help_text=_("The issuing body in the document head, one line per row, upper level first."),
    )
    symbol = models.CharField(_("symbol"), max_length=30)
    place = models.CharField(_("place in the date line"), max_length=100)
    authority = models.CharField(
        _("competent authority"),
        max_length=255,
        help_text=_("As the award catalogue names it, e.g. Chủ tịch Ủy ban nhân dân cấp tỉnh."),
    )
    signer_position = models.CharField(_("signer's position"), max_length=100)
    on_behalf = models.CharField(_("on-behalf line"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "symbol"], name="decisions_body_unit_symbol")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def head(self) -> list[str]:
        return [line.strip() for line in self.head_lines.splitlines() if line.strip()]


class NumberCounter(models.Model):
    """The register's last number for one body and year; locked while a number is taken."""

    body = models.ForeignKey(
        IssuingBody, verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number register")
        verbose_name_plural = _("number registers")
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="decisions_counter_body_year")
        ]

    def __str__(self) -> str:
        return f"{self.body.symbol} {self.year}: {self.last_number}"


class Decision(VersionedModel):
    """One commendation decision and its articles (Nghị định 30/2020, Mẫu 1.2)."""

    body = models.ForeignKey(
        IssuingBody, verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    number_year = models.PositiveSmallIntegerField(_("register year"), null=True, blank=True)
    number_text = models.CharField(_("number and symbol"), max_length=60, blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=500)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.CONG_TRANG
    )
    period = models.CharField(_("achievement period"), max_length=255)
    basis = models.TextField(_("legal basis lines"), blank=True)
    article_1 = models.TextField(_("article 1"), blank=True)
    article_2 = models.TextField(_("article 2"), blank=True)
    article_3 = models.TextField(_("article 3"), blank=True)
    recipients = models.TextField(_("recipients"), blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_name = models.CharField(_("signer's name"), max_length=200, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=100, blank=True)
    on_behalf = models.CharField(_("on-behalf line"), max_length=100, blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    return_note = models.TextField(_("returned with"), blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_ground = models.CharField(
        _("ground for revocation"), max_length=1, choices=RevocationGround.choices, blank=True
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revoking_number = models.CharField(_("revoking decision number"), max_length=60, blank=True)
    recovery = models.TextField(_("items and money to recover"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "number_year", "number"],
                condition=Q(number__isnull=False),
                name="decisions_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"]) | Q(number__isnull=False),
                name="decisions_issued_has_number",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="decisions_status_idx")]

    def __str__(self) -> str:
        return f"{self.number_text or _('draft')} – {self.summary}"[:300]

    @property
    def basis_lines(self) -> list[str]:
        return [line.strip() for line in self.basis.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class DecisionItem(SubjectModel):
    """One awardee of a decision: from a nominee, or entered directly."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="items"
    )
    nominee = models.ForeignKey(
        "nominations.Nominee",
        verbose_name=_("nominee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_items",
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("award"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("achievement year"), help_text=YEAR_HELP)
    achievement = models.TextField(_("achievement"), blank=True)
    bonus = models.DecimalField(
        _("bonus (VND)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("initiatives used"), blank=True, related_name="+"
    )
    award_record = models.OneToOneField(
        AwardRecord,
        verbose_name=_("award record"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_item",
    )
    token = models.CharField(_("verification token"), max_length=64, null=True, blank=True)

    class Meta:
        verbose_name = _("decision item")
        verbose_name_plural = _("decision items")
        ordering = ["decision", "position", "id"]
        constraints = [
            one_subject("decisions_item_one_subject"),
            models.UniqueConstraint(fields=["token"], name="decisions_item_token_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} – {self.award_type.name}"


class CertificateLayout(VersionedModel):
    """Where each variable field goes on a pre-printed blank: {field: {x, y, size}} in mm/pt."""

    kind = models.CharField(_("layout"), max_length=20, choices=LayoutKind.choices, unique=True)
    positions = models.JSONField(_("field positions"), default=dict)

    class Meta:
        verbose_name = _("certificate layout")
        verbose_name_plural = _("certificate layouts")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()
