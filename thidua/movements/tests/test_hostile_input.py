"""Hostile form input never reaches the user as a 500, and a refused post changes nothing."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import login
from thidua.movements.models import (
    Movement,
    Pledge,
    PledgeSignature,
    QuotaRule,
    Registration,
    Target,
    TargetReport,
    Work,
)
from thidua.movements.tests.builders import build

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
    "create": (
        "/movements/new/",
        ["name", "kind", "organiser", "start_date", "end_date", "budget", "plan_LDTT_individual"],
    ),
    "edit": ("/movements/{m}/edit/", ["name", "start_date", "end_date", "version", "lead_unit"]),
    "participants": (
        "/movements/{m}/participants/",
        ["scope_kind", "levels", "units", "clusters", "version"],
    ),
    "target_create": (
        "/movements/{m}/targets/new/",
        ["indicator", "direction", "low", "high", "aggregation", "weight"],
    ),
    "target_report": ("/movements/{m}/targets/{t}/report/", ["unit", "value", "reported_on"]),
    "quota_create": (
        "/movements/{m}/quotas/new/",
        ["unit_level", "work_kinds", "min_count", "max_count"],
    ),
    "register": (
        "/movements/{m}/register/",
        ["unit", "collective_title", "commitments", "target_{t}"],
    ),
    "registration_edit": ("/movements/registrations/{r}/edit/", ["collective_title", "version"]),
    "work_create": (
        "/movements/{m}/works/new/",
        ["unit", "name", "kind", "budget", "start_date", "end_date"],
    ),
    "work_status": ("/movements/works/{w}/status/", ["status", "version"]),
    "pledge_create": (
        "/movements/{m}/pledges/new/",
        ["cluster", "title", "criteria", "ceremony_date"],
    ),
    "pledge_sign": ("/movements/pledges/{p}/sign/", ["unit", "signer_name", "signed_on"]),
}


def fingerprint():
    return (
        list(Movement.objects.order_by("pk").values_list("name", "state", "version", "end_date")),
        Target.objects.count(),
        TargetReport.objects.count(),
        QuotaRule.objects.count(),
        Registration.objects.count(),
        Work.objects.count(),
        Pledge.objects.count(),
        PledgeSignature.objects.count(),
    )


@pytest.mark.parametrize("form", sorted(FORMS))
def test_hostile_values_in_every_field_never_give_a_server_error(world, client, form):
    built = build(world)
    login(client, world, "province_officer")
    template, fields = FORMS[form]
    ids = {
        "m": built.movement.pk,
        "t": built.target.pk,
        "r": built.registration.pk,
        "w": built.work.pk,
        "p": built.pledge.pk,
    }
    url = template.format(**ids)
    fields = [f.format(**ids) for f in fields]
    for value in HOSTILE:
        before = fingerprint()
        response = client.post(url, dict.fromkeys(fields, value))
        assert response.status_code == 200, (form, value, response.status_code)
        assert fingerprint() == before, (form, value)
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_hostile_uploads_are_refused(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    built = build(world)
    login(client, world, "unit_a_clerk")
    response = client.post(
        f"/movements/works/{built.work.pk}/photos/new/",
        {
            "image": SimpleUploadedFile(
                "x.svg", b"<svg onload=alert(1)>", content_type="image/svg+xml"
            )
        },
    )
    assert response.status_code == 200
    assert built.work.photos.count() == 1
    response = client.post(
        f"/movements/registrations/{built.registration.pk}/import/",
        {"file": SimpleUploadedFile("x.xlsx", b"garbage"), "dry_run": ""},
    )
    assert response.status_code == 200
    assert "Không đọc được tệp" in response.content.decode()
    assert built.registration.people.count() == 0


def test_hostile_list_filters(world, client):
    login(client, world, "province_officer")
    for query in (
        "?year=-1",
        "?after=9999-99-99|x",
        "?level=%00",
        "?q=" + "x" * 3000,
        "?after=2020-01-01|99999999999999999999",
    ):
        assert client.get("/movements/" + query).status_code == 200
