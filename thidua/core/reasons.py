"""The reason type every rule returns (pure Python: domain packages may import it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """Why an input was refused: a stable code, a Vietnamese message, the legal basis."""

    code: str
    message: str
    basis: str = ""
    field: str = ""
