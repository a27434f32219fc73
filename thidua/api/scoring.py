"""API of the scoring app."""

from ninja import Router

router = Router(tags=["scoring"])
