"""What an uploaded file really is, from its first bytes (never from its name or the browser's
word), and whether it may be kept. Pure: every app that accepts files calls this one check.

    reasons = upload_reasons(read_head(upload), upload.size or 0, accepted=PHOTO, field="image")
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from thidua.core.reasons import Reason

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOC = "application/msword"
JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"

PHOTO = frozenset({JPEG, PNG, WEBP})
DOCUMENT = frozenset({PDF, DOC, DOCX})

# First bytes of each accepted kind. Word and Excel files of Office 2007+ are both zip files:
# the kind the browser declares decides between them when both are accepted.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"PK\x03\x04", DOCX),
    (b"PK\x03\x04", XLSX),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", DOC),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
EXTENSIONS = {
    PDF: ".pdf",
    DOCX: ".docx",
    XLSX: ".xlsx",
    DOC: ".doc",
    JPEG: ".jpg",
    PNG: ".png",
    WEBP: ".webp",
}
HEAD_BYTES = 16


def read_head(upload: Any) -> bytes:
    """The first bytes of an uploaded file, leaving it ready to be read from the start."""
    upload.seek(0)
    head = bytes(upload.read(HEAD_BYTES))
    upload.seek(0)
    return head


def sniff(head: bytes, accepted: Collection[str], declared: str = "") -> str:
    """The accepted content type the first bytes show, or "" when none."""
    found = [kind for signature, kind in _SIGNATURES if head.startswith(signature)]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        found.append(WEBP)
    found = [kind for kind in found if kind in accepted]
    if declared in found:
        return declared
    return found[0] if found else ""


def upload_reasons(
    head: bytes,
    size: int,
    *,
    accepted: Collection[str],
    field: str,
    max_bytes: int,
    type_message: str,
    declared: str = "",
) -> list[Reason]:
    """Why the file may not be kept: empty, larger than `max_bytes` (a sanity bound, not a legal
    figure), or not one of the `accepted` kinds by its first bytes."""
    reasons = []
    if size <= 0:
        reasons.append(Reason("FILE_EMPTY", "Tệp rỗng.", "", field))
    elif size > max_bytes:
        limit = max_bytes // (1024 * 1024)
        reasons.append(Reason("FILE_TOO_LARGE", f"Tệp quá lớn (tối đa {limit} MB).", "", field))
    if size > 0 and not sniff(head, accepted, declared):
        reasons.append(Reason("FILE_TYPE", type_message, "", field))
    return reasons


def stored_name(folder: str, filename: str) -> str:
    """Where an accepted file is kept: a random name under the app's folder, with the original
    suffix only (the original name is kept in the row, never in the path)."""
    import uuid
    from pathlib import PurePosixPath

    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"
