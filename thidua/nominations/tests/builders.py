"""Shared set-up: commune A files a dossier to the province with person A as a nominee."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from thidua.awards.models import AnnualRating, AwardType
from thidua.nominations import services
from thidua.nominations.models import Dossier, Nominee

# The test world has no movement to register in, so the engine finds LĐTT not eligible
# (REGISTERED); the unit explains why it proposes anyway.
JUSTIFICATION = "Đã đăng ký thi đua tại công đoàn cơ sở; bản đăng ký gửi kèm hồ sơ."
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def year() -> int:
    return timezone.localdate().year - 1


def award(code: str) -> AwardType:
    return AwardType.objects.get(code=code)


def make_dossier(
    world: Any, *, receiving: Any = None, title: str = "Hồ sơ đề nghị khen"
) -> Dossier:
    return services.create_dossier(
        world.users["unit_a_clerk"],
        services.DossierData(
            proposing_unit=world.unit_a,
            receiving_unit=receiving or world.province,
            kind="annual",
            year=year(),
            title=title,
        ),
    )


def rate_well(person: Any, years: int = 1) -> None:
    for y in range(year() - years + 1, year() + 1):
        AnnualRating.objects.get_or_create(person=person, year=y, defaults={"rating": "HTT"})


@dataclass
class Built:
    dossier: Dossier
    nominee: Nominee


def build(world: Any, *, submitted: bool = False, received: bool = False) -> Built:
    """Commune A's dossier with person A proposed for LĐTT (eligible: rated well)."""
    rate_well(world.person_a)
    dossier = make_dossier(world)
    nominee = services.add_nominee(
        world.users["unit_a_clerk"],
        dossier,
        world.person_a,
        services.NomineeData(
            award("LDTT"),
            achievement="Hoàn thành tốt nhiệm vụ được giao.",
            justification=JUSTIFICATION,
        ),
    )
    if submitted or received:
        dossier.refresh_from_db()
        services.submit_dossier(
            world.users["unit_a_clerk"], dossier, expected_version=dossier.version
        )
    if received:
        dossier.refresh_from_db()
        services.receive_dossier(
            world.users["province_officer"], dossier, expected_version=dossier.version
        )
    dossier.refresh_from_db()
    nominee.refresh_from_db()
    return Built(dossier, nominee)
