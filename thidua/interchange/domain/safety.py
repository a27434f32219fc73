"""Hostile files: what a file's first bytes say it is, zip bombs, formula injection (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from thidua.core.cells import neutralise  # noqa: F401  (re-exported: the export rule)

FileKind = Literal["xlsx", "csv"]


@dataclass(frozen=True)
class Limits:
    """Sanity bounds on one uploaded sheet (not legal figures; settings may change them)."""

    max_bytes: int = 40 * 1024 * 1024
    max_entries: int = 2000
    max_uncompressed: int = 600 * 1024 * 1024
    max_ratio: int = 250
    max_rows: int = 200_000
    max_columns: int = 60
    max_cell_chars: int = 4000


LIMITS: Final = Limits()

_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES: Final = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"\x1f\x8b", "gzip"),
    (b"MZ", "chương trình Windows"),
    (b"\x7fELF", "chương trình"),
)


class Refused(ValueError):
    """The file as a whole is refused; nothing is read from it. `message` is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sniff(head: bytes, size: int, limits: Limits = LIMITS) -> FileKind:
    """Tell from the first bytes whether the file is an .xlsx (zip) or a text CSV."""
    if size == 0:
        raise Refused("Tệp rỗng.")
    if size > limits.max_bytes:
        raise Refused(
            "Tệp quá lớn ({mb} MB); giới hạn là {limit} MB. Hãy chia thành nhiều tệp.".format(
                mb=size // (1024 * 1024), limit=limits.max_bytes // (1024 * 1024)
            )
        )
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(_OLE):
        raise Refused(
            "Tệp là bảng tính Excel cũ (.xls) hoặc tài liệu Word: hãy mở bằng Excel và lưu lại "
            "dưới dạng .xlsx rồi tải lên."
        )
    for signature, label in _SIGNATURES:
        if head.startswith(signature):
            raise Refused(
                "Tệp là {label}, không phải bảng tính. Hãy tải lên tệp .xlsx hoặc .csv.".format(
                    label=label
                )
            )
    if b"\x00" in head:
        raise Refused("Tệp không phải bảng tính .xlsx hay văn bản .csv.")
    return "csv"


@dataclass(frozen=True)
class ZipEntry:
    name: str
    size: int
    compressed: int


def check_zip(entries: Sequence[ZipEntry], limits: Limits = LIMITS) -> None:
    """Refuse a zip whose content would blow up when opened (before any XML parser runs)."""
    if len(entries) > limits.max_entries:
        raise Refused("Tệp .xlsx có quá nhiều thành phần ({n}); không mở.".format(n=len(entries)))
    if not any(e.name == "[Content_Types].xml" for e in entries) or not any(
        e.name.startswith("xl/") for e in entries
    ):
        raise Refused("Tệp nén không phải bảng tính Excel (.xlsx).")
    total = sum(e.size for e in entries)
    if total > limits.max_uncompressed:
        raise Refused(
            "Tệp .xlsx khi giải nén lên tới {mb} MB, vượt giới hạn {limit} MB; không mở.".format(
                mb=total // (1024 * 1024), limit=limits.max_uncompressed // (1024 * 1024)
            )
        )
    for entry in entries:
        if entry.size > 1024 * 1024 and entry.size > limits.max_ratio * max(entry.compressed, 1):
            raise Refused(
                "Tệp .xlsx có thành phần nén bất thường (tỷ lệ nén quá cao, nghi “bom nén”); "
                "không mở."
            )
