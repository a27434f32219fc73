"""The permission matrix: declare each URL's expected status per persona, check them all.

Usage in an app's tests:

    CASES = [
        Case("org:unit_detail", lambda w: [w.unit_a.pk], {"unit_a_clerk": 200, "unit_b_clerk": 404}),
    ]

    @pytest.mark.parametrize("case", CASES, ids=str)
    def test_permission_matrix(case, world, client):
        check_case(client, world, case)

Personas not named in `expect` get `default` for their kind: anonymous users are redirected to
the login page (302) for pages and get 401 for the API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django.urls import reverse

from thidua.core.testing.personas import World

PERSONAS = (
    "anonymous",
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
)
# The commendation chain's personas (cluster leader, council secretary, signer): checked for a
# case whenever the case declares them. Cases of the chain's apps (scoring, nominations,
# council, decisions) declare all three.
CHAIN_PERSONAS = ("cluster_leader", "council_secretary", "signer")


# Common expectations. Logged-in personas with a role in commune A (or above it) see A;
# B's clerk and the outsider with no role get 404 (A does not exist for them).
SEE_UNIT_A: Mapping[str, int] = {
    "outsider": 404,
    "unit_a_clerk": 200,
    "unit_b_clerk": 404,
    "unit_a_viewer": 200,
    "province_officer": 200,
    "council_member": 200,
    "admin": 200,
}
EVERYONE_LOGGED_IN: Mapping[str, int] = dict.fromkeys(SEE_UNIT_A, 200)


@dataclass(frozen=True)
class Case:
    url_name: str
    args: Callable[[World], list[Any]] = lambda world: []
    expect: Mapping[str, int] = field(default_factory=dict)
    method: str = "get"
    data: Callable[[World], dict[str, Any]] | None = None
    query: str = ""
    api: bool = False

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.url_name}{self.query}"


def login(client: Client, world: World, persona: str) -> None:
    client.logout()
    if persona == "anonymous":
        return
    user = world.users[persona]
    client.force_login(user)
    if user.needs_two_factor():
        # Tests of pages behind two-factor act as a verified session; the two-factor flow
        # itself is tested in accounts.
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()


def expected_status(case: Case, persona: str) -> int:
    if persona in case.expect:
        return case.expect[persona]
    if persona == "anonymous":
        return 401 if case.api else 302
    raise AssertionError(f"{case}: no expectation declared for persona {persona!r}")


def check_case(
    client: Client, world: World, case: Case, personas: tuple[str, ...] = PERSONAS
) -> None:
    """Request the URL as every persona and assert the declared status codes."""
    url = reverse(case.url_name, args=case.args(world)) + case.query
    failures = []
    personas = personas + tuple(p for p in CHAIN_PERSONAS if p in case.expect)
    for persona in personas:
        login(client, world, persona)
        kwargs: dict[str, Any] = {}
        if case.data is not None:
            kwargs["data"] = case.data(world)
            if case.api:
                kwargs["content_type"] = "application/json"
        response = getattr(client, case.method)(url, **kwargs)
        want = expected_status(case, persona)
        if response.status_code != want:
            failures.append(f"{persona}: got {response.status_code}, want {want}")
        if persona == "anonymous" and "anonymous" not in case.expect and want == 302:
            # the default for pages: anonymous visitors are sent to log in
            assert "/accounts/login/" in response["Location"], response["Location"]
    assert not failures, f"{case} {url}: " + "; ".join(failures)
