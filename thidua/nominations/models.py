"""Nomination dossiers (hồ sơ đề nghị) and their nominees.

`Dossier` and `Nominee` are the seam of the commendation chain: the council app puts nominees
on its agendas and the decisions app awards them. Their fields below are relied on by those
apps; add fields freely, do not rename or remove these.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.choices import Category
from thidua.awards.models import YEAR_HELP, AwardType, SubjectModel, one_subject
from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.core.uploads import stored_name
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
    # Added by the nominations app (0002).
    received_on = models.DateField(_("received on"), null=True, blank=True)
    appraised_on = models.DateField(_("appraised on"), null=True, blank=True)
    return_reason = models.TextField(_("reason for returning"), blank=True)
    forwarded_from = models.ForeignKey(
        "self",
        verbose_name=_("forwarded from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forwarded_to",
    )
    # The appraisal checklist: {item code: {"ok": bool, "note": str}}.
    checklist = models.JSONField(_("appraisal checklist"), default=dict, blank=True)
    public_from = models.DateField(_("public comment from"), null=True, blank=True)
    public_until = models.DateField(_("public comment until"), null=True, blank=True)

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
    # Added by the nominations app (0002).
    appraisal_note = models.TextField(_("appraisal note"), blank=True)
    # The status a nominee returns to when its last open complaint is resolved.
    status_before_block = models.CharField(
        _("status before the complaint"), max_length=20, blank=True
    )
    source = models.ForeignKey(
        "self",
        verbose_name=_("nominee at the lower level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

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


def _random_name(instance: models.Model, filename: str) -> str:
    """Files are stored under a random name (the original name is kept in the row)."""
    return stored_name("nominations", filename)


class EvidenceFile(TimeStampedModel):
    """A file of a nominee: the achievement report (báo cáo thành tích) or evidence. Served
    only through a permission-checked view."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Achievement report")
        EVIDENCE = "evidence", _("Evidence")

    nominee = models.ForeignKey(
        Nominee, verbose_name=_("nominee"), on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=_random_name)
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nominee file")
        verbose_name_plural = _("nominee files")
        ordering = ["nominee", "kind", "id"]

    def __str__(self) -> str:
        return self.original_name


class PublicComment(TimeStampedModel):
    """An opinion or complaint from the public during the comment period. An open complaint
    blocks its nominee until an officer records how it was handled."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        COMPLAINT = "complaint", _("Complaint")

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("complaint", "Open")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")
        NOTED = "noted", _("Noted")

    nominee = models.ForeignKey(
        Nominee, verbose_name=_("nominee"), on_delete=models.CASCADE, related_name="comments"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    text = models.TextField(_("content"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices)
    handling = models.TextField(_("handling"), blank=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A salted hash of the sender's address, only to rate-limit; never shown.
    sender_key = models.CharField(_("sender key"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["nominee", "state"], name="nom_comment_state_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Reminder(models.Model):
    """One reminder sent to one user about one dossier's step on one day (idempotency)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="nomination_reminders",
    )
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="reminders"
    )
    status = models.CharField(_("status"), max_length=20)
    sent_on = models.DateField(_("sent on"))
    message = models.TextField(_("message"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "dossier", "status", "sent_on"], name="nom_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return self.message[:80]
