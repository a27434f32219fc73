"""Template filters of the award pages."""

from __future__ import annotations

from decimal import Decimal

from django import template

from thidua.core.text import group_digits

register = template.Library()


@register.filter
def vnd(value: Decimal | int | None) -> str:
    """An amount of đồng: 1.234.567 đ (empty when unknown)."""
    if value is None or value == "":
        return ""
    return f"{group_digits(int(Decimal(value)))} đ"


@register.filter
def decimal_vi(value: Decimal | None) -> str:
    """A decimal with a comma: 0,30; trailing zeros kept only as far as needed."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    whole, _, fraction = text.partition(".")
    whole_text = group_digits(int(whole)) if whole.lstrip("-").isdigit() else whole
    return whole_text + ("," + fraction if fraction else "")
