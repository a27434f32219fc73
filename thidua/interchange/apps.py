from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    name = "thidua.interchange"
    label = "interchange"
    verbose_name = _("Import and export")
    # `thidua demo` calls this loader (see core/management/commands/demo.py).
    demo_loader = "thidua.interchange.demo.load_demo"
