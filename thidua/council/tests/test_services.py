"""Council commands: the session life cycle, secrecy of the vote, tallies, immutability."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.council import queries, services
from thidua.council.models import (
    AgendaItem,
    Ballot,
    Elector,
    Recusal,
    Session,
    VoteReceipt,
    VotingRule,
)
from thidua.council.tests.builders import HELD_ON, open_all_present
from thidua.nominations.models import Nominee

pytestmark = pytest.mark.django_db


def vote(built, index, cstd=None, bk=None):
    choices = {}
    if cstd:
        choices[built.cstd.pk] = cstd
    if bk:
        choices[built.bk.pk] = bk
    return services.cast_ballots(built.voters[index], built.session, choices)


def close(world, built):
    built.session.refresh_from_db()
    return services.close_session(
        world.users["council_secretary"], built.session, built.session.version
    )


def test_nine_of_ten_passes_the_ninety_percent_rule_and_sets_the_nominee(world, built):
    open_all_present(world, built)
    for i in range(9):
        vote(built, i, cstd="yes", bk="yes")
    vote(built, 9, cstd="no", bk="abstain")
    close(world, built)
    item = AgendaItem.objects.get(pk=built.cstd.pk)
    assert (item.result, item.yes, item.no, item.base, item.percent) == (
        "passed",
        9,
        1,
        10,
        Decimal("90.00"),
    )
    assert item.rule["text"] == "≥ 90 % tổng số thành viên Hội đồng"
    built.nominee_cstd.refresh_from_db()
    assert built.nominee_cstd.status == "council_passed"
    outcome = queries.council_outcome(built.nominee_cstd)
    assert (outcome.status, outcome.yes, outcome.base) == ("passed", 9, 10)
    assert Event.objects.filter(action="council.nominee_result").count() == 2


def test_eight_of_ten_fails_cstd_but_passes_the_majority_rule(world, built):
    open_all_present(world, built)
    for i in range(8):
        vote(built, i, cstd="yes", bk="yes")
    for i in (8, 9):
        vote(built, i, cstd="no", bk="no")
    close(world, built)
    built.nominee_cstd.refresh_from_db()
    built.nominee_bk.refresh_from_db()
    assert built.nominee_cstd.status == "council_failed"
    assert built.nominee_bk.status == "council_passed"
    item = AgendaItem.objects.get(pk=built.cstd.pk)
    assert item.reasons[0]["code"] == "BELOW_THRESHOLD"
    assert queries.council_outcome(built.nominee_cstd).status == "failed"


def test_not_voted_outcome_before_close(world, built):
    assert queries.council_outcome(built.nominee_cstd).status == "not_voted"


def test_opening_freezes_the_electorate(world, built):
    open_all_present(world, built)
    services.end_member(world.users["council_secretary"], built.members[3], date(2025, 1, 1))
    services.add_member(
        world.users["council_secretary"],
        built.council,
        services.MemberData("Người Mới", "Ủy viên", "member", date(2025, 1, 1)),
    )
    assert built.session.electors.count() == 10
    assert Elector.objects.filter(session=built.session, full_name="Người Mới").count() == 0


def test_ballot_and_receipt_cannot_be_joined(world, built):
    open_all_present(world, built)
    vote(built, 0, cstd="yes", bk="no")
    vote(built, 1, cstd="no", bk="yes")
    vote(built, 2, cstd="abstain", bk="yes")
    # a ballot row has only a random key, the item and the choice: nothing about a member
    ballot_columns = {f.column for f in Ballot._meta.concrete_fields}
    assert ballot_columns == {"id", "item_id", "choice"}
    receipt_columns = {f.column for f in VoteReceipt._meta.concrete_fields}
    assert receipt_columns == {"id", "item_id", "elector_id", "written"}
    # keys are random: no shared value between a receipt and a ballot of the same item
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM council_ballot")
        ballot_values = {str(v) for row in cursor.fetchall() for v in row}
        cursor.execute("SELECT * FROM council_votereceipt")
        receipt_rows = cursor.fetchall()
    for row in receipt_rows:
        receipt_id = str(row[0])
        assert receipt_id not in ballot_values
    # the event log says a ballot was cast, never what it said
    choices = {"yes", "no", "abstain"}
    for event in Event.objects.filter(action__startswith="council."):
        text = f"{event.before} {event.after} {event.comment} {event.object_repr}"
        assert not any(f"'{c}'" in text or f'"{c}"' in text for c in choices), event.action
    cast = Event.objects.filter(action="council.ballot_cast")
    assert cast.count() == 6
    assert all(e.after is None and e.before is None for e in cast)
    # filled slots are spread at random, not in voting order: the three filled slots of an
    # item are not always the first three created (checked over the two items and 10 slots)
    assert Ballot.objects.filter(item=built.cstd).exclude(choice="").count() == 3


def test_slots_are_chosen_at_random(world, built, monkeypatch):
    picked = []
    real = services.secrets.choice

    def spy(seq):
        value = real(seq)
        picked.append(len(seq))
        return value

    monkeypatch.setattr(services.secrets, "choice", spy)
    open_all_present(world, built)
    vote(built, 0, cstd="yes")
    vote(built, 1, cstd="yes")
    assert picked == [10, 9]  # chosen among every empty slot


def test_a_member_votes_once_per_item(world, built):
    open_all_present(world, built)
    vote(built, 0, cstd="yes")
    with pytest.raises(DomainError) as err:
        vote(built, 0, cstd="no", bk="yes")
    assert err.value.code == "ALREADY_VOTED"
    assert VoteReceipt.objects.count() == 1  # the bk ballot of the refused batch was not kept
    assert Ballot.objects.exclude(choice="").count() == 1


def test_outside_the_window_is_refused(world, built):
    built.session.ballot_opens_at = timezone.now() + timedelta(hours=1)
    built.session.ballot_closes_at = timezone.now() + timedelta(hours=2)
    built.session.save()
    open_all_present(world, built)
    with pytest.raises(DomainError) as err:
        vote(built, 0, cstd="yes")
    assert err.value.code == "OUTSIDE_WINDOW"
    assert not VoteReceipt.objects.exists()


def test_only_the_frozen_electorate_votes(world, built):
    open_all_present(world, built)
    with pytest.raises(PermissionDenied):
        services.cast_ballots(world.users["admin"], built.session, {built.cstd.pk: "yes"})
    with pytest.raises(PermissionDenied):
        services.cast_ballots(
            world.users["council_secretary"], built.session, {built.cstd.pk: "yes"}
        )
    assert not VoteReceipt.objects.exists()


def test_recused_member_does_not_vote_and_leaves_the_base(world, built):
    open_all_present(world, built)
    secretary = world.users["council_secretary"]
    elector = Elector.objects.get(session=built.session, member=built.members[9])
    services.record_recusal(secretary, built.cstd, elector, "Cùng đơn vị với người được đề nghị")
    with pytest.raises(DomainError) as err:
        vote(built, 9, cstd="yes")
    assert err.value.code == "RECUSED"
    for i in range(9):
        vote(built, i, cstd="yes")
    close(world, built)
    item = AgendaItem.objects.get(pk=built.cstd.pk)
    assert (item.base, item.yes, item.recused, item.result) == (9, 9, 1, "passed")


def test_written_ballots_of_absent_members(world, built):
    open_all_present(world, built, absent=2)
    secretary = world.users["council_secretary"]
    absent = list(Elector.objects.filter(session=built.session, present=False))
    assert len(absent) == 2
    for elector in absent:
        services.record_written_ballot(secretary, built.cstd, elector, "yes")
    present = Elector.objects.filter(session=built.session, present=True).first()
    with pytest.raises(DomainError) as err:
        services.record_written_ballot(secretary, built.cstd, present, "yes")
    assert err.value.code == "PRESENT"
    with pytest.raises(DomainError) as err:
        vote(built, 9, cstd="yes")  # absent members do not vote electronically
    assert err.value.code == "ABSENT"
    for i in range(7):
        vote(built, i, cstd="yes")
    close(world, built)
    item = AgendaItem.objects.get(pk=built.cstd.pk)
    assert (item.yes, item.written, item.present, item.base, item.result) == (
        9,
        2,
        8,
        10,
        "passed",
    )
    assert VoteReceipt.objects.filter(written=True).count() == 2


def test_quorum_is_checked_when_opening(world, built):
    secretary = world.users["council_secretary"]
    built.session.refresh_from_db()
    six = [m.pk for m in built.members[:6]]
    with pytest.raises(DomainError) as err:
        services.open_session(secretary, built.session, six, built.session.version)
    assert err.value.code == "NO_QUORUM"
    assert not Elector.objects.exists()
    assert Session.objects.get(pk=built.session.pk).status == "planned"


def test_closed_results_are_immutable(world, built):
    open_all_present(world, built)
    vote(built, 0, cstd="yes")
    close(world, built)
    secretary = world.users["council_secretary"]
    elector = Elector.objects.filter(session=built.session).last()
    for attempt in (
        lambda: vote(built, 1, cstd="yes"),
        lambda: services.record_written_ballot(secretary, built.cstd, elector, "yes"),
        lambda: services.record_recusal(secretary, built.cstd, elector, "x"),
        lambda: services.record_attendance(secretary, elector, False),
        lambda: close(world, built),
        lambda: services.remove_agenda_item(secretary, built.cstd),
    ):
        with pytest.raises(DomainError) as err:
            attempt()
        assert err.value.code == "SESSION_STATE"
    assert AgendaItem.objects.get(pk=built.cstd.pk).yes == 1
    # empty slots were removed at close: the ballot table holds exactly the ballots cast
    assert Ballot.objects.count() == 1


def test_agenda_takes_only_ready_nominees(world, built):
    secretary = world.users["council_secretary"]
    other = Nominee.objects.get(pk=built.nominee_bk.pk)
    other.status = "submitted"
    other.save()
    built.cstd.delete()  # free nominee_cstd
    with pytest.raises(DomainError) as err:
        services.add_agenda_item(secretary, built.session, other)
    assert err.value.code == "NOMINEE_NOT_READY"
    assert queries.nominees_ready_for_council(built.council, HELD_ON).filter(
        pk=built.nominee_cstd.pk
    )


def test_voting_rule_change_by_administrator(world, built):
    rule = VotingRule.objects.get(award_code="CSTDBT")
    data = services.RuleData("all", Decimal("80"), "gte", 2, 3, True, "Quy chế tỉnh 2025", False)
    with pytest.raises(PermissionDenied):
        services.change_voting_rule(world.users["province_officer"], rule, data, "x", rule.version)
    with pytest.raises(DomainError) as err:
        services.change_voting_rule(world.users["admin"], rule, data, " ", rule.version)
    assert err.value.fields == {"reason": "Cần ghi lý do thay đổi."}
    services.change_voting_rule(world.users["admin"], rule, data, "Quy chế mới", rule.version)
    rule.refresh_from_db()
    assert rule.percent == Decimal("80.00")
    event = Event.objects.get(action="council.rule_change")
    assert event.comment == "Quy chế mới"
    assert event.before["percent"] == "90.00"
    # the new figure is what the tally reads: 8 of 10 now passes
    open_all_present(world, built)
    for i in range(8):
        vote(built, i, cstd="yes")
    close(world, built)
    assert AgendaItem.objects.get(pk=built.cstd.pk).result == "passed"


def test_conflicts_are_detected_for_the_secretary(world, built):
    person = world.person_a
    built.members[4].person = person  # the nominee sits on the council
    built.members[4].save()
    world.person_b.unit = world.district
    world.person_b.position = "Chủ tịch UBND huyện"
    world.person_b.save()
    built.members[5].person = world.person_b  # leader of the parent unit of A
    built.members[5].save()
    open_all_present(world, built)
    found = queries.conflicts_of(built.session)
    codes = {c.member_name: [r.code for r in c.reasons] for c in found[built.cstd.pk]}
    assert codes == {
        built.members[4].full_name: ["IS_NOMINEE"],
        built.members[5].full_name: ["DIRECT_SUPERIOR"],
    }


def test_rule_falls_back_to_the_default(world, built):
    from thidua.awards.models import AwardType

    row = queries.rule_row_for(AwardType.objects.get(code="GK"), HELD_ON)
    assert row is not None
    assert row.award_code == ""
    assert row.percent == 50
    assert queries.rule_row_for(AwardType.objects.get(code="AHLD"), HELD_ON).percent == 90


@pytest.mark.django_db(transaction=True)
def test_two_people_closing_at_once_leave_one_result(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are exercised on PostgreSQL (SQLite serialises writers)")
    from importlib import import_module

    from django.apps import apps

    from thidua.awards.reference import install_reference_data
    from thidua.council.tests.builders import build

    # an earlier transactional test may have flushed what the data migrations installed
    install_reference_data(lambda name: apps.get_model("awards", name))
    import_module("thidua.council.migrations.0002_default_voting_rules").load(apps, None)
    built = build(world)
    open_all_present(world, built)
    for i in range(9):
        vote(built, i, cstd="yes", bk="yes")
    built.session.refresh_from_db()
    version = built.session.version
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        from django.db import connection as conn

        try:
            barrier.wait()
            services.close_session(world.users["council_secretary"], built.session, version)
            outcomes.append("ok")
        except DomainError as exc:
            outcomes.append(exc.code)
        finally:
            conn.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["SESSION_STATE", "ok"]
    assert Event.objects.filter(action="council.session_close").count() == 1
    assert Event.objects.filter(action="council.nominee_result").count() == 2
    assert AgendaItem.objects.get(pk=built.cstd.pk).yes == 9
    assert Recusal.objects.count() == 0


def test_a_complaint_after_the_agenda_blocks_opening(world, built):
    from thidua.nominations.models import PublicComment

    PublicComment.objects.create(
        nominee=built.nominee_bk,
        kind="complaint",
        text="Khiếu nại về thành tích",
        state="open",
        sender_key="k",
    )
    built.session.refresh_from_db()
    with pytest.raises(DomainError) as err:
        services.open_session(
            world.users["council_secretary"],
            built.session,
            [m.pk for m in built.members],
            built.session.version,
        )
    assert err.value.code == "NOMINEE_BLOCKED"
    assert "Xã Bình Minh" in err.value.message
    assert Session.objects.get(pk=built.session.pk).status == "planned"
