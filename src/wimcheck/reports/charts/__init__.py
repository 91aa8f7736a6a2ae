"""Charts as inline SVG, in pure Python: radar (spider) charts, bar charts and small bars.

Every function returns one ``<svg>`` element as a string, ready to be placed into an
HTML page as it is. All text (labels, titles, descriptions) is escaped here with
:func:`html.escape`, so callers pass plain, untrusted text.

The charts do not rely on colour: a level is a filled area with a solid line and round
markers, a target a dashed line with square markers, a "before" value a dotted line with
hollow round markers. They print well in black and white, scale with their container
(``viewBox``, ``width="100%"``) and carry ``<title>``, ``<desc>`` and ``aria-label``.

Modules: :mod:`.svg` (colours, sizes, numbers, escaping, text, the frame), :mod:`.series`
(series, styles, markers, legend, description), :mod:`.radar`, :mod:`.bars` and
:mod:`.small` (gap bars and distributions). Everything is importable from here.
"""

from __future__ import annotations

from collections.abc import Sequence

from wimcheck.reports.charts.bars import bars_svg
from wimcheck.reports.charts.radar import radar_svg
from wimcheck.reports.charts.series import STYLES, Series, SeriesStyle
from wimcheck.reports.charts.small import distribution_svg, gap_bar_svg
from wimcheck.reports.charts.svg import (
    BEFORE,
    CHAR_WIDTH,
    FONT,
    GRID,
    INK,
    LABEL_SIZE,
    LEVEL,
    MUTED,
    SMALL_SIZE,
    TARGET,
    format_number,
)

__all__ = [
    "BEFORE",
    "CHAR_WIDTH",
    "FONT",
    "GRID",
    "INK",
    "LABEL_SIZE",
    "LEVEL",
    "MUTED",
    "SMALL_SIZE",
    "STYLES",
    "TARGET",
    "Series",
    "SeriesStyle",
    "bars_svg",
    "distribution_svg",
    "format_number",
    "gap_bar_svg",
    "profile_chart_svg",
    "radar_svg",
]


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
