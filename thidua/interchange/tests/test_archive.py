"""The lossless archive: export everything, load it into an empty database, compare every row."""

from __future__ import annotations

import io
import json

import pytest
from django.db import connection, transaction

from thidua.awards import services as award_services
from thidua.awards.models import AwardType
from thidua.core.events import verify_chain
from thidua.interchange import archive
from thidua.movements.tests.builders import build

pytestmark = pytest.mark.django_db(transaction=False)


def _everything() -> dict[str, list[tuple]]:
    return {m._meta.label_lower: archive.rows_of(m) for m in archive.archived_models()}


def _wipe() -> None:
    with transaction.atomic():
        for model in archive.archived_models():
            model._default_manager.all()._raw_delete(connection.alias)


def test_archive_round_trip_reproduces_every_row_of_every_model(world):
    build(world)  # a movement with targets, registrations, works, pledges and their events
    award_services.record_award(
        world.users["province_officer"],
        world.person_a,
        award_services.AwardData(AwardType.objects.get(code="LDTT"), 2023, decision_number="1/QĐ"),
    )
    before = _everything()
    assert sum(len(rows) for rows in before.values()) > 50
    out = io.StringIO()
    counts = archive.export_all(out)
    document = json.loads(out.getvalue())
    assert document["format"] == "thidua-archive"
    assert document["version"] == archive.VERSION
    assert set(counts) == set(before)
    _wipe()
    assert sum(len(rows) for rows in _everything().values()) == 0
    archive.import_all(io.StringIO(out.getvalue()))
    after = _everything()
    for label, rows in before.items():
        assert after[label] == rows, f"{label} differs after the round trip"
    assert verify_chain().ok


def test_the_archive_refuses_a_database_that_is_not_empty(world):
    out = io.StringIO()
    archive.export_all(out)
    with pytest.raises(archive.ArchiveError, match="không trống"):
        archive.import_all(io.StringIO(out.getvalue()))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "JSON"),
        ('{"format": "other"}', "không phải bản lưu trữ"),
        ('{"format": "thidua-archive", "version": 99, "tables": []}', "phiên bản 99"),
    ],
)
def test_foreign_or_future_files_are_refused(db, text, message):
    with pytest.raises(archive.ArchiveError, match=message):
        archive.import_all(io.StringIO(text))


def test_every_thidua_app_is_in_the_archive_and_the_schema_names_the_format():
    labels = {m._meta.app_label for m in archive.archived_models()}
    assert {"core", "accounts", "org", "movements", "awards", "interchange"} <= labels
    schema = json.loads(archive.SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["properties"]["format"]["const"] == archive.FORMAT
    assert schema["properties"]["version"]["const"] == archive.VERSION
