"""Movements fixtures."""

from __future__ import annotations

import pytest

from thidua.movements.tests.builders import Built, build


@pytest.fixture
def built(world) -> Built:  # type: ignore[no-untyped-def]
    return build(world)
