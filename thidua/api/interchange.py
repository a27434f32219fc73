"""API of the interchange app."""

from ninja import Router

router = Router(tags=["interchange"])
