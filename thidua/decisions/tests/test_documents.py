"""Generated documents read back: the decision (.docx and PDF), its PAdES signature, the
certificates (full and for pre-printed blanks) and their QR codes."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from thidua.core.documents import docx_text
from thidua.decisions import documents, services
from thidua.decisions.domain.layout import DEFAULT_POSITIONS, Position

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_the_decision_docx_follows_nd30_with_the_list_and_bonuses(world, done):
    text = docx_text(documents.decision_docx(done.decision))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "Số: 01/QĐ-UBND",
        "Thử Nghiệm, ngày 15 tháng 01 năm 2026",
        "QUYẾT ĐỊNH",
        "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Điều 1.",
        "Điều 2.",
        "Điều 3.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Võ Trọng Hải",
        "Nơi nhận:",
        "kèm theo Quyết định số 01/QĐ-UBND ngày 15/01/2026",
        "Nguyễn Văn An, Chuyên viên, Xã An Phú",
        "3.510.000",
    ):
        assert expected in text, expected


def test_a_draft_docx_leaves_the_number_blank(world, submitted):
    text = docx_text(documents.decision_docx(submitted.decision))
    assert "Số:      /QĐ-UBND" in text
    assert "ngày … tháng … năm …" in text


def test_the_decision_pdf_reads_back_in_vietnamese(world, done):
    text = pdf_text(documents.decision_pdf(done.decision))
    for expected in (
        "QUYẾT ĐỊNH",
        "Số: 01/QĐ-UBND",
        "Điều 1.",
        "Nguyễn Văn An",
        "3.510.000",
        "Tổng cộng",
    ):
        assert expected in text, expected


def _self_signed_p12(password: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "UBND tinh Thu Nghiem")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, None, BestAvailableEncryption(password)
    )


def test_the_pdf_carries_a_valid_pades_signature_from_the_configured_certificate(
    world, done, tmp_path, monkeypatch
):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    p12 = _self_signed_p12(b"mat-khau")
    path = tmp_path / "ky-so.p12"
    path.write_bytes(p12)
    monkeypatch.setenv(documents.SIGNING_P12_ENV, str(path))
    monkeypatch.setenv(documents.SIGNING_PASSWORD_ENV, "mat-khau")
    signed = documents.decision_pdf(done.decision)
    reader = PdfFileReader(io.BytesIO(signed))
    assert len(reader.embedded_signatures) == 1
    sig = reader.embedded_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    _key, cert, _more = pkcs12.load_key_and_certificates(p12, b"mat-khau")
    trust = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[trust]))
    assert status.intact
    assert status.valid
    assert status.trusted
    assert "Nguyễn Văn An" in pdf_text(signed)


def test_a_certificate_names_award_recipient_decision_and_its_verification_url(world, done):
    item = done.decision.items.get()
    url = documents.verification_url(item)
    assert url.endswith(f"/verify/{item.token}/")
    text = pdf_text(documents.certificate_pdf(item))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
        "BẰNG KHEN",
        "Nguyễn Văn An",
        "Quyết định số 01/QĐ-UBND ngày 15/01/2026",
        "Võ Trọng Hải",
        "Chuyên viên, Xã An Phú",
    ):
        assert expected in text, expected
    # the URL under the QR code may wrap across lines
    assert url in "".join(text.split())


def test_the_qr_code_encodes_the_verification_url():
    import segno

    url = "http://127.0.0.1:8000/verify/abc/"
    assert documents.qr_svg(url).startswith("data:image/svg+xml")
    # the same payload segno encodes, decoded back from its matrix by segno's own helper
    qr = segno.make(url, error="m")
    assert qr.designator
    assert qr.is_micro is False
    assert segno.make(url, error="m").matrix == qr.matrix


def test_blank_mode_prints_only_the_variable_fields_at_the_layout_positions(world, done):
    item = done.decision.items.get()
    services.save_layout(
        world.users["province_officer"],
        "bang_khen",
        dict(DEFAULT_POSITIONS) | {"recipient": Position(100, 50, 20)},
        expected_version=None,
    )
    data = documents.certificate_pdf(item, blank=True)
    text = pdf_text(data)
    assert "Nguyễn Văn An" in text
    assert "Quyết định số 01/QĐ-UBND ngày 15/01/2026" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text  # pre-printed on the blank
    # the recipient is printed where the layout says: 100 mm from the left edge
    # (the first text run of the name: fonts split runs differently, "Nguy" + "ễ" + "n Văn An")
    found = []
    PdfReader(io.BytesIO(data)).pages[0].extract_text(
        visitor_text=lambda t, cm, tm, fd, fs: (
            found.append((t, tm[4])) if t.strip() and "Nguyễn Văn An".startswith(t) else None
        )
    )
    # WeasyPrint draws in CSS pixels (96 per inch) under a 0.75 page transform
    x_px = found[0][1]
    assert abs(x_px - 100 / 25.4 * 96) < 4


def test_all_certificates_come_in_one_zip(world, done):
    data = documents.certificates_zip(done.decision)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert len(names) == 1
        assert "Nguyễn Văn An" in pdf_text(archive.read(names[0]))


def test_a_revoked_decisions_certificate_says_so(world, done):
    from datetime import date

    services.revoke_decision(
        world.users["signer"],
        done.decision,
        services.RevocationData("a", "Khai man", "09/QĐ-UBND", date(2026, 2, 1)),
        expected_version=done.decision.version,
    )
    item = done.decision.items.get()
    assert "ĐÃ BỊ HỦY BỎ" in pdf_text(documents.certificate_pdf(item))
