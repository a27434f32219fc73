from django.urls import path

from thidua.interchange import views

app_name = "interchange"

urlpatterns = [
    path("", views.centre, name="centre"),
    path("templates/<str:kind>.xlsx", views.template, name="template"),
    path("jobs/<int:pk>/", views.job, name="job"),
    path("jobs/<int:pk>/commit/", views.commit, name="commit"),
    path("jobs/<int:pk>/retry/", views.retry, name="retry"),
    path("jobs/<int:pk>/undo/", views.undo, name="undo"),
    path("export/", views.export, name="export"),
]
