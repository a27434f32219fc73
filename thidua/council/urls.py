from django.urls import path

from thidua.council import views

app_name = "council"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.council_create, name="council_create"),
    path("rules/", views.rules, name="rules"),
    path("rules/<int:pk>/edit/", views.rule_edit, name="rule_edit"),
    path("<int:pk>/", views.council_detail, name="council_detail"),
    path("<int:pk>/members/new/", views.member_add, name="member_add"),
    path("members/<int:pk>/end/", views.member_end, name="member_end"),
    path("<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("items/<int:pk>/remove/", views.agenda_remove, name="agenda_remove"),
    path("sessions/<int:pk>/open/", views.session_open, name="session_open"),
    path("electors/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("items/<int:pk>/recusal/", views.recusal, name="recusal"),
    path("items/<int:pk>/written/", views.written_ballot, name="written_ballot"),
    path("sessions/<int:pk>/close/", views.session_close, name="session_close"),
    path("sessions/<int:pk>/ballot/", views.ballot, name="ballot"),
    path("sessions/<int:pk>/minutes.docx", views.minutes, name="minutes"),
    path("sessions/<int:pk>/count.docx", views.count_record, name="count_record"),
]
