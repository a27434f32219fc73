"""Prepare the load-test database: province-scale data (reused when present) and the people
the simulated users act as. Writes loadtest/var/fixture.json for locustfile.py.

    THIDUA_DATABASE_URL=postgresql://…/thidua_loadtest_bench .venv/bin/python loadtest/prepare.py

- the data: `thidua bench generate --scale $LOADTEST_SCALE` (default province), regenerated only
  when the database holds another scale (the database name must contain "bench");
- an officer of the province, 40 unit focal points (each in a commune, filing nominations to
  its parent), 60 council members with a confirmed TOTP device;
- a fresh council session, open now, with 120 appraised nominees on its agenda (each run gets
  new ballots);
- a logged-in, two-factor-verified session cookie and an API token for each of them.
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from thidua.accounts.choices import Role  # noqa: E402
from thidua.accounts.models import RoleAssignment, User  # noqa: E402
from thidua.accounts.services import issue_api_token  # noqa: E402
from thidua.awards.models import AwardType  # noqa: E402
from thidua.bench import database  # noqa: E402
from thidua.council import services as council  # noqa: E402
from thidua.council.models import Council, CouncilMember  # noqa: E402
from thidua.movements.models import Movement  # noqa: E402
from thidua.nominations.models import Dossier, Nominee  # noqa: E402
from thidua.org.models import Person, Unit  # noqa: E402

OUT = Path(__file__).resolve().parent / "var" / "fixture.json"
CLERKS = 40
MEMBERS = 60
ITEMS = 120


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _user(username: str, name: str, role: str, unit: Unit) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"full_name": name, "is_active": True, "password": "!"}
    )
    if created:
        RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


def _session(user: User) -> str:
    """A logged-in session as django.contrib.auth.login leaves it, two-factor verified."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if user.needs_two_factor():
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="loadtest", confirmed=True)
        store["otp_device_id"] = device.persistent_id
    store.set_expiry(6 * 3600)
    store.create()
    return str(store.session_key)


def _token(user: User) -> str:
    return issue_api_token(user, user, "loadtest")


def main() -> None:
    scale = os.environ.get("LOADTEST_SCALE", "province")
    state = database.ensure(scale, 42, _say)
    _say(f"Dữ liệu quy mô {state['scale']}: {state['counts']}")
    rng = random.Random(7)
    root = Unit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("pk").first()
    assert root is not None, "no province in the database"
    communes = list(
        Unit.objects.filter(valid_to__isnull=True, path__startswith=root.path, level="commune")
        .exclude(parent__isnull=True)
        .order_by("pk")[:CLERKS]
    )
    assert communes, "no communes to file nominations from"
    with transaction.atomic():
        officer = _user("lt_officer", "Cán bộ Ban Thi đua (tải)", Role.PROVINCE_OFFICER, root)
        secretary = _user("lt_secretary", "Thư ký Hội đồng (tải)", Role.COUNCIL_SECRETARY, root)
        clerks = [
            (
                _user(f"lt_clerk_{i}", f"Đầu mối xã {i} (tải)", Role.UNIT_FOCAL, unit),
                unit,
            )
            for i, unit in enumerate(communes * (CLERKS // len(communes) + 1))
            if i < CLERKS
        ]
        members = [
            _user(f"lt_member_{i}", f"Ủy viên {i} (tải)", Role.COUNCIL_MEMBER, root)
            for i in range(MEMBERS)
        ]
    # the council and its members (once), a fresh open session with appraised nominees (each run)
    body = (
        council.create_council(secretary, root, "Hội đồng TĐKT (tải)")
        if not (Council.objects.filter(name="Hội đồng TĐKT (tải)").exists())
        else Council.objects.get(name="Hội đồng TĐKT (tải)")
    )
    seated = set(CouncilMember.objects.filter(council=body).values_list("user_id", flat=True))
    for i, user in enumerate(members):
        if user.pk not in seated:
            council.add_member(
                secretary,
                body,
                council.MemberData(
                    full_name=user.full_name,
                    title="Ủy viên",
                    role="chair" if i == 0 else "member",
                    valid_from=date(2024, 1, 1),
                    user=user,
                ),
            )
    now = timezone.now()
    session = council.create_session(
        secretary,
        body,
        council.SessionData(
            title=f"Phiên họp thử tải {timezone.localtime(now):%d/%m/%Y %H:%M}",
            held_on=timezone.localdate(),
            place="Phòng họp",
            ballot_opens_at=now - timedelta(minutes=5),
            ballot_closes_at=now + timedelta(hours=3),
        ),
    )
    award = AwardType.objects.get(code="BK_BT")
    people = list(
        Person.objects.filter(unit__path__startswith=root.path)
        .order_by("?")
        .values_list("pk", flat=True)[: ITEMS + 2000]
    )
    proposing = communes[0]
    dossier = Dossier.objects.create(
        proposing_unit=proposing,
        receiving_unit=root,
        kind="annual",
        year=timezone.localdate().year,
        title="Hồ sơ thử tải",
        status="appraised",
    )
    for pk in people[:ITEMS]:
        nominee = Nominee.objects.create(
            dossier=dossier,
            award_type=award,
            year=timezone.localdate().year,
            person_id=pk,
            status="appraised",
        )
        council.add_agenda_item(secretary, session, nominee)
    session.refresh_from_db()
    present = list(CouncilMember.objects.filter(council=body).values_list("pk", flat=True))
    session = council.open_session(secretary, session, present, session.version)
    item_ids = list(session.items.order_by("position").values_list("pk", flat=True))

    clerk_people = {
        unit.pk: list(Person.objects.filter(unit=unit).values_list("pk", flat=True)[:500])
        for unit in communes
    }
    fixture = {
        "officer": {"session": _session(officer), "token": _token(officer)},
        "clerks": [
            {
                "session": _session(user),
                "token": _token(user),
                "unit_id": unit.pk,
                "receiving_unit_id": unit.parent_id,
                "person_ids": clerk_people.get(unit.pk) or people[ITEMS : ITEMS + 200],
            }
            for user, unit in clerks
        ],
        "members": [{"session": _session(u), "token": _token(u)} for u in members],
        "council_session_id": session.pk,
        "item_ids": item_ids,
        "person_ids": people[ITEMS:],
        "unit_ids": list(
            Unit.objects.filter(path__startswith=root.path)
            .order_by("?")
            .values_list("pk", flat=True)[:500]
        ),
        "movement_ids": list(Movement.objects.order_by("-pk").values_list("pk", flat=True)[:50]),
        "search_terms": ["Nguyễn", "Trần Thị", "Hùng", "Lan", "Phạm Văn", "Mai", "Sở", "Trường"],
        "year": timezone.localdate().year,
    }
    rng.shuffle(fixture["person_ids"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, ensure_ascii=False), encoding="utf-8")
    _say(
        f"Đã chuẩn bị {len(fixture['clerks'])} đầu mối, {len(members)} ủy viên, phiên họp "
        f"#{session.pk} với {len(item_ids)} đối tượng; {OUT}"
    )


if __name__ == "__main__":
    main()
