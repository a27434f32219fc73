from __future__ import annotations

import pytest

from thidua.council.tests.builders import Built, build


@pytest.fixture
def built(world) -> Built:  # type: ignore[no-untyped-def]
    return build(world)
