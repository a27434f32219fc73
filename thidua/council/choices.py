"""Choices of the council: member roles, session states, ballot choices, rule bases."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    STANDING_VICE_CHAIR = "standing_vice_chair", _("Standing vice-chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Council member")
    SECRETARY = "secretary", _("Council secretary")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("In session")
    CLOSED = "closed", _("Closed")


class Choice(models.TextChoices):
    """A ballot's answer (phiếu đồng ý / không đồng ý / không ý kiến)."""

    YES = "yes", _("Agree")
    NO = "no", _("Disagree")
    ABSTAIN = "abstain", _("No opinion")


class Base(models.TextChoices):
    """What a threshold's percentage is measured against."""

    ALL = "all", _("All members")
    PRESENT = "present", _("Members present")


class Comparison(models.TextChoices):
    GTE = "gte", _("at least")
    GT = "gt", _("more than")


class ItemResult(models.TextChoices):
    PENDING = "", _("Not yet counted")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Not passed")
