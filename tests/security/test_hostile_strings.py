"""Hostile strings in names: escaped in pages, harmless in generated documents.

- HTML/JS payloads stored in a person's name, a movement's name and a certificate's recipient
  are shown escaped on the person's profile, the movement page and the public verification page
  (Django's autoescaping; a `|safe` or `mark_safe` on these fields fails here).
- Control characters and very long names never make the .docx builder (core/documents.py) or
  the certificate PDF (WeasyPrint) raise: they are stripped or rendered.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from thidua.core.documents import Nd30Document, docx_text
from thidua.core.security import xml_safe
from thidua.core.testing.matrix import login
from thidua.core.testing.personas import World
from thidua.decisions.documents import certificate_pdf
from thidua.decisions.tests import builders as decision_builders
from thidua.movements.models import Movement
from thidua.movements.tests import builders as movement_builders
from thidua.org.models import Person

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "{{ 7*7 }}{% csrf_token %}",
    '<iframe src="//evil.example"></iframe>',
]
# Printable text around the payload (no control characters: those are for the documents).
SURROUNDING = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp")), max_size=20
)
HOSTILE_NAME = st.builds(
    lambda before, payload, after: f"{before}{payload}{after}".strip() or payload,
    SURROUNDING,
    st.sampled_from(PAYLOADS),
    SURROUNDING,
)
PAGE_SETTINGS = settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _assert_escaped(html: str, name: str) -> None:
    payload = next(p for p in PAYLOADS if p in name)
    # the payload is on the page as text, never as markup (nor as evaluated template code)
    assert escape(payload) in html
    if escape(payload) != payload:
        assert payload not in html


@pytest.mark.django_db
def test_person_profile_escapes_the_name(world: World, client: Client):
    login(client, world, "unit_a_clerk")
    url = reverse("awards:person_profile", args=[world.person_a.pk])

    @PAGE_SETTINGS
    @given(HOSTILE_NAME)
    def check(name: str) -> None:
        Person.objects.filter(pk=world.person_a.pk).update(full_name=name)
        response = client.get(url)
        assert response.status_code == 200
        _assert_escaped(response.content.decode(), name)

    check()


@pytest.mark.django_db
def test_movement_page_escapes_the_name(world: World, client: Client):
    movement = movement_builders.build(world).movement
    login(client, world, "province_officer")
    url = reverse("movements:detail", args=[movement.pk])

    @PAGE_SETTINGS
    @given(HOSTILE_NAME)
    def check(name: str) -> None:
        Movement.objects.filter(pk=movement.pk).update(name=name)
        response = client.get(url)
        assert response.status_code == 200
        _assert_escaped(response.content.decode(), name)

    check()


@pytest.mark.django_db
def test_public_verification_page_escapes_the_recipient(world: World, client: Client):
    item = decision_builders.issued(world).decision.items.get()
    url = reverse("verify:certificate", args=[item.token])

    @PAGE_SETTINGS
    @given(HOSTILE_NAME)
    def check(name: str) -> None:
        Person.objects.filter(pk=item.person_id).update(full_name=name)
        response = client.get(url)
        assert response.status_code == 200
        _assert_escaped(response.content.decode(), name)

    check()


# Any text at all, including NUL, other C0 controls, lone surrogates and U+FFFE.
ANY_TEXT = st.text(alphabet=st.characters(), max_size=300)


@settings(max_examples=60, derandomize=True, deadline=None, database=None)
@given(ANY_TEXT)
def test_docx_builder_takes_any_text(text: str):
    doc = Nd30Document()
    doc.title("Quyết định", text)
    doc.paragraph(text)
    doc.table(["Họ và tên"], [[text]])
    doc.signature(text, text, recipients=[text])
    read_back = docx_text(doc.to_bytes())
    # what XML can carry is kept; only the rest was dropped
    assert (
        xml_safe(text).strip() in read_back.replace("\r", "").replace("\n", "")
        or not (xml_safe(text).strip())
        or "\r" in text
        or "\n" in text
    )


def test_docx_builder_keeps_vietnamese_and_drops_only_controls():
    doc = Nd30Document()
    doc.paragraph("Nguyễn\x00 Thị\x0b Hồng\x1f Nhung\ufffe")
    assert "Nguyễn Thị Hồng Nhung" in docx_text(doc.to_bytes())


def test_docx_builder_takes_a_huge_name():
    name = "Nguyễn Văn " + "Aaa" * 20_000
    doc = Nd30Document()
    doc.table(["Họ và tên"], [[name]])
    assert name in docx_text(doc.to_bytes())


CERTIFICATE_NAMES = [
    "MARKER Nguyễn\x07Văn\x01An\x1b[31m",  # (NUL cannot be stored in PostgreSQL)
    "MARKER <script>alert(1)</script> & </div></body>",
    # as long as the column allows (200): far longer than a line or a field of the blank
    ("MARKER " + "Trần Thị Bảo Ngọc " * 40)[:200],
    "MARKER \u202e\u200b\ufeffLê\x7fVăn\u0301\u0301",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", CERTIFICATE_NAMES, ids=range(len(CERTIFICATE_NAMES)))
@pytest.mark.parametrize("blank", [False, True], ids=["full", "blank"])
def test_certificate_pdf_renders_any_name(world: World, name: str, blank: bool):
    item = decision_builders.issued(world).decision.items.get()
    # the raw name goes straight to the table, as legacy or imported data might
    Person.objects.filter(pk=item.person_id).update(full_name=name)
    item.refresh_from_db()
    data = certificate_pdf(item, blank=blank)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() or "" for page in reader.pages)
    # the name is on the certificate, its control characters stripped (no empty boxes)
    assert "MARKER" in text
    assert not any(unicodedata.category(ch) == "Cc" for ch in text.replace("\n", ""))
