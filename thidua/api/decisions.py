"""API of the decisions app."""

from ninja import Router

router = Router(tags=["decisions"])
