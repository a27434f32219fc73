"""Choices of the movements app: English values, translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MovementKind(models.TextChoices):
    """Law Art 16: regular (by year) or thematic (a task within a period, short or multi-year)."""

    REGULAR = "regular", _("Regular (annual)")
    THEMATIC = "thematic", _("Thematic or campaign")


class LaunchLevel(models.TextChoices):
    """Who launches (Law Art 18), by level."""

    NATIONAL = "national", _("National (President, Prime Minister)")
    MINISTRY = "ministry", _("Ministry or central body")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District or city")
    COMMUNE = "commune", _("Commune or ward")
    UNIT = "unit", _("Agency or unit")


class DocumentType(models.TextChoices):
    DIRECTIVE = "directive", _("Directive (Chỉ thị)")
    PLAN = "plan", _("Plan (Kế hoạch)")
    DECISION = "decision", _("Decision (Quyết định)")


class MovementState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    LAUNCHED = "launched", _("Launched")
    UNDER_WAY = "under_way", _("Under way")
    INTERIM_REVIEW = "interim_review", _("Interim review")
    FINAL_REVIEW = "final_review", _("Final review")
    CLOSED = "closed", _("Closed")


class ItemKind(models.TextChoices):
    CONTENT = "content", _("Content item")
    KEY_PROGRAMME = "key_programme", _("Key programme")
    TASK_GROUP = "task_group", _("Task group")


class ScopeKind(models.TextChoices):
    SUBTREE = "subtree", _("Every unit under the organising unit")
    UNITS = "units", _("Chosen units")
    CLUSTERS = "clusters", _("Members of chosen clusters or blocks")


class MilestoneKind(models.TextChoices):
    INTERIM = "interim", _("Interim review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")
    EXACTLY = "exactly", _("exactly")
    BETWEEN = "between", _("between")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum of unit reports")
    COUNT_MEETING = "count_meeting", _("Number of units meeting it")
    LATEST = "latest", _("Latest reported value")


class WorkKind(models.TextChoices):
    INAUGURATION = "inauguration", _("Inauguration")
    GROUNDBREAKING = "groundbreaking", _("Groundbreaking")
    CULTURAL_SPORTS = "cultural_sports", _("Cultural or sports event")
    SOCIAL = "social", _("Social work (e.g. houses for poor households)")
    OTHER = "other", _("Other work or task")


class WorkStatus(models.TextChoices):
    PLANNED = "planned", _("Registered")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")


class AwardCode(models.TextChoices):
    """Titles and forms a movement plans or a registration aims for (codes of the award
    catalogue, shared/contracts/awards.csv)."""

    LDTT = "LDTT", _("Advanced worker (Lao động tiên tiến)")
    CSTDCS = "CSTDCS", _("Grassroots emulation fighter (Chiến sĩ thi đua cơ sở)")
    CSTDBT = "CSTDBT", _("Provincial emulation fighter (Chiến sĩ thi đua cấp tỉnh)")
    CSTDTQ = "CSTDTQ", _("National emulation fighter (Chiến sĩ thi đua toàn quốc)")
    TTLDTT = "TTLDTT", _("Advanced collective (Tập thể lao động tiên tiến)")
    TTLDXS = "TTLDXS", _("Excellent collective (Tập thể lao động xuất sắc)")
    CO_BT = "CO_BT", _("Provincial emulation flag (Cờ thi đua cấp tỉnh)")
    CO_CP = "CO_CP", _("Government emulation flag (Cờ thi đua của Chính phủ)")
    GK = "GK", _("Certificate of merit (Giấy khen)")
    BK_BT = "BK_BT", _("Provincial certificate of merit (Bằng khen cấp tỉnh)")
    BK_TTG = "BK_TTG", _("Prime Minister's certificate of merit (Bằng khen của Thủ tướng)")


INDIVIDUAL_TITLES = ("LDTT", "CSTDCS", "CSTDBT", "CSTDTQ")
COLLECTIVE_TITLES = ("TTLDTT", "TTLDXS", "CO_BT", "CO_CP")
