"""A council of the personas' province with ten members, and appraised nominees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.awards.models import AwardType
from thidua.core.testing.personas import World
from thidua.council import services
from thidua.council.models import AgendaItem, Council, CouncilMember, Session
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import Person

HELD_ON = date(2025, 12, 10)


@dataclass
class Built:
    council: Council
    members: list[CouncilMember]  # ten seats; the first is the persona "council_member"
    voters: list[User]
    session: Session
    cstd: AgendaItem  # CSTDBT for person A (≥ 90 % of all members)
    bk: AgendaItem  # BK_BT for the collective unit B (> 50 % of all members)
    nominee_cstd: Nominee
    nominee_bk: Nominee


def nominee(world: World, code: str, *, person: Person | None = None, unit: Any = None) -> Nominee:
    dossier = Dossier.objects.create(
        proposing_unit=world.unit_a,
        receiving_unit=world.province,
        kind="annual",
        year=2025,
        title="Hồ sơ đề nghị năm 2025",
        status="appraised",
    )
    return Nominee.objects.create(
        dossier=dossier,
        award_type=AwardType.objects.get(code=code),
        year=2025,
        person=person,
        unit=unit,
        status="appraised",
    )


def window() -> tuple[datetime, datetime]:
    now = timezone.now()
    return now - timedelta(hours=1), now + timedelta(hours=2)


def build(world: World, *, members: int = 10) -> Built:
    cached = getattr(world, "_council_built", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    secretary = world.users["council_secretary"]
    council = services.create_council(secretary, world.province, "Hội đồng TĐKT tỉnh Thử Nghiệm")
    voters = [world.users["council_member"]]
    for i in range(1, members):
        user = User.objects.create_user(
            username=f"uv{i}", password="matkhau-thu-nghiem", full_name=f"Ủy viên {i}"
        )
        RoleAssignment.objects.create(user=user, role=Role.COUNCIL_MEMBER, unit=world.province)
        voters.append(user)
    seats = []
    for i, user in enumerate(voters):
        seats.append(
            services.add_member(
                secretary,
                council,
                services.MemberData(
                    full_name=user.full_name,
                    title="Ủy viên",
                    role="chair" if i == 0 else "member",
                    valid_from=date(2024, 1, 1),
                    user=user,
                ),
            )
        )
    opens, closes = window()
    session = services.create_session(
        secretary,
        council,
        services.SessionData(
            title="Phiên họp xét khen thưởng năm 2025",
            held_on=HELD_ON,
            place="Phòng họp UBND tỉnh",
            ballot_opens_at=opens,
            ballot_closes_at=closes,
        ),
    )
    n_cstd = nominee(world, "CSTDBT", person=world.person_a)
    n_bk = nominee(world, "BK_BT", unit=world.unit_b)
    cstd = services.add_agenda_item(secretary, session, n_cstd)
    bk = services.add_agenda_item(secretary, session, n_bk)
    session.refresh_from_db()
    built = Built(council, seats, voters, session, cstd, bk, n_cstd, n_bk)
    world._council_built = built  # type: ignore[attr-defined]
    return built


def open_all_present(world: World, built: Built, absent: int = 0) -> Session:
    secretary = world.users["council_secretary"]
    present = [m.pk for m in built.members[: len(built.members) - absent]]
    built.session.refresh_from_db()
    session = services.open_session(secretary, built.session, present, built.session.version)
    built.session = session
    return session
