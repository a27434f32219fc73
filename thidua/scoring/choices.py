"""Choices of the scoring app: English values, translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")


class CriterionKind(models.TextChoices):
    QUANTITATIVE = "quantitative", _("Quantitative against a target")
    YES_NO = "yes_no", _("Yes or no")
    PER_OCCURRENCE = "per_occurrence", _("Points per occurrence (capped)")
    BONUS_PENALTY = "bonus_penalty", _("Bonus or penalty")


class TableState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")


class SheetState(models.TextChoices):
    DRAFT = "draft", _("Self-scoring")
    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed by the cluster leader")
    EXPLAINED = "explained", _("Explained by the unit")
    FINALISED = "finalised", _("Finalised")
    LOCKED = "locked", _("Locked")


class Stage(models.TextChoices):
    SELF = "self", _("Self-score")
    REVIEW = "review", _("Cluster leader's review")
    FINAL = "final", _("Final score")


class RankingState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Interim review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")
