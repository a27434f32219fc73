"""The printable pledge (.docx) following Nghị định 30/2020/NĐ-CP: Quốc hiệu and tiêu ngữ,
place and date line, title, body, signature blocks; Times New Roman 13–14 pt, A4 margins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thidua.core.documents import Nd30Document, place_of


def pledge_docx(pledge: Any, members: Sequence[Any]) -> bytes:
    cluster = pledge.cluster
    movement = pledge.movement
    doc = Nd30Document()
    doc.head(
        [cluster.organiser.name, cluster.name],
        place=place_of(cluster.organiser.name),
        day=pledge.ceremony_date,
    )
    doc.title("GIAO ƯỚC THI ĐUA", pledge.title)
    basis = "Căn cứ {doc} của {issuer} về {name};".format(
        doc=movement.document_label,
        issuer=movement.document_issuer or movement.launched_by or movement.organiser.name,
        name=movement.name,
    )
    doc.paragraph(basis, italic=True)
    doc.paragraph(
        "Các đơn vị thành viên {c} thống nhất ký kết giao ước thi đua với các nội dung sau:".format(
            c=cluster.name
        )
    )
    for i, line in enumerate([ln for ln in pledge.criteria.splitlines() if ln.strip()], 1):
        doc.paragraph(f"{i}. {line.strip()}")
    if pledge.ceremony_place or pledge.witnesses:
        text = "Giao ước được ký kết"
        if pledge.ceremony_place:
            text += f" tại {pledge.ceremony_place}"
        if pledge.witnesses:
            text += f", trước sự chứng kiến của {pledge.witnesses}"
        doc.paragraph(text + ".")
    doc.paragraph("")
    doc.paragraph("ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC", bold=True, align="center")
    table = doc.docx.add_table(rows=0, cols=2)
    for i in range(0, len(members), 2):
        cells = table.add_row().cells
        for cell, row in zip(cells, members[i : i + 2], strict=False):
            cell.paragraphs[0].text = ""
            doc.paragraph(
                row.member.unit.name.upper(), bold=True, size=13, align="center", cell=cell
            )
            sig = row.signature
            if sig is not None:
                doc.paragraph(
                    (sig.signer_title or "").upper(), bold=True, size=13, align="center", cell=cell
                )
                doc.paragraph(
                    "(Đã ký ngày {d})".format(d=sig.signed_on.strftime("%d/%m/%Y")),
                    italic=True,
                    size=12,
                    align="center",
                    cell=cell,
                )
                doc.paragraph(sig.signer_name, bold=True, align="center", cell=cell)
            else:
                doc.paragraph("(Chưa ký)", italic=True, size=12, align="center", cell=cell)
    return doc.to_bytes()
