"""The rule on rating scales: their values increase."""

from __future__ import annotations

from collections.abc import Iterator

from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t

__all__ = ["scale_order"]


def scale_order(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``scale-order``: each value of a scale is greater than the one before it."""
    for i, scale in parts.scales:
        for j in range(1, len(scale.values)):
            previous, value = scale.values[j - 1].value, scale.values[j].value
            if value <= previous:
                yield ctx.issue(
                    "scale-order",
                    ("scales", i, "values", j, "value"),
                    t("issue.scale-order", scale=scale.id, value=value, previous=previous),
                    t("hint.scale-order"),
                )
