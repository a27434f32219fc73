"""Generated documents of a dossier (.docx, Nghị định 30/2020/NĐ-CP): the submission letter
(tờ trình, Mẫu 1.1 TT 20/2025/TT-BNV), the nominee list (danh sách) and the achievement
report template of a nominee, pre-filled with the subject's data and history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from thidua.core.documents import Nd30Document, place_of
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import Household, Person, Unit


def _province_name(unit: Unit) -> str:
    current: Unit | None = unit
    while current is not None and current.parent_id is not None:
        current = current.parent
    return current.name if current is not None else unit.name


def _subject_label(nominee: Nominee) -> str:
    subject = nominee.subject
    if isinstance(subject, Person):
        return subject.full_name
    if isinstance(subject, Household):
        return f"Hộ gia đình ông/bà {subject.head_name}"
    return subject.name


def _subject_detail(nominee: Nominee) -> str:
    subject = nominee.subject
    if isinstance(subject, Person):
        parts = [subject.position or "", subject.unit.name if subject.unit else ""]
        return ", ".join(p for p in parts if p)
    if isinstance(subject, Household):
        return subject.address or (subject.unit.name if subject.unit else "")
    return subject.parent.name if subject.parent else ""


def _groups(nominees: Sequence[Nominee]) -> list[tuple[str, list[Nominee]]]:
    groups: dict[str, list[Nominee]] = {}
    for n in nominees:
        groups.setdefault(n.award_type.name, []).append(n)
    return list(groups.items())


def letter_docx(dossier: Dossier, nominees: Sequence[Nominee], day: date | None) -> bytes:
    """Tờ trình đề nghị khen thưởng."""
    unit = dossier.proposing_unit
    doc = Nd30Document()
    doc.head(
        [unit.parent.name if unit.parent else "", unit.name],
        number="Số:      /TTr-" + (unit.code.split(".")[-1][:12] or "UBND"),
        place=place_of(_province_name(unit)),
        day=day,
        subject=f"V/v đề nghị khen thưởng năm {dossier.year}",
    )
    doc.title("TỜ TRÌNH", f"Về việc đề nghị khen thưởng {dossier.title}")
    doc.paragraph(f"Kính gửi: {dossier.receiving_unit.name}.", align="center")
    doc.paragraph(
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số "
        "152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen "
        "thưởng;",
        italic=True,
    )
    active = [n for n in nominees if n.status != "withdrawn"]
    doc.paragraph(
        f"Căn cứ thành tích đạt được năm {dossier.year}, {unit.name} kính đề nghị "
        f"{dossier.receiving_unit.name} xem xét, khen thưởng cho {len(active)} tập thể, cá "
        "nhân như sau:"
    )
    for i, (award, group) in enumerate(_groups(active), 1):
        doc.paragraph(f"{i}. {award}: {len(group)} trường hợp.")
    doc.paragraph("(Có danh sách và báo cáo thành tích kèm theo.)", italic=True)
    doc.paragraph(f"Kính trình {dossier.receiving_unit.name} xem xét, quyết định./.")
    doc.signature(
        "Chủ tịch",
        "",
        on_behalf=f"TM. {unit.name}",
        recipients=["Như trên;", "Lưu: VT."],
    )
    return doc.to_bytes()


def list_docx(dossier: Dossier, nominees: Sequence[Nominee], day: date | None) -> bytes:
    """Danh sách đề nghị khen thưởng (kèm theo Tờ trình)."""
    unit = dossier.proposing_unit
    doc = Nd30Document(font_size=13, landscape=True)
    doc.head(
        [unit.parent.name if unit.parent else "", unit.name],
        place=place_of(_province_name(unit)),
        day=day,
    )
    doc.title("DANH SÁCH", f"Đề nghị khen thưởng năm {dossier.year} (kèm theo Tờ trình)")
    rows = []
    for i, n in enumerate([n for n in nominees if n.status != "withdrawn"], 1):
        if n.eligible is None:
            verdict = "Chưa kiểm tra được"
        elif n.eligible:
            verdict = "Đủ tiêu chuẩn"
        else:
            verdict = "Chưa đủ: " + ", ".join(n.eligibility.get("missing", []))
        rows.append(
            [
                i,
                _subject_label(n),
                _subject_detail(n),
                n.award_type.name,
                n.achievement[:300],
                verdict,
            ]
        )
    doc.table(
        [
            "TT",
            "Họ và tên / Tập thể",
            "Chức vụ, đơn vị",
            "Hình thức đề nghị",
            "Thành tích",
            "Kiểm tra tiêu chuẩn",
        ],
        rows,
        widths_cm=[1.2, 5, 5.5, 4.5, 7, 4],
    )
    return doc.to_bytes()


def report_docx(nominee: Nominee, history: Sequence[tuple[int, str, str]]) -> bytes:
    """The achievement report template (báo cáo thành tích, Mẫu 1.2–1.4 TT 20/2025/TT-BNV),
    pre-filled: the subject's data, the proposed award and the award history."""
    dossier = nominee.dossier
    unit = dossier.proposing_unit
    doc = Nd30Document()
    doc.head([unit.name], place=place_of(_province_name(unit)), day=None)
    doc.title("BÁO CÁO THÀNH TÍCH", f"Đề nghị tặng {nominee.award_type.name} năm {nominee.year}")
    doc.paragraph("I. SƠ LƯỢC LÝ LỊCH, ĐẶC ĐIỂM, TÌNH HÌNH", bold=True)
    subject = nominee.subject
    if isinstance(subject, Person):
        doc.paragraph(f"- Họ và tên: {subject.full_name}")
        born = subject.date_of_birth.strftime("%d/%m/%Y") if subject.date_of_birth else "…"
        doc.paragraph(f"- Ngày sinh: {born}")
        doc.paragraph(f"- Chức vụ: {subject.position or '…'}")
        doc.paragraph(f"- Đơn vị công tác: {subject.unit.name if subject.unit else '…'}")
    else:
        doc.paragraph(f"- Tên: {_subject_label(nominee)}")
        doc.paragraph(f"- Thuộc: {_subject_detail(nominee) or '…'}")
    doc.paragraph("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True)
    doc.paragraph(nominee.achievement or "(Ghi thành tích đạt được trong năm, có số liệu.)")
    doc.paragraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True)
    if history:
        doc.table(
            ["Năm", "Hình thức khen thưởng", "Số, ngày quyết định"],
            [list(row) for row in history],
            widths_cm=[2, 8, 6],
        )
    else:
        doc.paragraph("(Chưa có trong cơ sở dữ liệu.)", italic=True)
    doc.signature("Người báo cáo", "", note="(Ký, ghi rõ họ tên)")
    return doc.to_bytes()
