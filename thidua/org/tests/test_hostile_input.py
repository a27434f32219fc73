"""Hostile form input never reaches the user as a 500, and a refused post changes nothing."""

import pytest

from thidua.core.testing.matrix import login
from thidua.org.models import Cluster, LineageEvent, Person, Unit

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "x" * 5000,
    "0001-01-01",
    "9999-12-31",
    "31/02/2024",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "\x00\x1f",
    "-1",
    "99999999999999999999",
    "Nguyễn\u0301",
]

FORMS = {
    "unit_create": ("/org/units/new/?parent={a}", ["code", "name", "kind", "valid_from"]),
    "unit_edit": ("/org/units/{a}/edit/", ["code", "short_name", "version"]),
    "unit_rename": ("/org/units/{a}/rename/", ["new_name", "effective_date"]),
    "unit_move": ("/org/units/{a}/move/", ["new_parent", "effective_date"]),
    "unit_merge": ("/org/units/{a}/merge/", ["others", "effective_date", "new_code", "new_name"]),
    "unit_dissolve": ("/org/units/{v}/dissolve/", ["effective_date", "successor"]),
    "person_create": (
        "/org/people/new/?unit={a}",
        ["full_name", "gender", "date_of_birth", "national_id", "since"],
    ),
    "person_edit": ("/org/people/{p}/edit/", ["full_name", "gender", "national_id", "version"]),
    "cluster_create": ("/org/clusters/new/", ["code", "name", "year", "organiser", "members"]),
}


def fingerprint():
    return (
        Unit.objects.count(),
        list(Unit.objects.order_by("pk").values_list("name", "valid_to", "path")),
        Person.objects.count(),
        LineageEvent.objects.count(),
        Cluster.objects.count(),
    )


@pytest.mark.parametrize("form", sorted(FORMS))
def test_hostile_values_in_every_field_never_give_a_server_error(world, client, form):
    # given the provincial officer, who may use every form
    login(client, world, "province_officer")
    template, fields = FORMS[form]
    url = template.format(a=world.unit_a.pk, v=world.village_a.pk, p=world.person_a.pk)
    for value in HOSTILE:
        before = fingerprint()
        # when every field of the form gets the same hostile value
        response = client.post(url, dict.fromkeys(fields, value))
        # then the form is shown again with errors (200), never a 5xx, and nothing changed
        assert response.status_code == 200, (form, value, response.status_code)
        assert fingerprint() == before, (form, value)
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_dissolving_a_unit_with_no_start_date_on_the_first_possible_day_is_refused(world, client):
    # a unit without a start date, ended on 01/01/0001, would need the day before year 1
    Unit.objects.filter(pk=world.village_a.pk).update(valid_from=None)
    login(client, world, "province_officer")
    before = fingerprint()
    response = client.post(
        f"/org/units/{world.village_a.pk}/dissolve/", {"effective_date": "0001-01-01"}
    )
    assert response.status_code == 200
    assert fingerprint() == before


def test_an_impossible_year_is_explained_in_vietnamese(world, client):
    login(client, world, "province_officer")
    response = client.post(
        f"/org/units/{world.unit_a.pk}/rename/",
        {"new_name": "Xã Mới", "effective_date": "9999-12-31"},
    )
    assert "Hãy nhập ngày trong khoảng từ 01/01/1900 đến 31/12/2100." in response.content.decode()
    assert Unit.objects.get(pk=world.unit_a.pk).name == "Xã An Phú"
