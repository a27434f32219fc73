"""Test data of the reports app: award records of the personas' communes."""

from __future__ import annotations

from thidua.awards.models import AwardRecord, AwardType
from thidua.core.testing.personas import World


def award(world: World, code: str, year: int, **subject) -> AwardRecord:  # type: ignore[no-untyped-def]
    return AwardRecord.objects.create(
        award_type=AwardType.objects.get(code=code), year=year, **subject
    )


def history(world: World, n: int = 2, year: int = 2025) -> list[AwardRecord]:
    """`n` records in `year`, cycling through: a man of commune A (LĐTT), a woman of commune B
    who directly works and produces and is of the Tày people (CSTĐCS), commune A as a
    collective (TTLĐTT), and a Bằng khen of the province for the woman."""
    person_b = world.person_b
    person_b.is_direct_worker = True
    person_b.ethnicity = "Tày"
    person_b.save(update_fields=["is_direct_worker", "ethnicity"])
    cycle = [
        ("LDTT", {"person": world.person_a}),
        ("CSTDCS", {"person": person_b}),
        ("TTLDTT", {"unit": world.unit_a}),
        ("BK_BT", {"person": person_b}),
    ]
    return [award(world, cycle[i % 4][0], year, **cycle[i % 4][1]) for i in range(n)]
