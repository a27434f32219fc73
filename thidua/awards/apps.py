from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = _("Awards")
    # `thidua demo` calls this loader (see core/management/commands/demo.py).
    demo_loader = "thidua.awards.demo.load_award_demo"
