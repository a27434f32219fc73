"""Units (a tree with effective-dated lineage), clusters and blocks, people, households."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.org.choices import ClusterKind, ClusterRole, Gender, LineageKind, UnitKind, UnitLevel

PATH_STEP = 9  # "%08d/" per level of the materialised path


class Unit(VersionedModel):
    """An agency, locality or organisation (đơn vị) in the tree.

    `path` is the materialised path of primary keys ("00000001/00000007/") so a subtree is one
    indexed prefix query on both SQLite and PostgreSQL. A unit is never deleted: it ends
    (`valid_to`) and lineage events say what became of it.
    """

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("path"), max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    valid_from = models.DateField(_("active from"), null=True, blank=True)
    valid_to = models.DateField(_("active until"), null=True, blank=True)
    search_key = models.CharField(_("search key"), max_length=255, db_index=True, editable=False)
    sort_key = models.CharField(_("sort key"), max_length=255, editable=False)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_dates_ordered",
                violation_error_message=_("The end date must not be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None


class LineageEvent(TimeStampedModel):
    """A reorganisation on a date: merge, split, rename, dissolve or move.

    Predecessors hand their history to successors: the awards of a merged commune are found
    from its successor. Rename and move keep the same unit (it is both predecessor and
    successor) and record the old and new name or parent.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=LineageKind.choices)
    effective_date = models.DateField(_("effective date"))
    predecessors = models.ManyToManyField(
        Unit, verbose_name=_("predecessors"), related_name="lineage_as_predecessor"
    )
    successors = models.ManyToManyField(
        Unit, verbose_name=_("successors"), related_name="lineage_as_successor", blank=True
    )
    old_name = models.CharField(_("old name"), max_length=255, blank=True)
    new_name = models.CharField(_("new name"), max_length=255, blank=True)
    old_parent = models.ForeignKey(
        Unit,
        verbose_name=_("old parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    new_parent = models.ForeignKey(
        Unit,
        verbose_name=_("new parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    legal_reference = models.CharField(_("legal reference"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("lineage event")
        verbose_name_plural = _("lineage events")
        ordering = ["effective_date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_date:%d/%m/%Y}"


class Cluster(VersionedModel):
    """An emulation cluster or block (cụm, khối thi đua) for one year."""

    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=ClusterKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    organiser = models.ForeignKey(
        Unit, verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "year"], name="%(app_label)s_%(class)s_code_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class ClusterMember(TimeStampedModel):
    """A unit's membership of a cluster in its year, with its role (leader, deputy, member)."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="members"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="cluster_memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=ClusterRole.choices, default=ClusterRole.MEMBER
    )

    class Meta:
        verbose_name = _("cluster member")
        verbose_name_plural = _("cluster members")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "unit"], name="%(app_label)s_%(class)s_once"
            ),
            models.UniqueConstraint(
                fields=["cluster"],
                condition=Q(role=ClusterRole.LEADER),
                name="%(app_label)s_%(class)s_one_leader",
                violation_error_message=_("A cluster has only one leader per year."),
            ),
            models.UniqueConstraint(
                fields=["cluster"],
                condition=Q(role=ClusterRole.DEPUTY),
                name="%(app_label)s_%(class)s_one_deputy",
                violation_error_message=_("A cluster has only one deputy leader per year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.cluster}"


class Household(VersionedModel):
    """A household (hộ gia đình), for household titles such as Gia đình văn hóa."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    head_name = models.CharField(_("head of household"), max_length=200)
    address = models.CharField(_("address"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("village or commune"),
        on_delete=models.PROTECT,
        related_name="households",
    )

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return _("Household of %(name)s") % {"name": self.head_name}


class Person(VersionedModel):
    """An individual (cá nhân). Their unit and position over time are `Membership` rows;
    `unit`, `position` and `is_direct_worker` mirror the current membership for scoping and
    lists."""

    full_name = models.CharField(_("full name"), max_length=200)
    family_name = models.CharField(_("family name"), max_length=60, editable=False)
    middle_name = models.CharField(_("middle name"), max_length=100, blank=True, editable=False)
    given_name = models.CharField(_("given name"), max_length=60, editable=False)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=60, default="Kinh")
    national_id = models.CharField(
        _("citizen ID (CCCD)"), max_length=12, null=True, blank=True, unique=True
    )
    civil_servant_code = models.CharField(_("civil servant code"), max_length=40, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("current unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    position = models.CharField(_("current position"), max_length=200, blank=True)
    is_direct_worker = models.BooleanField(
        _("directly works in production or business"), default=False
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    search_key = models.CharField(_("search key"), max_length=255, db_index=True, editable=False)
    sort_key = models.CharField(_("sort key"), max_length=255, db_index=True, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "id"]
        indexes = [models.Index(fields=["unit", "sort_key"], name="org_person_unit_sort_idx")]

    def __str__(self) -> str:
        return self.full_name


class Membership(TimeStampedModel):
    """A person's position in a unit over a period (công tác tại đơn vị)."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    is_direct_worker = models.BooleanField(
        _("directly works in production or business"), default=False
    )
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_dates_ordered",
                violation_error_message=_("The end date must not be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.position} – {self.unit}"
