"""API of the exemplars app (thin: calls queries and services)."""

from ninja import Router

router = Router(tags=["exemplars"])
