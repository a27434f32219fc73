"""The review report (.docx, Nghị định 30/2020 layout): targets met, ranking tables, works
completed against quota, and the units and people proposed for commendation."""

from __future__ import annotations

from typing import Any

from thidua.core.documents import Nd30Document, place_of
from thidua.movements.domain.targets import format_value
from thidua.scoring.domain.tables import PROPOSABLE_AWARDS
from thidua.scoring.models import Ranking, Review

KIND_TITLE = {"interim": "Sơ kết", "final": "Tổng kết"}


def _award_name(code: str) -> str:
    return PROPOSABLE_AWARDS.get(code, code)


def review_docx(review: Review) -> bytes:
    from thidua.scoring import queries

    movement = review.movement
    organiser = movement.organiser
    doc = Nd30Document()
    doc.head(
        [organiser.name],
        number="Số:      /BC-TĐKT",
        place=place_of(organiser.name),
        day=review.held_on,
    )
    doc.title("BÁO CÁO", "{k} {m}".format(k=KIND_TITLE.get(review.kind, ""), m=movement.name))
    info = "Hội nghị {k} tổ chức ngày {d}".format(
        k=KIND_TITLE.get(review.kind, "").lower(), d=review.held_on.strftime("%d/%m/%Y")
    )
    if review.place:
        info += f" tại {review.place}"
    if review.chaired_by:
        info += f", do {review.chaired_by} chủ trì"
    doc.paragraph(info + ".")
    if review.participants:
        doc.paragraph("Thành phần tham dự: " + review.participants)

    doc.paragraph("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold=True)
    progress = queries.movement_progress(_Everyone(), movement)
    doc.paragraph(f"Kết quả: {progress.tally.line}.")
    doc.table(
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"],
        [
            [
                i,
                r.target.indicator,
                r.target.label or "",
                format_value(r.value) if r.value is not None else "",
                r.label,
            ]
            for i, r in enumerate(progress.rows, start=1)
        ],
        widths_cm=(1.2, 7, 3, 2.5, 2.3),
    )

    doc.paragraph("II. CÔNG TRÌNH, PHẦN VIỆC SO VỚI CHỈ TIÊU", bold=True)
    works = list(movement.works.all())
    done = sum(1 for w in works if w.status == "completed")
    quota = ", ".join(
        f"{rule.unit_level or rule.unit_kind or 'mỗi đơn vị'}: ít nhất {rule.min_count}"
        for rule in movement.quota_rules.all()
    )
    doc.paragraph(
        "Đã đăng ký {n} công trình, phần việc; hoàn thành {d}.{q}".format(
            n=len(works), d=done, q=f" Chỉ tiêu: {quota}." if quota else ""
        )
    )

    doc.paragraph("III. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG CÁC CỤM, KHỐI THI ĐUA", bold=True)
    boards = Ranking.objects.filter(table__movement=movement, state="published").select_related(
        "cluster", "table"
    )
    if not boards:
        doc.paragraph("Chưa có kết quả xếp hạng được công bố.")
    for board in boards:
        doc.paragraph(f"{board.cluster.name} (bảng tiêu chí: {board.table.name})", italic=True)
        doc.table(
            ["Hạng", "Đơn vị", "Tổng điểm", "Đề nghị"],
            [
                [
                    r.rank,
                    r.unit.name,
                    format_value(r.total),
                    _award_name(r.award) if r.award else "",
                ]
                for r in queries.rows_with_units(board)
            ],
            widths_cm=(1.5, 7, 2.5, 5),
        )

    doc.paragraph("IV. ĐỀ NGHỊ KHEN THƯỞNG", bold=True)
    proposals = queries.review_proposals(review)
    if proposals:
        doc.table(
            ["STT", "Tập thể, cá nhân", "Hình thức", "Thành tích"],
            [
                [i, p.unit_name or p.person_name, _award_name(p.award), p.reason]
                for i, p in enumerate(proposals, 1)
            ],
            widths_cm=(1.2, 5.5, 4.3, 5),
        )
    else:
        doc.paragraph("Không có đề nghị khen thưởng.")
    if review.conclusions:
        doc.paragraph("V. KẾT LUẬN", bold=True)
        for line in review.conclusions.splitlines():
            if line.strip():
                doc.paragraph(line.strip())
    doc.signature(
        "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        review.chaired_by or "",
        note="",
        recipients=["Như trên;", "Lưu: VT."],
    )
    return doc.to_bytes()


class _Everyone:
    """The report is for the organising level: it reads every unit's figures."""

    is_authenticated = True
    is_superuser = True

    def __getattr__(self, name: str) -> Any:  # pragma: no cover - never asked for more
        raise AttributeError(name)
