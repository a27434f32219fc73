"""Optimistic locking everywhere: every editable table carries a version column.

Every concrete thidua model either subclasses `core.models.VersionedModel` (services update it
with `core.concurrency.save_versioned`, so a stale edit is refused instead of overwriting) or is
listed below with the reason it does not need one. A new model that is neither fails here.
"""

from __future__ import annotations

import pytest
from django.apps import apps

from thidua.core.concurrency import save_versioned
from thidua.core.errors import ConcurrentChange
from thidua.core.models import VersionedModel

APPEND_ONLY = "append-only: rows are written once and never edited"
CHILD = "edited only by a command that bumps its parent's version ({parent})"
CATALOGUE = "effective-dated data: a change is a new row from a date, old rows stay"
OWN_ROW = "one row per (actor, subject), only its owner writes it; last write is the intent"
SYSTEM = "system row, not edited by people"

NOT_VERSIONED: dict[str, str] = {
    # core
    "core.Event": APPEND_ONLY + " (hash-chained; save/delete refuse)",
    "core.EventChainHead": SYSTEM + " (locked with SELECT … FOR UPDATE while appending)",
    "core.IdempotencyRecord": SYSTEM + " (one row per user and key, unique constraint)",
    # accounts
    "accounts.User": "Django's auth table; profile edits are out of scope of issue 10 (gap)",
    "accounts.RoleAssignment": "granted or ended whole; unique (user, role, unit)",
    "accounts.ApiToken": "issued once; revocation is a one-way flag",
    # org
    "org.LineageEvent": APPEND_ONLY + " (a reorganisation on a date)",
    "org.ClusterMember": CHILD.format(parent="org.Cluster"),
    "org.Membership": CHILD.format(parent="org.Person") + "; a move ends one row, adds one",
    # movements
    "movements.MovementItem": CHILD.format(parent="movements.Movement"),
    "movements.Milestone": CHILD.format(parent="movements.Movement"),
    "movements.PlannedAward": CHILD.format(parent="movements.Movement"),
    "movements.Participant": "derived from the movement's scope, recomputed, never edited",
    "movements.TargetReport": APPEND_ONLY + " (a reported value on a date)",
    "movements.QuotaRule": CHILD.format(parent="movements.Movement") + "; added or deleted",
    "movements.RegisteredIndicator": CHILD.format(parent="movements.Registration"),
    "movements.PersonRegistration": CHILD.format(parent="movements.Registration"),
    "movements.WorkPhoto": CHILD.format(parent="movements.Work") + "; added, never edited",
    "movements.PledgeSignature": APPEND_ONLY + " (a member's signature)",
    "movements.Notification": OWN_ROW + " (only the read flag changes)",
    # scoring
    "scoring.ReportingPeriod": CHILD.format(parent="scoring.CriteriaTable / movement"),
    "scoring.ProgressEvidence": CHILD.format(parent="scoring.ProgressReport"),
    "scoring.CriterionGroup": CHILD.format(parent="scoring.CriteriaTable"),
    "scoring.Criterion": CHILD.format(parent="scoring.CriteriaTable"),
    "scoring.ScoreEntry": CHILD.format(parent="scoring.ScoreSheet"),
    "scoring.ScoreEvidence": CHILD.format(parent="scoring.ScoreSheet"),
    "scoring.ScoreChange": APPEND_ONLY + " (a sheet's history)",
    "scoring.RankingRow": CHILD.format(parent="scoring.Ranking") + "; recomputed whole",
    "scoring.RankingVote": OWN_ROW + " (a member unit's vote)",
    "scoring.PeerScore": OWN_ROW + " (unique table, cluster, scorer, scored)",
    "scoring.ReviewProposal": CHILD.format(parent="scoring.Review"),
    # awards
    "awards.AwardType": CATALOGUE + " (contracts/awards.csv)",
    "awards.BaseSalary": CATALOGUE,
    "awards.BonusRule": CATALOGUE,
    "awards.AwardingAuthority": CATALOGUE,
    "awards.ParameterChange": APPEND_ONLY + " (the newest change per figure wins)",
    # nominations
    "nominations.EvidenceFile": CHILD.format(parent="nominations.Nominee")
    + "; added, never edited",
    "nominations.PublicComment": "the public writes once; handling is a conditional one-way update",
    "nominations.Reminder": APPEND_ONLY + " (one reminder per user, dossier, step and day)",
    # council
    "council.CouncilMember": CHILD.format(parent="council.Council") + "; a seat ends, never edited",
    "council.AgendaItem": CHILD.format(parent="council.Session") + "; immutable once closed",
    "council.Elector": "frozen copy of the electorate when the session opened",
    "council.Recusal": APPEND_ONLY,
    "council.VoteReceipt": APPEND_ONLY + " (that a member voted; unique per item)",
    "council.Ballot": "anonymous slot filled once by a conditional update (choice is null)",
    # decisions
    "decisions.NumberCounter": SYSTEM + " (conditional update on last_number, then retry)",
    # exemplars
    "exemplars.StageRecord": APPEND_ONLY + " (one step of the model)",
    "exemplars.MediaFile": CHILD.format(parent="exemplars.ExemplaryModel")
    + "; added, never edited",
    "exemplars.Replication": CHILD.format(parent="exemplars.ExemplaryModel"),
}


def _thidua_models() -> dict[str, type]:
    return {
        model._meta.label: model
        for model in apps.get_models()
        if model.__module__.startswith("thidua.") and not model._meta.abstract
    }


def test_every_model_is_versioned_or_has_a_reason():
    unexplained = sorted(
        label
        for label, model in _thidua_models().items()
        if not issubclass(model, VersionedModel) and label not in NOT_VERSIONED
    )
    assert unexplained == [], "models with neither a version column nor a listed reason"


def test_the_list_names_only_existing_unversioned_models():
    models = _thidua_models()
    stale = sorted(label for label in NOT_VERSIONED if label not in models)
    versioned = sorted(
        label
        for label in NOT_VERSIONED
        if label in models and issubclass(models[label], VersionedModel)
    )
    assert stale == []
    assert versioned == [], "now versioned: remove them from NOT_VERSIONED"


def test_the_core_records_of_issue_10_are_versioned():
    # The objects named by the issue (personal data, decisions, dossiers, sessions).
    models = _thidua_models()
    for label in (
        "org.Person",
        "org.Unit",
        "movements.Movement",
        "awards.AwardRecord",
        "nominations.Dossier",
        "nominations.Nominee",
        "council.Session",
        "decisions.Decision",
    ):
        assert issubclass(models[label], VersionedModel), label


@pytest.mark.django_db
def test_a_stale_version_is_refused_and_changes_nothing(world):  # type: ignore[no-untyped-def]
    person = world.person_a
    first, second = type(person).objects.get(pk=person.pk), type(person).objects.get(pk=person.pk)
    original = first.full_name
    # given two officers who loaded the same version
    first.full_name = "Nguyễn Văn Một"
    save_versioned(first, first.version, ["full_name"])
    # when the second saves on top of the version they loaded
    second.full_name = "Trần Thị Hai"
    with pytest.raises(ConcurrentChange):
        save_versioned(second, second.version, ["full_name"])
    # then the first officer's change stands
    person.refresh_from_db()
    assert (person.full_name, person.version) == ("Nguyễn Văn Một", first.version)
    assert original != person.full_name
