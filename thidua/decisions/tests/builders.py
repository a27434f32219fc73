"""Test data of the decisions app: the province's issuing body and nominees that passed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.awards.models import AwardType
from thidua.core.testing.personas import World
from thidua.decisions import services
from thidua.decisions.models import Decision, IssuingBody
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import Person

DECIDED_ON = date(2026, 1, 15)


def make_body(world: World, symbol: str = "UBND") -> IssuingBody:
    return IssuingBody.objects.create(
        unit=world.province,
        name="Ủy ban nhân dân tỉnh Thử Nghiệm",
        head_lines="ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM",
        symbol=symbol,
        place="Thử Nghiệm",
        authority="Chủ tịch Ủy ban nhân dân cấp tỉnh",
        signer_position="Chủ tịch",
        on_behalf="TM. Ủy ban nhân dân",
    )


def make_nominee(
    world: World,
    *,
    person=None,
    code: str = "BK_BT",
    status: str = "council_passed",
    year: int = 2025,
) -> Nominee:
    dossier = Dossier.objects.create(
        proposing_unit=world.unit_a,
        receiving_unit=world.province,
        kind="annual",
        year=year,
        title=f"Hồ sơ đề nghị khen thưởng năm {year}",
        status="appraised",
    )
    return Nominee.objects.create(
        dossier=dossier,
        person=person or world.person_a,
        award_type=AwardType.objects.get(code=code),
        year=year,
        achievement="Đã có thành tích xuất sắc trong phong trào thi đua năm 2025",
        status=status,
    )


@dataclass
class Drafted:
    body: IssuingBody
    nominee: Nominee
    decision: Decision


_NAMES = iter(f"Lê Văn Người{i}" for i in range(1, 10_000))


def fresh_person(world: World) -> Person:
    from thidua.core.testing.personas import _person

    return _person(next(_NAMES), "male", world.unit_a)


def drafted(
    world: World, *, submitted: bool = True, symbol: str = "UBND", person: Person | None = None
) -> Drafted:
    body = IssuingBody.objects.filter(unit=world.province, symbol=symbol).first() or make_body(
        world, symbol
    )
    nominee = make_nominee(world, person=person)
    decision = services.draft_decision(
        world.users["province_officer"],
        body,
        services.DecisionData(
            summary="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            period="năm 2025",
        ),
        nominees=[nominee],
    )
    if submitted:
        services.submit_decision(
            world.users["province_officer"], decision, expected_version=decision.version
        )
    return Drafted(body, nominee, decision)


def issued(world: World, **kw) -> Drafted:  # type: ignore[no-untyped-def]
    d = drafted(world, **kw)
    services.issue_decision(
        world.users["signer"],
        d.decision,
        expected_version=d.decision.version,
        decided_on=DECIDED_ON,
        signer_name="Võ Trọng Hải",
    )
    d.decision.refresh_from_db()
    d.nominee.refresh_from_db()
    return d
