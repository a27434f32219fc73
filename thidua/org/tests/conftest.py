"""Org fixtures: factory helpers on top of the personas."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.org import services


@pytest.fixture
def add_people(world):
    """Register `count` men named "<prefix> <i>" in commune A, as the provincial officer."""

    def add(count: int, prefix: str = "Nguyễn Văn Số") -> list:
        return [
            services.create_person(
                world.users["province_officer"],
                services.PersonData(full_name=f"{prefix} {i}", gender="male"),
                unit=world.unit_a,
                since=date(2020, 1, 1),
            )
            for i in range(count)
        ]

    return add
