"""Small charts for table cells: a gap bar (level and target) and a distribution."""

from __future__ import annotations

import math
from collections.abc import Sequence

from wimcheck.reports.charts.svg import FONT, INK, LEVEL, MUTED, TARGET, attr, coord


def gap_bar_svg(
    level: float | None, target: float | None, *, minimum: float, maximum: float, label: str
) -> str:
    """A small bar: the level filled, the target a dashed mark; ``label`` says it in words."""
    span = max(maximum - minimum, 1e-9)
    width, top, height = 200.0, 6.0, 12.0

    def x(value: float) -> float:
        return width * (min(max(value, minimum), maximum) - minimum) / span

    parts = [
        f'<rect x="0" y="{coord(top)}" width="{coord(width)}" height="{coord(height)}" '
        f'fill="#ffffff" stroke="{MUTED}" stroke-width="1"/>'
    ]
    for k in range(1, math.floor(span)):
        tick = x(minimum + k)
        parts.append(
            f'<line x1="{coord(tick)}" y1="{coord(top + height)}" x2="{coord(tick)}" '
            f'y2="{coord(top + height + 4)}" stroke="{MUTED}" stroke-width="1"/>'
        )
    if level is not None:
        parts.append(
            f'<rect x="0" y="{coord(top)}" width="{coord(x(float(level)))}" '
            f'height="{coord(height)}" fill="{LEVEL}" stroke="{LEVEL}" stroke-width="1"/>'
        )
    if target is not None:
        tx = x(float(target))
        parts.append(
            f'<line x1="{coord(tx)}" y1="1" x2="{coord(tx)}" y2="{coord(top + height + 5)}" '
            f'stroke="{TARGET}" stroke-width="3" stroke-dasharray="4 2"/>'
        )
        parts.append(
            f'<path d="M{coord(tx - 4)} 0L{coord(tx + 4)} 0L{coord(tx)} 5Z" fill="{TARGET}"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gapbar" viewBox="-5 -1 210 25" '
        f'role="img" aria-label="{attr(label)}"><title>{attr(label)}</title>'
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
                f'<rect x="{coord(x)}" y="{coord(14 + height - bar)}" width="{coord(column)}" '
                f'height="{coord(bar)}" fill="{LEVEL}" fill-opacity="0.85" stroke="{LEVEL}"/>'
            )
        parts.append(
            f'<text x="{coord(x + column / 2)}" y="{coord(10 + height - bar)}" font-size="10" '
            f'text-anchor="middle" fill="{INK}" stroke="#ffffff" stroke-width="3" '
            f'paint-order="stroke">{count}</text>'
        )
        parts.append(
            f'<text x="{coord(x + column / 2)}" y="{coord(14 + height + 12)}" font-size="10" '
            f'text-anchor="middle" fill="{MUTED}">{attr(value)}</text>'
        )
        try:
            values.append(float(value))
        except ValueError:
            values.append(float(index))
    total_width = len(counts) * (column + gap) - gap
    parts.insert(
        0,
        f'<line x1="0" y1="{coord(14 + height)}" x2="{coord(max(total_width, 1))}" '
        f'y2="{coord(14 + height)}" stroke="{MUTED}"/>',
    )
    if target is not None and len(values) >= 2 and values[-1] != values[0]:
        step = (column + gap) / ((values[-1] - values[0]) / (len(values) - 1))
        tx = column / 2 + (float(target) - values[0]) * step
        # drawn first: the columns and the counts (with a white halo) lie on top of it
        parts.insert(
            0,
            f'<line x1="{coord(tx)}" y1="2" x2="{coord(tx)}" y2="{coord(14 + height + 2)}" '
            f'stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="4 3"/>',
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dist" '
        f'viewBox="-2 0 {coord(total_width + 4)} {coord(14 + height + 16)}" role="img" '
        f'aria-label="{attr(label)}" font-family="{attr(FONT)}">'
        f"<title>{attr(label)}</title>{''.join(parts)}</svg>"
    )
