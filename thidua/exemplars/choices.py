"""Choice lists of the exemplars app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Individual")
    COLLECTIVE = "unit", _("Collective")
    HOUSEHOLD = "household", _("Household")


class Stage(models.TextChoices):
    """The four stages of work with exemplary models (phát hiện, bồi dưỡng, tổng kết, nhân
    rộng); the values match `exemplars.domain.stages.Stage`."""

    DISCOVER = "discover", _("Discover")
    NURTURE = "nurture", _("Nurture")
    SUMMARISE = "summarise", _("Summarise")
    REPLICATE = "replicate", _("Replicate")


class ModelStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by the unit")
    ACTIVE = "active", _("Followed by the emulation office")


class Source(models.TextChoices):
    HAND = "hand", _("Added by hand")
    SUGGESTION = "suggestion", _("From a suggestion")
    PROPOSAL = "proposal", _("Proposed by the unit")


class Sector(models.TextChoices):
    ECONOMY = "economy", _("Economy, production and business")
    AGRICULTURE = "agriculture", _("Agriculture and new rural areas")
    URBAN = "urban", _("Civilised urban areas")
    EDUCATION = "education", _("Education and training")
    HEALTH = "health", _("Health")
    CULTURE = "culture", _("Culture, society and social welfare")
    ADMINISTRATION = "administration", _("Public administration reform")
    SECURITY = "security", _("Defence and security")
    PARTY = "party", _("Party building and mass organisations")
    OTHER = "other", _("Other")


class MediaKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")


class ConferenceLevel(models.TextChoices):
    """Hội nghị điển hình tiên tiến are held at each level, usually every five years before the
    patriotic emulation congress of the level above."""

    GRASSROOTS = "grassroots", _("Grassroots (commune, agency)")
    DISTRICT = "district", _("District or town")
    PROVINCE = "province", _("Province, ministry or sector")
    NATIONAL = "national", _("National")
