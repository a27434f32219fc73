"""Choice lists of the interchange app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    UNITS = "units", _("Units")
    PEOPLE = "people", _("People")
    CLUSTERS = "clusters", _("Clusters and blocks")
    RATINGS = "ratings", _("Annual ratings")
    AWARDS = "awards", _("Award history")
    INITIATIVES = "initiatives", _("Initiatives")
    REGISTRATIONS = "registrations", _("Emulation registrations")
    PROGRESS = "progress", _("Progress figures")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting in the queue")
    RUNNING = "running", _("Running")
    CHECKED = "checked", _("Checked, no errors")
    REJECTED = "rejected", _("Has errors, nothing written")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed, nothing written")
    UNDONE = "undone", _("Undone")
