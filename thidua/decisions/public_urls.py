"""The public verification page of certificates, mounted at /verify/ (no login, no
two-factor): `path("verify/", include("thidua.decisions.public_urls"))`."""

from django.urls import path

from thidua.decisions import views

app_name = "verify"

urlpatterns = [
    path("<str:token>/", views.verify_certificate, name="certificate"),
]
