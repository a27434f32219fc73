"""The Nghị định 30/2020 document builder: read the generated .docx back and check it."""

import io
from datetime import date

import pytest
from docx import Document

from thidua.core.documents import QUOC_HIEU, TIEU_NGU, Nd30Document, date_line, place_of


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 5), "Hà Tĩnh, ngày 05 tháng 02 năm 2026"),
        (date(2026, 3, 9), "Hà Tĩnh, ngày 09 tháng 3 năm 2026"),
        (date(2026, 12, 25), "Hà Tĩnh, ngày 25 tháng 12 năm 2026"),
        (None, "Hà Tĩnh, ngày … tháng … năm …"),
    ],
)
def test_date_line_pads_days_below_10_and_months_below_3(day, expected):
    assert date_line("Hà Tĩnh", day) == expected


def test_place_drops_the_administrative_word():
    assert place_of("Tỉnh Hà Tĩnh") == "Hà Tĩnh"
    assert place_of("Phường Trần Phú") == "Trần Phú"
    assert place_of("Sở Nội vụ") == "Sở Nội vụ"


def test_a_document_reads_back_with_head_title_table_and_signature():
    # given a decision built with every part
    doc = Nd30Document()
    doc.head(["UBND tỉnh Hà Tĩnh"], number="Số: 12/QĐ-UBND", place="Hà Tĩnh", day=date(2026, 1, 5))
    doc.title("Quyết định", "Về việc tặng Bằng khen")
    doc.paragraph("Căn cứ Luật Thi đua, khen thưởng năm 2022;", italic=True)
    doc.table(["STT", "Họ và tên"], [[1, "Nguyễn Văn An"], [2, None]])
    doc.signature(
        "Chủ tịch", "Võ Trọng Hải", on_behalf="TM. Ủy ban nhân dân", recipients=["Lưu: VT."]
    )

    # when it is saved and opened again
    data = doc.to_bytes()
    opened = Document(io.BytesIO(data))
    head, table, signature = opened.tables
    left, right = (cell.text for cell in head.rows[0].cells)

    # then each part is where Nghị định 30/2020 puts it
    assert "UBND TỈNH HÀ TĨNH" in left
    assert "Số: 12/QĐ-UBND" in left
    assert QUOC_HIEU in right
    assert TIEU_NGU in right
    assert "Hà Tĩnh, ngày 05 tháng 01 năm 2026" in right
    body = [p.text for p in opened.paragraphs]
    assert "QUYẾT ĐỊNH" in body
    assert "Về việc tặng Bằng khen" in body
    assert [c.text for c in table.rows[1].cells] == ["1", "Nguyễn Văn An"]
    assert [c.text for c in table.rows[2].cells] == ["2", ""]
    sig_left, sig_right = (cell.text for cell in signature.rows[0].cells)
    assert "Nơi nhận:" in sig_left
    assert "- Lưu: VT." in sig_left
    assert "TM. ỦY BAN NHÂN DÂN" in sig_right
    assert "CHỦ TỊCH" in sig_right
    assert sig_right.strip().endswith("Võ Trọng Hải")
    style = opened.styles["Normal"]
    assert style.font.name == "Times New Roman"
    section = opened.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0
    assert round(section.page_width.cm, 1) == 21.0
