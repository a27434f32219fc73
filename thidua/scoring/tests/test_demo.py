"""The demo loader: real rankings for the Đông Hà blocks, idempotent."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_demo_ranks_the_dong_ha_blocks_and_is_idempotent():
    from thidua.movements.demo import load_demo as load_movements
    from thidua.org.demo import load_demo as load_org_demo
    from thidua.scoring import services
    from thidua.scoring.demo import load_demo
    from thidua.scoring.domain import ranking
    from thidua.scoring.models import Ranking, ReviewProposal

    load_org_demo()
    load_movements()
    first = load_demo()
    assert first["created"] is True
    boards = Ranking.objects.filter(table__year=2020, state="published")
    assert boards.count() == 3
    for board in boards:
        recomputed = ranking.rank(
            services.unit_scores(board.table, board.cluster), services.policy_of(board.table)
        )
        stored = list(
            board.rows.order_by("rank", "unit_id").values_list("unit_id", "rank", "award")
        )
        assert [(r.unit_id, r.rank, r.award) for r in recomputed.rows] == stored
    assert ReviewProposal.objects.filter(award="CO_BT").count() == 3
    assert load_demo()["created"] is False
