"""The files a dossier accepts (checked by their first bytes in `core.uploads`)."""

from __future__ import annotations

from thidua.core import uploads
from thidua.core.reasons import Reason

# A sanity bound on uploads, not a legal figure.
MAX_BYTES = 20 * 1024 * 1024
ACCEPTED = frozenset({uploads.PDF, uploads.DOCX, uploads.DOC, uploads.JPEG, uploads.PNG})
EXTENSIONS = uploads.EXTENSIONS


def sniff(head: bytes) -> str:
    """The content type the first bytes show, or "" when none of the accepted kinds."""
    return uploads.sniff(head, ACCEPTED)


def upload_reasons(head: bytes, size: int) -> list[Reason]:
    return uploads.upload_reasons(
        head,
        size,
        accepted=ACCEPTED,
        field="file",
        max_bytes=MAX_BYTES,
        type_message="Chỉ nhận tệp PDF, Word (.docx, .doc) hoặc ảnh JPEG/PNG.",
    )
