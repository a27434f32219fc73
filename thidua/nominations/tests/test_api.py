"""Nominations API: scoped reads, writes through the same services, stable error codes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from thidua.core.testing.matrix import Case, check_case, login
from thidua.nominations.tests.builders import build

pytestmark = pytest.mark.django_db

ALL = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
    "cluster_leader",
    "council_secretary",
    "signer",
)
EVERYONE = dict.fromkeys(ALL, 200)
SEE = EVERYONE | {"outsider": 404, "unit_b_clerk": 404}
DENY = dict.fromkeys(ALL, 403) | {"outsider": 404, "unit_b_clerk": 404}


def file_(status, officer=None):
    """Filing for commune A; the refusal (status) each permitted persona gets."""
    return DENY | {
        "unit_a_clerk": status,
        "province_officer": officer or status,
        "admin": officer or status,
    }


def appraise(status):
    return DENY | {"province_officer": status, "admin": status}


def d(w):
    return [build(w).dossier.pk]


CASES = [
    Case("api:list_dossiers", expect=EVERYONE, api=True),
    Case("api:overdue_dossiers", expect=EVERYONE, api=True),
    Case("api:get_dossier", d, SEE, api=True),
    Case(
        "api:create_dossier",
        expect=file_(201) | {"unit_b_clerk": 404, "outsider": 404},
        method="post",
        data=lambda w: {
            "proposing_unit_id": w.unit_a.pk,
            "receiving_unit_id": w.province.pk,
            "kind": "annual",
            "year": 2025,
            "title": "Hồ sơ qua API",
        },
        api=True,
    ),
    Case(
        "api:add_nominee",
        lambda w: [build(w).dossier.pk],
        # the clerk proposes commune A as a collective; the officer and the administrator
        # then propose the same collective again and are refused (DUPLICATE_NOMINEE, 400)
        file_(201, officer=400),
        method="post",
        data=lambda w: {"unit_id": w.unit_a.pk, "award_code": "TTLDTT", "justification": "x"},
        api=True,
    ),
    Case(
        "api:submit_dossier",
        d,
        file_(409),
        method="post",
        data=lambda w: {"version": 999},
        api=True,
    ),
    Case(
        "api:recall_dossier",
        d,
        file_(400),
        method="post",
        data=lambda w: {"version": 1},
        api=True,
    ),
    Case(
        "api:receive_dossier",
        d,
        appraise(400),
        method="post",
        data=lambda w: {"version": 1},
        api=True,
    ),
    Case(
        "api:return_dossier",
        d,
        appraise(400),
        method="post",
        data=lambda w: {"version": 1, "reason": "Thiếu biên bản"},
        api=True,
    ),
    Case(
        "api:finish_appraisal",
        d,
        appraise(400),
        method="post",
        data=lambda w: {"version": 1},
        api=True,
    ),
    Case(
        "api:forward_dossier",
        d,
        appraise(400),
        method="post",
        data=lambda w: {"version": 1, "target_id": w.province.pk},
        api=True,
    ),
    Case(
        "api:appraise_nominee",
        lambda w: [build(w).nominee.pk],
        appraise(400),
        method="post",
        data=lambda w: {"version": 1, "result": "appraised"},
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_the_chain_over_the_api(world, client):
    built = build(world)
    login(client, world, "unit_a_clerk")
    url = reverse("api:submit_dossier", args=[built.dossier.pk])
    body = client.post(url, {"version": built.dossier.version}, content_type="application/json")
    assert body.status_code == 200
    assert body.json()["status"] == "submitted"
    assert body.json()["status_text"].startswith("Đã gửi")
    login(client, world, "province_officer")
    got = client.get(reverse("api:get_dossier", args=[built.dossier.pk])).json()
    received = client.post(
        reverse("api:receive_dossier", args=[built.dossier.pk]),
        {"version": got["version"]},
        content_type="application/json",
    ).json()
    assert received["status"] == "received"
    assert received["status_text"].startswith("Đang thẩm định tại Tỉnh Thử Nghiệm, hạn ")
    nominee = received["nominees"][0]
    refused = client.post(
        reverse("api:appraise_nominee", args=[nominee["id"]]),
        {"version": nominee["version"], "result": "not_approved"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "REASON_REQUIRED"
    assert refused.json()["fields"]["reason"] == "Cần ghi lý do không đề nghị."


def test_unit_b_cannot_see_a_dossier_of_a(world, client):
    built = build(world, submitted=True)
    login(client, world, "unit_b_clerk")
    assert client.get(reverse("api:get_dossier", args=[built.dossier.pk])).status_code == 404
    assert client.get(reverse("api:list_dossiers")).json() == []
