"""Nominations fixtures."""

from __future__ import annotations

import pytest

from thidua.nominations.tests.builders import Built, build


@pytest.fixture
def built(world) -> Built:  # type: ignore[no-untyped-def]
    return build(world)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = str(tmp_path / "media")
