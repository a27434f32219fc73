"""Demo: exemplary models grounded in the seed articles, with their stages, a replication and
one conference (idempotent: a model whose title exists is left alone).

- Hà Tĩnh, "Đổi mới – Sáng tạo – Hiệu quả" (2020–2025): Phường Trần Phú, which carries on the
  new-rural work of the former communes Thạch Hạ and Thạch Bình that Chỉ thị 32-CT/Th.Uy (2022)
  asked to raise to model standard; and the first person the suggestion list proposes (direct workers first), just
  discovered.
- Bạc Liêu 2020: xã Vĩnh Trạch Đông, whose people built the commune road for the congress
  (the seed's photo caption), in the province where 49/49 communes met new-rural standards.
- Đông Hà 2020: a ward proposed by the city's focal point and honoured at the city's
  Hội nghị điển hình tiên tiến (Quý II/2020, as the seed plans).

Dates, figures and stories beyond the articles are invented and marked "Số liệu minh họa".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from thidua.accounts.models import User
from thidua.exemplars import queries, services
from thidua.exemplars.choices import ConferenceLevel, Sector, Source
from thidua.exemplars.models import Conference, ExemplaryModel
from thidua.movements.models import Movement
from thidua.org.models import Person, Unit

ILLUSTRATIVE = "Số liệu minh họa."
TRANPHU = "Nâng chuẩn nông thôn mới kiểu mẫu thành khu dân cư văn minh – Phường Trần Phú"
VINHTRACHDONG = "Chung sức làm đường giao thông nông thôn – xã Vĩnh Trạch Đông"
DONGHA = "Phường văn minh đô thị, tuyến phố văn minh – Phường 5, Đông Hà"
CONFERENCE = "Hội nghị điển hình tiên tiến thành phố Đông Hà năm 2020"


def _unit(code: str) -> Unit | None:
    return Unit.objects.filter(code=code).first()


def _movement(text: str) -> Movement | None:
    return Movement.objects.filter(name__icontains=text).order_by("pk").first()


def _stages(actor: Any, model: ExemplaryModel, steps: list[tuple[str, date, Unit, str]]) -> None:
    for stage, day, unit, note in steps:
        model.refresh_from_db()
        services.record_stage(
            actor,
            model,
            stage=stage,
            day=day,
            responsible_unit=unit,
            note=note,
            expected_version=model.version,
        )


def _tranphu(officer: User, province: Unit) -> int:
    unit = _unit("HT.TRANPHU")
    if unit is None or ExemplaryModel.objects.filter(title=TRANPHU).exists():
        return 0
    model = services.create_model(
        officer,
        unit,
        services.ModelData(
            title=TRANPHU,
            sector=Sector.AGRICULTURE,
            movement=_movement("tỉnh Hà Tĩnh giai đoạn 2020 - 2025"),
            story=(
                "Thực hiện Chỉ thị số 32-CT/Th.Uy ngày 8/4/2022 của Ban Thường vụ Thành ủy Hà "
                "Tĩnh, các xã Thạch Hạ, Thạch Bình tập trung nâng cao tiêu chí nông thôn mới "
                "kiểu mẫu: mỗi thôn đăng ký ít nhất một công trình và một hoạt động văn hóa chào "
                "mừng kỷ niệm 65 năm Ngày Bác Hồ về thăm Hà Tĩnh.\n"
                "Từ 01/7/2025, Phường Trần Phú kế thừa các khu dân cư này và tiếp tục xây dựng "
                "tuyến phố văn minh, vườn mẫu, hàng rào xanh. " + ILLUSTRATIVE
            ),
            achievements=(
                "Tập thể lao động xuất sắc các năm 2021, 2022 (xã Thạch Trung, xã Thạch Hạ – "
                "đơn vị tiền thân).\n12 khu dân cư đạt chuẩn kiểu mẫu. " + ILLUSTRATIVE
            ),
        ),
        discovered_on=date(2022, 6, 20),
        responsible_unit=province,
    )
    _stages(
        officer,
        model,
        [
            (
                "nurture",
                date(2023, 3, 15),
                province,
                "Tập huấn, hỗ trợ xi măng làm đường. " + ILLUSTRATIVE,
            ),
            (
                "summarise",
                date(2024, 12, 10),
                province,
                "Hội nghị tổng kết mô hình. " + ILLUSTRATIVE,
            ),
            (
                "replicate",
                date(2025, 9, 5),
                province,
                "Triển khai nhân rộng ở các phường mới. " + ILLUSTRATIVE,
            ),
        ],
    )
    adopter = _unit("HT.THANHSEN")
    if adopter is not None:
        services.record_replication(
            officer,
            model,
            services.ReplicationData(
                unit=adopter,
                adopted_on=date(2025, 10, 1),
                result="Phường Thành Sen áp dụng cách làm tuyến phố văn minh. " + ILLUSTRATIVE,
                measure="tuyến phố đạt chuẩn",
                measured_value=Decimal(4),
            ),
        )
    model.refresh_from_db()
    services.publish(officer, model, expected_version=model.version)
    return 1


def _direct_worker(officer: User, province: Unit) -> int:
    if ExemplaryModel.objects.filter(
        source=Source.SUGGESTION, home_unit__path__startswith=province.path
    ).exists():
        return 0
    people = [s for s in queries.suggestions(officer) if s.subject.key[0] == "person"]
    # People who directly work and produce first (the list is already ordered that way).
    if not people:
        return 0
    chosen = next((s for s in people if s.subject.is_direct_worker), people[0])
    kind, pk = chosen.subject.key
    model = services.create_from_suggestion(officer, kind, pk)
    person = Person.objects.get(pk=pk)
    model.refresh_from_db()
    services.update_model(
        officer,
        model,
        services.ModelData(
            title=f"Gương sáng kiến vì công việc chung – {person.full_name}",
            sector=Sector.ADMINISTRATION,
            movement=_movement("tỉnh Hà Tĩnh giai đoạn 2020 - 2025"),
            story=(
                f"{person.full_name} ({person.position or 'cán bộ'}, {person.unit.name if person.unit else ''}) "
                "nhiều năm liền đạt danh hiệu thi đua và có sáng kiến được công nhận cấp tỉnh. "
                + ILLUSTRATIVE
            ),
            achievements=model.achievements,
            initiatives=list(model.initiatives.all()),
        ),
        expected_version=model.version,
    )
    return 1


def _vinh_trach_dong(officer: User) -> int:
    unit = _unit("BL.TPBL.VINHTRACHDONG")
    responsible = _unit("BL") or unit
    if (
        unit is None
        or responsible is None
        or ExemplaryModel.objects.filter(title=VINHTRACHDONG).exists()
    ):
        return 0
    model = services.create_model(
        officer,
        unit,
        services.ModelData(
            title=VINHTRACHDONG,
            sector=Sector.AGRICULTURE,
            movement=_movement("Đợt thi đua lập thành tích chào mừng đại hội Đảng bộ các cấp"),
            story=(
                "Chính quyền và Nhân dân xã Vĩnh Trạch Đông (thành phố Bạc Liêu) đóng góp sức "
                "người, sức của xây dựng lộ giao thông chào mừng đại hội Đảng bộ các cấp.\n"
                "Cách làm: dân bàn, dân góp công, Nhà nước hỗ trợ vật liệu; mỗi hộ nhận chăm "
                "sóc đoạn đường trước nhà. " + ILLUSTRATIVE
            ),
            achievements="Góp phần để 49/49 xã của tỉnh đạt chuẩn nông thôn mới năm 2020.",
        ),
        discovered_on=date(2020, 6, 1),
        responsible_unit=responsible,
    )
    _stages(
        officer,
        model,
        [
            ("nurture", date(2020, 7, 15), responsible, ILLUSTRATIVE),
            ("summarise", date(2020, 8, 25), responsible, "Báo cáo kết quả trước ngày 2/9/2020."),
        ],
    )
    model.refresh_from_db()
    services.publish(officer, model, expected_version=model.version)
    return 1


def _dong_ha(focal: User, admin: User) -> int:
    unit = _unit("QT.DH.P5")
    city = _unit("QT.DH")
    if unit is None or city is None or ExemplaryModel.objects.filter(title=DONGHA).exists():
        return 0
    model = services.create_model(
        focal,
        unit,
        services.ModelData(
            title=DONGHA,
            sector=Sector.URBAN,
            movement=_movement("thành phố Đông Hà"),
            story=(
                "Hưởng ứng phong trào “Xây dựng phường đạt chuẩn văn minh, tuyến phố văn minh "
                "đô thị”, các khu phố của Phường 5 tự quản vệ sinh môi trường, trật tự vỉa hè. "
                + ILLUSTRATIVE
            ),
        ),
    )
    _stages(
        admin,
        model,
        [
            ("discover", date(2020, 3, 20), city, "Tiếp nhận đề xuất của phường."),
            ("nurture", date(2020, 5, 4), city, ILLUSTRATIVE),
            (
                "summarise",
                date(2020, 6, 25),
                city,
                "Tổng kết tại Hội nghị điển hình tiên tiến thành phố.",
            ),
        ],
    )
    if not Conference.objects.filter(name=CONFERENCE).exists():
        model.refresh_from_db()
        services.record_conference(
            admin,
            services.ConferenceData(
                name=CONFERENCE,
                level=ConferenceLevel.DISTRICT,
                held_on=date(2020, 6, 25),
                organiser=city,
                place="Hội trường UBND thành phố Đông Hà",
                attendees=250,
                document_number="",
                note="Tổ chức trong Quý II/2020 theo kế hoạch thi đua năm 2020. " + ILLUSTRATIVE,
                models=[model],
            ),
        )
    return 2


@transaction.atomic
def load_demo() -> dict[str, Any]:
    province = _unit("HT")
    officer = User.objects.filter(username="bantdkt.hatinh").first()
    camau = User.objects.filter(username="camau").first()
    focal = User.objects.filter(username="dongha").first()
    admin = User.objects.filter(username="quantri").first()
    if province is None or officer is None or camau is None or focal is None or admin is None:
        return {
            "created": 0,
            "message": "Chưa có đơn vị, tài khoản demo (chạy demo của org trước).",
        }
    created = _tranphu(officer, province)
    created += _direct_worker(officer, province)
    created += _vinh_trach_dong(camau)
    created += _dong_ha(focal, admin)
    total = ExemplaryModel.objects.count()
    return {
        "created": created,
        "message": f"{total} điển hình tiên tiến (Hà Tĩnh, Bạc Liêu, Đông Hà), 1 hội nghị điển hình.",
    }
