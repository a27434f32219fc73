"""Content-Security-Policy: the header is on every response, and no template needs it relaxed.

Removing the CSP middleware or its settings fails `test_pages_send_the_policy`; adding an
inline `<script>`, an `on…=` handler or a `style=` attribute to a page template fails the scan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from thidua.core.testing.matrix import login
from thidua.core.testing.personas import World

TEMPLATES = Path(settings.PACKAGE_DIR) / "templates"
# Rendered to PDF by WeasyPrint on the server, never served to a browser.
NOT_SERVED = ("decisions/pdf/",)

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE | re.DOTALL)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
HX_ON = re.compile(r"\shx-on[:-]", re.IGNORECASE)
# htmx evaluates trigger filters (hx-trigger="keyup[key=='Enter']") and js: values with eval,
# which the policy (no 'unsafe-eval') and htmx-config (allowEval false) forbid.
HX_EVAL = re.compile(
    r"""\shx-trigger\s*=\s*["'][^"']*\[|\shx-va(?:ls|rs)\s*=\s*["']\s*(?:js|javascript):""",
    re.IGNORECASE,
)


def _served_templates() -> list[Path]:
    return sorted(
        path
        for path in TEMPLATES.rglob("*.html")
        if not path.relative_to(TEMPLATES).as_posix().startswith(NOT_SERVED)
    )


def _violations(text: str) -> list[str]:
    found = []
    for name, pattern in (
        ("inline <script>", INLINE_SCRIPT),
        ("on…= event handler", EVENT_HANDLER),
        ("style= attribute", STYLE_ATTRIBUTE),
        ("<style> element", STYLE_ELEMENT),
        ("javascript: URL", JS_URL),
        ("hx-on handler (needs eval)", HX_ON),
        ("htmx expression (needs eval)", HX_EVAL),
    ):
        found += [f"{name}: {m.group(0)[:80]!r}" for m in pattern.finditer(text)]
    return found


def test_the_scan_finds_what_csp_would_block():
    # given snippets that a strict policy blocks, and ones it allows
    blocked = [
        "<script>alert(1)</script>",
        '<select name="y" onchange="this.form.submit()">',
        '<div class="x"\n  onclick="go()">',
        '<td style="width: 5%">',
        "<style>p{}</style>",
        '<a href="javascript:void(0)">',
        '<button hx-on:click="x()">',
        "<input hx-trigger=\"keyup[key=='Enter']\">",
        '<div hx-vals="js:{a: 1}">',
    ]
    allowed = [
        '<script src="/static/thidua/app.js" defer></script>',
        '<select data-autosubmit name="y">',
        '<div data-width="5">',
        "<p>Phong trào online=1</p>",
        '<input hx-trigger="keyup changed delay:300ms">',
    ]
    # then each blocked one is found and no allowed one is
    assert all(_violations(snippet) for snippet in blocked)
    assert not any(_violations(snippet) for snippet in allowed)


def test_no_served_template_uses_inline_script_or_style():
    templates = _served_templates()
    assert len(templates) > 50  # the scan really looked at the templates
    problems = [
        f"{path.relative_to(TEMPLATES)}: {problem}"
        for path in templates
        for problem in _violations(path.read_text(encoding="utf-8"))
    ]
    assert problems == []


def test_htmx_is_told_not_to_inject_its_indicator_style():
    base = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert re.search(
        r"""<meta name="htmx-config" content='[^']*"includeIndicatorStyles":false""", base
    )


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def _assert_strict(response) -> None:  # type: ignore[no-untyped-def]
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no CSP header on {response.status_code} {response.get('Content-Type')}"
    directives = _directives(header)
    assert directives["default-src"] == ["'self'"]
    for source in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives.get(source, directives["default-src"])
        assert "'unsafe-eval'" not in directives.get(source, directives["default-src"])
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "url_name"),
    [
        ("anonymous", "accounts:login"),
        ("anonymous", "home"),  # the redirect to the login page
        ("unit_a_clerk", "home"),
        ("unit_a_clerk", "org:unit_tree"),
        ("anonymous", "public:nominations"),
        ("province_officer", "movements:list"),
        ("province_officer", "awards:catalogue"),
        ("unit_a_clerk", "api:list_catalogue"),
        ("anonymous", "healthz"),
    ],
)
def test_pages_send_the_policy(persona: str, url_name: str, world: World, client: Client):
    login(client, world, persona)
    response = client.get(reverse(url_name))
    assert response.status_code in {200, 302}
    _assert_strict(response)


@pytest.mark.django_db
def test_error_pages_send_the_policy_too(world: World, client: Client):
    login(client, world, "unit_a_clerk")
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    _assert_strict(response)
