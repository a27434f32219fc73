"""The decision as .docx and PDF (Nghị định 30/2020/NĐ-CP, Mẫu 1.2), its optional PAdES
signature, and the certificates (one PDF per awardee, with a QR code to the public
verification page; or only the variable fields, for printing onto pre-printed blanks)."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from thidua.core.documents import QUOC_HIEU, TIEU_NGU, Nd30Document, date_line
from thidua.core.text import clean_text, group_digits
from thidua.decisions.choices import LayoutKind
from thidua.decisions.domain.layout import Position, positions_from
from thidua.decisions.models import CertificateLayout, Decision, DecisionItem
from thidua.decisions.queries import ItemRow, item_rows

# PAdES signing of decision PDFs (optional): a PKCS#12 file and its password.
SIGNING_P12_ENV = "THIDUA_SIGNING_P12"
SIGNING_PASSWORD_ENV = "THIDUA_SIGNING_PASSWORD"


def money(amount: Decimal | None) -> str:
    """1.234.567 (Vietnamese grouping), or an empty cell when no bonus applies."""
    if amount is None:
        return ""
    return group_digits(int(amount))


def number_line(decision: Decision) -> str:
    return (
        f"Số: {decision.number_text}"
        if decision.number_text
        else "Số:      /QĐ-" + (decision.body.symbol)
    )


def subject_line(item: DecisionItem) -> str:
    subject = item.subject
    position = getattr(subject, "position", "")
    unit = getattr(subject, "unit", None)
    if item.person_id and unit is not None:
        detail = ", ".join(part for part in (position, unit.name) if part)
        return f"{subject.full_name}, {detail}" if detail else subject.full_name  # type: ignore[union-attr]
    return str(subject)


def subject_name(item: DecisionItem) -> str:
    subject = item.subject
    return getattr(subject, "full_name", None) or getattr(subject, "name", None) or str(subject)


def _article_1(decision: Decision, rows: Sequence[ItemRow]) -> str:
    if decision.article_1:
        return decision.article_1
    awards = sorted({row.item.award_type.name for row in rows})
    return (
        f"Tặng {', '.join(awards) or 'khen thưởng'} cho {len(rows)} cá nhân, tập thể có thành "
        f"tích {decision.period} (có danh sách kèm theo)."
    )


# ------------------------------------------------------------------------------------ .docx


def decision_docx(decision: Decision) -> bytes:
    rows = item_rows(decision)
    body = decision.body
    doc = Nd30Document()
    doc.head(body.head, number=number_line(decision), place=body.place, day=decision.decided_on)
    doc.title("QUYẾT ĐỊNH", decision.summary)
    doc.paragraph(f"{body.signer_position.upper()} {body.name.upper()}", bold=True, align="center")
    for line in decision.basis_lines:
        doc.paragraph(line, italic=True)
    doc.paragraph("QUYẾT ĐỊNH:", bold=True, align="center")
    doc.paragraph(f"Điều 1. {_article_1(decision, rows)}")
    doc.paragraph(f"Điều 2. {decision.article_2}")
    doc.paragraph(f"Điều 3. {decision.article_3}")
    doc.signature(
        decision.signer_position or body.signer_position,
        decision.signer_name or "",
        on_behalf=decision.on_behalf,
        note="(Đã ký)" if decision.number_text else "",
        recipients=decision.recipient_lines,
    )
    doc.docx.add_page_break()
    doc.title(
        "DANH SÁCH",
        f"Khen thưởng kèm theo Quyết định số {decision.number_text or '…'}"
        + (f" ngày {decision.decided_on:%d/%m/%Y}" if decision.decided_on else "")
        + f" của {body.name}",
    )
    doc.table(
        ["STT", "Cá nhân, tập thể", "Hình thức khen thưởng", "Tiền thưởng (đồng)"],
        [
            [str(i), subject_line(row.item), row.item.award_type.name, money(row.bonus)]
            for i, row in enumerate(rows, start=1)
        ]
        + [["", "Tổng cộng", "", money(sum((r.bonus or Decimal(0) for r in rows), Decimal(0)))]],
        widths_cm=[1.2, 8, 5, 3.5],
    )
    return doc.to_bytes()


# -------------------------------------------------------------------------------------- PDF


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())


def decision_pdf(decision: Decision) -> bytes:
    rows = item_rows(decision)
    body = decision.body
    html = render_to_string(
        "decisions/pdf/decision.html",
        {
            "decision": decision,
            "body": body,
            "rows": [
                (i, subject_line(r.item), r.item, money(r.bonus)) for i, r in enumerate(rows, 1)
            ],
            "total": money(sum((r.bonus or Decimal(0) for r in rows), Decimal(0))),
            "number_line": number_line(decision),
            "date_line": date_line(body.place, decision.decided_on),
            "article_1": _article_1(decision, rows),
            "quoc_hieu": QUOC_HIEU,
            "tieu_ngu": TIEU_NGU,
        },
    )
    data = _pdf(html)
    return sign_pdf(data) if signing_configured() else data


def signing_configured() -> bool:
    return bool(os.environ.get(SIGNING_P12_ENV))


def sign_pdf(data: bytes, p12: bytes | None = None, password: bytes | None = None) -> bytes:
    """A PAdES signature over the PDF with the configured PKCS#12 certificate (or the one
    given)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    if p12 is None:
        with open(os.environ[SIGNING_P12_ENV], "rb") as handle:
            p12 = handle.read()
        password = os.environ.get(SIGNING_PASSWORD_ENV, "").encode() or None
    signer = signers.SimpleSigner.load_pkcs12_data(p12, other_certs=(), passphrase=password)
    if signer is None:
        raise ValueError("cannot load the PKCS#12 signing certificate")
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(
        field_name="ChuKySo",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason="Ký ban hành quyết định khen thưởng",
    )
    out = signers.sign_pdf(writer, meta, signer=signer)
    return bytes(out.getvalue())


# ----------------------------------------------------------------------------- certificates


def layout_kind(item: DecisionItem) -> str:
    code = item.award_type.code
    if code.startswith("BK"):
        return LayoutKind.BANG_KHEN
    if code == "GK":
        return LayoutKind.GIAY_KHEN
    return LayoutKind.TITLE


HEADINGS = {
    LayoutKind.BANG_KHEN: "BẰNG KHEN",
    LayoutKind.GIAY_KHEN: "GIẤY KHEN",
    LayoutKind.TITLE: "GIẤY CHỨNG NHẬN",
}


def verification_url(item: DecisionItem) -> str:
    return settings.SITE_URL + reverse("verify:certificate", args=[item.token])


def qr_svg(url: str) -> str:
    """The QR code of the verification URL as an SVG data URI."""
    import segno

    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=1))


@dataclass(frozen=True)
class CertificateText:
    heading: str
    issuer_line: str
    award: str
    recipient: str
    detail: str
    achievement: str
    decision: str
    date_line: str
    signer_position: str
    signer: str
    url: str


def certificate_text(item: DecisionItem) -> CertificateText:
    decision = item.decision
    body = decision.body
    kind = layout_kind(item)
    decided = f"{decision.decided_on:%d/%m/%Y}" if decision.decided_on else "…"
    achievement = item.achievement or f"Đã có thành tích {decision.period}"
    return CertificateText(
        heading=HEADINGS[LayoutKind(kind)],
        issuer_line=f"{(decision.signer_position or body.signer_position).upper()} {body.name.upper()}",
        award=item.award_type.name if kind == LayoutKind.TITLE else HEADINGS[LayoutKind(kind)],
        # clean_text: control characters from legacy or imported rows would print as boxes.
        recipient=clean_text(subject_name(item)),
        detail=clean_text(subject_line(item).removeprefix(subject_name(item)).lstrip(", ")),
        achievement=achievement,
        decision=f"Quyết định số {decision.number_text} ngày {decided}",
        date_line=date_line(body.place, decision.decided_on),
        signer_position=(decision.signer_position or body.signer_position).upper(),
        signer=decision.signer_name,
        url=verification_url(item) if item.token else "",
    )


def certificate_pdf(item: DecisionItem, *, blank: bool = False) -> bytes:
    """A full certificate, or with `blank` only the variable fields at the layout's
    positions, to print onto a pre-printed blank."""
    text = certificate_text(item)
    kind = layout_kind(item)
    context: dict[str, object] = {
        "t": text,
        "item": item,
        "quoc_hieu": QUOC_HIEU,
        "tieu_ngu": TIEU_NGU,
        "qr": qr_svg(text.url) if text.url else "",
        "revoked": item.decision.status == "revoked",
    }
    if blank:
        layout = CertificateLayout.objects.filter(kind=kind).first()
        positions = positions_from(layout.positions if layout else {})
        context["fields"] = _placed(text, positions)
        context["qr_pos"] = positions["qr"]
        return _pdf(render_to_string("decisions/pdf/certificate_blank.html", context))
    return _pdf(render_to_string("decisions/pdf/certificate.html", context))


@dataclass(frozen=True)
class Placed:
    name: str
    text: str
    pos: Position


def _placed(text: CertificateText, positions: dict[str, Position]) -> list[Placed]:
    values = {
        "award": text.award if text.heading == "GIẤY CHỨNG NHẬN" else text.heading,
        "recipient": text.recipient,
        "achievement": text.achievement,
        "decision": text.decision,
        "date_line": text.date_line,
        "signer_position": text.signer_position,
        "signer": text.signer,
    }
    return [Placed(name, value, positions[name]) for name, value in values.items()]


def certificates_zip(decision: Decision, *, blank: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, item in enumerate(
            decision.items.select_related(
                "decision", "decision__body", "award_type", "person", "unit", "household"
            ).filter(token__isnull=False),
            start=1,
        ):
            archive.writestr(f"{i:03d}-{item.pk}.pdf", certificate_pdf(item, blank=blank))
    return buffer.getvalue()


def file_stem(decision: Decision, today: date | None = None) -> str:
    if decision.number:
        return f"quyet-dinh-{decision.number:02d}-{decision.number_year}-{decision.body.symbol}"
    return f"du-thao-quyet-dinh-{decision.pk}"
