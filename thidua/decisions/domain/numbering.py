"""Numbers and symbols of documents (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục III).

Numbers run from 01/01 to 31/12 of each year per issuing body; numbers below 10 take a
leading zero: `05/QĐ-UBND`, `12/QĐ-UBND`.
"""

from __future__ import annotations

DECISION_ABBREVIATION = "QĐ"


def number_text(number: int, symbol: str, abbreviation: str = DECISION_ABBREVIATION) -> str:
    """`12/QĐ-UBND` for number 12 of the body whose symbol is `UBND`."""
    if number < 1:
        raise ValueError("document numbers start at 1")
    return f"{number:02d}/{abbreviation}-{symbol}"


def next_number(last_number: int) -> int:
    """The register's next number: no gaps, no reuse."""
    return last_number + 1
