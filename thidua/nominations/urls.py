from django.urls import path

from thidua.nominations import views

app_name = "nominations"

urlpatterns = [
    path("", views.dossier_list, name="list"),
    path("new/", views.dossier_create, name="create"),
    path("overdue/", views.overdue, name="overdue"),
    path("<int:pk>/", views.dossier_detail, name="detail"),
    path("<int:pk>/nominees/new/", views.nominee_add, name="nominee_add"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/recall/", views.recall, name="recall"),
    path("<int:pk>/recheck/", views.recheck, name="recheck"),
    path("<int:pk>/receive/", views.receive, name="receive"),
    path("<int:pk>/return/", views.return_dossier, name="return"),
    path("<int:pk>/checklist/", views.checklist, name="checklist"),
    path("<int:pk>/finish/", views.finish, name="finish"),
    path("<int:pk>/forward/", views.forward, name="forward"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/to-trinh.docx", views.letter, name="letter"),
    path("<int:pk>/danh-sach.docx", views.nominee_list_docx, name="list_docx"),
    path("nominees/<int:pk>/edit/", views.nominee_edit, name="nominee_edit"),
    path("nominees/<int:pk>/remove/", views.nominee_remove, name="nominee_remove"),
    path("nominees/<int:pk>/withdraw/", views.nominee_withdraw, name="nominee_withdraw"),
    path("nominees/<int:pk>/files/new/", views.nominee_file, name="nominee_file"),
    path("nominees/<int:pk>/appraise/", views.appraise, name="appraise"),
    path("nominees/<int:pk>/bao-cao.docx", views.report_template, name="report_template"),
    path("files/<int:pk>/", views.file_download, name="file"),
    path("comments/<int:pk>/resolve/", views.resolve, name="resolve"),
]
