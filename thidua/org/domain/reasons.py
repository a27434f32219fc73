"""The reason type every org rule returns (defined once in core)."""

from thidua.core.reasons import Reason

__all__ = ["Reason"]
