from django.urls import path

from thidua.scoring import views

app_name = "scoring"

urlpatterns = [
    path("", views.home, name="home"),
    path("overdue/", views.overdue, name="overdue"),
    path("movements/<int:pk>/progress/", views.progress, name="progress"),
    path("movements/<int:pk>/progress/report/", views.progress_report, name="progress_report"),
    path("movements/<int:pk>/progress/import/", views.progress_import, name="progress_import"),
    path(
        "movements/<int:pk>/progress/template.xlsx",
        views.progress_template,
        name="progress_template",
    ),
    path("movements/<int:pk>/periods/", views.periods, name="periods"),
    path("movements/<int:pk>/reviews/new/", views.review_create, name="review_create"),
    path("progress/<int:pk>/", views.progress_detail, name="progress_detail"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("sheet-evidence/<int:pk>/", views.sheet_evidence_file, name="sheet_evidence_file"),
    path("tables/new/", views.table_create, name="table_create"),
    path("tables/<int:pk>/", views.table_detail, name="table_detail"),
    path("tables/<int:pk>/groups/new/", views.group_create, name="group_create"),
    path("tables/<int:pk>/criteria/new/", views.criterion_create, name="criterion_create"),
    path("tables/<int:pk>/adopt/", views.table_adopt, name="table_adopt"),
    path("tables/<int:pk>/open/", views.table_open, name="table_open"),
    path("tables/<int:pk>/simulate/", views.simulate, name="simulate"),
    path("tables/<int:pk>/clusters/<int:cluster>/lock/", views.table_lock, name="table_lock"),
    path("tables/<int:pk>/clusters/<int:cluster>/peer/", views.peer, name="peer"),
    path("sheets/<int:pk>/", views.sheet_detail, name="sheet_detail"),
    path("sheets/<int:pk>/transition/", views.sheet_transition, name="sheet_transition"),
    path("rankings/<int:pk>/", views.ranking_detail, name="ranking_detail"),
    path("rankings/<int:pk>/vote/", views.ranking_vote, name="ranking_vote"),
    path("rankings/<int:pk>/publish/", views.ranking_publish, name="ranking_publish"),
    path("rankings/<int:pk>/explain/", views.ranking_explain, name="ranking_explain"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/report.docx", views.review_docx, name="review_docx"),
]
