"""Commands on councils: one function per command.

`Permission.MANAGE_COUNCIL` over the council's body prepares, opens and closes sessions and
records attendance, recusals and written ballots; `Permission.VOTE` over the body lets a member
of the session's frozen electorate cast their own secret ballot; `Permission.MANAGE_CATALOGUE`
(the administrator) changes a voting rule. A refused command raises `DomainError` and writes
nothing. No command, event or log ever records who chose what.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.core.concurrency import save_versioned
from thidua.core.errors import ConcurrentChange, DomainError, NotFound, PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.text import clean_text, name_sort_key
from thidua.council import queries
from thidua.council.choices import Choice, ItemResult, MemberRole, SessionStatus
from thidua.council.domain import tally as tally_rules
from thidua.council.domain.tally import Reason
from thidua.council.models import (
    AgendaItem,
    Ballot,
    Council,
    CouncilMember,
    Elector,
    Recusal,
    Session,
    VoteReceipt,
    VotingRule,
)
from thidua.nominations.models import Nominee
from thidua.org.access import has_permission
from thidua.org.models import Person, Unit

PASSED_STATUS = "council_passed"
FAILED_STATUS = "council_failed"
READY_STATUS = "appraised"


def _require(actor: Any, permission: Permission, unit: Unit) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _manage(actor: Any, council: Council) -> None:
    _require(actor, Permission.MANAGE_COUNCIL, council.body)


def _invalid(message: str, field: str = "", code: str = "INVALID_INPUT") -> DomainError:
    return refusal([Reason(code, message, "", field)])


def _lock_session(session: Session) -> Session:
    # Only the session row, and FOR NO KEY UPDATE: a plain FOR UPDATE through select_related
    # also locked the body's Unit row, which deadlocked against any transaction that held the
    # event chain head and, at COMMIT, checked a foreign key to that unit (seen under load).
    return (
        Session.objects.select_for_update(no_key=True, of=("self",))
        .select_related("council__body")
        .get(pk=session.pk)
    )


def _require_status(session: Session, *allowed: str) -> None:
    if session.status in allowed:
        return
    messages = {
        SessionStatus.PLANNED: "Phiên họp chưa khai mạc.",
        SessionStatus.OPEN: "Phiên họp đang diễn ra; không thể thay đổi chương trình.",
        SessionStatus.CLOSED: "Phiên họp đã kết thúc; kết quả không thể thay đổi.",
    }
    raise DomainError("SESSION_STATE", messages[SessionStatus(session.status)])


def _event(actor: Any, action: str, obj: Any, council: Council, **kw: Any) -> None:
    record_event(actor=actor, action=action, obj=obj, unit_path=council.body.path, **kw)


# ------------------------------------------------------------------------------ councils


def create_council(actor: Any, body: Unit, name: str) -> Council:
    _require(actor, Permission.MANAGE_COUNCIL, body)
    name = clean_text(name)
    if not name:
        raise _invalid("Tên Hội đồng là bắt buộc.", "name")
    with transaction.atomic():
        council = Council.objects.create(body=body, name=name[:255])
        _event(actor, "council.create", council, council, after=snapshot(council))
    return council


@dataclass(frozen=True)
class MemberData:
    full_name: str
    title: str
    role: str
    valid_from: date
    valid_to: date | None = None
    user: Any = None
    person: Person | None = None


def add_member(actor: Any, council: Council, data: MemberData) -> CouncilMember:
    _manage(actor, council)
    reasons = []
    name = clean_text(data.full_name)
    if not name:
        reasons.append(Reason("INVALID_INPUT", "Họ và tên là bắt buộc.", "", "full_name"))
    if data.role not in MemberRole.values:
        reasons.append(Reason("INVALID_INPUT", "Vai trò không hợp lệ.", "", "role"))
    if data.valid_to is not None and data.valid_to < data.valid_from:
        reasons.append(
            Reason("INVALID_INPUT", "Ngày kết thúc không được trước ngày bắt đầu.", "", "valid_to")
        )
    if data.user is not None and (
        queries.members_on(council, data.valid_from).filter(user=data.user).exists()
    ):
        reasons.append(
            Reason("DUPLICATE_MEMBER", "Tài khoản này đã là thành viên Hội đồng.", "", "user")
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        member = CouncilMember.objects.create(
            council=council,
            full_name=name[:200],
            title=clean_text(data.title)[:255],
            role=data.role,
            valid_from=data.valid_from,
            valid_to=data.valid_to,
            user=data.user,
            person=data.person,
            sort_key=name_sort_key(name),
        )
        _event(actor, "council.member_add", member, council, after=snapshot(member))
    return member


def end_member(actor: Any, member: CouncilMember, valid_to: date) -> CouncilMember:
    """End a seat (a later session's electorate no longer includes it; open or closed
    sessions keep their frozen copy)."""
    council = member.council
    _manage(actor, council)
    if valid_to < member.valid_from:
        raise _invalid("Ngày kết thúc không được trước ngày bắt đầu.", "valid_to")
    with transaction.atomic():
        before = snapshot(member)
        member.valid_to = valid_to
        member.save(update_fields=["valid_to", "updated_at"])
        _event(actor, "council.member_end", member, council, before=before, after=snapshot(member))
    return member


# ------------------------------------------------------------------------------ voting rules


@dataclass(frozen=True)
class RuleData:
    base: str
    percent: Decimal
    comparison: str
    quorum_numerator: int
    quorum_denominator: int
    secret: bool
    basis: str
    confirmed: bool


def change_voting_rule(
    actor: Any, rule: VotingRule, data: RuleData, reason: str, version: int
) -> VotingRule:
    """An administrator changes a threshold, with the reason and the legal basis."""
    if not has_permission(actor, Permission.MANAGE_CATALOGUE):
        raise PermissionDenied()
    try:
        percent = Decimal(data.percent).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise _invalid("Tỷ lệ không hợp lệ.", "percent") from None
    candidate = tally_rules.Rule(
        base=data.base,
        percent=percent,
        comparison=data.comparison,
        quorum_numerator=data.quorum_numerator,
        quorum_denominator=data.quorum_denominator,
        basis=clean_text(data.basis, multiline=True),
        confirmed=data.confirmed,
    )
    reasons = tally_rules.validate(candidate)
    if not clean_text(reason, multiline=True):
        reasons.append(Reason("INVALID_INPUT", "Cần ghi lý do thay đổi.", "", "reason"))
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(rule)
        rule.base, rule.percent, rule.comparison = data.base, percent, data.comparison
        rule.quorum_numerator = data.quorum_numerator
        rule.quorum_denominator = data.quorum_denominator
        rule.secret, rule.confirmed = data.secret, data.confirmed
        rule.basis = candidate.basis
        save_versioned(
            rule,
            version,
            [
                "base",
                "percent",
                "comparison",
                "quorum_numerator",
                "quorum_denominator",
                "secret",
                "confirmed",
                "basis",
            ],
        )
        record_event(
            actor=actor,
            action="council.rule_change",
            obj=rule,
            before=before,
            after=snapshot(rule),
            comment=clean_text(reason, multiline=True),
        )
    return rule


# ------------------------------------------------------------------------------ sessions


@dataclass(frozen=True)
class SessionData:
    title: str
    held_on: date
    place: str
    ballot_opens_at: datetime
    ballot_closes_at: datetime
    chaired_by: str = ""
    notes: str = ""


def _check_session(data: SessionData) -> tuple[str, str]:
    reasons = []
    title, place = clean_text(data.title), clean_text(data.place)
    if not title:
        reasons.append(Reason("INVALID_INPUT", "Tên phiên họp là bắt buộc.", "", "title"))
    if not place:
        reasons.append(Reason("INVALID_INPUT", "Địa điểm là bắt buộc.", "", "place"))
    if data.ballot_closes_at <= data.ballot_opens_at:
        reasons.append(
            Reason(
                "INVALID_INPUT",
                "Thời điểm kết thúc bỏ phiếu phải sau thời điểm bắt đầu.",
                "",
                "ballot_closes_at",
            )
        )
    if reasons:
        raise refusal(reasons)
    return title[:255], place[:255]


def create_session(actor: Any, council: Council, data: SessionData) -> Session:
    _manage(actor, council)
    title, place = _check_session(data)
    with transaction.atomic():
        session = Session.objects.create(
            council=council,
            title=title,
            held_on=data.held_on,
            place=place,
            ballot_opens_at=data.ballot_opens_at,
            ballot_closes_at=data.ballot_closes_at,
            chaired_by=clean_text(data.chaired_by)[:200],
            notes=clean_text(data.notes, multiline=True),
        )
        _event(actor, "council.session_create", session, council, after=snapshot(session))
    return session


def add_agenda_item(actor: Any, session: Session, nominee: Nominee) -> AgendaItem:
    """Put an appraised nominee addressed to the council's body on a planned session."""
    _manage(actor, session.council)
    with transaction.atomic():
        session = _lock_session(session)
        _require_status(session, SessionStatus.PLANNED)
        ready = queries.nominees_ready_for_council(session.council, session.held_on).filter(
            pk=nominee.pk
        )
        if not ready.exists():
            raise DomainError(
                "NOMINEE_NOT_READY",
                "Đối tượng này chưa qua thẩm định, không thuộc thẩm quyền của Hội đồng, "
                "hoặc đã có trong chương trình một phiên họp khác.",
            )
        position = session.items.count() + 1
        item = AgendaItem.objects.create(session=session, nominee=nominee, position=position)
        save_versioned(session, session.version)
        _event(
            actor,
            "council.agenda_add",
            session,
            session.council,
            after={"nominee": nominee.pk, "item": item.pk},
        )
    return item


def remove_agenda_item(actor: Any, item: AgendaItem) -> None:
    _manage(actor, item.session.council)
    with transaction.atomic():
        session = _lock_session(item.session)
        _require_status(session, SessionStatus.PLANNED)
        nominee_id = item.nominee_id
        item.delete()
        save_versioned(session, session.version)
        _event(
            actor, "council.agenda_remove", session, session.council, before={"nominee": nominee_id}
        )


def open_session(
    actor: Any, session: Session, present_member_ids: Collection[int], version: int
) -> Session:
    """Open the session: freeze the electorate (a copy of the seats in force on the meeting
    day), record who attended, check the quorum of the default rule, create the ballot slots."""
    _manage(actor, session.council)
    with transaction.atomic():
        session = _lock_session(session)
        _require_status(session, SessionStatus.PLANNED)
        if session.version != version:
            raise ConcurrentChange()
        members = list(queries.members_on(session.council, session.held_on))
        if not session.items.exists():
            raise DomainError("EMPTY_AGENDA", "Chương trình phiên họp chưa có đối tượng nào.")
        blocked = queries.blocked_items(session)
        if blocked:
            raise DomainError(
                "NOMINEE_BLOCKED",
                "Đối tượng đang bị khiếu nại chưa giải quyết, phải rút khỏi chương trình trước "
                "khi khai mạc: " + "; ".join(str(i.nominee.subject) for i in blocked) + ".",
            )
        unknown = set(present_member_ids) - {m.pk for m in members}
        if unknown:
            raise _invalid("Danh sách có mặt có người không phải thành viên Hội đồng.", "present")
        default = (
            VotingRule.objects.filter(award_code="", level="", effective_from__lte=session.held_on)
            .order_by("-effective_from")
            .first()
        )
        present = [m for m in members if m.pk in set(present_member_ids)]
        if default is not None:
            rule = queries.to_rule(default)
            count = tally_rules.Count(members=len(members), present=len(present))
            if not tally_rules.quorum_met(rule, count):
                raise DomainError(
                    "NO_QUORUM",
                    f"Không đủ túc số để khai mạc: {len(present)}/{len(members)} thành viên có "
                    f"mặt, cần ít nhất {rule.quorum_numerator}/{rule.quorum_denominator}.",
                )
        electors = Elector.objects.bulk_create(
            Elector(
                session=session,
                member=m,
                user=m.user,
                person=m.person,
                full_name=m.full_name,
                title=m.title,
                role=m.role,
                present=m.pk in set(present_member_ids),
                sort_key=m.sort_key,
            )
            for m in members
        )
        for item in session.items.all():
            Ballot.objects.bulk_create(Ballot(item=item) for _ in electors)
        session.status = SessionStatus.OPEN
        session.opened_at = timezone.now()
        save_versioned(session, version, ["status", "opened_at"])
        _event(
            actor,
            "council.session_open",
            session,
            session.council,
            after={"electorate": len(electors), "present": len(present)},
        )
    return session


def record_attendance(actor: Any, elector: Elector, present: bool) -> Elector:
    """Mark a member of the frozen electorate present or absent (a late arrival)."""
    _manage(actor, elector.session.council)
    with transaction.atomic():
        session = _lock_session(elector.session)
        _require_status(session, SessionStatus.OPEN)
        elector = Elector.objects.get(pk=elector.pk)
        if elector.receipts.exists():
            raise DomainError("ALREADY_VOTED", "Thành viên đã bỏ phiếu; không thể sửa việc có mặt.")
        elector.present = present
        elector.save(update_fields=["present"])
        _event(
            actor,
            "council.attendance",
            session,
            session.council,
            after={"elector": elector.full_name, "present": present},
        )
    return elector


def record_recusal(actor: Any, item: AgendaItem, elector: Elector, reason: str) -> Recusal:
    _manage(actor, item.session.council)
    reason = clean_text(reason, multiline=True)
    if not reason:
        raise _invalid("Cần ghi lý do không tham gia biểu quyết.", "reason")
    with transaction.atomic():
        session = _lock_session(item.session)
        _require_status(session, SessionStatus.OPEN)
        if elector.session_id != session.pk:
            raise NotFound()
        if VoteReceipt.objects.filter(item=item, elector=elector).exists():
            raise DomainError(
                "ALREADY_VOTED", "Thành viên đã bỏ phiếu cho đối tượng này; không thể ghi rút lui."
            )
        if Recusal.objects.filter(item=item, elector=elector).exists():
            raise DomainError(
                "ALREADY_RECUSED", "Thành viên đã được ghi không tham gia biểu quyết."
            )
        recusal = Recusal.objects.create(
            item=item, elector=elector, reason=reason, recorded_by=actor
        )
        # The slot kept for this member is not needed: the ballot table holds one per voter.
        slot = Ballot.objects.filter(item=item, choice="").first()
        if slot is not None:
            slot.delete()
        _event(
            actor,
            "council.recusal",
            item,
            session.council,
            after={"item": item.pk, "elector": elector.full_name, "reason": reason},
        )
    return recusal


def _fill_slot(item: AgendaItem, choice: str) -> None:
    """Fill one empty ballot slot of the item, chosen at random."""
    empty = list(Ballot.objects.filter(item=item, choice="").values_list("id", flat=True))
    if not empty:
        raise DomainError("NO_BALLOT", "Không còn phiếu trống cho đối tượng này.")
    Ballot.objects.filter(pk=secrets.choice(empty)).update(choice=choice)


def _check_can_vote(item: AgendaItem, elector: Elector) -> None:
    if Recusal.objects.filter(item=item, elector=elector).exists():
        raise DomainError("RECUSED", "Thành viên không tham gia biểu quyết đối tượng này.")
    if VoteReceipt.objects.filter(item=item, elector=elector).exists():
        raise DomainError("ALREADY_VOTED", "Thành viên đã bỏ phiếu cho đối tượng này.")


def cast_ballots(actor: Any, session: Session, choices: Mapping[int, str]) -> int:
    """The member casts their own secret ballots ({item id: choice}); all or nothing."""
    _require(actor, Permission.VOTE, session.council.body)
    elector = queries.elector_of(actor, session)
    if elector is None:
        raise PermissionDenied("Bạn không thuộc danh sách thành viên biểu quyết của phiên họp này.")
    if not choices:
        raise _invalid("Chưa chọn phiếu nào.", "choices")
    if any(choice not in Choice.values for choice in choices.values()):
        raise _invalid("Phiếu không hợp lệ.", "choices")
    with transaction.atomic():
        session = _lock_session(session)
        _require_status(session, SessionStatus.OPEN)
        now = timezone.now()
        if not session.ballot_opens_at <= now < session.ballot_closes_at:
            raise DomainError(
                "OUTSIDE_WINDOW",
                "Ngoài thời gian bỏ phiếu ("
                f"{timezone.localtime(session.ballot_opens_at):%H:%M %d/%m/%Y} – "
                f"{timezone.localtime(session.ballot_closes_at):%H:%M %d/%m/%Y}).",
            )
        if not elector.present:
            raise DomainError(
                "ABSENT",
                "Thành viên vắng mặt gửi phiếu bằng văn bản qua Thư ký Hội đồng.",
            )
        items = {i.pk: i for i in session.items.filter(pk__in=list(choices))}
        if len(items) != len(choices):
            raise NotFound()
        for item_id in sorted(choices):
            item = items[item_id]
            _check_can_vote(item, elector)
            VoteReceipt.objects.create(item=item, elector=elector)
            _fill_slot(item, choices[item_id])
            # The event says that a ballot was cast on the item, never what it says.
            record_event(
                actor=actor,
                action="council.ballot_cast",
                object_type="council.agendaitem",
                object_id=str(item.pk),
                object_repr=str(item)[:300],
                unit_path=session.council.body.path,
            )
    return len(choices)


def record_written_ballot(actor: Any, item: AgendaItem, elector: Elector, choice: str) -> None:
    """The secretary enters the written ballot of an absent member: the member is marked as
    having voted (in writing) and the choice goes into the anonymous slots like any other."""
    _manage(actor, item.session.council)
    if choice not in Choice.values:
        raise _invalid("Phiếu không hợp lệ.", "choice")
    with transaction.atomic():
        session = _lock_session(item.session)
        _require_status(session, SessionStatus.OPEN)
        if elector.session_id != session.pk or item.session_id != session.pk:
            raise NotFound()
        elector = Elector.objects.get(pk=elector.pk)
        if elector.present:
            raise DomainError(
                "PRESENT",
                "Thành viên có mặt tự bỏ phiếu điện tử; phiếu văn bản chỉ cho người vắng.",
            )
        row = queries.rule_row_for(item.nominee.award_type, session.held_on)
        if row is not None and row.base == "present":
            raise DomainError(
                "WRITTEN_NOT_COUNTED",
                "Ngưỡng của hình thức này tính trên số thành viên có mặt; "
                "phiếu văn bản của người vắng không được tính.",
            )
        _check_can_vote(item, elector)
        VoteReceipt.objects.create(item=item, elector=elector, written=True)
        _fill_slot(item, choice)
        record_event(
            actor=actor,
            action="council.written_ballot",
            object_type="council.agendaitem",
            object_id=str(item.pk),
            object_repr=str(item)[:300],
            unit_path=session.council.body.path,
            after={"elector": elector.full_name},
        )


def close_session(actor: Any, session: Session, version: int) -> Session:
    """Count every item against its rule, store the tallies, set each nominee's status and
    close the session. Two people closing at once: the second waits for the row lock, then
    finds the session closed (or its version changed) and is refused."""
    _manage(actor, session.council)
    with transaction.atomic():
        session = _lock_session(session)
        _require_status(session, SessionStatus.OPEN)
        if session.version != version:
            raise ConcurrentChange()
        electors = list(session.electors.all())
        members = len(electors)
        present_ids = {e.pk for e in electors if e.present}
        results = {}
        items = session.items.select_related("nominee__award_type").prefetch_related("recusals")
        for item in items:
            row = queries.rule_row_for(item.nominee.award_type, session.held_on)
            if row is None:
                raise DomainError("NO_RULE", "Chưa có quy định ngưỡng biểu quyết.")
            rule = queries.to_rule(row)
            recused_ids = {r.elector_id for r in item.recusals.all()}
            counts = dict(
                Ballot.objects.filter(item=item)
                .exclude(choice="")
                .values("choice")
                .annotate(n=Count("id"))
                .values_list("choice", "n")
            )
            count = tally_rules.Count(
                members=members,
                present=len(present_ids),
                recused=len(recused_ids),
                recused_present=len(recused_ids & present_ids),
                yes=counts.get(Choice.YES, 0),
                no=counts.get(Choice.NO, 0),
                abstain=counts.get(Choice.ABSTAIN, 0),
            )
            result = tally_rules.tally(rule, count)
            item.result = ItemResult.PASSED if result.passed else ItemResult.FAILED
            item.rule = {
                "id": row.pk,
                "base": rule.base,
                "percent": str(rule.percent),
                "comparison": rule.comparison,
                "quorum": f"{rule.quorum_numerator}/{rule.quorum_denominator}",
                "text": tally_rules.describe(rule),
                "basis": rule.basis,
                "confirmed": rule.confirmed,
            }
            item.members, item.present, item.recused = members, len(present_ids), len(recused_ids)
            item.base, item.percent = result.base, result.percent
            item.yes, item.no, item.abstain = result.yes, result.no, result.abstain
            item.written = item.receipts.filter(written=True).count()
            item.reasons = [{"code": r.code, "message": r.message} for r in result.reasons]
            item.save()
            new_status = PASSED_STATUS if result.passed else FAILED_STATUS
            nominee = item.nominee
            old_status = nominee.status
            Nominee.objects.filter(pk=nominee.pk).update(
                status=new_status, version=F("version") + 1
            )
            record_event(
                actor=actor,
                action="council.nominee_result",
                obj=nominee,
                unit_path=session.council.body.path,
                before={"status": old_status},
                after={"status": new_status, "session": session.pk},
            )
            results[item.pk] = item.result
        Ballot.objects.filter(item__session=session, choice="").delete()
        session.status = SessionStatus.CLOSED
        session.closed_at = timezone.now()
        save_versioned(session, version, ["status", "closed_at"])
        _event(actor, "council.session_close", session, session.council, after={"results": results})
    return session
