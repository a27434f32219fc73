from django.urls import path

from thidua.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("movements/<int:pk>/", views.movement_dashboard, name="movement_dashboard"),
    path("movements/<int:pk>/review.docx", views.review_docx, name="review_docx"),
    path("units/", views.unit_dashboard, name="unit_dashboard"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
    path("statutory/", views.statutory, name="statutory"),
    path("statutory.xlsx", views.statutory_xlsx, name="statutory_xlsx"),
]
