"""One rule turns a level into words, for every view of a result (terminal, HTML, Markdown).

A level is a mean of answers, such as 1.67 on a scale 0 to 3. In words it is the label
of the **highest scale value reached**: 1.67 reads as the label of 1, never of 2, so a
level is never rounded up to a value the answers did not reach. A goal (target) reads as
the label of the **lowest scale value at or above it**: reaching that value reaches the
goal. So a competence with a gap (level below target) always reads as a lower value than
its goal, and never as if the goal was reached. See docs/scoring.md.
"""

from __future__ import annotations

from wimcheck.assessment.result import ResultScale, ScalePoint

__all__ = ["goal_point", "level_point", "point_words"]

_EPSILON = 1e-9


def level_point(scale: ResultScale, level: float) -> ScalePoint:
    """The highest scale value at or below ``level`` (the lowest value below the scale)."""
    reached = [p for p in scale.points if p.value <= level + _EPSILON]
    return reached[-1] if reached else scale.points[0]


def goal_point(scale: ResultScale, target: float) -> ScalePoint:
    """The lowest scale value at or above ``target`` (the highest value above the scale)."""
    above = [p for p in scale.points if p.value >= target - _EPSILON]
    return above[0] if above else scale.points[-1]


def point_words(point: ScalePoint) -> str:
    """A scale value as words with its number: ``On my own (2)``."""
    return f"{point.label} ({point.value})"
