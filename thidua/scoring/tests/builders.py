"""Shared test set-up: a criteria table on the movements fixture, two clusters and sheets.

Cluster 1 (the movements fixture's cluster): commune A leads, commune B is a member.
Cluster 2: communes C and D, without A (its drafts must stay hidden from A's leader).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from thidua.core.testing.personas import _unit
from thidua.movements.tests.builders import build as build_movement
from thidua.org import services as org_services
from thidua.org.models import Cluster, Unit
from thidua.scoring import services
from thidua.scoring.models import CriteriaTable, ReportingPeriod, ScoreSheet

D = Decimal


@dataclass
class Scoring:
    table: CriteriaTable
    cluster: Cluster
    other: Cluster
    unit_c: Unit
    unit_d: Unit
    sheet_a: ScoreSheet
    sheet_b: ScoreSheet
    sheet_c: ScoreSheet
    period: ReportingPeriod
    movement: Any
    target: Any


def make_table(world: Any, movement: Any = None, **overrides: Any) -> CriteriaTable:
    officer = world.users["province_officer"]
    data = services.TableData(
        name=overrides.pop("name", "Bảng chấm điểm thi đua cụm xã năm 2024"),
        year=2024,
        organiser=world.province,
        max_total=D(100),
        movement=movement,
        **overrides,
    )
    table = services.create_criteria_table(officer, data)
    g1 = services.add_criterion_group(officer, table, title="Thực hiện nhiệm vụ", max_points=D(60))
    g2 = services.add_criterion_group(officer, table, title="Công tác khác", max_points=D(40))
    services.add_criterion(
        officer,
        g1,
        services.CriterionData(
            "1.1",
            "Nhà ở cho hộ nghèo",
            "quantitative",
            "target_then_best",
            D(40),
            {"target": "50", "base_share": "0.8"},
        ),
    )
    services.add_criterion(
        officer,
        g1,
        services.CriterionData("1.2", "Ký giao ước đúng hạn", "yes_no", "yes_no", D(20), {}),
    )
    services.add_criterion(
        officer,
        g2,
        services.CriterionData(
            "2.1", "Mô hình hay", "per_occurrence", "per_occurrence", D(40), {"points_each": "10"}
        ),
    )
    services.add_criterion(
        officer,
        g2,
        services.CriterionData(
            "2.2",
            "Vi phạm",
            "bonus_penalty",
            "bonus_penalty",
            D(10),
            {"points_each": "-5", "floor": "-10", "ceiling": "0"},
        ),
    )
    return table


def build(world: Any) -> Scoring:
    cached = getattr(world, "_scoring_fixture", None)
    if cached is not None:
        return cached
    built = build_movement(world)
    officer = world.users["province_officer"]
    unit_c = _unit("T.H.C", "Xã Cẩm Lạc", "commune", "commune", world.district)
    unit_d = _unit("T.H.D", "Xã Đức Hòa", "commune", "commune", world.district)
    other = org_services.create_cluster(
        officer,
        code="KT2",
        name="Cụm thi đua thứ hai",
        kind="cluster",
        year=2024,
        organiser=world.district,
        members=[unit_c, unit_d],
        leader=unit_c,
    )
    period = services.add_reporting_period(
        officer,
        built.movement,
        label="Quý 1/2024",
        start=date(2024, 1, 1),
        end=date(2024, 3, 31),
        due=date(2024, 4, 10),
    )
    table = make_table(world, built.movement)
    services.adopt_criteria_table(officer, table, expected_version=table.version)
    sheets = services.open_scoring(officer, table, built.cluster)
    others = services.open_scoring(officer, table, other)
    by_unit = {s.unit_id: s for s in sheets + others}
    scoring = Scoring(
        table,
        built.cluster,
        other,
        unit_c,
        unit_d,
        by_unit[world.unit_a.pk],
        by_unit[world.unit_b.pk],
        by_unit[unit_c.pk],
        period,
        built.movement,
        built.target,
    )
    world._scoring_fixture = scoring
    return scoring


def values(
    sheet: ScoreSheet, raw: dict[str, str], note: str = ""
) -> dict[int, services.EntryInput]:
    entries = {e.criterion.code: e.criterion_id for e in sheet.entries.select_related("criterion")}
    return {entries[code]: services.EntryInput(D(v), note) for code, v in raw.items()}


def fresh(sheet: ScoreSheet) -> ScoreSheet:
    return ScoreSheet.objects.select_related("table", "cluster", "unit").get(pk=sheet.pk)


RAW_A = {"1.1": "70", "1.2": "1", "2.1": "3", "2.2": "0"}
RAW_B = {"1.1": "55", "1.2": "1", "2.1": "5", "2.2": "1"}


def score_through(world: Any, s: Scoring, *, publish: bool = False) -> Any:
    """Walk both sheets of cluster 1 to locked (and the ranking to published)."""
    clerk_a, clerk_b = world.users["unit_a_clerk"], world.users["unit_b_clerk"]
    leader, officer = world.users["cluster_leader"], world.users["province_officer"]
    for clerk, sheet, raw in ((clerk_a, s.sheet_a, RAW_A), (clerk_b, s.sheet_b, RAW_B)):
        sh = fresh(sheet)
        services.save_self_scores(
            clerk, sh, values(sh, raw, "Báo cáo kèm theo"), expected_version=sh.version
        )
        services.submit_self_score(clerk, sh, expected_version=sh.version)
    sh = fresh(s.sheet_b)
    services.review_sheet(
        leader,
        sh,
        values(sh, {"2.1": "4"}, "Một mô hình chưa có minh chứng"),
        comment="Đã thẩm định",
        expected_version=sh.version,
    )
    sh = fresh(s.sheet_a)
    services.review_sheet(officer, sh, {}, comment="Đúng", expected_version=sh.version)
    sh = fresh(s.sheet_b)
    services.explain_sheet(
        clerk_b,
        sh,
        explanation="Mô hình thứ năm có biên bản nghiệm thu.",
        expected_version=sh.version,
    )
    for sheet in (s.sheet_a, s.sheet_b):
        sh = fresh(sheet)
        services.finalise_sheet(officer, sh, {}, comment="", expected_version=sh.version)
    board = services.lock_cluster(officer, s.table, s.cluster, today=date(2024, 12, 20))
    if publish:
        services.cast_ranking_vote(clerk_a, board, unit=world.unit_a, approve=True)
        services.cast_ranking_vote(clerk_b, board, unit=world.unit_b, approve=True)
        services.publish_ranking(
            officer, board, expected_version=board.version, today=date(2024, 12, 25)
        )
    board.refresh_from_db()
    return board


@dataclass
class Full:
    s: Scoring
    board: Any  # the draft ranking of cluster 1 (its sheets locked)
    report: Any  # A's progress report with an evidence file
    evidence: Any
    sheet_evidence: Any
    review: Any


PDF = b"%PDF-1.4 minh chung"


def build_full(world: Any) -> Full:
    """Everything the pages show: cluster 1 ranked (draft), cluster 2 still self-scoring."""
    cached = getattr(world, "_scoring_full", None)
    if cached is not None:
        return cached
    from django.core.files.uploadedfile import SimpleUploadedFile

    s = build(world)
    clerk = world.users["unit_a_clerk"]
    report = services.report_progress(
        clerk,
        s.target,
        unit=world.unit_a,
        period=s.period,
        value=D(20),
        comment="Quý 1",
        files=[SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")],
        today=date(2024, 4, 5),
    )
    sheet = fresh(s.sheet_a)
    services.save_self_scores(
        clerk,
        sheet,
        {},
        expected_version=sheet.version,
        files=[SimpleUploadedFile("minh-chung.pdf", PDF, content_type="application/pdf")],
    )
    board = score_through(world, s)
    review = services.record_review(
        world.users["province_officer"],
        s.movement,
        services.ReviewData(
            "interim", date(2024, 6, 30), "Hội trường tỉnh", "Phó Chủ tịch UBND tỉnh"
        ),
    )
    full = Full(s, board, report, report.evidence.get(), sheet.evidence.get(), review)
    world._scoring_full = full
    return full
