from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

from thidua.api.urls import api
from thidua.core.views import healthz, metrics
from thidua.org import views as org_views

urlpatterns = [
    path("", org_views.home, name="home"),
    path("accounts/", include("thidua.accounts.urls")),
    path("org/", include("thidua.org.urls")),
    path("awards/", include("thidua.awards.urls")),
    path("movements/", include("thidua.movements.urls")),
    path("scoring/", include("thidua.scoring.urls")),
    path("nominations/", include("thidua.nominations.urls")),
    path("council/", include("thidua.council.urls")),
    path("decisions/", include("thidua.decisions.urls")),
    path("verify/", include("thidua.decisions.public_urls")),
    path("reports/", include("thidua.reports.urls")),
    path("exemplars/", include("thidua.exemplars.urls")),
    path("models/", include("thidua.exemplars.public_urls")),
    path("interchange/", include("thidua.interchange.urls")),
    path("public/", include("thidua.nominations.public_urls")),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics, name="metrics"),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.OIDC_ENABLED:  # optional single sign-on (docs/security.md)
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
