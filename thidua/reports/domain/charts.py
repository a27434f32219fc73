"""Charts as inline SVG (pure): horizontal bars, stacked columns, progress bars, a donut.

Every chart carries its numbers as text next to the marks, so a printout in black and white
still reads; colours come from a small palette that stays distinct in greyscale. The output
is a complete `<svg>` element with escaped text (safe to mark as safe in a template).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from thidua.reports.domain.stats import vn_int

PALETTE = ("#b02a37", "#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#6c757d")
FONT = 'font-family="Times New Roman, serif"'
TEXT_WIDTH = 7.0  # approximate width of one character at 13 px, for label columns


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    note: str = ""  # text after the number, e.g. "(23,5 %)"
    tone: str = ""  # ok / warn / bad: a colour that means something (passed, failed…)


@dataclass(frozen=True)
class Progress:
    label: str
    fraction: float  # 0..1 (values outside are clipped for drawing)
    text: str  # what the bar means in words, e.g. "48/52 đã đăng ký"
    tone: str = "ok"  # ok / warn / bad


TONES = {"ok": "#198754", "warn": "#fd7e14", "bad": "#b02a37"}


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _label_width(labels: Sequence[str], cap: int = 34) -> float:
    longest = max((min(len(x), cap) for x in labels), default=0)
    return max(60.0, longest * TEXT_WIDTH)


def _clip(text: str, cap: int = 34) -> str:
    return text if len(text) <= cap else text[: cap - 1] + "…"


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 640) -> str:
    """Horizontal bars, one per item, the number at the end of each bar."""
    if not bars:
        return ""
    row = 26
    label_w = _label_width([b.label for b in bars])
    number_w = 120.0
    plot = max(width - label_w - number_w - 10, 40)
    top = max((b.value for b in bars), default=0) or 1
    body: list[str] = []
    for i, b in enumerate(bars):
        y = i * row + 4
        w = plot * b.value / top
        body.append(
            f'<text x="{label_w - 6:.0f}" y="{y + 15}" text-anchor="end" font-size="13" {FONT}>'
            f"{escape(_clip(b.label))}</text>"
        )
        body.append(
            f'<rect x="{label_w:.0f}" y="{y}" width="{w:.1f}" height="18" fill="{PALETTE[0]}"/>'
        )
        number = vn_int(b.value) + (f" {b.note}" if b.note else "")
        body.append(
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}" font-size="13" {FONT}>'
            f"{escape(number)}</text>"
        )
    return _svg(width, len(bars) * row + 8, body, title)


def stacked_columns(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    width: int = 640,
    height: int = 260,
) -> str:
    """Columns per category (e.g. a year) stacked by series (e.g. award level), the total on
    top of each column and a legend below."""
    if not categories or not series:
        return ""
    legend_h = 22 * math.ceil(len(series) / 3)
    plot_h = height - 40 - legend_h
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    top = max(totals, default=0) or 1
    slot = (width - 20) / len(categories)
    col_w = min(60.0, slot * 0.6)
    body: list[str] = []
    base = 20 + plot_h
    for i, cat in enumerate(categories):
        x = 10 + slot * i + (slot - col_w) / 2
        y = float(base)
        for s, (_, values) in enumerate(series):
            h = plot_h * values[i] / top
            if h > 0:
                y -= h
                body.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{col_w:.1f}" height="{h:.1f}" '
                    f'fill="{PALETTE[s % len(PALETTE)]}" stroke="#fff" stroke-width="1"/>'
                )
                if h >= 14:
                    body.append(
                        f'<text x="{x + col_w / 2:.1f}" y="{y + h / 2 + 4:.1f}" '
                        f'text-anchor="middle" font-size="11" fill="#fff" {FONT}>'
                        f"{vn_int(values[i])}</text>"
                    )
        body.append(
            f'<text x="{x + col_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
            f'font-size="13" font-weight="bold" {FONT}>{vn_int(totals[i])}</text>'
        )
        body.append(
            f'<text x="{x + col_w / 2:.1f}" y="{base + 16}" text-anchor="middle" '
            f'font-size="13" {FONT}>{escape(cat)}</text>'
        )
    body.append(
        f'<line x1="5" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#333" stroke-width="1"/>'
    )
    body += _legend([name for name, _ in series], y=base + 30, width=width)
    return _svg(width, height, body, title)


def _legend(names: Sequence[str], *, y: float, width: int) -> list[str]:
    out: list[str] = []
    per_row = 3
    cell = (width - 20) / per_row
    for i, name in enumerate(names):
        x = 10 + cell * (i % per_row)
        yy = y + 22 * (i // per_row)
        out.append(
            f'<rect x="{x:.1f}" y="{yy:.1f}" width="12" height="12" '
            f'fill="{PALETTE[i % len(PALETTE)]}"/>'
        )
        out.append(
            f'<text x="{x + 17:.1f}" y="{yy + 11:.1f}" font-size="12" {FONT}>'
            f"{escape(_clip(name, 30))}</text>"
        )
    return out


def progress_bars(items: Sequence[Progress], *, title: str, width: int = 640) -> str:
    """One bar per item filled to its fraction, with the label above and the text inside."""
    if not items:
        return ""
    row = 50
    body: list[str] = []
    for i, item in enumerate(items):
        y = i * row + 2
        frac = min(max(item.fraction, 0.0), 1.0)
        body.append(
            f'<text x="0" y="{y + 13}" font-size="13" {FONT}>{escape(_clip(item.label, 80))}</text>'
        )
        body.append(
            f'<rect x="0" y="{y + 18}" width="{width - 2}" height="26" fill="#f1f3f5" '
            f'stroke="#adb5bd" stroke-width="1"/>'
        )
        body.append(
            f'<rect x="0" y="{y + 18}" width="{(width - 2) * frac:.1f}" height="26" '
            f'fill="{TONES.get(item.tone, TONES["ok"])}"/>'
        )
        body.append(
            f'<text x="6" y="{y + 36}" font-size="14" font-weight="bold" fill="#000" '
            f'stroke="#fff" stroke-width="3" paint-order="stroke" {FONT}>{escape(item.text)}</text>'
        )
    return _svg(width, len(items) * row + 4, body, title)


def _colour(part: Bar, i: int) -> str:
    return TONES.get(part.tone) or PALETTE[i % len(PALETTE)]


def donut(parts: Sequence[Bar], *, title: str, width: int = 420) -> str:
    """A ring split by the parts, the total in the middle and a legend with numbers."""
    total = sum(p.value for p in parts)
    if total <= 0:
        return ""
    r, cx, cy, stroke = 60.0, 75.0, 75.0, 28.0
    circumference = 2 * math.pi * r
    body: list[str] = [
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="#f1f3f5" '
        f'stroke-width="{stroke}"/>'
    ]
    offset = 0.0
    for i, p in enumerate(parts):
        if p.value <= 0:
            continue
        length = circumference * p.value / total
        body.append(
            f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" '
            f'stroke="{_colour(p, i)}" stroke-width="{stroke}" '
            f'stroke-dasharray="{length:.2f} {circumference - length:.2f}" '
            f'stroke-dashoffset="{-offset:.2f}" transform="rotate(-90 {cx} {cy})"/>'
        )
        offset += length
    body.append(
        f'<text x="{cx}" y="{cy + 6}" text-anchor="middle" font-size="18" font-weight="bold" '
        f"{FONT}>{vn_int(total)}</text>"
    )
    for i, p in enumerate(parts):
        y = 20 + i * 22
        note = f" {p.note}" if p.note else ""
        body.append(f'<rect x="165" y="{y}" width="12" height="12" fill="{_colour(p, i)}"/>')
        body.append(
            f'<text x="183" y="{y + 11}" font-size="13" {FONT}>'
            f"{escape(_clip(p.label, 26))}: {vn_int(p.value)}{escape(note)}</text>"
        )
    height = max(155, 30 + len(parts) * 22)
    return _svg(width, height, body, title)
