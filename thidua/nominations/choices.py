"""Choices of the nomination chain. The Nominee status is the seam between the chain's apps:
nominations moves it up to `appraised`, council to `council_passed`/`council_failed`,
decisions to `decided`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierKind(models.TextChoices):
    ANNUAL = "annual", _("Annual round")
    MOVEMENT = "movement", _("Movement review")
    AD_HOC = "ad_hoc", _("Extraordinary (ad hoc)")


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RECEIVED = "received", _("Received")
    RETURNED = "returned", _("Returned for changes")
    RECALLED = "recalled", _("Recalled by the sender")
    APPRAISING = "appraising", _("Under appraisal")
    APPRAISED = "appraised", _("Appraised")
    FORWARDED = "forwarded", _("Forwarded to the higher level")
    CLOSED = "closed", _("Closed")


class NomineeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    BLOCKED = "blocked", _("Blocked by a complaint")
    APPRAISED = "appraised", _("Passed appraisal")
    NOT_APPROVED = "not_approved", _("Not approved at appraisal")
    COUNCIL_PASSED = "council_passed", _("Approved by the council")
    COUNCIL_FAILED = "council_failed", _("Not approved by the council")
    DECIDED = "decided", _("Awarded by decision")
    WITHDRAWN = "withdrawn", _("Withdrawn")
