"""Rules on roles: targets on the role's scale, easy-read wording where a role needs it."""

from __future__ import annotations

from collections.abc import Iterator

from wimcheck.frameworks.schema import CompetenceModel, RoleModel, ScaleModel
from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t
from wimcheck.numbers import plain

__all__ = ["easy_read_wording", "targets_on_scale"]


def targets_on_scale(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``target-out-of-scale``: a role's target level lies outside the role's scale."""
    scales = {s.id: s for _, s in parts.scales}
    default = parts.meta.default_scale if parts.meta else ""
    for i, role in parts.roles:
        scale = scales.get(role.scale or default)
        if scale is not None:
            yield from _targets_outside(ctx, i, role, scale)


def _targets_outside(
    ctx: RuleContext, i: int, role: RoleModel, scale: ScaleModel
) -> Iterator[Issue]:
    """``target-out-of-scale`` for each target of one role outside ``scale``."""
    low, high = scale.values[0].value, scale.values[-1].value
    for comp_id, target in role.targets.items():
        if low <= target.level <= high:
            continue
        yield ctx.issue(
            "target-out-of-scale",
            ("roles", i, "targets", comp_id, "level"),
            t(
                "issue.target-out-of-scale",
                role=role.id,
                level=plain(target.level),
                competence=comp_id,
                scale=scale.id,
                min=low,
                max=high,
            ),
            t("hint.target-out-of-scale", min=low, max=high),
        )


def easy_read_wording(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``missing-easy-read``: a statement an easy-read role is asked has no easy-read text.

    Each statement is reported once, for the first such role.
    """
    by_id = {c.id: (i, c) for i, c in parts.competences}
    reported: set[str] = set()
    for _, role in parts.roles:
        if not role.easy_read:
            continue
        for comp_id in role.targets:
            if comp_id in by_id:
                yield from _missing_easy_read(ctx, *by_id[comp_id], role, reported)


def _missing_easy_read(
    ctx: RuleContext, i: int, comp: CompetenceModel, role: RoleModel, reported: set[str]
) -> Iterator[Issue]:
    """``missing-easy-read`` for the statements of one competence not reported yet."""
    for j, statement in enumerate(comp.statements):
        if statement.easy_read is None and statement.id not in reported:
            reported.add(statement.id)
            yield ctx.issue(
                "missing-easy-read",
                ("competences", i, "statements", j, "text"),
                t("issue.missing-easy-read", statement=statement.id, role=role.id),
                t("hint.missing-easy-read"),
            )
