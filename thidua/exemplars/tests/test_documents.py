"""The case summary (.docx): read back and checked."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from thidua.awards.models import Initiative
from thidua.core.documents import QUOC_HIEU, docx_text
from thidua.core.testing.matrix import login
from thidua.exemplars.tests.builders import make_conference, make_model

pytestmark = pytest.mark.django_db


def test_the_case_summary_has_the_nd30_head_and_the_whole_case(world, client):
    m = make_model(world, stage="replicate")
    initiative = Initiative.objects.create(title="Máy tách hạt sen", level="BO_TINH", year=2024)
    m.initiatives.add(initiative)
    m.replications.create(
        unit=world.unit_b,
        adopted_on=date(2025, 9, 1),
        result="Áp dụng tốt",
        measure="hộ",
        measured_value=1234,
    )
    make_conference(world, m)
    login(client, world, "unit_a_viewer")
    response = client.get(f"/exemplars/{m.pk}/case-summary.docx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = docx_text(response.content)
    assert QUOC_HIEU in text
    assert "BÁO CÁO" in text
    assert "TỈNH THỬ NGHIỆM" in text  # the province in the head
    assert "Tóm tắt điển hình tiên tiến “Trồng rừng gỗ lớn”" in text
    assert "Nguyễn Văn An" in text
    assert "Cả thôn học theo." in text
    assert "Máy tách hạt sen" in text
    for line in ("Phát hiện", "Bồi dưỡng", "Tổng kết", "Nhân rộng"):
        assert line in text
    assert "10/04/2025" in text  # the replication stage's date
    assert "Xã Bình Minh" in text
    assert "hộ: 1.234" in text
    assert "Hội nghị điển hình tiên tiến tỉnh, ngày 20/06/2025" in text
    doc = Document(io.BytesIO(response.content))
    section = doc.sections[0]
    assert round(section.left_margin.cm) == 3
    assert round(section.page_width.cm) == 21
