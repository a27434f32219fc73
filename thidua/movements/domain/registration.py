"""Registration rules: who may register when, and checking a sheet of people row by row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from thidua.core.text import clean_text, fold
from thidua.org.domain.reasons import Reason

BASIS = "Luật Thi đua, khen thưởng 2022, Điều 17; Hướng dẫn 1479/HD-BTĐKT (đăng ký thi đua)"


def check_registration(
    *,
    is_participant: bool,
    already_registered: bool,
    deadline: date | None,
    today: date,
    may_accept_late: bool,
) -> list[Reason]:
    reasons: list[Reason] = []
    if not is_participant:
        reasons.append(
            Reason(
                "NOT_A_PARTICIPANT",
                "Đơn vị không thuộc đối tượng tham gia phong trào này.",
                BASIS,
                "unit",
            )
        )
    if already_registered:
        reasons.append(
            Reason(
                "ALREADY_REGISTERED",
                "Đơn vị đã đăng ký thi đua trong phong trào này; hãy sửa bản đăng ký đã có.",
                BASIS,
                "unit",
            )
        )
    if deadline is not None and today > deadline and not may_accept_late:
        reasons.append(
            Reason(
                "DEADLINE_PASSED",
                "Đã quá hạn đăng ký thi đua ({day}). Hãy liên hệ đơn vị tổ chức phong trào.".format(
                    day=deadline.strftime("%d/%m/%Y")
                ),
                BASIS,
            )
        )
    return reasons


# Column headings of the sheet (the first row); matched without accents or case.
COLUMNS = {"name": "họ và tên", "national_id": "số cccd", "title": "danh hiệu đăng ký"}


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number in the sheet (1-based, heading is row 1)
    name: str
    national_id: str
    title: str


@dataclass(frozen=True)
class RowResult:
    number: int
    name: str
    person_id: int | None
    title_code: str
    errors: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PersonIndex:
    """The people of the registering unit, for matching rows."""

    by_national_id: Mapping[str, int]
    by_name: Mapping[str, Sequence[int]]  # folded full name -> ids
    registered: frozenset[int]


def header_positions(header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Where each column is, and the Vietnamese messages for missing ones."""
    folded = [fold(h or "") for h in header]
    positions: dict[str, int] = {}
    missing: list[str] = []
    for key, heading in COLUMNS.items():
        if fold(heading) in folded:
            positions[key] = folded.index(fold(heading))
        elif key != "national_id":
            missing.append("Thiếu cột “{h}” ở dòng tiêu đề.".format(h=heading.capitalize()))
    return positions, missing


def check_rows(
    rows: Sequence[SheetRow], index: PersonIndex, titles: Mapping[str, str]
) -> list[RowResult]:
    """Match each row to one person of the unit and one title; report every problem.

    ``titles`` maps folded title names and codes to title codes.
    """
    results: list[RowResult] = []
    seen: dict[int, int] = {}
    for row in rows:
        errors: list[str] = []
        name = clean_text(row.name)
        national_id = clean_text(row.national_id)
        person_id: int | None = None
        if not name and not national_id:
            errors.append("Thiếu họ và tên.")
        elif national_id:
            person_id = index.by_national_id.get(national_id)
            if person_id is None:
                errors.append("Không có người mang số CCCD {n} trong đơn vị.".format(n=national_id))
        else:
            matches = list(index.by_name.get(fold(name), ()))
            if not matches:
                errors.append(
                    "Không tìm thấy “{n}” trong danh sách cá nhân của đơn vị.".format(n=name)
                )
            elif len(matches) > 1:
                errors.append(
                    "Có {k} người tên “{n}” trong đơn vị; hãy ghi thêm số CCCD.".format(
                        k=len(matches), n=name
                    )
                )
            else:
                person_id = matches[0]
        title_code = titles.get(fold(clean_text(row.title)), "")
        if not clean_text(row.title):
            errors.append("Thiếu danh hiệu đăng ký.")
        elif not title_code:
            errors.append(
                "Danh hiệu “{t}” không có trong danh mục danh hiệu cá nhân.".format(
                    t=clean_text(row.title)
                )
            )
        if person_id is not None:
            if person_id in index.registered:
                errors.append("Người này đã được đăng ký trước đó.")
            elif person_id in seen:
                errors.append("Trùng với dòng {k}.".format(k=seen[person_id]))
            else:
                seen[person_id] = row.number
        results.append(RowResult(row.number, name, person_id, title_code, tuple(errors)))
    return results
