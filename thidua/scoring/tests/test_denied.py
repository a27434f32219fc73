"""Every scoring command refuses who may not run it, and a refusal changes nothing.

A public command of `thidua.scoring.services` (first parameter `actor`) without a row here
fails `test_every_command_has_a_denied_case`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.db import models

from thidua.core.errors import NotFound, PermissionDenied
from thidua.core.models import Event
from thidua.scoring import models as m
from thidua.scoring import services
from thidua.scoring.tests.builders import RAW_A, Full, build_full, fresh, values

pytestmark = pytest.mark.django_db
D = Decimal

MODELS: tuple[type[models.Model], ...] = (
    m.ReportingPeriod,
    m.ProgressReport,
    m.ProgressEvidence,
    m.CriteriaTable,
    m.CriterionGroup,
    m.Criterion,
    m.ScoreSheet,
    m.ScoreEntry,
    m.ScoreEvidence,
    m.ScoreChange,
    m.Ranking,
    m.RankingRow,
    m.RankingVote,
    m.PeerScore,
    m.Review,
    m.ReviewProposal,
)


def state() -> tuple[object, ...]:
    return (
        {x.__name__: x.objects.count() for x in MODELS},
        list(
            m.ScoreSheet.objects.order_by("pk").values_list("pk", "state", "version", "self_total")
        ),
        list(m.CriteriaTable.objects.order_by("pk").values_list("pk", "state", "version")),
        list(m.Ranking.objects.order_by("pk").values_list("pk", "state", "version")),
        list(m.ProgressReport.objects.order_by("pk").values_list("pk", "value", "version")),
        Event.objects.count(),
    )


NOT_A = ("outsider", "unit_b_clerk", "unit_a_viewer", "council_member", "signer")
NOT_MANAGER = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "council_member",
    "cluster_leader",
    "signer",
)
NOT_LEADER = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "council_member",
    "signer",
)


@dataclass(frozen=True)
class Denied:
    command: Callable[..., object]
    refused: tuple[str, ...]
    run: Callable[[Any, Any, Full], object]


def _draft_table(w: Any, f: Full) -> m.CriteriaTable:
    from thidua.scoring.tests.builders import make_table

    cached = getattr(w, "_draft_table", None)
    if cached is None:
        cached = make_table(w, name="Bảng dự thảo", peer_scoring=True)
        w._draft_table = cached
    return cached


def _c(w: Any, f: Full) -> Any:
    return fresh(f.s.sheet_c)


CASES: dict[str, Denied] = {
    "add_reporting_period": Denied(
        services.add_reporting_period,
        NOT_MANAGER,
        lambda a, w, f: services.add_reporting_period(
            a,
            f.s.movement,
            label="Quý 2/2024",
            start=date(2024, 4, 1),
            end=date(2024, 6, 30),
            due=date(2024, 7, 10),
        ),
    ),
    "generate_reporting_periods": Denied(
        services.generate_reporting_periods,
        NOT_MANAGER,
        lambda a, w, f: services.generate_reporting_periods(
            a, f.s.movement, frequency="monthly", due_days=5
        ),
    ),
    "report_progress": Denied(
        services.report_progress,
        NOT_A,
        lambda a, w, f: services.report_progress(
            a, f.s.target, unit=w.unit_a, period=f.s.period, value=D(99)
        ),
    ),
    "import_progress": Denied(
        services.import_progress,
        ("outsider", "unit_b_clerk", "unit_a_viewer", "council_member", "signer"),
        lambda a, w, f: _import(a, w, f),
    ),
    "create_criteria_table": Denied(
        services.create_criteria_table,
        NOT_MANAGER,
        lambda a, w, f: services.create_criteria_table(
            a, services.TableData("Mới", 2024, w.province, D(100))
        ),
    ),
    "add_criterion_group": Denied(
        services.add_criterion_group,
        NOT_MANAGER,
        lambda a, w, f: services.add_criterion_group(
            a, _draft_table(w, f), title="Nhóm mới", max_points=D(5)
        ),
    ),
    "add_criterion": Denied(
        services.add_criterion,
        NOT_MANAGER,
        lambda a, w, f: services.add_criterion(
            a,
            _draft_table(w, f).groups.first(),
            services.CriterionData("9.9", "Mới", "yes_no", "yes_no", D(1), {}),
        ),
    ),
    "remove_criterion": Denied(
        services.remove_criterion,
        NOT_MANAGER,
        lambda a, w, f: services.remove_criterion(
            a, m.Criterion.objects.filter(group__table=_draft_table(w, f)).first()
        ),
    ),
    "adopt_criteria_table": Denied(
        services.adopt_criteria_table,
        NOT_MANAGER,
        lambda a, w, f: services.adopt_criteria_table(
            a, _draft_table(w, f), expected_version=_draft_table(w, f).version
        ),
    ),
    "open_scoring": Denied(
        services.open_scoring,
        NOT_MANAGER,
        lambda a, w, f: services.open_scoring(a, f.s.table, f.s.other),
    ),
    "save_self_scores": Denied(
        services.save_self_scores,
        (
            "outsider",
            "unit_a_clerk",
            "unit_b_clerk",
            "unit_a_viewer",
            "council_member",
            "cluster_leader",
            "signer",
        ),
        lambda a, w, f: services.save_self_scores(
            a, _c(w, f), values(_c(w, f), RAW_A), expected_version=_c(w, f).version
        ),
    ),
    "submit_self_score": Denied(
        services.submit_self_score,
        (
            "outsider",
            "unit_a_clerk",
            "unit_b_clerk",
            "unit_a_viewer",
            "council_member",
            "cluster_leader",
            "signer",
        ),
        lambda a, w, f: services.submit_self_score(a, _c(w, f), expected_version=_c(w, f).version),
    ),
    "return_sheet": Denied(
        services.return_sheet,
        NOT_LEADER + ("cluster_leader",),
        lambda a, w, f: services.return_sheet(
            a, _c(w, f), comment="Thiếu", expected_version=_c(w, f).version
        ),
    ),
    "review_sheet": Denied(
        services.review_sheet,
        NOT_LEADER + ("cluster_leader",),
        lambda a, w, f: services.review_sheet(
            a, _c(w, f), {}, comment="", expected_version=_c(w, f).version
        ),
    ),
    "explain_sheet": Denied(
        services.explain_sheet,
        NOT_A + ("unit_a_clerk",),
        lambda a, w, f: services.explain_sheet(
            a, _c(w, f), explanation="Giải trình", expected_version=_c(w, f).version
        ),
    ),
    "finalise_sheet": Denied(
        services.finalise_sheet,
        NOT_MANAGER,
        lambda a, w, f: services.finalise_sheet(
            a, _c(w, f), {}, comment="", expected_version=_c(w, f).version
        ),
    ),
    "lock_cluster": Denied(
        services.lock_cluster,
        NOT_MANAGER,
        lambda a, w, f: services.lock_cluster(a, f.s.table, f.s.other),
    ),
    "cast_ranking_vote": Denied(
        services.cast_ranking_vote,
        NOT_A,
        lambda a, w, f: services.cast_ranking_vote(a, f.board, unit=w.unit_a, approve=True),
    ),
    "publish_ranking": Denied(
        services.publish_ranking,
        NOT_MANAGER,
        lambda a, w, f: services.publish_ranking(a, f.board, expected_version=f.board.version),
    ),
    "submit_peer_scores": Denied(
        services.submit_peer_scores,
        NOT_A,
        lambda a, w, f: services.submit_peer_scores(
            a, _draft_table(w, f), f.s.cluster, scorer=w.unit_a, marks={w.unit_b.pk: D(50)}
        ),
    ),
    "record_review": Denied(
        services.record_review,
        NOT_MANAGER,
        lambda a, w, f: services.record_review(
            a, f.s.movement, services.ReviewData("final", date(2024, 12, 30))
        ),
    ),
    "add_review_proposal": Denied(
        services.add_review_proposal,
        NOT_MANAGER,
        lambda a, w, f: services.add_review_proposal(
            a, f.review, award="BK_BT", reason="Điển hình", unit=w.unit_b
        ),
    ),
}


def _import(a: Any, w: Any, f: Full) -> object:
    result = services.import_progress(
        a, f.s.movement, f.s.period, [services.ProgressRow(2, "T.H.A", "1", "77")]
    )
    if result.errors:
        raise PermissionDenied()
    return result


def test_every_command_has_a_denied_case():
    commands = {
        name
        for name, fn in inspect.getmembers(services, inspect.isfunction)
        if fn.__module__ == services.__name__
        and not name.startswith("_")
        and list(inspect.signature(fn).parameters)[:1] == ["actor"]
    }
    predicates = {"can_manage", "can_review"}  # permission questions, not commands
    assert commands - predicates - {c.command.__name__ for c in CASES.values()} == set()


@pytest.mark.parametrize("name", CASES)
def test_refused_and_nothing_changed(name, world):
    case = CASES[name]
    full = build_full(world)
    _draft_table(world, full)
    for persona in case.refused:
        actor = world.users.get(persona)
        before = state()
        with pytest.raises((PermissionDenied, NotFound)):
            case.run(actor, world, full)
        assert state() == before, f"{name} as {persona} changed something"
