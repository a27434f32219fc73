"""The award catalogue: every title and form the system knows (danh hiệu, hình thức khen thưởng).

Source: `contracts/awards.csv`, whose `legal_basis` column cites Luật TĐKT 2022 (Điều 9,
21–28, 34–75) and Nghị định 86/2023/NĐ-CP for the cultural titles.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from thidua.awards.domain.types import SubjectKind

ANY_SUBJECT = "any"

_COLUMNS = ("code", "name_vi", "subject", "kind", "level", "legal_basis")
_SUBJECTS = frozenset({ANY_SUBJECT, *(kind.value for kind in SubjectKind)})


@dataclass(frozen=True)
class AwardDefinition:
    """One catalogue row. `subject` is a SubjectKind value or "any"; `kind` is title, form,
    honorary or prize; `level` is co_so, bo_tinh or nha_nuoc."""

    code: str
    name_vi: str
    subject: str
    kind: str
    level: str
    legal_basis: str

    def applies_to(self, subject_kind: SubjectKind) -> bool:
        """Whether the award can be given to a subject of this kind (catalogue `subject`)."""
        return self.subject in (ANY_SUBJECT, subject_kind.value)


def parse_catalogue(csv_text: str) -> dict[str, AwardDefinition]:
    """The catalogue keyed by code, from the CSV text of `awards.csv` (Luật TĐKT 2022, Điều 9).

    Raises ValueError naming the line when a row is malformed or a code is repeated.
    """
    reader = csv.DictReader(io.StringIO(csv_text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"awards.csv must have the columns {', '.join(_COLUMNS)}")
    catalogue: dict[str, AwardDefinition] = {}
    for row in reader:
        line = reader.line_num
        values = {column: (row.get(column) or "").strip() for column in _COLUMNS}
        if not all(values.values()):
            raise ValueError(f"awards.csv line {line}: every column needs a value")
        if values["subject"] not in _SUBJECTS:
            raise ValueError(f"awards.csv line {line}: unknown subject {values['subject']!r}")
        if values["code"] in catalogue:
            raise ValueError(f"awards.csv line {line}: code {values['code']} is repeated")
        catalogue[values["code"]] = AwardDefinition(**values)
    if not catalogue:
        raise ValueError("awards.csv has no rows")
    return catalogue
