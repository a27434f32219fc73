"""`thidua scoring remind`."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_remind_sends_once_a_day(world, scoring):
    out = io.StringIO()
    call_command("scoring", "remind", "--date", "2024-04-12", stdout=out)
    assert out.getvalue().strip() == "Đã gửi 3 lời nhắc báo cáo tiến độ."
    out = io.StringIO()
    call_command("scoring", "remind", "--date", "2024-04-12", stdout=out)
    assert out.getvalue().strip() == "Đã gửi 0 lời nhắc báo cáo tiến độ."


def test_remind_refuses_bad_arguments(world):
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("scoring", "remind", "--date", "12/04/2024")
    with pytest.raises(CommandError, match="Số ngày phải từ 0 đến 366."):
        call_command("scoring", "remind", "--days", "999")
