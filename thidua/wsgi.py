"""The production entry point (gunicorn thidua.wsgi). Refuses to start when misconfigured."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

from thidua import settings as _settings  # noqa: E402

_problems = _settings.production_problems()
if _problems:
    raise ImproperlyConfigured(" ".join(_problems))

application = get_wsgi_application()
