from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Synthetic data at province and national scale, and the benchmark scenarios."""

    name = "thidua.bench"
    label = "bench"
    verbose_name = _("Benchmarks")
