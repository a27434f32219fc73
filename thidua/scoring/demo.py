"""Demo scoring: progress, criteria tables, scores and published rankings for the Đông Hà
blocks (2020) and the Hà Tĩnh district clusters (2024), and the Đông Hà final review.

Idempotent: a second run changes nothing. Criteria and points are illustrative (the seed
articles give the 12 % growth target, the six task groups and 14/15 targets met in 2019, not
the scores); the commands are run through the services by the demo administrator, so the
ranking pages, the explanation view and the review report show real, reproducible results.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from thidua.accounts.models import User
from thidua.core.text import clean_text
from thidua.movements.models import Movement, TargetReport
from thidua.org.models import Cluster, Unit
from thidua.scoring import services
from thidua.scoring.models import CriteriaTable, ProgressReport, ReportingPeriod

D = Decimal
MARKER = "Bảng tiêu chí chấm điểm thi đua các khối thành phố Đông Hà năm 2020"
DH_BLOCKS = ("QT.DH.KHOI.DANGDOANTHE", "QT.DH.KHOI.QLNN", "QT.DH.KHOI.PHUONG")
HT_CLUSTERS = ("HT.CUM.PHIABAC", "HT.CUM.PHIANAM")

# Đông Hà: the six task groups of the 2020 plan as criteria groups (100 points).
DH_CRITERIA: tuple[Any, ...] = (
    (
        "Thực hiện nhiệm vụ chính trị, chỉ tiêu kế hoạch được giao",
        D(40),
        (
            (
                "1.1",
                "Tỷ lệ hoàn thành các chỉ tiêu kế hoạch được giao (%)",
                "quantitative",
                "target_then_best",
                D(30),
                {"target": "100", "base_share": "0.8"},
            ),
            ("1.2", "Đăng ký và ký kết giao ước thi đua đúng hạn", "yes_no", "yes_no", D(10), {}),
        ),
    ),
    (
        "Cải cách hành chính, cải thiện môi trường đầu tư",
        D(20),
        (
            (
                "2.1",
                "Số sáng kiến, mô hình cải cách hành chính được công nhận",
                "per_occurrence",
                "per_occurrence",
                D(20),
                {"points_each": "5"},
            ),
        ),
    ),
    (
        "Xây dựng đô thị, an sinh xã hội, quốc phòng – an ninh",
        D(25),
        (
            (
                "3.1",
                "Tỷ lệ hộ nghèo giảm so với kế hoạch (%)",
                "quantitative",
                "ratio_to_target",
                D(15),
                {"target": "100"},
            ),
            ("3.2", "Không để xảy ra điểm nóng về an ninh trật tự", "yes_no", "yes_no", D(10), {}),
        ),
    ),
    (
        "Công tác thi đua, khen thưởng và nhân rộng điển hình",
        D(15),
        (
            (
                "4.1",
                "Số điển hình tiên tiến được biểu dương",
                "per_occurrence",
                "per_occurrence",
                D(15),
                {"points_each": "3"},
            ),
            (
                "4.2",
                "Vi phạm chế độ báo cáo, chậm tiến độ",
                "bonus_penalty",
                "bonus_penalty",
                D(10),
                {"points_each": "-2", "floor": "-10", "ceiling": "0"},
            ),
        ),
    ),
)

# Hà Tĩnh district clusters: a 1,000-point table (the scale many provinces use).
HT_CRITERIA: tuple[Any, ...] = (
    (
        "Phát triển kinh tế – xã hội",
        D(600),
        (
            (
                "1.1",
                "Tốc độ tăng trưởng giá trị sản xuất (%)",
                "quantitative",
                "target_then_best",
                D(300),
                {"target": "8", "base_share": "0.8"},
            ),
            (
                "1.2",
                "Số xã đạt chuẩn nông thôn mới nâng cao trong năm",
                "per_occurrence",
                "per_occurrence",
                D(300),
                {"points_each": "60"},
            ),
        ),
    ),
    (
        "Xây dựng hệ thống chính trị, thi đua khen thưởng",
        D(400),
        (
            (
                "2.1",
                "Hoàn thành công trình chào mừng theo kế hoạch",
                "yes_no",
                "yes_no",
                D(200),
                {},
            ),
            (
                "2.2",
                "Số mô hình, điển hình tiên tiến được nhân rộng",
                "per_occurrence",
                "per_occurrence",
                D(200),
                {"points_each": "40"},
            ),
            (
                "2.3",
                "Vi phạm, để xảy ra khiếu kiện đông người",
                "bonus_penalty",
                "bonus_penalty",
                D(100),
                {"points_each": "-25", "floor": "-100", "ceiling": "0"},
            ),
        ),
    ),
)


def _pick(seed: str, low: int, high: int) -> int:
    """A stable pseudo-random figure per unit and criterion (the same on every run)."""
    h = int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16)
    return low + h % (high - low + 1)


def _raw(code: str, kind: str, unit: Unit, scale: dict[str, tuple[int, int]]) -> Decimal:
    low, high = scale.get(code, (0, 1))
    value = _pick(f"{unit.code}:{code}", low, high)
    if kind == "yes_no":
        return D(1 if _pick(f"{unit.code}:{code}:yn", 0, 9) > 0 else 0)
    return D(value)


def _table(
    actor: Any,
    name: str,
    year: int,
    organiser: Unit,
    total: Decimal,
    groups: Any,
    movement: Movement | None,
    **policy: Any,
) -> CriteriaTable:
    table = services.create_criteria_table(
        actor, services.TableData(name, year, organiser, total, movement=movement, **policy)
    )
    for title, points, criteria in groups:
        group = services.add_criterion_group(actor, table, title=title, max_points=points)
        for code, ctitle, kind, formula, mx, params in criteria:
            services.add_criterion(
                actor, group, services.CriterionData(code, ctitle, kind, formula, mx, params)
            )
    services.adopt_criteria_table(actor, table, expected_version=table.version)
    return table


def _score_cluster(
    actor: Any, table: CriteriaTable, cluster: Cluster, scale: dict[str, tuple[int, int]], day: date
) -> Any:
    sheets = services.open_scoring(actor, table, cluster)
    for sheet in sheets:
        entries = list(sheet.entries.select_related("criterion"))
        values = {
            e.criterion_id: services.EntryInput(
                _raw(e.criterion.code, e.criterion.kind, sheet.unit, scale),
                "Báo cáo tổng kết năm, biểu số liệu kèm theo",
            )
            for e in entries
        }
        services.save_self_scores(actor, sheet, values, expected_version=sheet.version)
        services.submit_self_score(actor, sheet, expected_version=sheet.version)
        # the leader's review trims one occurrence-type criterion where the evidence is thin
        trimmed = {
            e.criterion_id: services.EntryInput(
                max(D(0), (e.self_value or D(0)) - 1), "Một nội dung chưa có minh chứng"
            )
            for e in entries
            if e.criterion.kind == "per_occurrence" and _pick(f"{sheet.unit.code}:trim", 0, 3) == 0
        }
        services.review_sheet(
            actor,
            sheet,
            trimmed,
            comment="Đã đối chiếu hồ sơ, minh chứng.",
            expected_version=sheet.version,
        )
        services.finalise_sheet(actor, sheet, {}, comment="", expected_version=sheet.version)
    board = services.lock_cluster(actor, table, cluster, today=day)
    for member in cluster.members.select_related("unit"):
        services.cast_ranking_vote(actor, board, unit=member.unit, approve=True, comment="Nhất trí")
    services.publish_ranking(actor, board, expected_version=board.version, today=day)
    return board


def _progress(movement: Movement, actor: Any) -> int:
    """Quarterly periods of the Đông Hà 2020 movement and the city's growth figures (the
    movement is closed: these are history, written directly)."""
    services.generate_reporting_periods(actor, movement, frequency="quarterly", due_days=10)
    target = movement.targets.first()
    if target is None:
        return 0
    figures = {1: "11.2", 2: "11.6", 3: "11.9", 4: "12.3"}
    n = 0
    for i, period in enumerate(
        ReportingPeriod.objects.filter(movement=movement).order_by("start"), start=1
    ):
        value = D(figures.get(i, "12.3"))
        ProgressReport.objects.create(
            target=target,
            unit=movement.organiser,
            period=period,
            value=value,
            comment=clean_text(f"Ước tính tăng trưởng lũy kế {period.label}"),
            submitted_on=period.due,
            submitted_by=actor,
            source="form",
        )
        TargetReport.objects.create(
            target=target,
            unit=movement.organiser,
            value=value,
            reported_on=period.end,
            note=f"Kỳ báo cáo: {period.label}",
            reported_by=actor,
        )
        n += 1
    return n


def load_demo() -> dict[str, Any]:
    if CriteriaTable.objects.filter(name=MARKER).exists():
        return {"created": False, "message": ""}
    actor = User.objects.filter(username="quantri").first()
    dong_ha = Unit.objects.filter(code="QT.DH").first()
    movement = Movement.objects.filter(organiser__code="QT.DH", start_date=date(2020, 1, 1)).first()
    ha_tinh = Unit.objects.filter(code="HT").first()
    if actor is None or dong_ha is None or movement is None or ha_tinh is None:
        return {"created": False, "message": "thiếu dữ liệu mẫu của tổ chức hoặc phong trào"}
    rankings = 0
    with transaction.atomic():
        reports = _progress(movement, actor)
        table = _table(
            actor,
            MARKER,
            2020,
            dong_ha,
            D(100),
            DH_CRITERIA,
            movement,
            leading_count=1,
            flag_count=1,
            merit_count=2,
        )
        scale = {"1.1": (92, 112), "2.1": (1, 5), "3.1": (85, 110), "4.1": (2, 6), "4.2": (0, 3)}
        for code in DH_BLOCKS:
            cluster = Cluster.objects.filter(code=code, year=2020).first()
            if cluster is not None:
                _score_cluster(actor, table, cluster, scale, date(2020, 12, 20))
                rankings += 1
        services.record_review(
            actor,
            movement,
            services.ReviewData(
                "final",
                date(2020, 12, 30),
                "Hội trường UBND thành phố Đông Hà",
                "Chủ tịch UBND thành phố, Chủ tịch Hội đồng Thi đua, Khen thưởng thành phố",
                "Thành viên Hội đồng Thi đua, Khen thưởng thành phố; đại diện lãnh đạo các cơ quan, đơn vị thuộc 3 khối thi đua",
                "Phong trào thi đua năm 2020 “Đồng thuận cao, thi đua giỏi, về đích sớm” được triển khai sâu rộng; "
                "tốc độ tăng trưởng ước đạt 12,3 %, vượt chỉ tiêu 12 %.\n"
                "Đề nghị UBND tỉnh tặng Cờ thi đua cho đơn vị dẫn đầu mỗi khối và Bằng khen cho các đơn vị xếp thứ hai, thứ ba.",
            ),
        )
        ht = _table(
            actor,
            "Bảng tiêu chí chấm điểm thi đua các cụm huyện, thành phố, thị xã tỉnh Hà Tĩnh năm 2024",
            2024,
            ha_tinh,
            D(1000),
            HT_CRITERIA,
            None,
            leading_count=1,
            flag_count=1,
            merit_count=2,
        )
        scale = {"1.1": (6, 11), "1.2": (2, 6), "2.2": (2, 6), "2.3": (0, 2)}
        for code in HT_CLUSTERS:
            cluster = Cluster.objects.filter(code=code, year=2024).first()
            if cluster is not None:
                _score_cluster(actor, ht, cluster, scale, date(2024, 12, 20))
                rankings += 1
    return {
        "created": True,
        "message": f"đã nạp {reports} báo cáo tiến độ, 2 bảng tiêu chí, {rankings} bảng xếp hạng cụm/khối đã công bố và hội nghị tổng kết Đông Hà 2020",
    }
