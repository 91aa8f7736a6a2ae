"""Charts as inline SVG, in pure Python: radar (spider) charts, bar charts and small bars.

Every function returns one ``<svg>`` element as a string, ready to be placed into an
HTML page as it is. All text (labels, titles, descriptions) is escaped here with
:func:`html.escape`, so callers pass plain, untrusted text.

The charts do not rely on colour: a level is a filled area with a solid line and round
markers, a target a dashed line with square markers, a "before" value a dotted line with
hollow round markers. They print well in black and white, scale with their container
(``viewBox``, ``width="100%"``) and carry ``<title>``, ``<desc>`` and ``aria-label``.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

__all__ = [
    "Series",
    "SeriesStyle",
    "bars_svg",
    "distribution_svg",
    "format_number",
    "gap_bar_svg",
    "profile_chart_svg",
    "radar_svg",
]

SeriesStyle = Literal["level", "target", "before", "after"]

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


@dataclass(frozen=True)
class _Style:
    stroke: str
    width: float
    dash: str | None
    fill: str | None
    fill_opacity: float
    marker: Literal["circle", "square"]
    marker_filled: bool


STYLES: dict[SeriesStyle, _Style] = {
    "level": _Style(LEVEL, 2.5, None, LEVEL, 0.18, "circle", True),
    "after": _Style(LEVEL, 2.5, None, LEVEL, 0.18, "circle", True),
    "target": _Style(TARGET, 2.5, "8 5", None, 0.0, "square", False),
    "before": _Style(BEFORE, 2.0, "2 4", None, 0.0, "circle", False),
}


@dataclass(frozen=True)
class Series:
    """One line of a chart: a name for the legend, one value per axis, and a style."""

    name: str
    values: Sequence[float | None]
    style: SeriesStyle


def format_number(value: float | None, digits: int = 2) -> str:
    """A number as shown in charts and reports: whole numbers without decimals, else up to
    ``digits`` decimals."""
    if value is None:
        return "–"
    rounded = round(float(value), digits)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.{digits}f}".rstrip("0").rstrip(".")


def _f(value: float) -> str:
    """A coordinate, short."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _safe_id(value: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-")
    return cleaned or "chart"


def _text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def _wrap(text: str, width: int, max_lines: int = 4) -> list[str]:
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return lines


class _Box:
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
        width = _text_width(text, size)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        self.add(left, y - size, left + width, y + size * 0.3)


def _text(
    x: float,
    y: float,
    lines: Sequence[str],
    *,
    size: float = LABEL_SIZE,
    anchor: str = "middle",
    fill: str = INK,
    weight: str | None = None,
    box: _Box | None = None,
    line_height: float | None = None,
) -> str:
    step = line_height or size * 1.2
    weight_attr = f' font-weight="{weight}"' if weight else ""
    parts = [
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{_f(size)}" text-anchor="{anchor}" '
        f'fill="{fill}"{weight_attr}>'
    ]
    for i, line in enumerate(lines):
        dy = "0" if i == 0 else _f(step)
        parts.append(f'<tspan x="{_f(x)}" dy="{dy}">{escape(line, quote=True)}</tspan>')
        if box is not None:
            box.add_text(x, y + i * step, line, size, anchor)
    parts.append("</text>")
    return "".join(parts)


def _marker(x: float, y: float, style: _Style, size: float = 4.5) -> str:
    fill = style.stroke if style.marker_filled else "#ffffff"
    if style.marker == "circle":
        return (
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(size)}" fill="{fill}" '
            f'stroke="{style.stroke}" stroke-width="1.8"/>'
        )
    half = size
    return (
        f'<rect x="{_f(x - half)}" y="{_f(y - half)}" width="{_f(2 * half)}" '
        f'height="{_f(2 * half)}" fill="{fill}" stroke="{style.stroke}" stroke-width="1.8"/>'
    )


def _stroke_attrs(style: _Style) -> str:
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    return (
        f'stroke="{style.stroke}" stroke-width="{_f(style.width)}"{dash} '
        'stroke-linejoin="round" stroke-linecap="round"'
    )


def _legend(series: Sequence[Series], left: float, top: float, max_width: float, box: _Box) -> str:
    """Line samples with markers and names, wrapped into rows."""
    parts: list[str] = []
    x, y = left, top
    for item in series:
        style = STYLES[item.style]
        width = 44 + _text_width(item.name, LABEL_SIZE) + 24
        if x > left and x + width > left + max_width:
            x, y = left, y + 24
        fill = ""
        if style.fill:
            fill = (
                f'<rect x="{_f(x)}" y="{_f(y - 9)}" width="36" height="18" fill="{style.fill}" '
                f'fill-opacity="{style.fill_opacity}" stroke="none"/>'
            )
        parts.append(
            f'{fill}<line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(x + 36)}" y2="{_f(y)}" '
            f"{_stroke_attrs(style)}/>{_marker(x + 18, y, style)}"
        )
        parts.append(_text(x + 44, y + 4.5, [item.name], anchor="start", box=box))
        box.add(x, y - 10, x + 36, y + 10)
        x += width
    return "".join(parts)


def _describe(labels: Sequence[str], series: Sequence[Series], missing_text: str) -> str:
    """The chart's data as one sentence per axis, for <desc> and screen readers."""
    sentences = []
    for index, label in enumerate(labels):
        values = ", ".join(
            f"{s.name} {format_number(v) if (v := s.values[index]) is not None else missing_text}"
            for s in series
        )
        sentences.append(f"{label}: {values}.")
    return " ".join(sentences)


def _svg(
    chart_id: str,
    title: str,
    desc: str,
    body: str,
    box: _Box,
    css_class: str,
    pad: float = 8,
) -> str:
    cid = _safe_id(chart_id)
    x0, y0 = math.floor(box.x0 - pad), math.floor(box.y0 - pad)
    width, height = math.ceil(box.x1 + pad - x0), math.ceil(box.y1 + pad - y0)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" id="{cid}" '
        f'viewBox="{x0} {y0} {width} {height}" width="100%" style="max-width:{width}px" '
        'role="img" '
        f'aria-label="{_attr(title)}" aria-labelledby="{cid}-title {cid}-desc" '
        f'font-family="{_attr(FONT)}">'
        f'<title id="{cid}-title">{escape(title, quote=True)}</title>'
        f'<desc id="{cid}-desc">{escape(desc, quote=True)}</desc>'
        f"{body}</svg>"
    )


def radar_svg(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    minimum: float,
    maximum: float,
    title: str,
    chart_id: str,
    missing_text: str = "not scored",
    names: Sequence[str] | None = None,
    radius: float = 150,
) -> str:
    """A radar chart: one axis per label (at least three), one polygon per series.

    A value of ``None`` leaves a hole: the lines next to it are not drawn and the axis
    label says ``missing_text``. The axes run clockwise from the top. ``names`` (default:
    the labels) name the axes in the description, e.g. when the labels are numbers.
    """
    count = len(labels)
    if count < 3:
        raise ValueError("a radar chart needs at least three axes; use bars_svg")
    span = max(maximum - minimum, 1e-9)
    box = _Box()
    parts: list[str] = []

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = radius * (min(max(value, minimum), maximum) - minimum) / span
        return r * math.cos(angle), r * math.sin(angle)

    # rings at each scale value (at most ten) and their numbers along the first axis
    steps = max(1, math.ceil(span / 10))
    ring_values = [minimum + k * steps for k in range(1, int(span // steps) + 1)]
    if not ring_values or ring_values[-1] < maximum:
        ring_values.append(maximum)
    for value in ring_values:
        ring = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, value) for i in range(count)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="{GRID}" stroke-width="1"/>')
    for index in range(count):
        x, y = point(index, maximum)
        parts.append(
            f'<line x1="0" y1="0" x2="{_f(x)}" y2="{_f(y)}" stroke="{GRID}" stroke-width="1"/>'
        )
    # ring numbers between the first and the last axis, where no marker sits
    between = -math.pi / 2 - math.pi / count
    for value in ring_values:
        r = radius * (value - minimum) / span * math.cos(math.pi / count)
        parts.append(
            _text(
                r * math.cos(between),
                r * math.sin(between) + SMALL_SIZE * 0.35,
                [format_number(value)],
                size=SMALL_SIZE,
                fill=MUTED,
            )
        )
    for index in range(count):
        x, y = point(index, maximum)
        box.add(x, y, x, y)

    # series: fill first, then lines, then markers on top
    for item in series:
        style = STYLES[item.style]
        pts = [None if v is None else point(i, float(v)) for i, v in enumerate(item.values)]
        known = [p for p in pts if p is not None]
        if len(known) == count:
            coords = " ".join(f"{_f(x)},{_f(y)}" for x, y in known)
            fill = (
                f'fill="{style.fill}" fill-opacity="{style.fill_opacity}"'
                if style.fill
                else 'fill="none"'
            )
            parts.append(f'<polygon points="{coords}" {fill} {_stroke_attrs(style)}/>')
        else:
            segments = []
            for i in range(count):
                a, b = pts[i], pts[(i + 1) % count]
                if a is not None and b is not None:
                    segments.append(f"M{_f(a[0])} {_f(a[1])}L{_f(b[0])} {_f(b[1])}")
            if segments:
                parts.append(f'<path d="{"".join(segments)}" fill="none" {_stroke_attrs(style)}/>')
    for item in series:
        style = STYLES[item.style]
        for i, v in enumerate(item.values):
            if v is not None:
                parts.append(_marker(*point(i, float(v)), style))

    # axis labels, wrapped, placed outside the outer ring
    for index, label in enumerate(labels):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = (radius + 14) * cos, (radius + 14) * sin
        anchor = "middle" if abs(cos) < 0.25 else ("start" if cos > 0 else "end")
        lines = _wrap(label, 15 if anchor != "middle" else 24)
        if all(s.values[index] is None for s in series if s.style in ("level", "after")):
            lines.append(f"({missing_text})")
        step = LABEL_SIZE * 1.2
        if sin < -0.6:
            first = y - 4 - step * (len(lines) - 1)
        elif sin > 0.6:
            first = y + LABEL_SIZE
        else:
            first = y - step * (len(lines) - 1) / 2 + LABEL_SIZE * 0.35
        weight = "700" if label.isdigit() else None
        parts.append(_text(x, first, lines, anchor=anchor, box=box, weight=weight))

    legend_width = max(box.x1 - box.x0, 320)
    parts.append(_legend(series, box.x0, box.y1 + 26, legend_width, box))
    desc = _describe(names or labels, series, missing_text)
    return _svg(chart_id, title, desc, "".join(parts), box, "chart radar")


def bars_svg(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    minimum: float,
    maximum: float,
    title: str,
    chart_id: str,
    missing_text: str = "not scored",
    names: Sequence[str] | None = None,
) -> str:
    """Horizontal bars, one group per label and one bar per series, values written beside."""
    span = max(maximum - minimum, 1e-9)
    name_width = max(_text_width(s.name, LABEL_SIZE) for s in series) if series else 0
    left = name_width + 10
    track = 300.0
    box = _Box()
    parts: list[str] = []
    y = 0.0
    for index, label in enumerate(labels):
        lines = _wrap(label, 60, max_lines=3)
        parts.append(_text(0, y + LABEL_SIZE, lines, anchor="start", weight="600", box=box))
        y += LABEL_SIZE * 1.2 * len(lines) + 8
        for item in series:
            style = STYLES[item.style]
            value = item.values[index]
            parts.append(_text(name_width, y + 13, [item.name], anchor="end", box=box, fill=MUTED))
            parts.append(
                f'<rect x="{_f(left)}" y="{_f(y)}" width="{_f(track)}" height="18" fill="none" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
            if value is None:
                parts.append(_text(left + 6, y + 13, [missing_text], anchor="start", box=box))
            else:
                length = track * (min(max(float(value), minimum), maximum) - minimum) / span
                if style.fill:
                    parts.append(
                        f'<rect x="{_f(left)}" y="{_f(y)}" width="{_f(length)}" height="18" '
                        f'fill="{style.fill}" fill-opacity="0.85" stroke="{style.stroke}" '
                        'stroke-width="1.5"/>'
                    )
                else:
                    parts.append(
                        f'<rect x="{_f(left)}" y="{_f(y + 1)}" width="{_f(length)}" height="16" '
                        f'fill="#ffffff" {_stroke_attrs(style)}/>'
                    )
                parts.append(
                    _text(
                        left + length + 6,
                        y + 13,
                        [format_number(float(value))],
                        anchor="start",
                        weight="600",
                        box=box,
                    )
                )
            y += 24
        y += 10
    # the scale below the bars
    for k in range(math.floor(span) + 1):
        value = minimum + k
        x = left + track * k / span
        parts.append(
            f'<line x1="{_f(x)}" y1="{_f(y - 6)}" x2="{_f(x)}" y2="{_f(y)}" stroke="{MUTED}"/>'
        )
        parts.append(_text(x, y + 13, [format_number(value)], size=SMALL_SIZE, fill=MUTED, box=box))
    box.add(0, 0, left + track + 40, y + 16)
    desc = _describe(names or labels, series, missing_text)
    return _svg(chart_id, title, desc, "".join(parts), box, "chart bars")


def profile_chart_svg(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    minimum: float,
    maximum: float,
    title: str,
    chart_id: str,
    missing_text: str = "not scored",
    names: Sequence[str] | None = None,
) -> str:
    """A radar chart when there are three axes or more, else horizontal bars."""
    draw = radar_svg if len(labels) >= 3 else bars_svg
    return draw(
        labels,
        series,
        minimum=minimum,
        maximum=maximum,
        title=title,
        chart_id=chart_id,
        missing_text=missing_text,
        names=names,
    )


def gap_bar_svg(
    level: float | None, target: float | None, *, minimum: float, maximum: float, label: str
) -> str:
    """A small bar: the level filled, the target a dashed mark; ``label`` says it in words."""
    span = max(maximum - minimum, 1e-9)
    width, top, height = 200.0, 6.0, 12.0

    def x(value: float) -> float:
        return width * (min(max(value, minimum), maximum) - minimum) / span

    parts = [
        f'<rect x="0" y="{_f(top)}" width="{_f(width)}" height="{_f(height)}" fill="#ffffff" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    ]
    for k in range(1, math.floor(span)):
        tick = x(minimum + k)
        parts.append(
            f'<line x1="{_f(tick)}" y1="{_f(top + height)}" x2="{_f(tick)}" '
            f'y2="{_f(top + height + 4)}" stroke="{MUTED}" stroke-width="1"/>'
        )
    if level is not None:
        parts.append(
            f'<rect x="0" y="{_f(top)}" width="{_f(x(float(level)))}" height="{_f(height)}" '
            f'fill="{LEVEL}" stroke="{LEVEL}" stroke-width="1"/>'
        )
    if target is not None:
        tx = x(float(target))
        parts.append(
            f'<line x1="{_f(tx)}" y1="1" x2="{_f(tx)}" y2="{_f(top + height + 5)}" '
            f'stroke="{TARGET}" stroke-width="3" stroke-dasharray="4 2"/>'
        )
        parts.append(f'<path d="M{_f(tx - 4)} 0L{_f(tx + 4)} 0L{_f(tx)} 5Z" fill="{TARGET}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gapbar" viewBox="-5 -1 210 25" '
        f'role="img" aria-label="{_attr(label)}"><title>{escape(label, quote=True)}</title>'
        f"{''.join(parts)}</svg>"
    )


def distribution_svg(counts: Sequence[tuple[str, int]], *, target: float | None, label: str) -> str:
    """Small columns: how many people are nearest to each scale value; counts written above.

    ``counts`` are (scale value, count) pairs in scale order; ``target`` is drawn as a
    dashed line at its place on the scale.
    """
    column, gap, height = 18.0, 4.0, 32.0
    largest = max((n for _, n in counts), default=0) or 1
    parts: list[str] = []
    values: list[float] = []
    for index, (value, count) in enumerate(counts):
        x = index * (column + gap)
        bar = height * count / largest
        if count:
            parts.append(
                f'<rect x="{_f(x)}" y="{_f(14 + height - bar)}" width="{_f(column)}" '
                f'height="{_f(bar)}" fill="{LEVEL}" fill-opacity="0.85" stroke="{LEVEL}"/>'
            )
        parts.append(
            f'<text x="{_f(x + column / 2)}" y="{_f(10 + height - bar)}" font-size="10" '
            f'text-anchor="middle" fill="{INK}" stroke="#ffffff" stroke-width="3" '
            f'paint-order="stroke">{count}</text>'
        )
        parts.append(
            f'<text x="{_f(x + column / 2)}" y="{_f(14 + height + 12)}" font-size="10" '
            f'text-anchor="middle" fill="{MUTED}">{escape(value, quote=True)}</text>'
        )
        try:
            values.append(float(value))
        except ValueError:
            values.append(float(index))
    total_width = len(counts) * (column + gap) - gap
    parts.insert(
        0,
        f'<line x1="0" y1="{_f(14 + height)}" x2="{_f(max(total_width, 1))}" '
        f'y2="{_f(14 + height)}" stroke="{MUTED}"/>',
    )
    if target is not None and len(values) >= 2 and values[-1] != values[0]:
        step = (column + gap) / ((values[-1] - values[0]) / (len(values) - 1))
        tx = column / 2 + (float(target) - values[0]) * step
        # drawn first: the columns and the counts (with a white halo) lie on top of it
        parts.insert(
            0,
            f'<line x1="{_f(tx)}" y1="2" x2="{_f(tx)}" y2="{_f(14 + height + 2)}" '
            f'stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="4 3"/>',
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dist" '
        f'viewBox="-2 0 {_f(total_width + 4)} {_f(14 + height + 16)}" role="img" '
        f'aria-label="{_attr(label)}" font-family="{_attr(FONT)}">'
        f"<title>{escape(label, quote=True)}</title>{''.join(parts)}</svg>"
    )
