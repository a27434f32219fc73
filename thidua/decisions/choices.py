"""Choice lists of the decisions app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for signature")
    ISSUED = "issued", _("Signed and issued")
    REVOKED = "revoked", _("Revoked")


class RevocationGround(models.TextChoices):
    """Luật TĐKT 2022, Điều 93 khoản 2, điểm a–d."""

    FRAUD = "a", _("(a) Merit or achievements declared fraudulently")
    FORGERY = "b", _("(b) False information or forged dossier")
    PROCEDURE = "c", _("(c) Appraisal, review or proposal violated the law")
    VIOLATION = "d", _("(d) A competent conclusion shows the standards were not met")


class LayoutKind(models.TextChoices):
    BANG_KHEN = "bang_khen", _("Certificate of merit (Bằng khen)")
    GIAY_KHEN = "giay_khen", _("Certificate of commendation (Giấy khen)")
    TITLE = "title", _("Emulation title certificate")


class LayoutField(models.TextChoices):
    """The variable fields printed onto a pre-printed blank."""

    AWARD = "award", _("Award name")
    RECIPIENT = "recipient", _("Recipient")
    ACHIEVEMENT = "achievement", _("Achievement")
    DECISION = "decision", _("Decision number and date")
    DATE_LINE = "date_line", _("Place and date")
    SIGNER_POSITION = "signer_position", _("Signer's position")
    SIGNER = "signer", _("Signer")
    QR = "qr", _("QR code")
