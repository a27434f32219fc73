from django.urls import path

from thidua.exemplars import views

app_name = "exemplars"

urlpatterns = [
    path("", views.model_list, name="list"),
    path("new/", views.model_create, name="create"),
    path("suggestions/", views.suggestion_list, name="suggestions"),
    path("suggestions/add/", views.suggestion_add, name="suggestion_add"),
    path("conferences/", views.conference_list, name="conferences"),
    path("conferences/new/", views.conference_create, name="conference_create"),
    path("conferences/<int:pk>/", views.conference_detail, name="conference_detail"),
    path("media/<int:pk>/", views.media_download, name="media"),
    path("media/<int:pk>/remove/", views.media_remove, name="media_remove"),
    path("<int:pk>/", views.model_detail, name="detail"),
    path("<int:pk>/edit/", views.model_edit, name="edit"),
    path("<int:pk>/stages/new/", views.stage_add, name="stage_add"),
    path("<int:pk>/media/new/", views.media_add, name="media_add"),
    path("<int:pk>/replications/new/", views.replication_add, name="replication_add"),
    path("<int:pk>/publish/", views.model_publish, name="publish"),
    path("<int:pk>/unpublish/", views.model_unpublish, name="unpublish"),
    path("<int:pk>/case-summary.docx", views.case_docx, name="docx"),
]
