"""Lists to .xlsx and .csv with the list page's filters, scoped like the page.

Each export kind reuses its app's list query, so an export shows exactly the rows the page
would (all pages of them, in streaming chunks). Text cells that a spreadsheet would run as a
formula (= + - @, tab, CR) are neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.utils import timezone

from thidua.awards.queries import visible_records
from thidua.core.text import fold
from thidua.council.choices import SessionStatus
from thidua.council.models import AgendaItem
from thidua.council.queries import nominee_name, sessions_for
from thidua.decisions.forms import FilterForm as DecisionFilterForm
from thidua.decisions.queries import Filters as DecisionFilters
from thidua.decisions.queries import filtered_decisions
from thidua.interchange.domain.safety import neutralise
from thidua.movements.forms import ListFilterForm
from thidua.movements.queries import movement_page
from thidua.nominations.forms import FilterForm as DossierFilterForm
from thidua.nominations.queries import dossier_page
from thidua.org import queries as org_queries
from thidua.org.access import scope_for, visible_units
from thidua.scoring.queries import visible_rankings

Row = tuple[Any, ...]


@dataclass(frozen=True)
class ExportKind:
    key: str
    title: str
    headings: tuple[str, ...]
    rows: Callable[[Any, Mapping[str, str]], Iterable[Row]]


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _unit_filter(user: Any, params: Mapping[str, str]) -> Any:
    raw = params.get("unit", "")
    if raw.isdigit():
        return visible_units(user).filter(pk=int(raw)).first()
    return None


def _people(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    qs = org_queries.visible_people(user).select_related("unit")
    unit = _unit_filter(user, params)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    for word in fold(params.get("q", "")).split():
        qs = qs.filter(search_key__contains=word)
    for p in qs.order_by("sort_key", "pk").iterator(chunk_size=2000):
        yield (
            p.full_name,
            p.get_gender_display(),
            _d(p.date_of_birth),
            p.national_id or "",
            p.ethnicity,
            p.civil_servant_code,
            p.unit.code if p.unit else "",
            p.unit.name if p.unit else "",
            p.position,
        )


def _units(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    qs = visible_units(user).select_related("parent")
    for word in fold(params.get("q", "")).split():
        qs = qs.filter(search_key__contains=word)
    for u in qs.order_by("path").iterator(chunk_size=2000):
        yield (
            u.code,
            u.name,
            u.get_kind_display(),
            u.parent.code if u.parent else "",
            u.short_name,
            _d(u.valid_from),
            _d(u.valid_to),
        )


def _clusters(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    qs = org_queries.visible_clusters(user).select_related("organiser").annotate(n=Count("members"))
    if params.get("year", "").isdigit():
        qs = qs.filter(year=int(params["year"]))
    for c in qs.order_by("-year", "name"):
        members = org_queries.cluster_members(c)
        yield (
            c.code,
            c.name,
            c.get_kind_display(),
            c.year,
            c.organiser.code,
            ", ".join(m.unit.code for m in members),
            next((m.unit.code for m in members if m.role == "leader"), ""),
            next((m.unit.code for m in members if m.role == "deputy"), ""),
            c.note,
        )


def _movements(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    form = ListFilterForm(dict(params))
    data = form.cleaned_data if form.is_valid() else {}
    rows, _ = movement_page(
        user,
        level=data.get("level", ""),
        kind=data.get("kind", ""),
        year=data.get("year"),
        state=data.get("state", ""),
        text=data.get("q", ""),
        limit=100_000,
    )
    for m in rows:
        yield (
            m.pk,
            m.name,
            m.get_kind_display(),
            m.get_state_display(),
            m.organiser.name,
            m.document_number,
            _d(m.start_date),
            _d(m.end_date),
        )


def _awards(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    qs = visible_records(user)
    if params.get("year", "").isdigit():
        qs = qs.filter(year=int(params["year"]))
    for r in qs.order_by("-year", "pk").iterator(chunk_size=2000):
        yield (
            r.person.national_id or "" if r.person else "",
            r.unit.code if r.unit else "",
            str(r.subject),
            r.award_type.code,
            r.award_type.name,
            r.year,
            r.decision_number,
            _d(r.decision_date),
            r.issuer,
            r.get_category_display(),
            "Đã hủy" if r.revoked else "",
        )


def _int_param(params: Mapping[str, str], name: str) -> int | None:
    raw = params.get(name, "")
    return int(raw) if raw.isdigit() else None


def _dossiers(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    form = DossierFilterForm(dict(params))
    data = form.cleaned_data if form.is_valid() else {}
    rows = dossier_page(
        user,
        box=data.get("box", ""),
        year=data.get("year"),
        status=data.get("status", ""),
        limit=100_000,
    )
    for d in rows:
        yield (
            d.pk,
            d.title,
            d.get_kind_display(),
            d.year,
            d.proposing_unit.name,
            d.receiving_unit.name if d.receiving_unit else "",
            getattr(d, "nominee_count", 0),
            d.get_status_display(),
        )


def _decisions(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    form = DecisionFilterForm(dict(params))
    data = form.cleaned_data if form.is_valid() else {}
    filters = DecisionFilters(
        status=data.get("status") or "", year=data.get("year"), text=data.get("q") or ""
    )
    for d in filtered_decisions(user, filters).iterator(chunk_size=2000):
        yield (
            d.number_text,
            _d(d.decided_on),
            str(d.body),
            d.summary,
            d.get_status_display(),
            getattr(d, "item_count", 0),
            d.signer_name,
        )


def _ranking(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    """One cluster's ranking (`?ranking=<id>`): rank, unit, total, proposed award."""
    pk = _int_param(params, "ranking")
    board = visible_rankings(user).filter(pk=pk).first() if pk else None
    if board is None:
        return
    for row in board.rows.select_related("unit").order_by("rank", "unit__sort_key"):
        yield (
            row.rank,
            row.unit.code,
            row.unit.name,
            row.total,
            row.peer_average if row.peer_average is not None else "",
            "x" if row.leading else "",
            row.award,
            row.tie_note,
        )


def _council_results(user: Any, params: Mapping[str, str]) -> Iterator[Row]:
    """Closed sessions' tallies (totals only: ballots are secret). `?session=<id>` narrows."""
    sessions = sessions_for(user).filter(status=SessionStatus.CLOSED)
    pk = _int_param(params, "session")
    if pk:
        sessions = sessions.filter(pk=pk)
    items = (
        AgendaItem.objects.filter(session__in=sessions)
        .select_related(
            "session",
            "nominee__award_type",
            "nominee__person",
            "nominee__unit",
            "nominee__household",
        )
        .order_by("-session__held_on", "session_id", "position", "id")
    )
    for item in items.iterator(chunk_size=2000):
        yield (
            item.session.title,
            _d(item.session.held_on),
            nominee_name(item.nominee),
            item.nominee.award_type.name,
            item.members,
            item.present,
            item.yes,
            item.no,
            item.abstain,
            item.percent,
            item.get_result_display(),
        )


EXPORTS: dict[str, ExportKind] = {
    "people": ExportKind(
        "people",
        "Danh sách cá nhân",
        (
            "Họ và tên",
            "Giới tính",
            "Ngày sinh",
            "Số CCCD",
            "Dân tộc",
            "Mã công chức",
            "Mã đơn vị",
            "Đơn vị",
            "Chức vụ",
        ),
        _people,
    ),
    "units": ExportKind(
        "units",
        "Danh sách đơn vị",
        (
            "Mã đơn vị",
            "Tên đơn vị",
            "Loại đơn vị",
            "Mã đơn vị cấp trên",
            "Tên viết tắt",
            "Ngày thành lập",
            "Ngày chấm dứt",
        ),
        _units,
    ),
    "clusters": ExportKind(
        "clusters",
        "Cụm, khối thi đua",
        (
            "Mã cụm",
            "Tên cụm",
            "Loại",
            "Năm",
            "Mã đơn vị tổ chức",
            "Mã các đơn vị thành viên",
            "Mã trưởng cụm",
            "Mã phó cụm",
            "Ghi chú",
        ),
        _clusters,
    ),
    "movements": ExportKind(
        "movements",
        "Phong trào thi đua",
        (
            "Số hiệu",
            "Tên phong trào",
            "Loại",
            "Trạng thái",
            "Đơn vị phát động",
            "Số văn bản",
            "Ngày bắt đầu",
            "Ngày kết thúc",
        ),
        _movements,
    ),
    "awards": ExportKind(
        "awards",
        "Lịch sử khen thưởng",
        (
            "Số CCCD",
            "Mã đơn vị",
            "Đối tượng",
            "Mã hình thức",
            "Hình thức khen thưởng",
            "Năm thành tích",
            "Số quyết định",
            "Ngày quyết định",
            "Cơ quan quyết định",
            "Loại hình khen thưởng",
            "Hủy bỏ",
        ),
        _awards,
    ),
    "dossiers": ExportKind(
        "dossiers",
        "Hồ sơ đề nghị khen thưởng",
        (
            "Số hồ sơ",
            "Tên hồ sơ",
            "Loại hồ sơ",
            "Năm",
            "Đơn vị trình",
            "Đơn vị nhận",
            "Số đối tượng",
            "Trạng thái",
        ),
        _dossiers,
    ),
    "decisions": ExportKind(
        "decisions",
        "Quyết định khen thưởng",
        (
            "Số, ký hiệu",
            "Ngày ký",
            "Cơ quan ban hành",
            "Trích yếu",
            "Trạng thái",
            "Số đối tượng",
            "Người ký",
        ),
        _decisions,
    ),
    "ranking": ExportKind(
        "ranking",
        "Xếp hạng cụm, khối",
        (
            "Thứ hạng",
            "Mã đơn vị",
            "Đơn vị",
            "Tổng điểm",
            "Điểm chấm chéo",
            "Dẫn đầu",
            "Đề nghị khen thưởng",
            "Ghi chú xếp hạng",
        ),
        _ranking,
    ),
    "council_results": ExportKind(
        "council_results",
        "Kết quả bỏ phiếu Hội đồng",
        (
            "Phiên họp",
            "Ngày họp",
            "Đối tượng",
            "Hình thức khen thưởng",
            "Số thành viên",
            "Có mặt",
            "Đồng ý",
            "Không đồng ý",
            "Không ý kiến",
            "Tỷ lệ đồng ý (%)",
            "Kết quả",
        ),
        _council_results,
    ),
}


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return (
            float(value)
            if value == value.to_integral_value() or abs(value) < 10**15
            else str(value)
        )
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return neutralise("" if value is None else value)


def write_xlsx(kind: ExportKind, rows: Iterable[Row], out: Any) -> int:
    """Write a write-only workbook (constant memory); returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind.title[:31])
    header = []
    for heading in kind.headings:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_cell(v) for v in row])
        count += 1
    book.save(out)
    return count


def write_csv(kind: ExportKind, rows: Iterable[Row], out: Any) -> int:
    """UTF-8 with a BOM (so Excel reads Vietnamese), comma-separated."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(kind.headings)
    count = 0
    for row in rows:
        writer.writerow([_cell(v) for v in row])
        count += 1
    text.flush()
    text.detach()
    return count


def csv_chunks(kind: ExportKind, rows: Iterable[Row]) -> Iterator[bytes]:
    """The CSV as byte chunks (UTF-8 with a BOM), for a streaming response."""
    yield "\ufeff".encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(kind.headings)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def may_export(user: Any) -> bool:
    scope = scope_for(user)
    return scope.everything or bool(scope.paths)


def import_template(kind: Any) -> bytes:
    """The downloadable template of an import kind: headings (required ones in bold red),
    one example row, and a sheet explaining each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Dữ liệu"
    sheet.append([c.heading for c in kind.columns])
    for cell, column in zip(sheet[1], kind.columns, strict=True):
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        sheet.column_dimensions[cell.column_letter].width = max(14, len(column.heading) + 4)
    sheet.append(list(kind.example))
    for cell in sheet[2]:
        cell.number_format = "@"  # text: CCCD and codes keep their leading zeros
    guide = book.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Tên cột khác được chấp nhận"])
    for column in kind.columns:
        guide.append([column.heading, "Có" if column.required else "", ", ".join(column.aliases)])
    guide.append([])
    guide.append(
        [
            "Ngày viết dd/mm/yyyy (hoặc d/m/yy, hoặc ô ngày của Excel); số viết 1.234.567 hoặc 1.234,5."
        ]
    )
    guide.append(["Chữ gõ bằng phông TCVN3 (.VnTime) hay VNI được tự chuyển sang Unicode."])
    guide.append(["Dòng 2 là ví dụ: hãy xóa hoặc thay bằng dữ liệu thật."])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
