"""Optional OIDC single sign-on: present only when configured; maps to existing users only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from thidua.accounts.models import User
from thidua.core.security_oidc import ExistingUserOIDCBackend
from thidua.core.testing.personas import World

OIDC = {
    "OIDC_RP_CLIENT_ID": "thidua",
    "OIDC_RP_CLIENT_SECRET": "bi-mat",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://sso.example.gov.vn/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://sso.example.gov.vn/token",
    "OIDC_OP_USER_ENDPOINT": "https://sso.example.gov.vn/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://sso.example.gov.vn/jwks",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_CREATE_USER": False,
    # the callback URL is mounted only when THIDUA_OIDC_CLIENT_ID is set at start-up
    "OIDC_AUTHENTICATION_CALLBACK_URL": "accounts:login",
}


def test_backend_is_off_unless_configured():
    # the test settings have no THIDUA_OIDC_CLIENT_ID
    assert not settings.OIDC_ENABLED
    assert not any("oidc" in backend.lower() for backend in settings.AUTHENTICATION_BACKENDS)


def test_backend_is_on_when_configured():
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "THIDUA_DEBUG": "1",
        "THIDUA_OIDC_CLIENT_ID": "thidua",
        "THIDUA_OIDC_TOKEN_ENDPOINT": "https://sso.example.gov.vn/token",
    }
    probe = (
        "import json, django; django.setup(); from django.conf import settings; "
        "from django.urls import reverse; "
        "print(json.dumps([settings.AUTHENTICATION_BACKENDS, settings.OIDC_CREATE_USER, "
        "reverse('oidc_authentication_callback')]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    backends, create_user, callback = json.loads(result.stdout.strip().splitlines()[-1])
    assert callback == "/oidc/callback/"
    assert backends[-1] == "thidua.core.security_oidc.ExistingUserOIDCBackend"
    assert backends[0] == "axes.backends.AxesStandaloneBackend"  # lockout still first
    assert create_user is False


def _login(claims: dict[str, Any]) -> Any:
    backend = ExistingUserOIDCBackend()
    backend.get_token = lambda payload: {"id_token": "id", "access_token": "access"}
    backend.verify_token = lambda token, **kwargs: {"sub": "123"}
    backend.get_userinfo = lambda access, id_token, payload: claims
    request = RequestFactory().get("/oidc/callback/", {"code": "c", "state": "s"})
    request.session = {}  # type: ignore[attr-defined]
    return backend.authenticate(request)


@pytest.mark.django_db
@override_settings(**OIDC)
def test_a_known_user_is_mapped_by_email_or_user_name(world: World):
    clerk = world.users["unit_a_clerk"]
    User.objects.filter(pk=clerk.pk).update(email="can.bo@anphu.gov.vn")
    assert _login({"email": "CAN.BO@anphu.gov.vn", "email_verified": True}) == clerk
    assert _login({"preferred_username": clerk.username}) == clerk


@pytest.mark.django_db
@override_settings(**OIDC)
def test_an_unknown_user_is_refused_and_nothing_is_created(world: World):
    users = User.objects.count()
    roles = sum(u.role_assignments.count() for u in User.objects.all())
    assert _login({"email": "la@example.com", "preferred_username": "nguoi-la"}) is None
    assert _login({"sub": "no-claims"}) is None
    assert User.objects.count() == users
    assert sum(u.role_assignments.count() for u in User.objects.all()) == roles


@pytest.mark.django_db
@override_settings(**OIDC)
def test_an_unverified_email_does_not_map_and_inactive_users_are_refused(world: World):
    clerk = world.users["unit_a_clerk"]
    User.objects.filter(pk=clerk.pk).update(email="can.bo@anphu.gov.vn")
    assert _login({"email": "can.bo@anphu.gov.vn", "email_verified": False}) is None
    User.objects.filter(pk=clerk.pk).update(is_active=False)
    assert _login({"preferred_username": clerk.username}) is None
