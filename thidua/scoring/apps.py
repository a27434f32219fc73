from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "thidua.scoring"
    label = "scoring"
    verbose_name = _("Progress, scoring and ranking")
    # `thidua demo` calls this loader (see core/management/commands/demo.py).
    demo_loader = "thidua.scoring.demo.load_demo"
