from django.urls import path

from thidua.decisions import views

app_name = "decisions"

urlpatterns = [
    path("", views.decision_list, name="list"),
    path("new/", views.decision_create, name="create"),
    path("bodies/", views.body_list, name="bodies"),
    path("bodies/new/", views.body_create, name="body_create"),
    path("layouts/", views.layout_list, name="layouts"),
    path("layouts/<str:kind>/", views.layout_edit, name="layout_edit"),
    path("<int:pk>/", views.decision_detail, name="detail"),
    path("<int:pk>/edit/", views.decision_edit, name="edit"),
    path("<int:pk>/items/new/", views.item_add, name="item_add"),
    path("<int:pk>/items/<int:item_pk>/remove/", views.item_remove, name="item_remove"),
    path("<int:pk>/submit/", views.decision_submit, name="submit"),
    path("<int:pk>/return/", views.decision_return, name="return"),
    path("<int:pk>/issue/", views.decision_issue, name="issue"),
    path("<int:pk>/revoke/", views.decision_revoke, name="revoke"),
    path("<int:pk>/decision.docx", views.decision_docx, name="docx"),
    path("<int:pk>/decision.pdf", views.decision_pdf, name="pdf"),
    path("<int:pk>/certificates.zip", views.certificates, name="certificates"),
    path("<int:pk>/certificates/<int:item_pk>.pdf", views.certificate, name="certificate"),
]
