from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "thidua.org"
    label = "org"
    verbose_name = _("Organisation")
    # `thidua demo` calls this loader (see core/management/commands/demo.py).
    demo_loader = "thidua.org.demo.load_demo"
