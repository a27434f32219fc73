"""Published exemplary models, mounted at /models/ (no login, no two-factor)."""

from django.urls import path

from thidua.exemplars import views

app_name = "exemplars_public"

urlpatterns = [
    path("", views.public_list, name="list"),
    path("<int:pk>/", views.public_detail, name="detail"),
]
