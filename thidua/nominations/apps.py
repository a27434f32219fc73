from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "thidua.nominations"
    label = "nominations"
    verbose_name = _("Nominations")
    demo_loader = "thidua.nominations.demo.load_demo"
