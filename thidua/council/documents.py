"""The council's documents (Nghị định 30/2020): the minutes of the session (biên bản họp
Hội đồng) and the vote-count record (biên bản kiểm phiếu). Neither says who voted how."""

from __future__ import annotations

from thidua.core.documents import Nd30Document, place_of
from thidua.council.models import AgendaItem, Session


def _head(doc: Nd30Document, session: Session, kind: str, summary: str) -> None:
    body = session.council.body
    doc.head(
        [f"UBND {body.name.upper()}", session.council.name.upper()],
        number="Số: …/BB-HĐTĐKT",
        place=place_of(body.name),
        day=session.held_on,
    )
    doc.title(kind, summary)


def _items(session: Session) -> list[AgendaItem]:
    return list(
        session.items.select_related(
            "nominee__person", "nominee__unit", "nominee__household", "nominee__award_type"
        ).order_by("position", "id")
    )


def _result(item: AgendaItem) -> str:
    return "Đạt" if item.result == "passed" else "Không đạt"


def minutes_docx(session: Session) -> bytes:
    doc = Nd30Document()
    _head(doc, session, "BIÊN BẢN", f"Họp {session.council.name}")
    electors = list(session.electors.order_by("sort_key", "id"))
    present = [e for e in electors if e.present]
    doc.paragraph(
        f"Thời gian: ngày {session.held_on:%d/%m/%Y}. Địa điểm: {session.place}."
        + (f" Chủ trì: {session.chaired_by}." if session.chaired_by else "")
    )
    doc.paragraph(
        f"Thành viên Hội đồng: {len(electors)}; có mặt: {len(present)}; "
        f"vắng mặt: {len(electors) - len(present)}."
    )
    doc.table(
        ["STT", "Họ và tên", "Chức vụ", "Có mặt"],
        [
            [str(i), e.full_name, e.title, "Có mặt" if e.present else "Vắng mặt"]
            for i, e in enumerate(electors, 1)
        ],
    )
    doc.paragraph("Nội dung: Hội đồng xem xét, bỏ phiếu kín đối với các đối tượng sau.", bold=True)
    for item in _items(session):
        doc.paragraph(
            f"{item.position}. {item.nominee.subject} – {item.nominee.award_type.name}: "
            f"{item.yes}/{item.base} phiếu đồng ý ({item.percent} %); ngưỡng "
            f"{item.rule.get('text', '')}. Kết quả: {_result(item)}."
        )
        for recusal in item.recusals.select_related("elector"):
            doc.paragraph(
                f"   Không tham gia biểu quyết: {recusal.elector.full_name} ({recusal.reason})",
                italic=True,
            )
    if session.notes:
        doc.paragraph(session.notes)
    doc.paragraph(
        f"Phiên họp kết thúc lúc {session.closed_at:%H:%M} cùng ngày." if session.closed_at else ""
    )
    doc.signature("THƯ KÝ HỘI ĐỒNG", "", recipients=["Lưu: VT, HĐTĐKT."])
    return doc.to_bytes()


def count_record_docx(session: Session) -> bytes:
    doc = Nd30Document(landscape=True, font_size=13)
    _head(doc, session, "BIÊN BẢN KIỂM PHIẾU", f"Kết quả bỏ phiếu kín – {session.title}")
    electors = session.electors.count()
    present = session.electors.filter(present=True).count()
    doc.paragraph(
        f"Tổng số thành viên Hội đồng: {electors}; có mặt: {present}. Ban kiểm phiếu kiểm "
        "phiếu bầu điện tử và phiếu bằng văn bản của thành viên vắng mặt; kết quả như sau:"
    )
    doc.table(
        [
            "STT",
            "Đối tượng",
            "Hình thức",
            "Đồng ý",
            "Không đồng ý",
            "Không ý kiến",
            "Phiếu văn bản",
            "Cơ sở tính",
            "Tỷ lệ đồng ý",
            "Ngưỡng",
            "Kết quả",
        ],
        [
            [
                str(item.position),
                str(item.nominee.subject),
                item.nominee.award_type.name,
                str(item.yes),
                str(item.no),
                str(item.abstain),
                str(item.written),
                str(item.base),
                f"{item.percent} %",
                str(item.rule.get("text", "")),
                _result(item),
            ]
            for item in _items(session)
        ],
    )
    bases = sorted({str(i.rule.get("basis", "")) for i in _items(session)} - {""})
    for basis in bases:
        doc.paragraph(f"Căn cứ ngưỡng: {basis}", italic=True, size=12)
    doc.signature("TRƯỞNG BAN KIỂM PHIẾU", "", recipients=["Lưu: VT, HĐTĐKT."])
    return doc.to_bytes()
