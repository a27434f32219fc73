"""What an uploaded file really is, from its first bytes (never from its name or the
browser's word), and whether it may be kept."""

from __future__ import annotations

from thidua.org.domain.reasons import Reason

# A sanity bound on uploads, not a legal figure.
MAX_BYTES = 20 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}


def sniff(head: bytes) -> str:
    """The content type the first bytes show, or "" when none of the accepted kinds."""
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    return ""


def upload_reasons(head: bytes, size: int) -> list[Reason]:
    reasons = []
    if size <= 0:
        reasons.append(Reason("FILE_EMPTY", "Tệp rỗng.", "", "file"))
    elif size > MAX_BYTES:
        reasons.append(Reason("FILE_TOO_LARGE", "Tệp quá lớn (tối đa 20 MB).", "", "file"))
    if size > 0 and not sniff(head):
        reasons.append(
            Reason(
                "FILE_TYPE",
                "Chỉ nhận tệp PDF, Word (.docx, .doc) hoặc ảnh JPEG/PNG.",
                "",
                "file",
            )
        )
    return reasons
