"""Nomination dossiers (hồ sơ đề nghị) and their nominees.

`Dossier` and `Nominee` are the seam of the commendation chain: the council app puts nominees
on its agendas and the decisions app awards them. Their fields below are relied on by those
apps; add fields freely, do not rename or remove these.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import Category
from thidua.awards.models import YEAR_HELP, AwardType, SubjectModel, one_subject
from thidua.core.models import VersionedModel
from thidua.nominations.choices import DossierKind, DossierStatus, NomineeStatus
from thidua.org.models import Unit


class Dossier(VersionedModel):
    """A batch of nominations sent by one unit to the level that decides (or appraises)."""

    proposing_unit = models.ForeignKey(
        Unit,
        verbose_name=_("proposing unit"),
        on_delete=models.PROTECT,
        related_name="dossiers_sent",
    )
    receiving_unit = models.ForeignKey(
        Unit,
        verbose_name=_("receiving unit"),
        on_delete=models.PROTECT,
        related_name="dossiers_received",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DossierKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    movement = models.ForeignKey(
        "movements.Movement",
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    title = models.CharField(_("title"), max_length=500)
    status = models.CharField(
        _("status"), max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nomination dossier")
        verbose_name_plural = _("nomination dossiers")
        ordering = ["-year", "-id"]
        indexes = [
            models.Index(fields=["receiving_unit", "status"], name="nom_dossier_recv_idx"),
            models.Index(fields=["proposing_unit", "year"], name="nom_dossier_prop_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class Nominee(SubjectModel):
    """One proposed award for one subject (a person, a collective or a household)."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="nominees"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("proposed award"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("achievement year"), help_text=YEAR_HELP)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.CONG_TRANG
    )
    achievement = models.TextField(_("achievement summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NomineeStatus.choices, default=NomineeStatus.DRAFT
    )
    # The eligibility engine's result, stored with the dossier and re-computed on every change.
    eligibility = models.JSONField(_("eligibility result"), default=dict, blank=True)
    eligible = models.BooleanField(_("eligible"), null=True, blank=True)
    eligibility_checked_at = models.DateTimeField(_("eligibility checked at"), null=True)
    # Required when the engine says "not eligible" and the unit submits anyway.
    justification = models.TextField(_("justification"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        ordering = ["dossier", "position", "id"]
        constraints = [one_subject("nominations_nominee_one_subject")]
        indexes = [
            models.Index(fields=["status"], name="nom_nominee_status_idx"),
            models.Index(fields=["award_type", "year"], name="nom_nominee_type_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} – {self.award_type.code} {self.year}"
