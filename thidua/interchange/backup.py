"""`thidua backup` / `thidua restore`: a consistent, checksummed archive of the database and
(optionally) the uploaded files.

A backup is a gzip'd tar file:

    manifest.json      format, version, time, database vendor, migrations, and the SHA-256 and
                       size of every other member
    database.json      the lossless archive (`archive.export_all`), written inside ONE read
                       transaction: REPEATABLE READ on PostgreSQL, a deferred (snapshot) read
                       transaction on SQLite in WAL mode, so every table is of the same instant
    media/<path>       every file under MEDIA_ROOT (with --media)

Restore reads and checks every member against the manifest before it writes anything, refuses a
database that is not empty (as `thidua import --all` does) and media files that would overwrite
different ones, then loads the archive in one transaction and verifies the event hash chain.
Ballots stay secret: the archive holds what the database holds, in which a ballot has no link
to a member, no time and a random key (see council.models).
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from thidua.core.events import verify_chain
from thidua.interchange import archive

FORMAT = "thidua-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA_PREFIX = "media/"
CHUNK = 1 << 20


class BackupError(archive.ArchiveError):
    """A backup that cannot be written or restored; the message is Vietnamese."""


@dataclass
class Summary:
    tables: int = 0
    rows: int = 0
    media_files: int = 0
    media_bytes: int = 0
    members: dict[str, dict[str, Any]] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def snapshot() -> Iterator[None]:
    """One read transaction in which every query sees the same committed state."""
    if connection.vendor == "sqlite":
        # BEGIN IMMEDIATE (the project's mode for writers) would block every writer for the
        # whole backup; a deferred read transaction in WAL mode is a snapshot that does not.
        connection.ensure_connection()
        old_mode = getattr(connection, "transaction_mode", None)
        connection.transaction_mode = None  # type: ignore[attr-defined]
        try:
            with transaction.atomic():
                yield
        finally:
            connection.transaction_mode = old_mode  # type: ignore[attr-defined]
        return
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def create_backup(target: Path, *, media: bool = False) -> Summary:
    """Write a backup to `target` (written to a temporary name, then moved into place)."""
    summary = Summary()
    target = Path(target)
    with tempfile.TemporaryDirectory(prefix="thidua-backup-") as work:
        db_path = Path(work) / DATABASE
        with snapshot(), db_path.open("w", encoding="utf-8") as out:
            counts = archive.export_all(out)
        summary.tables = len(counts)
        summary.rows = sum(counts.values())
        members: dict[str, dict[str, Any]] = {
            DATABASE: {"sha256": _sha256(db_path), "size": db_path.stat().st_size}
        }
        media_root = Path(settings.MEDIA_ROOT)
        files = _media_files(media_root) if media else []
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(db_path, arcname=DATABASE)
            for path in files:
                name = MEDIA_PREFIX + path.relative_to(media_root).as_posix()
                data = path.read_bytes()  # read once: the checksum is of what is archived
                members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                info = tarfile.TarInfo(name)
                info.size = len(data)
                info.mtime = int(path.stat().st_mtime)
                tar.addfile(info, io.BytesIO(data))
                summary.media_files += 1
                summary.media_bytes += len(data)
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created_at": timezone.now().astimezone(UTC).isoformat(),
                "database": connection.vendor,
                "archive_version": archive.VERSION,
                "media": media,
                "members": members,
            }
            blob = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(blob)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(blob))
        partial.replace(target)
    summary.members = members
    return summary


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name.strip() == name


def _read_verified(source: Path, work: Path) -> tuple[dict[str, Any], list[str]]:
    """Extract every member to `work`, checking it against the manifest. Nothing else."""
    try:
        tar = tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError):
        raise BackupError("Tệp không phải bản sao lưu thidua (không đọc được tệp nén).") from None
    with tar:
        try:
            entries = tar.getmembers()
        except (OSError, tarfile.TarError, EOFError):
            raise BackupError("Bản sao lưu bị hỏng hoặc không đầy đủ.") from None
        by_name = {m.name: m for m in entries}
        if MANIFEST not in by_name or len(by_name) != len(entries):
            raise BackupError("Bản sao lưu thiếu bảng kê (manifest.json) hoặc có tệp trùng tên.")
        try:
            manifest = json.loads(tar.extractfile(by_name[MANIFEST]).read())  # type: ignore[union-attr]
        except (ValueError, AttributeError):
            raise BackupError("Bảng kê (manifest.json) của bản sao lưu không hợp lệ.") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError("Tệp không phải bản sao lưu thidua.")
        if manifest.get("version") != VERSION:
            raise BackupError(
                "Bản sao lưu phiên bản {v}; phiên bản này của thidua đọc phiên bản {w}.".format(
                    v=manifest.get("version"), w=VERSION
                )
            )
        listed = manifest.get("members")
        if not isinstance(listed, dict) or DATABASE not in listed:
            raise BackupError("Bảng kê của bản sao lưu không liệt kê dữ liệu.")
        present = set(by_name) - {MANIFEST}
        if present != set(listed):
            extra = sorted(present - set(listed))
            missing = sorted(set(listed) - present)
            raise BackupError(
                "Bản sao lưu không khớp bảng kê: thiếu {m}; thừa {e}.".format(
                    m=", ".join(missing) or "không", e=", ".join(extra) or "không"
                )
            )
        names = sorted(present)
        for name in names:
            entry = by_name[name]
            if not entry.isfile() or not _safe_member(name):
                raise BackupError("Bản sao lưu chứa mục không hợp lệ: {n}.".format(n=name))
            out = work / name
            out.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            size = 0
            handle = tar.extractfile(entry)
            assert handle is not None
            try:
                with out.open("wb") as sink:
                    while chunk := handle.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        sink.write(chunk)
            except (OSError, tarfile.TarError, EOFError):
                raise BackupError("Bản sao lưu bị hỏng hoặc không đầy đủ.") from None
            want = listed[name]
            if digest.hexdigest() != want.get("sha256") or size != want.get("size"):
                raise BackupError(
                    "Bản sao lưu đã bị thay đổi hoặc hỏng: mã kiểm tra SHA-256 của {n} không "
                    "khớp bảng kê. Không dữ liệu nào được ghi.".format(n=name)
                )
    return manifest, names


def restore_backup(source: Path) -> Summary:
    """Check the whole backup, then load it into an empty database and copy its media."""
    summary = Summary()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="thidua-restore-") as tmp:
        work = Path(tmp)
        manifest, names = _read_verified(Path(source), work)
        media = [n for n in names if n.startswith(MEDIA_PREFIX)]
        clashes = []
        for name in media:
            target = media_root / name[len(MEDIA_PREFIX) :]
            if target.exists() and _sha256(target) != manifest["members"][name]["sha256"]:
                clashes.append(name[len(MEDIA_PREFIX) :])
        if clashes:
            raise BackupError(
                "Thư mục tệp tải lên (MEDIA_ROOT) đã có tệp khác cùng tên: {n}. Hãy khôi phục "
                "vào thư mục trống.".format(n=", ".join(clashes[:5]))
            )
        with transaction.atomic(), (work / DATABASE).open(encoding="utf-8") as handle:
            try:
                counts = archive.import_all(handle, media=False)
            except BackupError:
                raise
            except archive.ArchiveError as exc:
                raise BackupError(exc.message) from None
            report = verify_chain()
            if not report.ok:  # rolled back: nothing is written
                raise BackupError(
                    "Chuỗi băm nhật ký sự kiện trong bản sao lưu không toàn vẹn (tại sự kiện "
                    "#{id}): bản sao lưu đã bị can thiệp; không dữ liệu nào được ghi.".format(
                        id=report.broken_at
                    )
                )
        summary.tables = len(counts)
        summary.rows = sum(counts.values())
        for name in media:
            target = media_root / name[len(MEDIA_PREFIX) :]
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(work / name, target)
            summary.media_files += 1
            summary.media_bytes += manifest["members"][name]["size"]
    summary.members = manifest["members"]
    return summary
