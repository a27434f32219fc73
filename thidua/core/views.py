"""Plumbing views: the health report lives with the metrics in core/monitoring.py."""

from __future__ import annotations

from thidua.core.monitoring import healthz, metrics

__all__ = ["healthz", "metrics"]
