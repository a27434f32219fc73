"""Uploads are judged by their first bytes: pure rules, no database."""

import io

import pytest

from thidua.core import uploads

PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
WEBP_HEAD = b"RIFF\x24\x00\x00\x00WEBPVP8 "
ZIP_HEAD = b"PK\x03\x04" + b"\x00" * 12


@pytest.mark.parametrize(
    ("head", "accepted", "declared", "expected"),
    [
        (b"%PDF-1.7", uploads.DOCUMENT, "", uploads.PDF),
        (PNG_HEAD, uploads.PHOTO, "image/png", uploads.PNG),
        (WEBP_HEAD, uploads.PHOTO, "", uploads.WEBP),
        # a PNG the browser calls a PDF is still a PNG, and not a document
        (PNG_HEAD, uploads.DOCUMENT, uploads.PDF, ""),
        # a Windows program named .png is refused whatever the browser says
        (b"MZ\x90\x00", uploads.PHOTO, uploads.PNG, ""),
        (b"<svg onload=alert(1)>", uploads.PHOTO, "image/svg+xml", ""),
        # a zip is Word or Excel: the declared kind decides when both are accepted
        (ZIP_HEAD, {uploads.DOCX, uploads.XLSX}, uploads.XLSX, uploads.XLSX),
        (ZIP_HEAD, {uploads.DOCX, uploads.XLSX}, "application/zip", uploads.DOCX),
        (ZIP_HEAD, {uploads.XLSX}, "", uploads.XLSX),
        (ZIP_HEAD, uploads.PHOTO, "", ""),
        (b"", uploads.DOCUMENT, "", ""),
    ],
)
def test_sniff_reads_the_kind_from_the_first_bytes(head, accepted, declared, expected):
    assert uploads.sniff(head, accepted, declared) == expected


def check(head: bytes, size: int) -> list[str]:
    reasons = uploads.upload_reasons(
        head, size, accepted=uploads.PHOTO, field="image", max_bytes=1024, type_message="Ảnh thôi."
    )
    return [r.code for r in reasons]


def test_size_limits_hold_at_their_boundaries():
    assert check(PNG_HEAD, 1024) == []
    assert check(PNG_HEAD, 1025) == ["FILE_TOO_LARGE"]
    assert check(PNG_HEAD, 1) == []
    assert check(b"", 0) == ["FILE_EMPTY"]


def test_a_wrong_kind_names_the_field_and_the_callers_message():
    (reason,) = uploads.upload_reasons(
        b"MZ", 10, accepted=uploads.PHOTO, field="image", max_bytes=1024, type_message="Ảnh thôi."
    )
    assert (reason.code, reason.field, reason.message) == ("FILE_TYPE", "image", "Ảnh thôi.")


def test_read_head_leaves_the_file_ready_to_read_from_the_start():
    upload = io.BytesIO(PNG_HEAD + b"rest")
    upload.read(3)
    assert uploads.read_head(upload) == PNG_HEAD
    assert upload.read() == PNG_HEAD + b"rest"


def test_stored_names_are_random_keep_only_the_suffix_and_stay_in_the_folder():
    from thidua.core.uploads import stored_name

    first = stored_name("exemplars", "../../Báo cáo thành tích.PDF")
    second = stored_name("exemplars", "../../Báo cáo thành tích.PDF")
    assert first != second
    assert first.startswith("exemplars/")
    assert first.endswith(".pdf")
    assert ".." not in first
    assert "Báo" not in first


def test_a_stored_file_missing_from_storage_is_a_404_not_a_500():
    import pytest
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile
    from django.http import Http404

    from thidua.core.files import stored_file_response
    from thidua.nominations.models import EvidenceFile

    field = FieldFile(EvidenceFile(), EvidenceFile._meta.get_field("file"), "nominations/none.pdf")
    field.storage = FileSystemStorage(location="/nonexistent-thidua-storage")
    with pytest.raises(Http404):
        stored_file_response(field, filename="x.pdf", content_type="application/pdf")
