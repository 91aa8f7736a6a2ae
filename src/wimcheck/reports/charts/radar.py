"""The radar (spider) chart: one axis per label, one polygon per series."""

from __future__ import annotations

import math
from collections.abc import Sequence

from wimcheck.records import record
from wimcheck.reports.charts.series import (
    STYLES,
    Series,
    describe,
    legend,
    marker,
    stroke_attrs,
)
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
    wrap_label,
)


@record
class _Axes:
    """Where values lie: ``count`` axes clockwise from the top, ``radius`` long."""

    count: int
    minimum: float
    maximum: float
    radius: float

    @property
    def span(self) -> float:
        return max(self.maximum - self.minimum, 1e-9)

    def angle(self, index: int) -> float:
        return -math.pi / 2 + 2 * math.pi * index / self.count

    def point(self, index: int, value: float) -> tuple[float, float]:
        angle = self.angle(index)
        r = self.radius * (min(max(value, self.minimum), self.maximum) - self.minimum) / self.span
        return r * math.cos(angle), r * math.sin(angle)


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
    if len(labels) < 3:
        raise ValueError("a radar chart needs at least three axes; use bars_svg")
    axes = _Axes(len(labels), minimum, maximum, radius)
    box = Box()
    parts = [_grid(axes)]
    for index in range(axes.count):
        x, y = axes.point(index, maximum)
        box.add(x, y, x, y)
    # series: fill first, then lines, then markers on top
    parts.extend(_series_shape(axes, item) for item in series)
    parts.extend(_series_markers(axes, item) for item in series)
    for index, label in enumerate(labels):
        scored = [s.values[index] for s in series if s.style in ("level", "after")]
        missing = all(value is None for value in scored)
        parts.append(_axis_label(axes, index, label, missing_text if missing else None, box))
    legend_width = max(box.x1 - box.x0, 320)
    parts.append(legend(series, box.x0, box.y1 + 26, legend_width, box))
    desc = describe(names or labels, series, missing_text)
    return svg_element(chart_id, title, desc, "".join(parts), box, "chart radar")


def _ring_values(axes: _Axes) -> list[float]:
    """One ring per scale value (at most ten rings), and one at the maximum."""
    steps = max(1, math.ceil(axes.span / 10))
    values = [axes.minimum + k * steps for k in range(1, int(axes.span // steps) + 1)]
    if not values or values[-1] < axes.maximum:
        values.append(axes.maximum)
    return values


def _grid(axes: _Axes) -> str:
    """The rings, the spokes, and the ring numbers between the first and the last axis."""
    parts: list[str] = []
    ring_values = _ring_values(axes)
    for value in ring_values:
        corners = (axes.point(i, value) for i in range(axes.count))
        ring = " ".join(f"{coord(x)},{coord(y)}" for x, y in corners)
        parts.append(f'<polygon points="{ring}" fill="none" stroke="{GRID}" stroke-width="1"/>')
    for index in range(axes.count):
        x, y = axes.point(index, axes.maximum)
        parts.append(
            f'<line x1="0" y1="0" x2="{coord(x)}" y2="{coord(y)}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
    # where no marker sits
    between = -math.pi / 2 - math.pi / axes.count
    for value in ring_values:
        r = axes.radius * (value - axes.minimum) / axes.span * math.cos(math.pi / axes.count)
        parts.append(
            text_element(
                r * math.cos(between),
                r * math.sin(between) + SMALL_SIZE * 0.35,
                [format_number(value)],
                size=SMALL_SIZE,
                fill=MUTED,
            )
        )
    return "".join(parts)


def _series_shape(axes: _Axes, item: Series) -> str:
    """A closed polygon when every value is known, else the segments between known ones."""
    style = STYLES[item.style]
    pts = [None if v is None else axes.point(i, float(v)) for i, v in enumerate(item.values)]
    known = [p for p in pts if p is not None]
    if len(known) == axes.count:
        coords = " ".join(f"{coord(x)},{coord(y)}" for x, y in known)
        fill = (
            f'fill="{style.fill}" fill-opacity="{style.fill_opacity}"'
            if style.fill
            else 'fill="none"'
        )
        return f'<polygon points="{coords}" {fill} {stroke_attrs(style)}/>'
    segments = []
    for i in range(axes.count):
        a, b = pts[i], pts[(i + 1) % axes.count]
        if a is not None and b is not None:
            segments.append(f"M{coord(a[0])} {coord(a[1])}L{coord(b[0])} {coord(b[1])}")
    if not segments:
        return ""
    return f'<path d="{"".join(segments)}" fill="none" {stroke_attrs(style)}/>'


def _series_markers(axes: _Axes, item: Series) -> str:
    style = STYLES[item.style]
    return "".join(
        marker(*axes.point(i, float(v)), style) for i, v in enumerate(item.values) if v is not None
    )


def _axis_label(axes: _Axes, index: int, label: str, missing: str | None, box: Box) -> str:
    """An axis label, wrapped, outside the outer ring; ``missing`` is added in brackets."""
    angle = axes.angle(index)
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = (axes.radius + 14) * cos, (axes.radius + 14) * sin
    anchor = "middle" if abs(cos) < 0.25 else ("start" if cos > 0 else "end")
    lines = wrap_label(label, 15 if anchor != "middle" else 24)
    if missing is not None:
        lines.append(f"({missing})")
    step = LABEL_SIZE * 1.2
    if sin < -0.6:
        first = y - 4 - step * (len(lines) - 1)
    elif sin > 0.6:
        first = y + LABEL_SIZE
    else:
        first = y - step * (len(lines) - 1) / 2 + LABEL_SIZE * 0.35
    weight = "700" if label.isdigit() else None
    return text_element(x, first, lines, anchor=anchor, box=box, weight=weight)
