"""Idempotency-Key on API writes (core/idempotency.py), driven through a real API write:
recording an award for a person (POST /api/v1/awards/records)."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from thidua.accounts.services import issue_api_token
from thidua.awards.models import AwardRecord
from thidua.core.idempotency import purge_expired
from thidua.core.models import Event, IdempotencyRecord
from thidua.core.testing.matrix import login
from thidua.core.testing.personas import World

pytestmark = pytest.mark.django_db

URL = "/api/v1/awards/records"


def _body(world: World, year: int = 2024) -> str:
    return json.dumps({"award": "LDTT", "year": year, "person_id": world.person_a.pk})


@pytest.fixture
def token(world: World) -> str:
    clerk = world.users["unit_a_clerk"]
    return issue_api_token(clerk, clerk, "một cửa")


def _post(client: Client, token: str, body: str, key: str | None = "k-1"):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(URL, data=body, content_type="application/json", headers=headers)


def test_a_repeated_write_returns_the_first_response_and_creates_nothing_more(
    world: World, client: Client, token: str
):
    # given a first award recorded with a key
    first = _post(client, token, _body(world))
    assert first.status_code == 201, first.content
    records, events = AwardRecord.objects.count(), Event.objects.count()
    # when the client sends exactly the same request again (e.g. after a timeout)
    second = _post(client, token, _body(world))
    # then it gets the same answer and nothing new was written
    assert second.status_code == 201
    assert second.json() == first.json()
    assert second.content == first.content
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert AwardRecord.objects.count() == records == 1
    assert Event.objects.count() == events
    stored = IdempotencyRecord.objects.get()
    assert (stored.user, stored.method, stored.path, stored.status_code) == (
        world.users["unit_a_clerk"],
        "POST",
        URL,
        201,
    )


def test_without_a_key_each_write_runs(world: World, client: Client, token: str):
    assert _post(client, token, _body(world, 2023), key=None).status_code == 201
    assert _post(client, token, _body(world, 2022), key=None).status_code == 201
    assert AwardRecord.objects.count() == 2
    assert not IdempotencyRecord.objects.exists()


def test_the_same_key_with_another_body_is_refused(world: World, client: Client, token: str):
    assert _post(client, token, _body(world, 2024)).status_code == 201
    # when the key is reused for a different award
    response = _post(client, token, _body(world, 2023))
    # then 422 with a Vietnamese message, and the second award was not recorded
    assert response.status_code == 422
    assert response.json()["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert "khóa mới" in response.json()["message"]
    assert list(AwardRecord.objects.values_list("year", flat=True)) == [2024]


def test_keys_belong_to_their_user(world: World, client: Client, token: str):
    # given clerk A's write under a key
    assert _post(client, token, _body(world)).status_code == 201
    # when the province officer uses the same key for the same body
    officer = world.users["province_officer"]
    other = issue_api_token(officer, officer, "sở")
    response = _post(client, other, _body(world, 2021))
    # then it is a fresh request of theirs, not a replay of A's answer
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert AwardRecord.objects.count() == 2


def test_a_refused_write_is_replayed_not_rerun(world: World, client: Client, token: str):
    # given a write the API refuses (no subject)
    body = json.dumps({"award": "LDTT", "year": 2024})
    first = _post(client, token, body, key="refused")
    assert first.status_code == 400
    # then a repeat gets the same refusal from the store
    second = _post(client, token, body, key="refused")
    assert (second.status_code, second.content) == (400, first.content)
    assert second["Idempotent-Replayed"] == "true"


def test_unauthenticated_requests_store_nothing(world: World, client: Client):
    response = _post(client, "td_not-a-token", _body(world))
    assert response.status_code == 401
    assert not IdempotencyRecord.objects.exists()
    assert not AwardRecord.objects.exists()


@pytest.mark.parametrize("key", ["", "có dấu", "x" * 256, "a b"])
def test_malformed_keys_are_refused_before_anything_runs(
    world: World, client: Client, token: str, key: str
):
    response = _post(client, token, _body(world), key=key)
    assert response.status_code == 400
    assert response.json()["code"] == "IDEMPOTENCY_KEY_INVALID"
    assert not AwardRecord.objects.exists()


def test_a_key_still_being_processed_is_refused(world: World, client: Client, token: str):
    # given a request with this key that has not finished (no stored status yet)
    from thidua.core.idempotency import request_hash

    IdempotencyRecord.objects.create(
        user=world.users["unit_a_clerk"],
        key="busy",
        method="POST",
        path=URL,
        request_hash=request_hash("POST", URL, _body(world).encode()),
        created_at=timezone.now(),
    )
    response = _post(client, token, _body(world), key="busy")
    assert response.status_code == 409
    assert not AwardRecord.objects.exists()


def test_session_requests_use_keys_too(world: World, client: Client):
    # given a logged-in officer using the API from the browser (Django's test client skips
    # the CSRF check, as a same-origin page with the token would pass it)
    login(client, world, "unit_a_clerk")
    headers = {"Idempotency-Key": "s-1"}
    first = client.post(URL, _body(world), content_type="application/json", headers=headers)
    second = client.post(URL, _body(world), content_type="application/json", headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert AwardRecord.objects.count() == 1


def test_session_request_without_csrf_token_gets_no_replay(world: World):
    # given a stored response for a session user
    strict = Client(enforce_csrf_checks=True)
    login(strict, world, "unit_a_clerk")
    login_client = Client()
    login(login_client, world, "unit_a_clerk")
    headers = {"Idempotency-Key": "s-2"}
    login_client.post(URL, _body(world), content_type="application/json", headers=headers)
    # when a cross-site request (no CSRF token) presents the same key
    response = strict.post(URL, _body(world), content_type="application/json", headers=headers)
    # then the stored answer is not handed out
    assert "Idempotent-Replayed" not in response
    assert response.status_code in {401, 403}


def test_expired_keys_run_again_and_are_purged(world: World, client: Client, token: str, settings):
    settings.IDEMPOTENCY_KEY_TTL_HOURS = 24
    assert _post(client, token, _body(world)).status_code == 201
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))
    # when the same key comes back after the time-to-live with a new body
    response = _post(client, token, _body(world, 2020))
    # then it is a new request
    assert response.status_code == 201
    assert AwardRecord.objects.count() == 2
    # and the cleanup removes only old rows
    IdempotencyRecord.objects.create(
        user=world.users["unit_a_clerk"],
        key="old",
        method="POST",
        path=URL,
        request_hash="0" * 64,
        created_at=timezone.now() - timedelta(hours=30),
    )
    assert purge_expired() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["k-1"]


def test_the_purge_command_deletes_expired_keys(world: World):
    for key, hours in (("old", 25), ("new", 1)):
        IdempotencyRecord.objects.create(
            user=world.users["unit_a_clerk"],
            key=key,
            method="POST",
            path=URL,
            request_hash="0" * 64,
            created_at=timezone.now() - timedelta(hours=hours),
        )
    out = io.StringIO()
    call_command("purge_idempotency_keys", stdout=out)
    assert "Đã xóa 1 khóa" in out.getvalue()
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


def test_reads_and_pages_ignore_the_header(world: World, client: Client, token: str):
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "r"}
    assert client.get("/api/v1/awards/catalogue", headers=headers).status_code == 200
    assert not IdempotencyRecord.objects.exists()
