from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MovementsConfig(AppConfig):
    name = "thidua.movements"
    label = "movements"
    verbose_name = _("Emulation movements")
    # `thidua demo` calls this loader (see core/management/commands/demo.py).
    demo_loader = "thidua.movements.demo.load_demo"
