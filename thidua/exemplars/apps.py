from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "thidua.exemplars"
    label = "exemplars"
    verbose_name = _("Exemplary models")
    demo_loader = "thidua.exemplars.demo.load_demo"
