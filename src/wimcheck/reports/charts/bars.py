"""Horizontal bar charts: one group per label, one bar per series, values written beside."""

from __future__ import annotations

import math
from collections.abc import Sequence

from wimcheck.records import record
from wimcheck.reports.charts.series import STYLES, Series, describe, stroke_attrs
from wimcheck.reports.charts.svg import (
    GRID,
    LABEL_SIZE,
    MUTED,
    SMALL_SIZE,
    Box,
    coord,
    format_number,
    svg_element,
    text_element,
    text_width,
    wrap_label,
)


@record
class _Track:
    """Where the bars lie: from ``left``, ``width`` long, for values from minimum to maximum."""

    left: float
    width: float
    minimum: float
    maximum: float

    @property
    def span(self) -> float:
        return max(self.maximum - self.minimum, 1e-9)

    def length(self, value: float) -> float:
        clamped = min(max(value, self.minimum), self.maximum)
        return self.width * (clamped - self.minimum) / self.span


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
    name_width = max(text_width(s.name, LABEL_SIZE) for s in series) if series else 0
    track = _Track(name_width + 10, 300.0, minimum, maximum)
    box = Box()
    parts: list[str] = []
    y = 0.0
    for index, label in enumerate(labels):
        lines = wrap_label(label, 60, max_lines=3)
        parts.append(text_element(0, y + LABEL_SIZE, lines, anchor="start", weight="600", box=box))
        y += LABEL_SIZE * 1.2 * len(lines) + 8
        for item in series:
            parts.append(
                text_element(name_width, y + 13, [item.name], anchor="end", box=box, fill=MUTED)
            )
            parts.append(_bar(track, y, item, item.values[index], missing_text, box))
            y += 24
        y += 10
    parts.append(_scale(track, y, box))
    box.add(0, 0, track.left + track.width + 40, y + 16)
    desc = describe(names or labels, series, missing_text)
    return svg_element(chart_id, title, desc, "".join(parts), box, "chart bars")


def _bar(
    track: _Track, y: float, item: Series, value: float | None, missing_text: str, box: Box
) -> str:
    """One bar in its frame with its value beside, or ``missing_text`` in the empty frame."""
    left = track.left
    frame = (
        f'<rect x="{coord(left)}" y="{coord(y)}" width="{coord(track.width)}" height="18" '
        f'fill="none" stroke="{GRID}" stroke-width="1"/>'
    )
    if value is None:
        return frame + text_element(left + 6, y + 13, [missing_text], anchor="start", box=box)
    style = STYLES[item.style]
    length = track.length(float(value))
    if style.fill:
        bar = (
            f'<rect x="{coord(left)}" y="{coord(y)}" width="{coord(length)}" height="18" '
            f'fill="{style.fill}" fill-opacity="0.85" stroke="{style.stroke}" '
            'stroke-width="1.5"/>'
        )
    else:
        bar = (
            f'<rect x="{coord(left)}" y="{coord(y + 1)}" width="{coord(length)}" height="16" '
            f'fill="#ffffff" {stroke_attrs(style)}/>'
        )
    number = text_element(
        left + length + 6, y + 13, [format_number(float(value))], anchor="start", weight="600",
        box=box,
    )  # fmt: skip
    return frame + bar + number


def _scale(track: _Track, y: float, box: Box) -> str:
    """The scale below the bars: a tick and a number at each whole step."""
    parts: list[str] = []
    for k in range(math.floor(track.span) + 1):
        value = track.minimum + k
        x = track.left + track.width * k / track.span
        parts.append(
            f'<line x1="{coord(x)}" y1="{coord(y - 6)}" x2="{coord(x)}" y2="{coord(y)}" '
            f'stroke="{MUTED}"/>'
        )
        parts.append(
            text_element(x, y + 13, [format_number(value)], size=SMALL_SIZE, fill=MUTED, box=box)
        )
    return "".join(parts)
