"""Councils (Hội đồng TĐKT), their members, sessions, the frozen electorate, secret ballots.

Secrecy of the vote is a property of the tables: `VoteReceipt` says *who has voted* on an item,
`Ballot` says *what was chosen* on an item, and nothing joins them. Ballots are slots created
when the session opens (one per elector and item, random UUID keys, no timestamps, no
ordering column); a cast ballot fills a slot chosen at random among the empty ones, so even the
physical row order says nothing about who filled it. Empty slots are deleted at close.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import TimeStampedModel, VersionedModel
from thidua.council.choices import (
    Base,
    Choice,
    Comparison,
    ItemResult,
    MemberRole,
    SessionStatus,
)
from thidua.nominations.models import Nominee
from thidua.org.models import Person, Unit


class Council(VersionedModel):
    """The council of one body (a province, a ministry, a commune)."""

    body = models.ForeignKey(
        Unit, verbose_name=_("body"), on_delete=models.PROTECT, related_name="councils"
    )
    name = models.CharField(_("name"), max_length=255)

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["body__path", "name"]

    def __str__(self) -> str:
        return self.name


class CouncilMember(TimeStampedModel):
    """A member's seat on the council over a period (quyết định kiện toàn Hội đồng)."""

    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("position"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=30, choices=MemberRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("until"), null=True, blank=True)
    sort_key = models.CharField(_("sort key"), max_length=255, editable=False, default="")

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["council", "sort_key", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="council_member_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class VotingRule(VersionedModel):
    """A threshold as data: for an award code (or a level, or the default when both are
    empty) the base, percentage, comparison, quorum and whether the ballot is secret."""

    award_code = models.CharField(_("award code"), max_length=20, blank=True)
    level = models.CharField(_("level"), max_length=20, blank=True)
    base = models.CharField(_("base"), max_length=10, choices=Base.choices)
    percent = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2)
    comparison = models.CharField(_("comparison"), max_length=5, choices=Comparison.choices)
    quorum_numerator = models.PositiveSmallIntegerField(_("quorum numerator"))
    quorum_denominator = models.PositiveSmallIntegerField(_("quorum denominator"))
    secret = models.BooleanField(_("secret ballot"), default=True)
    effective_from = models.DateField(_("in force from"))
    basis = models.TextField(_("legal basis"))
    confirmed = models.BooleanField(_("confirmed in the legal text"), default=False)

    class Meta:
        verbose_name = _("voting rule")
        verbose_name_plural = _("voting rules")
        ordering = ["award_code", "level", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_code", "level", "effective_from"], name="council_rule_unique"
            ),
            models.CheckConstraint(
                condition=Q(percent__gt=0) & Q(percent__lte=100), name="council_rule_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.award_code or self.level or "*"


class Session(VersionedModel):
    """A meeting (phiên họp) of the council with its agenda: planned → open → closed."""

    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.PROTECT, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=255)
    held_on = models.DateField(_("meeting date"))
    place = models.CharField(_("place"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    ballot_opens_at = models.DateTimeField(_("voting opens at"))
    ballot_closes_at = models.DateTimeField(_("voting closes at"))
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    chaired_by = models.CharField(_("chaired by"), max_length=200, blank=True)
    notes = models.TextField(_("minutes notes"), blank=True)

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ballot_closes_at__gt=models.F("ballot_opens_at")),
                name="council_session_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AgendaItem(TimeStampedModel):
    """One nominee on a session's agenda, and (once closed) its stored tally."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="items"
    )
    nominee = models.ForeignKey(
        Nominee, verbose_name=_("nominee"), on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    # The tally, written once at close.
    result = models.CharField(
        _("result"), max_length=10, choices=ItemResult.choices, default="", blank=True
    )
    rule = models.JSONField(_("threshold applied"), default=dict, blank=True)
    members = models.PositiveIntegerField(_("members"), default=0)
    present = models.PositiveIntegerField(_("present"), default=0)
    recused = models.PositiveIntegerField(_("recused"), default=0)
    base = models.PositiveIntegerField(_("base"), default=0)
    yes = models.PositiveIntegerField(_("agree"), default=0)
    no = models.PositiveIntegerField(_("disagree"), default=0)
    abstain = models.PositiveIntegerField(_("no opinion"), default=0)
    written = models.PositiveIntegerField(_("written ballots"), default=0)
    percent = models.DecimalField(
        _("percentage agreeing"), max_digits=5, decimal_places=2, default=0
    )
    reasons = models.JSONField(_("reasons"), default=list, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "nominee"], name="council_item_unique"),
        ]

    def __str__(self) -> str:
        return str(self.nominee)


class Elector(models.Model):
    """The electorate frozen when the session opened: a copy of a member's seat, and whether
    they attended. Later membership changes do not touch these rows."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="electors"
    )
    member = models.ForeignKey(
        CouncilMember, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT
    )
    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("position"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=30, choices=MemberRole.choices)
    present = models.BooleanField(_("present"), default=False)
    sort_key = models.CharField(_("sort key"), max_length=255, default="")

    class Meta:
        verbose_name = _("elector")
        verbose_name_plural = _("electorate")
        ordering = ["session", "sort_key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="council_elector_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name


class Recusal(models.Model):
    """A member who does not vote on an item, and why (conflict of interest)."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="recusals"
    )
    elector = models.ForeignKey(
        Elector, verbose_name=_("member"), on_delete=models.CASCADE, related_name="recusals"
    )
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [
            models.UniqueConstraint(fields=["item", "elector"], name="council_recusal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.elector} – {self.item}"


class VoteReceipt(models.Model):
    """That a member has voted on an item (never how). No timestamp, random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="receipts"
    )
    elector = models.ForeignKey(
        Elector, verbose_name=_("member"), on_delete=models.CASCADE, related_name="receipts"
    )
    written = models.BooleanField(_("written ballot"), default=False)

    class Meta:
        verbose_name = _("vote receipt")
        verbose_name_plural = _("vote receipts")
        constraints = [
            models.UniqueConstraint(fields=["item", "elector"], name="council_receipt_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.elector} ✓"


class Ballot(models.Model):
    """An anonymous ballot slot of an item: empty (choice blank) until a member fills it.
    No link to the member, no timestamp, a random key; see the module docstring."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="ballots"
    )
    choice = models.CharField(
        _("choice"), max_length=10, choices=Choice.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")

    def __str__(self) -> str:
        return str(self.id)
