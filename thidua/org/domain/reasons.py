"""The reason type every org rule returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """Why an input was refused: a stable code, a Vietnamese message, the legal basis."""

    code: str
    message: str
    basis: str = ""
    field: str = ""
