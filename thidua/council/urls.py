from django.urls import URLPattern

app_name = "council"

urlpatterns: list[URLPattern] = []
