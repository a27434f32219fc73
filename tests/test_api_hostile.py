"""Hostile JSON bodies on every API write never come back as a 500.

The write operations are discovered from the API's own OpenAPI schema, so a new endpoint is
covered without touching this file. For each operation a realistic body is built from its
request schema (with real ids for the world's objects), then one field at a time is replaced by
a hostile value: integers 10**12, -1 and 0; strings of 10,000 characters, NUL and an SQL
fragment; dates at both ends of the calendar. An empty body and a JSON list are sent too, and
the integer path parameters are sent out of range. Anything from 2xx to 4xx is fine; a 5xx
fails with the operation and the body. Run it on PostgreSQL as well (integer overflow and NUL
in text only fail there): THIDUA_TEST_DATABASE_URL=postgresql://...
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

import thidua.api.urls  # noqa: F401  (adds the routers to the API before the schema is read)
from thidua.api.base import api
from thidua.awards import services as award_services
from thidua.awards.models import AwardRecord, AwardType
from thidua.core.testing.matrix import login
from thidua.core.testing.personas import World
from thidua.interchange.tests.builders import checked_job
from thidua.movements.models import Movement
from thidua.movements.tests.builders import Built, build, draft
from thidua.nominations.tests import builders as nomination_builders

pytestmark = pytest.mark.django_db

WRITE_METHODS = ("post", "put", "patch", "delete")
SCHEMA: dict[str, Any] = api.get_openapi_schema()
OPERATIONS = sorted(
    (method, path)
    for path, item in SCHEMA["paths"].items()
    if path.startswith("/api/v1/")
    for method in item
    if method in WRITE_METHODS
)

INTEGERS: tuple[Any, ...] = (10**12, -1, 0)
NUMBERS: tuple[Any, ...] = (10**12, -1, 0, 10**30)
STRINGS: tuple[Any, ...] = ("x" * 10_000, "\x00", "'; DROP TABLE x; --")
DATES: tuple[Any, ...] = ("0001-01-01", "9999-12-31")


@dataclass
class Context:
    world: World
    built: Built  # a movement under way, with a registration, a work and a pledge
    draft: Movement  # a draft movement: targets can only be added while it is one
    record: AwardRecord
    nominations: nomination_builders.Built  # a dossier received at the province
    nomination_draft: nomination_builders.Built  # a dossier still being filled by commune A

    def movement_version(self) -> int:
        return Movement.objects.get(pk=self.built.movement.pk).version

    def record_version(self) -> int:
        return AwardRecord.objects.get(pk=self.record.pk).version


Value = Callable[[Context], Any]

# Realistic values for the fields a generic value would not get past (by schema title), so
# that the hostile field reaches the service and the database rather than a first refusal.
KNOWN: dict[str, dict[str, Value]] = {
    "MovementIn": {
        "name": lambda c: "Phong trào qua API",
        "kind": lambda c: "thematic",
        "launch_level": lambda c: "province",
        "organiser_id": lambda c: c.world.province.pk,
        "document_type": lambda c: "directive",
        "start_date": lambda c: "2024-01-01",
        "end_date": lambda c: "2030-12-31",
    },
    "MilestoneIn": {"kind": lambda c: "interim", "due_date": lambda c: "2027-06-30"},
    "TransitionIn": {
        "to": lambda c: "interim_review",
        "version": lambda c: c.movement_version(),
    },
    "TargetIn": {
        "indicator": lambda c: "Km đường giao thông",
        "direction": lambda c: "at_least",
        "aggregation": lambda c: "sum",
        "low": lambda c: 5,
    },
    "RegistrationIn": {"unit_id": lambda c: c.world.unit_b.pk},
    "IndicatorIn": {"indicator": lambda c: "Chỉ tiêu đăng ký"},
    "WorkIn": {
        "unit_id": lambda c: c.world.unit_a.pk,
        "name": lambda c: "Nhà văn hóa",
        "kind": lambda c: "inauguration",
    },
    "SignatureIn": {
        "unit_id": lambda c: c.world.unit_a.pk,
        "signer_name": lambda c: "Nguyễn Văn An",
        "signed_on": lambda c: "2024-03-06",
    },
    "AwardIn": {
        "award": lambda c: "LDTT",
        "year": lambda c: 2024,
        "person_id": lambda c: c.world.person_a.pk,
    },
    "RevokeIn": {
        "expected_version": lambda c: c.record_version(),
        "revoked_on": lambda c: "2025-06-01",
        "reason": lambda c: "Khen nhầm đối tượng",
    },
    "EligibilityInput": {
        "award": lambda c: "LDTT",
        "year": lambda c: 2024,
        "proposal_date": lambda c: "2025-01-15",
    },
}
PathValue = Callable[[Context, str], Any]
PATH_IDS: dict[str, PathValue] = {
    "movement_id": lambda c, path: (c.draft if "/targets" in path else c.built.movement).pk,
    "pledge_id": lambda c, path: c.built.pledge.pk,
    "record_id": lambda c, path: c.record.pk,
    # the sender's operations need a draft; the receiving level's, a received dossier
    "dossier_id": lambda c, path: (
        (
            c.nomination_draft
            if path.endswith(("/nominees", "/submit", "/recall"))
            else c.nominations
        ).dossier.pk
    ),
    "nominee_id": lambda c, path: c.nominations.nominee.pk,
    "job_id": lambda c, path: checked_job(c.world).pk,
}


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref and pick the first non-null choice of anyOf/oneOf."""
    while True:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = SCHEMA["components"]["schemas"][name]
        elif "anyOf" in schema or "oneOf" in schema:
            choices = schema.get("anyOf") or schema["oneOf"]
            schema = next(s for s in choices if s.get("type") != "null")
        else:
            return schema


def kind_of(schema: dict[str, Any]) -> str:
    kind = schema.get("type", "string" if "enum" in schema else "object")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "string" and schema.get("format") == "date":
        return "date"
    return str(kind)


def request_schema(method: str, path: str) -> dict[str, Any] | None:
    body = SCHEMA["paths"][path][method].get("requestBody")
    if body is None:
        return None
    # A multipart operation (a file upload) gets the same hostile JSON bodies: they must be
    # refused as unreadable input, never answered with a server error.
    content = body["content"]
    media = content.get("application/json") or next(iter(content.values()))
    return resolve(media["schema"])


def base(schema: dict[str, Any], ctx: Context, name: str = "") -> Any:
    """A plausible value: known fields get real ones, required fields a generic one."""
    schema = resolve(schema)
    kind = kind_of(schema)
    if kind == "object":
        known = KNOWN.get(schema.get("title", ""), {})
        required = set(schema.get("required", ()))
        return {
            field: known[field](ctx) if field in known else base(sub, ctx, field)
            for field, sub in schema.get("properties", {}).items()
            if field in known or field in required
        }
    if kind == "array":
        return []
    if "enum" in schema:
        return schema["enum"][0]
    return {
        "integer": 1,
        "number": 1,
        "boolean": False,
        "date": "2024-06-01",
    }.get(kind, "Giá trị thử")


def hostile(schema: dict[str, Any], kind: str) -> tuple[Any, ...]:
    return {"integer": INTEGERS, "number": NUMBERS, "string": STRINGS, "date": DATES}.get(kind, ())


def mutations(schema: dict[str, Any], ctx: Context) -> Iterator[tuple[str, Any]]:
    """(label, body) with one field, at any depth, set to a hostile value."""
    schema = resolve(schema)
    body = base(schema, ctx)
    for field, sub in schema.get("properties", {}).items():
        sub = resolve(sub)
        kind = kind_of(sub)
        if kind == "object":
            for label, inner in mutations(sub, ctx):
                yield f"{field}.{label}", {**body, field: inner}
        elif kind == "array":
            items = resolve(sub.get("items", {}))
            if kind_of(items) == "object":
                for label, inner in mutations(items, ctx):
                    yield f"{field}[0].{label}", {**body, field: [inner]}
            else:
                for value in hostile(items, kind_of(items)):
                    yield f"{field}[0]", {**body, field: [value]}
        else:
            for value in hostile(sub, kind):
                yield field, {**body, field: value}


def bodies(method: str, path: str, ctx: Context) -> Iterator[tuple[str, str]]:
    """(label, raw JSON) for every hostile body of an operation."""
    schema = request_schema(method, path) or {"type": "object", "properties": {}}
    yield "empty body", ""
    yield "{}", "{}"
    yield "a JSON list", json.dumps([])
    yield "a list of a valid body", json.dumps([base(schema, ctx)])
    for label, body in mutations(schema, ctx):
        yield label, json.dumps(body)


def urls(method: str, path: str, ctx: Context) -> Iterator[tuple[str, str]]:
    """The operation's URL with real ids, then each integer path parameter out of range."""
    params = [p for p in SCHEMA["paths"][path][method].get("parameters", []) if p["in"] == "path"]
    real = {p["name"]: PATH_IDS[p["name"]](ctx, path) for p in params}
    yield "", path.format(**real)
    for p in params:
        if kind_of(resolve(p["schema"])) == "integer":
            for value in INTEGERS:
                yield f"{p['name']}={value}", path.format(**{**real, p["name"]: value})


class _Rollback(Exception):
    """Undo what the request wrote, so that every body meets the same data (a body that
    succeeds must not turn the next one into an early "already registered" refusal) and a
    failed statement on PostgreSQL does not abort the rest of the test."""


def send(client: Client, method: str, url: str, raw: str) -> int:
    try:
        with transaction.atomic():
            response = client.generic(method.upper(), url, raw, content_type="application/json")
            raise _Rollback(response.status_code)
    except _Rollback as done:
        return int(done.args[0])


@pytest.fixture
def ctx(world: World) -> Context:
    record = award_services.record_award(
        world.users["unit_a_clerk"],
        world.person_a,
        award_services.AwardData(
            AwardType.objects.get(code="CSTDCS"), 2024, decision_date=date(2025, 1, 10)
        ),
    )
    return Context(
        world,
        build(world),
        draft(world, name="Phong trào nháp"),
        record,
        nomination_builders.build(world, received=True),
        nomination_builders.build(world),
    )


def test_the_write_operations_are_discovered() -> None:
    assert len(OPERATIONS) >= 9, OPERATIONS
    for method, path in OPERATIONS:
        for p in SCHEMA["paths"][path][method].get("parameters", []):
            if p["in"] == "path":
                assert p["name"] in PATH_IDS, (
                    f"{method.upper()} {path}: add {p['name']} to PATH_IDS"
                )


def _short(raw: str) -> str:
    return raw if len(raw) < 300 else raw[:150] + f"…[{len(raw)} chars]…" + raw[-100:]


@pytest.mark.parametrize("persona", ["admin", "unit_a_clerk"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_hostile_bodies_never_cause_a_server_error(
    client: Client, ctx: Context, persona: str, method: str, path: str
) -> None:
    # given
    login(client, ctx.world, persona)
    client.raise_request_exception = False
    failures: list[str] = []
    sent = 0
    # when
    for url_label, url in urls(method, path, ctx):
        if url_label:  # an out-of-range path parameter with a plausible body
            schema = request_schema(method, path) or {"type": "object"}
            cases: Iterator[tuple[str, str]] = iter([("base", json.dumps(base(schema, ctx)))])
        else:
            cases = bodies(method, path, ctx)
        for label, raw in cases:
            status = send(client, method, url, raw)
            sent += 1
            if status >= 500:
                failures.append(
                    f"{status} {method.upper()} {url} [{url_label or label}] body={_short(raw)}"
                )
    # then
    assert sent > 3
    assert not failures, f"{len(failures)} server errors as {persona}:\n" + "\n".join(failures)
