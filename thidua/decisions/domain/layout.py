"""Positions of the variable fields when printing onto a pre-printed blank (A4 landscape).

Each field has x and y in millimetres from the top-left corner of the sheet and a font size
in points; the officer adjusts them per layout until the print lands on the blank's lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from thidua.org.domain.reasons import Reason

PAGE_WIDTH_MM = 297
PAGE_HEIGHT_MM = 210
MIN_SIZE_PT = 6
MAX_SIZE_PT = 72

FIELDS = (
    "award",
    "recipient",
    "achievement",
    "decision",
    "date_line",
    "signer_position",
    "signer",
    "qr",
)


@dataclass(frozen=True)
class Position:
    x: float
    y: float
    size: float


DEFAULT_POSITIONS: dict[str, Position] = {
    "award": Position(70, 72, 26),
    "recipient": Position(70, 95, 22),
    "achievement": Position(50, 112, 14),
    "decision": Position(50, 140, 12),
    "date_line": Position(170, 150, 13),
    "signer_position": Position(180, 158, 13),
    "signer": Position(180, 188, 14),
    "qr": Position(20, 165, 28),
}


def positions_from(raw: Mapping[str, object]) -> dict[str, Position]:
    """Stored positions over the defaults; malformed entries fall back to the default."""
    result = dict(DEFAULT_POSITIONS)
    for name in FIELDS:
        entry = raw.get(name)
        if not isinstance(entry, Mapping):
            continue
        try:
            values = [float(entry[key]) for key in ("x", "y", "size")]
        except (KeyError, TypeError, ValueError):
            continue
        result[name] = Position(*values)
    return result


def check_positions(positions: Mapping[str, Position]) -> list[Reason]:
    reasons: list[Reason] = []
    for name, pos in positions.items():
        if name not in FIELDS:
            reasons.append(Reason("UNKNOWN_FIELD", f"Không có trường {name}.", "", "__all__"))
            continue
        if not (0 <= pos.x <= PAGE_WIDTH_MM and 0 <= pos.y <= PAGE_HEIGHT_MM):
            reasons.append(
                Reason(
                    "OFF_PAGE",
                    f"Vị trí nằm ngoài trang A4 ngang ({PAGE_WIDTH_MM} × {PAGE_HEIGHT_MM} mm).",
                    "",
                    f"{name}_x",
                )
            )
        if not MIN_SIZE_PT <= pos.size <= MAX_SIZE_PT:
            reasons.append(
                Reason(
                    "INVALID_SIZE",
                    f"Cỡ chữ phải từ {MIN_SIZE_PT} đến {MAX_SIZE_PT}.",
                    "",
                    f"{name}_size",
                )
            )
    return reasons
