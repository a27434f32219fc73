"""The council API: the permission matrix, hostile bodies, secrecy."""

from __future__ import annotations

import pytest

from thidua.core.testing.matrix import Case, check_case, login
from thidua.council.models import Ballot, VoteReceipt
from thidua.council.tests.builders import build
from thidua.council.tests.helpers import closed, opened
from thidua.council.tests.test_views import EVERYONE, MANAGE, SEE, VOTE

pytestmark = pytest.mark.django_db

API_EVERYONE = EVERYONE | {"anonymous": 401}
API_SEE = SEE | {"anonymous": 401}
# a stale version is refused (409) for those who may close, 403 for those who may not
CLOSE = MANAGE | {"province_officer": 409, "admin": 409, "council_secretary": 409}
# the administrator may see the session but does not hold VOTE
CAST = VOTE


def close_body(w):
    return {"session_id": opened(w).pk, "version": 999}


def cast_body(w):
    built = build(w)
    opened(w)
    return {
        "session_id": built.session.pk,
        "ballots": [{"item_id": built.cstd.pk, "choice": "yes"}],
    }


CASES = [
    Case("api:list_sessions", expect=EVERYONE, api=True),
    Case("api:get_session", lambda w: [opened(w).pk], SEE, api=True),
    Case("api:get_session", lambda w: [closed(w).pk], SEE, api=True),
    Case("api:close_session", expect=CLOSE, method="post", data=close_body, api=True),
    Case(
        "api:cast_ballots",
        # the member's first cast succeeds; the matrix asks once per persona
        expect=CAST,
        method="post",
        data=cast_body,
        api=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_cast_then_close_and_the_tally_is_shown(world, client):
    built = build(world)
    session = opened(world)
    login(client, world, "council_member")
    response = client.post(
        "/api/v1/council/ballots",
        {"session_id": session.pk, "ballots": [{"item_id": built.cstd.pk, "choice": "no"}]},
        content_type="application/json",
    )
    assert response.json() == {"cast": 1}
    again = client.post(
        "/api/v1/council/ballots",
        {"session_id": session.pk, "ballots": [{"item_id": built.cstd.pk, "choice": "yes"}]},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert again.json()["code"] == "ALREADY_VOTED"
    open_view = client.get(f"/api/v1/council/sessions/{session.pk}").json()
    assert all(item["result"] is None and item["yes"] is None for item in open_view["items"])
    login(client, world, "council_secretary")
    detail = client.get(f"/api/v1/council/sessions/{session.pk}").json()
    assert detail["items"][0]["voted"] == 1
    closed_view = client.post(
        "/api/v1/council/close",
        {"session_id": session.pk, "version": detail["version"]},
        content_type="application/json",
    ).json()
    first = closed_view["items"][0]
    assert (first["no"], first["yes"], first["result"]) == (1, 0, "failed")
    assert VoteReceipt.objects.count() == 1
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        [],
        {"session_id": 10**12, "ballots": []},
        {"session_id": 1, "ballots": [{"item_id": -1, "choice": "yes"}]},
        {"session_id": 1, "ballots": [{"item_id": 1, "choice": "x" * 10_000}]},
        {"session_id": 1, "ballots": [{"item_id": 1, "choice": "\x00"}]},
    ],
)
def test_hostile_cast_bodies(world, client, body):
    opened(world)
    login(client, world, "council_member")
    response = client.post("/api/v1/council/ballots", body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert not VoteReceipt.objects.exists()
