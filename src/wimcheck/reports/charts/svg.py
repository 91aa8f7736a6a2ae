"""The shared pieces of every chart: colours, sizes, numbers, escaping, text and the frame.

All text is escaped here with :func:`html.escape`, so the chart modules pass plain,
untrusted text to :func:`text_element` and :func:`svg_element`.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from html import escape

from wimcheck.i18n.formats import format_number as people_number

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1a1a1a"
MUTED = "#595959"
GRID = "#b3b3b3"
LEVEL = "#1d4f91"
TARGET = "#9c3d00"
BEFORE = "#4d4d4d"

LABEL_SIZE = 15.0
SMALL_SIZE = 12.0
CHAR_WIDTH = 0.56  # average glyph width as a share of the font size (sans-serif)


def format_number(value: float | None, digits: int = 2) -> str:
    """A number as shown in charts and reports: whole numbers without decimals, else up to
    ``digits`` decimals."""
    return people_number(value, digits=digits, missing="–")


def coord(value: float) -> str:
    """A coordinate, short: at most one decimal, none when whole."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def attr(value: str) -> str:
    """Untrusted text escaped for an attribute value (or element content)."""
    return escape(value, quote=True)


def safe_id(value: str) -> str:
    """An element id made of letters, digits, ``_`` and ``-`` only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-")
    return cleaned or "chart"


def text_width(text: str, size: float) -> float:
    """The estimated width of ``text`` at font ``size``."""
    return len(text) * size * CHAR_WIDTH


def wrap_label(text: str, width: int, max_lines: int = 4) -> list[str]:
    """A label in lines of at most ``width`` characters; an ellipsis ends a cut label."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return lines


class Box:
    """The bounding box of what has been drawn, to size the viewBox."""

    def __init__(self) -> None:
        self.x0 = math.inf
        self.y0 = math.inf
        self.x1 = -math.inf
        self.y1 = -math.inf

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0 = min(self.x0, x0), min(self.y0, y0)
        self.x1, self.y1 = max(self.x1, x1), max(self.y1, y1)

    def add_text(self, x: float, y: float, text: str, size: float, anchor: str) -> None:
        width = text_width(text, size)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        self.add(left, y - size, left + width, y + size * 0.3)


def text_element(
    x: float,
    y: float,
    lines: Sequence[str],
    *,
    size: float = LABEL_SIZE,
    anchor: str = "middle",
    fill: str = INK,
    weight: str | None = None,
    box: Box | None = None,
    line_height: float | None = None,
) -> str:
    """A ``<text>`` of one ``<tspan>`` per line; the lines are added to ``box``."""
    step = line_height or size * 1.2
    weight_attr = f' font-weight="{weight}"' if weight else ""
    parts = [
        f'<text x="{coord(x)}" y="{coord(y)}" font-size="{coord(size)}" text-anchor="{anchor}" '
        f'fill="{fill}"{weight_attr}>'
    ]
    for i, line in enumerate(lines):
        dy = "0" if i == 0 else coord(step)
        parts.append(f'<tspan x="{coord(x)}" dy="{dy}">{escape(line, quote=True)}</tspan>')
        if box is not None:
            box.add_text(x, y + i * step, line, size, anchor)
    parts.append("</text>")
    return "".join(parts)


def svg_element(
    chart_id: str,
    title: str,
    desc: str,
    body: str,
    box: Box,
    css_class: str,
    pad: float = 8,
) -> str:
    """The ``<svg>`` around ``body``: sized to ``box``, with title, description and label."""
    cid = safe_id(chart_id)
    x0, y0 = math.floor(box.x0 - pad), math.floor(box.y0 - pad)
    width, height = math.ceil(box.x1 + pad - x0), math.ceil(box.y1 + pad - y0)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" id="{cid}" '
        f'viewBox="{x0} {y0} {width} {height}" width="100%" style="max-width:{width}px" '
        'role="img" '
        f'aria-label="{attr(title)}" aria-labelledby="{cid}-title {cid}-desc" '
        f'font-family="{attr(FONT)}">'
        f'<title id="{cid}-title">{escape(title, quote=True)}</title>'
        f'<desc id="{cid}-desc">{escape(desc, quote=True)}</desc>'
        f"{body}</svg>"
    )
