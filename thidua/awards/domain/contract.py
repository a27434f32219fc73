"""The outside face of the eligibility engine: JSON in, JSON out (`contracts/eligibility.md`).

`parse_query` validates one input object and collects EVERY field error, each named by its path
(`awards[1].year`, `proposal_date`, `members.ldtt`) with a Vietnamese message, so a caller can fix
all of them at once. `result_to_json` gives the contract's output shape. Pure: the catalogue is
passed in, nothing is read from disk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from thidua.awards.domain.catalogue import ANY_SUBJECT, AwardDefinition
from thidua.awards.domain.eligibility import MEMBER_FIELDS_REQUIRED
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
    DisciplinePeriod,
    EligibilityQuery,
    EligibilityResult,
    Initiative,
    MemberStats,
    Rating,
    RecognitionLevel,
    ResearchResult,
    SubjectKind,
    SubjectRecord,
)

#: Years accepted anywhere in the input (achievement years, rating years, dates).
YEAR_MIN, YEAR_MAX = 1900, 2100

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_KEY = re.compile(r"^\d{4}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_MEMBER_FIELDS = ("total", "htnv_or_better", "ldtt", "cstdcs", "disciplined_canh_cao_or_above")
_SUBJECT_TEXT = {
    SubjectKind.INDIVIDUAL: "cá nhân",
    SubjectKind.COLLECTIVE: "tập thể",
    SubjectKind.HOUSEHOLD: "hộ gia đình",
    ANY_SUBJECT: "mọi đối tượng",
}

Loc = tuple[str | int, ...]
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


@dataclass(frozen=True)
class FieldError:
    """One invalid field: where it is (`loc` segments) and what is wrong, in Vietnamese."""

    loc: Loc
    message: str

    @property
    def path(self) -> str:
        """The dotted path: `awards[1].year`, `[0].proposal_date` (batch); "" is the root."""
        text = ""
        for segment in self.loc:
            if isinstance(segment, int):
                text += f"[{segment}]"
            else:
                text += f".{segment}" if text else segment
        return text

    def under(self, *prefix: str | int) -> FieldError:
        """The same error seen from an enclosing document (e.g. item `i` of a batch)."""
        return FieldError((*prefix, *self.loc), self.message)


def parse_query(
    payload: object, catalogue: Mapping[str, AwardDefinition]
) -> tuple[EligibilityQuery | None, list[FieldError]]:
    """The query described by one contract input object, or every field error found in it.

    Required: `award` (a catalogue code for the subject's kind), `year`, `proposal_date`
    (YYYY-MM-DD), `subject.kind`; `members` for TTLDTT and TTLDXS. Optional with defaults:
    `registered` and `under_investigation` (false), `ratings` ({}), the lists (empty), an award's
    `category` (CONG_TRANG) and `revoked` (false). Unknown keys are ignored. Legal source of the
    categories and grades: Luật TĐKT 2022, Điều 8; Nghị định 90/2020/NĐ-CP.
    """
    reader = _Reader(catalogue)
    if not isinstance(payload, dict):
        reader.error((), "Dữ liệu phải là một đối tượng JSON (hoặc một mảng các đối tượng).")
        return None, reader.errors
    query = reader.query(payload)
    if reader.errors or query is None:
        return None, reader.errors
    return query, []


def result_to_json(result: EligibilityResult) -> dict[str, object]:
    """The contract's output object for one result (`contracts/eligibility.md`, "Output"); each
    check carries its legal basis as given by the engine."""
    return {
        "award": result.award,
        "year": result.year,
        "eligible": result.eligible,
        "rule_set": result.rule_set,
        "checks": [
            {
                "code": check.code,
                "passed": check.passed,
                "message": check.message,
                "basis": check.basis,
            }
            for check in result.checks
        ],
        "missing": list(result.missing),
    }


def describe_errors(errors: Sequence[FieldError]) -> str:
    """A Vietnamese text listing every error, one per line, for people (command line). Input
    rules: `contracts/eligibility.md`, "Input"."""
    lines = [f"Dữ liệu đầu vào không hợp lệ ({len(errors)} lỗi):"]
    lines.extend(f"  - {error.path or '(toàn bộ dữ liệu)'}: {error.message}" for error in errors)
    return "\n".join(lines)


class _Reader:
    """Reads one input object, recording an error for each bad field instead of stopping."""

    def __init__(self, catalogue: Mapping[str, AwardDefinition]) -> None:
        self.catalogue = catalogue
        self.errors: list[FieldError] = []

    def error(self, loc: Loc, message: str) -> None:
        self.errors.append(FieldError(loc, message))

    # -- the document ---------------------------------------------------------------------------

    def query(self, payload: Mapping[str, object]) -> EligibilityQuery | None:
        award = self.text(payload.get("award"), ("award",), required=True)
        definition = self.known_award(award, ("award",))
        year = self.year(payload.get("year"), ("year",), required=True)
        proposal_date = self.date(payload.get("proposal_date"), ("proposal_date",), required=True)
        kind, name = self.subject(payload.get("subject"))
        if definition is not None and kind is not None and not definition.applies_to(kind):
            self.error(
                ("award",),
                f"{definition.name_vi} ({definition.code}) chỉ dành cho "
                f"{_SUBJECT_TEXT.get(definition.subject, definition.subject)}, không áp dụng cho "
                f"{_SUBJECT_TEXT[kind]} (subject.kind = {kind.value}).",
            )
        record = SubjectRecord(
            kind=kind or SubjectKind.INDIVIDUAL,
            name=name,
            ratings=self.ratings(payload.get("ratings")),
            awards=self.items(payload, "awards", self.award_record),
            initiatives=self.items(payload, "initiatives", self.initiative),
            research=self.items(payload, "research", self.research),
            discipline=self.items(payload, "discipline", self.discipline),
            members=self.members(payload.get("members"), award),
            registered=self.flag(payload, "registered"),
            under_investigation=self.flag(payload, "under_investigation"),
        )
        if award is None or year is None or proposal_date is None or kind is None:
            return None
        return EligibilityQuery(award=award, year=year, proposal_date=proposal_date, record=record)

    def known_award(self, code: str | None, loc: Loc) -> AwardDefinition | None:
        if code is None:
            return None
        definition = self.catalogue.get(code)
        if definition is None:
            self.error(loc, f"Mã {_show(code)} không có trong danh mục khen thưởng (awards.csv).")
        return definition

    def subject(self, value: object) -> tuple[SubjectKind | None, str | None]:
        if value is None:
            self.error(("subject",), "Thiếu thông tin đối tượng (subject, gồm kind và name).")
            return None, None
        if not isinstance(value, dict):
            self.error(("subject",), "Phải là một đối tượng JSON có kind và name.")
            return None, None
        kind = self.choice(value.get("kind"), ("subject", "kind"), SubjectKind, required=True)
        name = self.optional_text(value.get("name"), ("subject", "name"))
        return kind, name

    def ratings(self, value: object) -> dict[int, Rating]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(("ratings",), 'Phải là một đối tượng JSON dạng {"2025": "HTT", ...}.')
            return {}
        ratings: dict[int, Rating] = {}
        for key, raw in value.items():
            loc: Loc = ("ratings", key)
            if not _YEAR_KEY.match(key) or not YEAR_MIN <= int(key) <= YEAR_MAX:
                self.error(loc, f"Khóa {_show(key)} không phải là năm ({YEAR_MIN}–{YEAR_MAX}).")
                continue
            rating = self.choice(raw, loc, Rating, required=False)
            if rating is not None:
                ratings[int(key)] = rating
        return ratings

    def members(self, value: object, award: str | None) -> MemberStats | None:
        required = MEMBER_FIELDS_REQUIRED.get(award or "", ())
        if value is None:
            if required:
                definition = self.catalogue.get(award or "")
                title = definition.name_vi if definition else award
                self.error(
                    ("members",),
                    f"Bắt buộc với {title} ({award}): cần số liệu thành viên của tập thể "
                    f"({', '.join(required)}).",
                )
            return None
        if not isinstance(value, dict):
            self.error(("members",), "Phải là một đối tượng JSON (số liệu thành viên).")
            return None
        counts: dict[str, int | None] = {}
        for name in _MEMBER_FIELDS:
            counts[name] = self.count(
                value.get(name), ("members", name), required=name in required or name == "total"
            )
        total = counts["total"]
        if total is None:
            return None
        if total < 1:
            self.error(("members", "total"), "Tập thể phải có ít nhất 1 thành viên.")
        for name, count in counts.items():
            if name != "total" and count is not None and count > total:
                self.error(
                    ("members", name),
                    f"Không được lớn hơn tổng số thành viên (members.total = {total}).",
                )
        return MemberStats(
            total=total,
            htnv_or_better=counts["htnv_or_better"],
            ldtt=counts["ldtt"],
            cstdcs=counts["cstdcs"],
            disciplined_canh_cao_or_above=counts["disciplined_canh_cao_or_above"],
        )

    # -- list items -----------------------------------------------------------------------------

    def items(
        self,
        payload: Mapping[str, object],
        key: str,
        read: Callable[[Mapping[str, object], Loc], T | None],
    ) -> tuple[T, ...]:
        value = payload.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error((key,), "Phải là một danh sách (mảng JSON).")
            return ()
        items: list[T] = []
        for index, raw in enumerate(value):
            loc: Loc = (key, index)
            if not isinstance(raw, dict):
                self.error(loc, "Mỗi phần tử phải là một đối tượng JSON.")
                continue
            item = read(raw, loc)
            if item is not None:
                items.append(item)
        return tuple(items)

    def award_record(self, raw: Mapping[str, object], loc: Loc) -> AwardRecord | None:
        code = self.text(raw.get("code"), (*loc, "code"), required=True)
        self.known_award(code, (*loc, "code"))
        year = self.year(raw.get("year"), (*loc, "year"), required=True)
        category = self.choice(raw.get("category"), (*loc, "category"), AwardCategory)
        revoked = self.flag(raw, "revoked", loc)
        if code is None or year is None:
            return None
        return AwardRecord(code, year, category or AwardCategory.CONG_TRANG, revoked)

    def initiative(self, raw: Mapping[str, object], loc: Loc) -> Initiative | None:
        item_id = self.optional_text(raw.get("id"), (*loc, "id"))
        level = self.choice(raw.get("level"), (*loc, "level"), RecognitionLevel, required=True)
        year = self.year(raw.get("year"), (*loc, "year"), required=True)
        used_for = self.optional_text(raw.get("used_for"), (*loc, "used_for"))
        if level is None or year is None:
            return None
        return Initiative(item_id, level, year, used_for)

    def research(self, raw: Mapping[str, object], loc: Loc) -> ResearchResult | None:
        item_id = self.optional_text(raw.get("id"), (*loc, "id"))
        level = self.choice(raw.get("level"), (*loc, "level"), RecognitionLevel, required=True)
        year = self.year(raw.get("accepted_year"), (*loc, "accepted_year"), required=True)
        used_for = self.optional_text(raw.get("used_for"), (*loc, "used_for"))
        if level is None or year is None:
            return None
        return ResearchResult(item_id, level, year, used_for)

    def discipline(self, raw: Mapping[str, object], loc: Loc) -> DisciplinePeriod | None:
        level = self.text(raw.get("level"), (*loc, "level"), required=True)
        if level is not None and not _CODE.match(level):
            self.error(
                (*loc, "level"),
                "Hình thức kỷ luật phải là mã viết hoa, ví dụ KHIEN_TRACH, CANH_CAO, CACH_CHUC, "
                "BUOC_THOI_VIEC.",
            )
        start = self.date(raw.get("from"), (*loc, "from"), required=True)
        end = self.date(raw.get("to"), (*loc, "to"), required=False)
        if start is not None and end is not None and end < start:
            self.error((*loc, "to"), "Ngày kết thúc kỷ luật không được trước ngày bắt đầu.")
        if level is None or start is None:
            return None
        return DisciplinePeriod(level, start, end)

    # -- scalars --------------------------------------------------------------------------------

    def text(self, value: object, loc: Loc, *, required: bool) -> str | None:
        if value is None:
            if required:
                self.error(loc, "Thiếu trường bắt buộc.")
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(loc, "Phải là một chuỗi ký tự khác rỗng.")
            return None
        return value

    def optional_text(self, value: object, loc: Loc) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(loc, "Phải là chuỗi ký tự hoặc null.")
            return None
        return value

    def year(self, value: object, loc: Loc, *, required: bool) -> int | None:
        if value is None:
            if required:
                self.error(loc, "Thiếu trường bắt buộc (năm).")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(loc, f"Năm phải là số nguyên, ví dụ 2025 (nhận được {_show(value)}).")
            return None
        if not YEAR_MIN <= value <= YEAR_MAX:
            self.error(loc, f"Năm {value} nằm ngoài khoảng cho phép {YEAR_MIN}–{YEAR_MAX}.")
            return None
        return value

    def date(self, value: object, loc: Loc, *, required: bool) -> date | None:
        if value is None:
            if required:
                self.error(loc, "Thiếu trường bắt buộc (ngày dạng YYYY-MM-DD).")
            return None
        day = None
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                day = None
        if day is None:
            self.error(
                loc, f"Ngày không hợp lệ {_show(value)}: cần dạng YYYY-MM-DD, ví dụ 2025-12-10."
            )
            return None
        if not YEAR_MIN <= day.year <= YEAR_MAX:
            self.error(loc, f"Ngày {value} nằm ngoài khoảng năm {YEAR_MIN}–{YEAR_MAX}.")
            return None
        return day

    def count(self, value: object, loc: Loc, *, required: bool) -> int | None:
        if value is None:
            if required:
                self.error(loc, "Thiếu trường bắt buộc (số nguyên không âm).")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(loc, f"Phải là số nguyên không âm (nhận được {_show(value)}).")
            return None
        return value

    def flag(self, obj: Mapping[str, object], key: str, loc: Loc = ()) -> bool:
        value = obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error((*loc, key), f"Phải là true hoặc false (nhận được {_show(value)}).")
            return False
        return value

    def choice(self, value: object, loc: Loc, enum: type[E], *, required: bool = False) -> E | None:
        allowed = ", ".join(member.value for member in enum)
        if value is None:
            if required:
                self.error(loc, f"Thiếu trường bắt buộc (một trong: {allowed}).")
            return None
        if isinstance(value, str):
            for member in enum:
                if member.value == value:
                    return member
        self.error(loc, f"Giá trị {_show(value)} không hợp lệ; phải là một trong: {allowed}.")
        return None


def _show(value: object) -> str:
    """A short JSON rendering of a bad value for messages."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
