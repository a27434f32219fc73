from __future__ import annotations

import pytest

from thidua.interchange import demo

pytestmark = pytest.mark.django_db


def test_demo_writes_the_sample_sheet_once(world, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    first = demo.load_demo()
    assert first["created"] is True
    assert (tmp_path / "var" / "samples" / "nhan-su-5000.xlsx").read_bytes()[:2] == b"PK"
    assert demo.load_demo()["created"] is False


def test_a_second_load_still_says_where_the_sample_sheet_is(world, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    demo.load_demo()
    again = demo.load_demo()
    assert again["created"] is False
    assert "var/samples/nhan-su-5000.xlsx" in again["message"]
