"""API of the reports app (thin: calls queries and services)."""

from ninja import Router

router = Router(tags=["reports"])
