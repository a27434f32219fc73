"""Public pages of the nominations app under /public/ (no login, exempt from two-factor)."""

from django.urls import path

from thidua.nominations import public_views

app_name = "public"

urlpatterns = [
    path("nominations/", public_views.index, name="nominations"),
    path("nominations/<int:pk>/", public_views.dossier, name="nomination_dossier"),
]
