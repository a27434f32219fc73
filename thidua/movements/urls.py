from django.urls import path

from thidua.movements import views

app_name = "movements"

urlpatterns = [
    path("", views.movement_list, name="list"),
    path("new/", views.movement_create, name="create"),
    path("<int:pk>/", views.movement_detail, name="detail"),
    path("<int:pk>/edit/", views.movement_edit, name="edit"),
    path("<int:pk>/document/", views.movement_document, name="document"),
    path("<int:pk>/participants/", views.movement_participants, name="participants"),
    path("<int:pk>/advance/", views.movement_advance, name="advance"),
    path("<int:pk>/targets/new/", views.target_create, name="target_create"),
    path("<int:pk>/targets/<int:target_id>/delete/", views.target_delete, name="target_delete"),
    path("<int:pk>/targets/<int:target_id>/report/", views.target_report, name="target_report"),
    path("<int:pk>/quotas/", views.quota_compliance, name="quotas"),
    path("<int:pk>/quotas/new/", views.quota_create, name="quota_create"),
    path("<int:pk>/quotas/<int:rule_id>/delete/", views.quota_delete, name="quota_delete"),
    path("<int:pk>/coverage/", views.coverage, name="coverage"),
    path("<int:pk>/remind/", views.remind, name="remind"),
    path("<int:pk>/register/", views.registration_create, name="registration_create"),
    path("<int:pk>/works/new/", views.work_create, name="work_create"),
    path("<int:pk>/pledges/new/", views.pledge_create, name="pledge_create"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration_detail"),
    path("registrations/<int:pk>/edit/", views.registration_edit, name="registration_edit"),
    path("registrations/<int:pk>/import/", views.registration_import, name="registration_import"),
    path(
        "registrations/<int:pk>/template.xlsx",
        views.registration_template,
        name="registration_template",
    ),
    path("works/<int:pk>/", views.work_detail, name="work_detail"),
    path("works/<int:pk>/status/", views.work_status, name="work_status"),
    path("works/<int:pk>/photos/new/", views.work_photo, name="work_photo"),
    path("photos/<int:pk>/", views.work_photo_file, name="work_photo_file"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/sign/", views.pledge_sign, name="pledge_sign"),
    path("pledges/<int:pk>/document.docx", views.pledge_docx, name="pledge_docx"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
]
