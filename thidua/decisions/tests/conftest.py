"""Decisions fixtures."""

from __future__ import annotations

import pytest

from thidua.decisions.tests.builders import Drafted, drafted, issued


@pytest.fixture
def submitted(world) -> Drafted:  # type: ignore[no-untyped-def]
    return drafted(world)


@pytest.fixture
def done(world) -> Drafted:  # type: ignore[no-untyped-def]
    return issued(world)
