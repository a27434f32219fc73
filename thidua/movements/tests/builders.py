"""Shared test set-up: a launched provincial movement that communes A and B take part in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.movements import services
from thidua.movements.models import Movement, Notification, Pledge, Registration, Target, Work
from thidua.org import services as org_services
from thidua.org.models import Cluster

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92"
    b"\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def movement_data(world: Any, **overrides: Any) -> services.MovementData:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "name": "Phong trào thi đua thử nghiệm",
        "kind": "thematic",
        "launch_level": "province",
        "organiser": world.province,
        "document_type": "directive",
        "document_number": "01-CT/TU",
        "document_date": date(2023, 12, 20),
        "document_issuer": "Ban Thường vụ Tỉnh ủy",
        "start_date": date(2024, 1, 1),
        "end_date": date(2030, 12, 31),
        "registration_deadline": today + timedelta(days=5),
        "key_programmes": ("Chương trình một", "Chương trình hai"),
        "milestones": (("interim", date(2027, 6, 30), ""), ("final", date(2030, 12, 31), "")),
    }
    values.update(overrides)
    return services.MovementData(**values)


def draft(world: Any, **overrides: Any) -> Movement:
    return services.create_movement(
        world.users["province_officer"], movement_data(world, **overrides)
    )


@dataclass
class Built:
    movement: Movement
    target: Target
    registration: Registration
    work: Work
    cluster: Cluster
    pledge: Pledge
    photo_id: int
    notification: Notification


def build(world: Any) -> Built:
    """Once per world: the movement with everything attached (through the services)."""
    cached = getattr(world, "_movement_fixture", None)
    if cached is not None:
        return cached
    officer = world.users["province_officer"]
    clerk = world.users["unit_a_clerk"]
    movement = services.create_movement(
        officer,
        movement_data(world),
        document_file=SimpleUploadedFile(
            "ct.pdf", b"%PDF-1.4 test", content_type="application/pdf"
        ),
    )
    services.set_participants(
        officer,
        movement,
        scope_kind="subtree",
        levels=("district", "commune"),
        expected_version=movement.version,
    )
    target = services.add_target(
        officer,
        movement,
        services.TargetData(
            "Nhà ở cho hộ nghèo", "between", "sum", Decimal(50), Decimal(70), "nhà"
        ),
    )
    services.add_quota_rule(officer, movement, min_count=1, unit_level="commune")
    services.launch_movement(officer, movement, expected_version=movement.version)
    services.start_movement(officer, movement, expected_version=movement.version)
    registration = services.register_unit(clerk, movement, world.unit_a)
    work = services.add_work(
        clerk, movement, world.unit_a, services.WorkData("Nhà văn hóa thôn Một", "inauguration")
    )
    services.report_target_value(
        clerk, target, unit=world.unit_a, value=Decimal(10), reported_on=timezone.localdate()
    )
    cluster = org_services.create_cluster(
        officer,
        code="KT",
        name="Cụm thi đua thử nghiệm",
        kind="cluster",
        year=2024,
        organiser=world.district,
        members=[world.unit_a, world.unit_b],
        leader=world.unit_a,
    )
    pledge = services.create_pledge(
        officer,
        movement,
        cluster,
        title="Giao ước thi đua năm 2024",
        criteria="Hoàn thành chỉ tiêu\nKhông có vi phạm",
        ceremony_date=date(2024, 3, 6),
        ceremony_place="Hội trường huyện",
        witnesses="Hội đồng Thi đua - Khen thưởng tỉnh",
    )
    photo = services.add_work_photo(
        clerk, work, image=SimpleUploadedFile("a.png", PNG, content_type="image/png")
    )
    services.send_reminders(today=timezone.localdate(), days=10)
    notification = Notification.objects.get(user=world.users["unit_b_clerk"])
    movement.refresh_from_db()
    built = Built(movement, target, registration, work, cluster, pledge, photo.pk, notification)
    world._movement_fixture = built
    return built
