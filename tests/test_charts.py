"""The SVG charts, pinned byte for byte to files under tests/data/charts/.

The files were written by the charts code before it was split into modules; any change
to a chart's output shows up here as a difference. When a chart is changed on purpose,
regenerate a file with ``_chart(name)`` and review the difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wimcheck.reports.charts import (
    Series,
    bars_svg,
    distribution_svg,
    gap_bar_svg,
    profile_chart_svg,
    radar_svg,
)

CHARTS = Path(__file__).parent / "data" / "charts"

LABELS = [
    "Strategy & vision <for> the whole organisation, with a long label that wraps",
    "Teams",
    "Learning",
    "Customers",
    "Digital tools and the data they produce",
    "6",
]
SERIES = [
    Series("Level", [2.5, 3, None, 1.25, 4, 0], "level"),
    Series("Target", [4, 4, 3, 3, 5, 2], "target"),
    Series('Before "May"', [1, 2.333, 2, None, 3, 1], "before"),
]


def _chart(name: str) -> str:
    """The chart pinned in ``tests/data/charts/<name>.svg``."""
    if name == "radar":
        return radar_svg(
            LABELS,
            SERIES,
            minimum=0,
            maximum=5,
            title="Profile <all areas>",
            chart_id="radar & co",
            missing_text="not scored",
            names=[f"area {n}" for n in range(1, 7)],
        )
    if name == "radar-full":
        return radar_svg(
            ["a", "b", "c"],
            [Series("After", [20, 7.5, 13], "after"), Series("Target", [10, 10, 10], "target")],
            minimum=0,
            maximum=20,
            title="Three axes",
            chart_id="full",
        )
    if name == "bars":
        return bars_svg(
            LABELS[2:],
            SERIES,
            minimum=1,
            maximum=4,
            title="Two areas",
            chart_id="bars-1",
            missing_text="no answer",
        )
    if name == "gapbar":
        return gap_bar_svg(2.4, 3.5, minimum=0, maximum=5, label='Level 2.4, target "3.5"')
    if name == "distribution":
        return distribution_svg(
            [("0", 1), ("1", 0), ("2", 4), ("3", 2), ("<4>", 1)], target=2.5, label="spread"
        )
    raise KeyError(name)


@pytest.mark.parametrize("name", ["radar", "radar-full", "bars", "gapbar", "distribution"])
def test_chart_output_is_pinned(name: str) -> None:
    expected = (CHARTS / f"{name}.svg").read_text(encoding="utf-8")
    assert _chart(name) == expected


def test_profile_chart_picks_radar_or_bars() -> None:
    radar = profile_chart_svg(
        LABELS, SERIES, minimum=0, maximum=5, title="Profile <all areas>", chart_id="radar & co",
        names=[f"area {n}" for n in range(1, 7)],
    )  # fmt: skip
    assert radar == (CHARTS / "radar.svg").read_text(encoding="utf-8")
    bars = profile_chart_svg(
        LABELS[:2], SERIES, minimum=1, maximum=4, title="Two areas", chart_id="b"
    )
    assert bars.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" id="b"')
    assert bars == bars_svg(
        LABELS[:2], SERIES, minimum=1, maximum=4, title="Two areas", chart_id="b"
    )
