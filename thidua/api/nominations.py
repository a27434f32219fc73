"""API of the nominations app."""

from ninja import Router

router = Router(tags=["nominations"])
