"""Demo: the Hà Tĩnh provincial council's session on the 2025 nominations (idempotent).

Runs after the nominations demo. The province's appraised 2025 nominees go on one session of
the provincial council (ten members: the chair is the Chủ tịch UBND tỉnh, the standing
vice-chair the Giám đốc Sở Nội vụ); one member is absent and votes in writing, one member
with a conflict of interest is recused on one nominee, every other member votes, the session
is closed and the tallies stored. One nominee for a 90 % title gets 8 of 10 and fails.
The voting window is set around the moment of loading (the services refuse ballots outside
it), then moved to the meeting day of December 2025 for display.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.council import queries, services
from thidua.council.models import Council, Elector, Session
from thidua.org.models import Person, Unit

COUNCIL_NAME = "Hội đồng Thi đua – Khen thưởng tỉnh Hà Tĩnh"
HELD_ON = date(2025, 12, 18)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# (username, full name, position, role); the chair signs decisions as `lanhdao` too.
MEMBERS = [
    ("lanhdao", "Đặng Quốc Khánh", "Chủ tịch UBND tỉnh", "chair"),
    ("hd.snv", "Nguyễn Hồng Lĩnh", "Giám đốc Sở Nội vụ", "standing_vice_chair"),
    ("hd.mttq", "Trần Thị Nguyệt Thu", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "vice_chair"),
    ("hoidong", "Phan Văn Đức", "Trưởng Ban Thi đua – Khen thưởng, Sở Nội vụ", "member"),
    ("hd.stc", "Lê Văn Khánh", "Giám đốc Sở Tài chính", "member"),
    ("hd.sgd", "Thái Văn Thành", "Giám đốc Sở Giáo dục và Đào tạo", "member"),
    ("hd.syt", "Nguyễn Thị Hương", "Giám đốc Sở Y tế", "member"),
    ("hd.ldld", "Hồ Thị Thanh", "Chủ tịch Liên đoàn Lao động tỉnh", "member"),
    ("hd.tdoan", "Phạm Thị Mỹ", "Bí thư Tỉnh đoàn", "member"),
    ("hd.lhpn", "Trương Thị Hoài", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "member"),
]
ABSENT = "hd.ldld"  # on mission: sends a written ballot


def _user(username: str, full_name: str) -> User:
    """A member's demo account: the demo password and the demo authenticator, as the org demo
    gives its own accounts, so that anyone trying the demo can log in as any member and vote."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from thidua.org.demo import DEMO_PASSWORD, DEMO_TOTP_KEY

    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username, password=DEMO_PASSWORD, full_name=full_name
        )
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="demo", confirmed=True, key=DEMO_TOTP_KEY)
    return user


def _conflicted_person(nominees: list[Any]) -> tuple[Any, Person] | None:
    """A leader of the first person nominee's unit (or its parent), to sit on the council and
    be recused on that nominee; else a colleague of the nominee's unit."""
    words = queries.leadership_words()
    for nominee in nominees:
        if nominee.person_id is None or nominee.person.unit_id is None:
            continue
        unit = nominee.person.unit
        colleagues = Person.objects.filter(unit_id__in=[unit.pk, unit.parent_id]).exclude(
            pk=nominee.person_id
        )
        for person in colleagues.order_by("sort_key")[:200]:
            if any(w.casefold() in person.position.casefold() for w in words):
                return nominee, person
        colleague = colleagues.filter(unit=unit).order_by("sort_key").first()
        if colleague is not None:
            return nominee, colleague
    return None


def run(province: Unit, secretary: Any, held_on: date = HELD_ON) -> dict[str, Any]:
    """The session for `province` (used by `load_demo` and its test)."""
    if Council.objects.filter(body=province).exists():
        return {"created": False}
    probe = Council(body=province, name=COUNCIL_NAME)
    nominees = list(queries.nominees_ready_for_council(probe, held_on))
    if not nominees:
        return {
            "created": False,
            "message": "chưa có đối tượng nào đã qua thẩm định để Hội đồng xét; bỏ qua phiên họp.",
        }
    with transaction.atomic():
        council = services.create_council(secretary, province, COUNCIL_NAME)
        members = []
        for username, full_name, position, role in MEMBERS:
            user = _user(username, full_name)
            RoleAssignment.objects.get_or_create(user=user, role=Role.COUNCIL_MEMBER, unit=province)
            members.append(
                services.add_member(
                    secretary,
                    council,
                    services.MemberData(full_name, position, role, date(2024, 1, 1), user=user),
                )
            )
        conflict = _conflicted_person(nominees)
        if conflict is not None:
            # The member from the Ban TĐKT is replaced by a leader of the nominee's unit.
            _, person = conflict
            members[3].person = person
            members[3].full_name, members[3].title = person.full_name, person.position
            members[3].save(update_fields=["person", "full_name", "title"])
        now = timezone.now()
        session = services.create_session(
            secretary,
            council,
            services.SessionData(
                title="Phiên họp xét khen thưởng tổng kết năm 2025",
                held_on=held_on,
                place="Phòng họp số 1, UBND tỉnh Hà Tĩnh",
                ballot_opens_at=now - timedelta(minutes=5),
                ballot_closes_at=now + timedelta(hours=1),
                chaired_by="Đặng Quốc Khánh, Chủ tịch UBND tỉnh",
                notes="Hội đồng thống nhất đề nghị Chủ tịch UBND tỉnh khen thưởng các đối tượng "
                "đạt tỷ lệ phiếu theo quy định.",
            ),
        )
        items = [services.add_agenda_item(secretary, session, n) for n in nominees]
        session.refresh_from_db()
        present = [m.pk for m, spec in zip(members, MEMBERS, strict=True) if spec[0] != ABSENT]
        session = services.open_session(secretary, session, present, session.version)
        electors = {e.member_id: e for e in Elector.objects.filter(session=session)}
        recused_item = None
        if conflict is not None:
            nominee, _ = conflict
            recused_item = next(i for i in items if i.nominee_id == nominee.pk)
            found = queries.conflicts_of(session).get(recused_item.pk, [])
            reason = "; ".join(r.message for c in found for r in c.reasons) or "Xung đột lợi ích."
            services.record_recusal(secretary, recused_item, electors[members[3].pk], reason)
        # the 90 % item that fails: preferably one without a recusal (8 of 10 agree)
        strict = [
            i
            for i in items
            if queries.to_rule(queries.rule_row_for(i.nominee.award_type, held_on)).percent >= 90  # type: ignore[arg-type]
        ]
        failing = next((i for i in strict if i != recused_item), strict[0] if strict else items[-1])
        for index, (member, spec) in enumerate(zip(members, MEMBERS, strict=True)):
            elector = electors[member.pk]
            choices = {}
            for item in items:
                if item == recused_item and index == 3:
                    continue
                choice = "yes"
                if item == failing and index in (1, 8):
                    choice = "no" if index == 1 else "abstain"
                choices[item.pk] = choice
            if spec[0] == ABSENT:
                for item_id, choice in choices.items():
                    item = next(i for i in items if i.pk == item_id)
                    services.record_written_ballot(secretary, item, elector, choice)
            else:
                services.cast_ballots(member.user, session, choices)
        session.refresh_from_db()
        session = services.close_session(secretary, session, session.version)
        meeting = datetime(held_on.year, held_on.month, held_on.day, 8, 0, tzinfo=TZ)
        Session.objects.filter(pk=session.pk).update(
            ballot_opens_at=meeting + timedelta(hours=1),
            ballot_closes_at=meeting + timedelta(hours=2),
            opened_at=meeting,
            closed_at=meeting + timedelta(hours=2, minutes=30),
        )
    passed = sum(1 for i in session.items.all() if i.result == "passed")
    return {
        "created": True,
        "message": f"đã nạp 1 phiên họp Hội đồng với {len(items)} đối tượng "
        f"({passed} đạt, {len(items) - passed} không đạt).",
    }


def load_demo() -> dict[str, Any]:
    province = Unit.objects.filter(code="HT").first()
    secretary = User.objects.filter(username="thuky").first()
    if province is None or secretary is None:
        return {"created": False, "message": "chưa có dữ liệu tổ chức mẫu của Hà Tĩnh."}
    return run(province, secretary)
