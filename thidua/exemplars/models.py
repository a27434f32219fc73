"""Exemplary models (điển hình tiên tiến): the case file of each model, the four stages it goes
through, its media, the units that replicated it, and the conferences that honoured it.

A model is about exactly one subject (a person, a collective unit or a household, as in the
award history). `home_unit` is where the model lives for scoping: the person's or household's
unit, or the collective itself. A unit's focal point may propose a model of their own unit
(status `proposed`); the emulation office takes it up by recording the discovery stage.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Initiative, SubjectModel, one_subject
from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.core.uploads import stored_name
from thidua.exemplars.choices import (
    ConferenceLevel,
    MediaKind,
    ModelStatus,
    Sector,
    Source,
    Stage,
)
from thidua.movements.models import Movement
from thidua.org.models import Unit


class ExemplaryModel(SubjectModel):
    """The case file of one exemplary model."""

    home_unit = models.ForeignKey(
        Unit,
        verbose_name=_("home unit"),
        on_delete=models.PROTECT,
        related_name="exemplary_models",
        help_text=_("The unit whose subtree the model belongs to (for who may see it)."),
    )
    title = models.CharField(_("title of the model"), max_length=300)
    sector = models.CharField(_("field"), max_length=20, choices=Sector.choices)
    story = models.TextField(_("story"), blank=True)
    achievements = models.TextField(_("achievements"), blank=True)
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplary_models",
    )
    initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("initiatives"), blank=True, related_name="exemplary_models"
    )
    is_direct_worker = models.BooleanField(
        _("direct worker"),
        default=False,
        help_text=_("Taken from the person's record: directly works and produces."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ModelStatus.choices, default=ModelStatus.ACTIVE
    )
    stage = models.CharField(_("current stage"), max_length=20, choices=Stage.choices, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    suggested_because = models.TextField(_("suggested because"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("exemplary model")
        verbose_name_plural = _("exemplary models")
        ordering = ["-id"]
        constraints = [
            one_subject("exemplars_model_one_subject"),
            models.CheckConstraint(
                condition=Q(published=False) | Q(published_at__isnull=False),
                name="exemplars_model_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status="proposed", stage="") | ~Q(status="proposed"),
                name="exemplars_model_proposal_has_no_stage",
            ),
        ]
        indexes = [
            models.Index(fields=["published", "published_at"], name="exemplars_model_pub_idx")
        ]

    def __str__(self) -> str:
        return self.title


class StageRecord(TimeStampedModel):
    """One step of the model through the four stages, with its date and who was responsible."""

    model = models.ForeignKey(
        ExemplaryModel, verbose_name=_("model"), on_delete=models.CASCADE, related_name="stages"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    date = models.DateField(_("date"))
    responsible_unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("stage record")
        verbose_name_plural = _("stage records")
        ordering = ["model", "date", "id"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} {self.date:%d/%m/%Y}"


def _random_name(instance: models.Model, filename: str) -> str:
    """Files are stored under a random name (the original name is kept in the row)."""
    return stored_name("exemplars", filename)


class MediaFile(TimeStampedModel):
    """A photo or document of the case file, checked by its content; served only through a
    permission-checked view."""

    model = models.ForeignKey(
        ExemplaryModel, verbose_name=_("model"), on_delete=models.CASCADE, related_name="media"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MediaKind.choices)
    file = models.FileField(_("file"), upload_to=_random_name)
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("media file")
        verbose_name_plural = _("media files")
        ordering = ["model", "kind", "id"]

    def __str__(self) -> str:
        return self.original_name


class Replication(TimeStampedModel):
    """A unit that adopted the model, when, and with what result."""

    model = models.ForeignKey(
        ExemplaryModel,
        verbose_name=_("model"),
        on_delete=models.CASCADE,
        related_name="replications",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("adopting unit"), on_delete=models.PROTECT, related_name="+"
    )
    adopted_on = models.DateField(_("adopted on"))
    result = models.TextField(_("result"), blank=True)
    measure = models.CharField(_("measured as"), max_length=100, blank=True)
    measured_value = models.DecimalField(
        _("measured result"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        ordering = ["model", "adopted_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["model", "unit"], name="exemplars_replication_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.adopted_on:%d/%m/%Y}"


class Conference(VersionedModel):
    """A conference of exemplary models (Hội nghị điển hình tiên tiến) and the models it honoured."""

    name = models.CharField(_("name"), max_length=300)
    level = models.CharField(_("level"), max_length=20, choices=ConferenceLevel.choices)
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    organiser = models.ForeignKey(
        Unit, verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="+"
    )
    models_honoured = models.ManyToManyField(
        ExemplaryModel,
        verbose_name=_("models honoured"),
        blank=True,
        related_name="conferences",
    )
    attendees = models.PositiveIntegerField(_("attendees"), null=True, blank=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("exemplary models conference")
        verbose_name_plural = _("exemplary models conferences")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.name
