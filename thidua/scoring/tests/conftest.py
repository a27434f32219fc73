"""Scoring fixtures."""

from __future__ import annotations

import pytest

from thidua.scoring.tests.builders import Scoring, build


@pytest.fixture
def scoring(world) -> Scoring:  # type: ignore[no-untyped-def]
    return build(world)
