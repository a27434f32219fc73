from django.urls import path, register_converter

from thidua.awards import views

app_name = "awards"


class SubjectConverter:
    """Whose history a page is about: `people/<pk>` or `units/<pk>`."""

    regex = "people|units"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SubjectConverter, "subject")

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("catalogue/<str:code>/", views.award_type_detail, name="award_type_detail"),
    path("parameters/", views.parameters, name="parameters"),
    path("parameters/<path:rule_set>/<str:figure>/", views.parameter_edit, name="parameter_edit"),
    path("base-salary/", views.base_salary, name="base_salary"),
    path("quotas/", views.quotas, name="quotas"),
    path("integrity/", views.integrity, name="integrity"),
    path("records/", views.record_list, name="record_list"),
    path("people/<int:pk>/", views.person_profile, name="person_profile"),
    path("units/<int:pk>/", views.unit_profile, name="unit_profile"),
    path("<subject:kind>/<int:pk>/awards/new/", views.award_create, name="award_create"),
    path("<subject:kind>/<int:pk>/rating/", views.rating_set, name="rating_set"),
    path(
        "<subject:kind>/<int:pk>/initiatives/new/",
        views.initiative_create,
        name="initiative_create",
    ),
    path("<subject:kind>/<int:pk>/matters/new/", views.matter_open, name="matter_open"),
    path("people/<int:pk>/discipline/new/", views.discipline_create, name="discipline_create"),
    path("records/<int:pk>/revoke/", views.award_revoke, name="award_revoke"),
    path("initiatives/<int:pk>/use/", views.initiative_use, name="initiative_use"),
    path("matters/<int:pk>/close/", views.matter_close, name="matter_close"),
]
