"""Root fixtures: the personas. App fixtures live in each app's conftest.py."""

from __future__ import annotations

import pytest

from thidua.core.testing.personas import World, make_personas


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_personas()


@pytest.fixture
def unit_a_clerk(world: World):  # type: ignore[no-untyped-def]
    return world.users["unit_a_clerk"]


@pytest.fixture
def unit_b_clerk(world: World):  # type: ignore[no-untyped-def]
    return world.users["unit_b_clerk"]


@pytest.fixture
def province_officer(world: World):  # type: ignore[no-untyped-def]
    return world.users["province_officer"]


@pytest.fixture
def admin_user(world: World):  # type: ignore[no-untyped-def]
    return world.users["admin"]
