"""The lines of a chart: series, their styles and markers, the legend and the description.

The charts do not rely on colour: a level is a filled area with a solid line and round
markers, a target a dashed line with square markers, a "before" value a dotted line with
hollow round markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from wimcheck.records import record
from wimcheck.reports.charts.svg import (
    BEFORE,
    LABEL_SIZE,
    LEVEL,
    TARGET,
    Box,
    coord,
    format_number,
    text_element,
    text_width,
)

SeriesStyle = Literal["level", "target", "before", "after"]


@record
class LineStyle:
    """How a series is drawn: its line, its fill and its markers."""

    stroke: str
    width: float
    dash: str | None
    fill: str | None
    fill_opacity: float
    marker: Literal["circle", "square"]
    marker_filled: bool


STYLES: dict[SeriesStyle, LineStyle] = {
    "level": LineStyle(LEVEL, 2.5, None, LEVEL, 0.18, "circle", True),
    "after": LineStyle(LEVEL, 2.5, None, LEVEL, 0.18, "circle", True),
    "target": LineStyle(TARGET, 2.5, "8 5", None, 0.0, "square", False),
    "before": LineStyle(BEFORE, 2.0, "2 4", None, 0.0, "circle", False),
}


@record
class Series:
    """One line of a chart: a name for the legend, one value per axis, and a style."""

    name: str
    values: Sequence[float | None]
    style: SeriesStyle


def marker(x: float, y: float, style: LineStyle, size: float = 4.5) -> str:
    """A round or square marker at (x, y), filled or hollow as the style says."""
    fill = style.stroke if style.marker_filled else "#ffffff"
    if style.marker == "circle":
        return (
            f'<circle cx="{coord(x)}" cy="{coord(y)}" r="{coord(size)}" fill="{fill}" '
            f'stroke="{style.stroke}" stroke-width="1.8"/>'
        )
    half = size
    return (
        f'<rect x="{coord(x - half)}" y="{coord(y - half)}" width="{coord(2 * half)}" '
        f'height="{coord(2 * half)}" fill="{fill}" stroke="{style.stroke}" stroke-width="1.8"/>'
    )


def stroke_attrs(style: LineStyle) -> str:
    """The stroke attributes of a series' line."""
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    return (
        f'stroke="{style.stroke}" stroke-width="{coord(style.width)}"{dash} '
        'stroke-linejoin="round" stroke-linecap="round"'
    )


def legend(series: Sequence[Series], left: float, top: float, max_width: float, box: Box) -> str:
    """Line samples with markers and names, wrapped into rows."""
    parts: list[str] = []
    x, y = left, top
    for item in series:
        style = STYLES[item.style]
        width = 44 + text_width(item.name, LABEL_SIZE) + 24
        if x > left and x + width > left + max_width:
            x, y = left, y + 24
        fill = ""
        if style.fill:
            fill = (
                f'<rect x="{coord(x)}" y="{coord(y - 9)}" width="36" height="18" '
                f'fill="{style.fill}" fill-opacity="{style.fill_opacity}" stroke="none"/>'
            )
        parts.append(
            f'{fill}<line x1="{coord(x)}" y1="{coord(y)}" x2="{coord(x + 36)}" y2="{coord(y)}" '
            f"{stroke_attrs(style)}/>{marker(x + 18, y, style)}"
        )
        parts.append(text_element(x + 44, y + 4.5, [item.name], anchor="start", box=box))
        box.add(x, y - 10, x + 36, y + 10)
        x += width
    return "".join(parts)


def describe(labels: Sequence[str], series: Sequence[Series], missing_text: str) -> str:
    """The chart's data as one sentence per axis, for <desc> and screen readers."""
    sentences = []
    for index, label in enumerate(labels):
        values = ", ".join(
            f"{s.name} {format_number(v) if (v := s.values[index]) is not None else missing_text}"
            for s in series
        )
        sentences.append(f"{label}: {values}.")
    return " ".join(sentences)
