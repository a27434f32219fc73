"""`thidua backup` / `thidua restore`: round trip of every table and the media, checksums,
refusals that write nothing, and ballot secrecy in what thidua's dump tooling writes."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from thidua.awards import services as award_services
from thidua.awards.models import AwardType
from thidua.core.events import record_event, verify_chain
from thidua.core.models import Event
from thidua.council import services as council_services
from thidua.council.models import Ballot, Elector, VoteReceipt
from thidua.council.tests.builders import build as build_council
from thidua.council.tests.builders import open_all_present
from thidua.interchange import archive, backup
from thidua.movements.tests.builders import build as build_movement

pytestmark = pytest.mark.django_db

CHOICES = ["yes", "yes", "no", "abstain", "yes", "no", "yes"]


def _everything() -> dict[str, list[tuple]]:
    return {m._meta.label_lower: archive.rows_of(m) for m in archive.archived_models()}


def _wipe() -> None:
    with transaction.atomic():
        for model in archive.archived_models():
            model._default_manager.all()._raw_delete(connection.alias)


def _media(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def voted(world):
    """A council session in which seven members voted on one item, with their receipts."""
    built = build_council(world)
    open_all_present(world, built)
    for index, choice in enumerate(CHOICES):
        council_services.cast_ballots(built.voters[index], built.session, {built.cstd.pk: choice})
    return built


def _fill(world, settings) -> Path:
    build_movement(world)
    award_services.record_award(
        world.users["province_officer"],
        world.person_a,
        award_services.AwardData(AwardType.objects.get(code="LDTT"), 2023, decision_number="1/QĐ"),
    )
    root = Path(settings.MEDIA_ROOT)
    (root / "private" / "imports").mkdir(parents=True)
    (root / "private" / "imports" / "a1b2").write_bytes(b"PK\x03\x04 sheet bytes \x00\xff")
    (root / "evidence" / "2025").mkdir(parents=True)
    (root / "evidence" / "2025" / "ảnh-công-trình.jpg").write_bytes(bytes(range(256)) * 40)
    return root


def test_backup_then_restore_into_a_fresh_database_reproduces_every_table_and_file(
    world, voted, settings, tmp_path
):
    root = _fill(world, settings)
    before, files = _everything(), _media(root)
    assert sum(len(rows) for rows in before.values()) > 50
    target = tmp_path / "thidua.tar.gz"

    summary = backup.create_backup(target, media=True)
    assert summary.media_files == 2
    with tarfile.open(target) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        assert set(tar.getnames()) == {"manifest.json", "database.json"} | {
            "media/" + name for name in files
        }
    assert len(manifest["members"]["database.json"]["sha256"]) == 64

    # given an empty database and media folder
    _wipe()
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    # when the backup is restored
    restored = backup.restore_backup(target)
    # then every row of every table, and every file, is back exactly
    assert restored.rows == summary.rows
    after = _everything()
    for label, rows in before.items():
        assert after[label] == rows, f"{label} differs after the restore"
    assert _media(Path(settings.MEDIA_ROOT)) == files
    assert verify_chain().ok


def test_a_tampered_backup_is_refused_and_nothing_is_written(world, settings, tmp_path):
    target = tmp_path / "thidua.tar.gz"
    backup.create_backup(target)
    # someone edits the data but cannot fix the manifest's SHA-256
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(target) as src, tarfile.open(tampered, "w:gz") as out:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "database.json":
                data = data.replace("Xã An Phú".encode(), "Xã Giả Mạo".encode())
                assert "Xã Giả Mạo".encode() in data
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    _wipe()
    with pytest.raises(backup.BackupError, match="SHA-256 của database.json không khớp"):
        backup.restore_backup(tampered)
    assert sum(len(rows) for rows in _everything().values()) == 0
    with pytest.raises(CommandError, match="đã bị thay đổi hoặc hỏng"):
        call_command("restore", str(tampered))
    assert sum(len(rows) for rows in _everything().values()) == 0


def test_a_backup_whose_event_chain_was_rewritten_is_refused(world, settings, tmp_path):
    """A forger who also fixes the manifest's checksums is caught by the event hash chain."""
    for n in range(2):
        record_event(
            actor=world.users["province_officer"],
            action="org.test",
            obj=world.unit_a,
            unit_path=world.unit_a.path,
            after={"n": n},
        )
    target = tmp_path / "thidua.tar.gz"
    backup.create_backup(target)
    forged = tmp_path / "forged.tar.gz"
    with tarfile.open(target) as src:
        document = json.loads(src.extractfile("database.json").read())
    events = next(t for t in document["tables"] if t["model"] == "core.event")
    action = events["fields"].index("action")
    events["rows"][0][action] = "gia.mao"
    data = json.dumps(document, ensure_ascii=False).encode()

    manifest = {
        "format": backup.FORMAT,
        "version": backup.VERSION,
        "members": {
            "database.json": {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        },
    }
    with tarfile.open(forged, "w:gz") as out:
        for name, blob in (
            ("database.json", data),
            ("manifest.json", json.dumps(manifest).encode()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(blob)
            out.addfile(info, io.BytesIO(blob))
    _wipe()
    with pytest.raises(backup.BackupError, match="bị can thiệp"):
        backup.restore_backup(forged)
    assert not Event.objects.exists()


def test_restore_refuses_a_database_that_is_not_empty(world, tmp_path):
    target = tmp_path / "thidua.tar.gz"
    call_command("backup", str(target))
    before = _everything()
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(target))
    assert _everything() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a tar at all", "không phải bản sao lưu"),
        (None, "không khớp bảng kê"),
    ],
)
def test_foreign_or_incomplete_files_are_refused(db, tmp_path, content, message):
    path = tmp_path / "x.tar.gz"
    if content is not None:
        path.write_bytes(content)
    else:  # a manifest listing a member that is not there
        with tarfile.open(path, "w:gz") as out:
            blob = json.dumps(
                {
                    "format": backup.FORMAT,
                    "version": backup.VERSION,
                    "members": {"database.json": {"sha256": "0" * 64, "size": 1}},
                }
            ).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(blob)
            out.addfile(info, io.BytesIO(blob))
    with pytest.raises(backup.BackupError, match=message):
        backup.restore_backup(path)


def test_restore_refuses_to_overwrite_different_media(world, settings, tmp_path):
    root = _fill(world, settings)
    target = tmp_path / "thidua.tar.gz"
    backup.create_backup(target, media=True)
    _wipe()
    (root / "private" / "imports" / "a1b2").write_bytes(b"another file")
    with pytest.raises(backup.BackupError, match="MEDIA_ROOT"):
        backup.restore_backup(target)
    assert sum(len(rows) for rows in _everything().values()) == 0


def test_neither_archive_nor_backup_links_a_member_to_a_ballots_content(world, voted, tmp_path):
    out = io.StringIO()
    archive.export_all(out)
    target = tmp_path / "thidua.tar.gz"
    backup.create_backup(target)
    with tarfile.open(target) as tar:
        in_backup = tar.extractfile("database.json").read().decode()
    for text in (out.getvalue(), in_backup):
        document = json.loads(text)
        tables = {t["model"]: t for t in document["tables"]}
        # the ballot is a slot: a random key, its item and its content, nothing else
        assert tables["council.ballot"]["fields"] == ["id", "item_id", "choice"]
        filled = [r for r in tables["council.ballot"]["rows"] if r[2]]
        assert sorted(r[2] for r in filled) == sorted(CHOICES)
        # and no other table names a ballot, or holds a choice next to a member
        ballot_ids = {r[0] for r in tables["council.ballot"]["rows"]}
        for label, table in tables.items():
            if label == "council.ballot":
                continue
            cells = json.dumps(table["rows"], ensure_ascii=False)
            assert not any(b in cells for b in ballot_ids), label
            assert "choice" not in table["fields"], label
        assert tables["council.votereceipt"]["fields"] == ["id", "item_id", "elector_id", "written"]
        # the events say a ballot was cast, never what it says
        events = tables["core.event"]
        names = events["fields"]
        for row in events["rows"]:
            event = dict(zip(names, row, strict=True))
            if event["action"] == "council.ballot_cast":
                assert event["before"] in (None, {})
                assert event["after"] in (None, {})
        # receipts and ballots are stored in key order, not casting order
        assert len(tables["council.votereceipt"]["rows"]) == len(CHOICES)
    assert VoteReceipt.objects.count() == len(CHOICES)
    assert Ballot.objects.exclude(choice="").count() == len(CHOICES)
    assert Elector.objects.count() >= len(CHOICES)


@pytest.mark.django_db(transaction=True)
def test_the_backup_reads_one_snapshot():
    with backup.snapshot(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW transaction_isolation")
            assert cursor.fetchone()[0] == "repeatable read"
            cursor.execute("SHOW transaction_read_only")
            assert cursor.fetchone()[0] == "on"
        else:
            assert connection.in_atomic_block
            assert connection.transaction_mode is None  # deferred: writers are not blocked
    if connection.vendor == "sqlite":
        assert connection.transaction_mode == "IMMEDIATE"
