"""Production settings: `check --deploy` is clean and the security headers have safe defaults.

The settings are read once at import, so production is checked in a fresh interpreter with the
production environment (THIDUA_DEBUG=0, a real secret key, a host name).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
names = ["DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
         "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE",
         "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF", "CONTENT_SECURITY_POLICY",
         "AUTHENTICATION_BACKENDS"]
print("SETTINGS=" + json.dumps({n: getattr(settings, n) for n in names}), flush=True)
call_command("check", "--deploy", fail_level="WARNING")
"""


def _production(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    # A production process starts clean: no thidua settings of the test run, and not the
    # async-safety switch the browser tests set for Playwright in this process.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("THIDUA_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "THIDUA_DEBUG": "0",
        "THIDUA_SECRET_KEY": secrets.token_urlsafe(64),
        "THIDUA_ALLOWED_HOSTS": "thidua.example.gov.vn",
        "THIDUA_SQLITE_PATH": str(tmp_path / "deploy.sqlite3"),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _settings(result: subprocess.CompletedProcess[str]) -> dict:
    line = next(x for x in result.stdout.splitlines() if x.startswith("SETTINGS="))
    return json.loads(line.removeprefix("SETTINGS="))


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return _production(tmp_path_factory.mktemp("deploy"))


def test_check_deploy_is_clean_in_production(production: subprocess.CompletedProcess[str]):
    assert production.returncode == 0, production.stderr[-3000:]


def test_production_defaults_are_https_only(production: subprocess.CompletedProcess[str]):
    values = _settings(production)
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    # OIDC stays off unless configured
    assert not any("oidc" in backend.lower() for backend in values["AUTHENTICATION_BACKENDS"])


def test_weakened_production_settings_fail_the_check(tmp_path: Path):
    # given production with HSTS switched off and insecure cookies (the environment overrides)
    result = _production(tmp_path, THIDUA_HSTS_SECONDS="0", THIDUA_SECURE_COOKIES="0")
    assert _settings(result)["SECURE_HSTS_SECONDS"] == 0
    # then the deployment check refuses it (so the clean run above is meaningful)
    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W012" in result.stderr
