"""Rules on references between tables: every id named is defined; areas and roles not empty."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence

from wimcheck.frameworks.schema import ModuleModel, RoleModel
from wimcheck.frameworks.validation.context import RuleContext, named
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.tomlpos import KeyPath

__all__ = [
    "area_references",
    "default_scale_reference",
    "empty_areas",
    "module_references",
    "role_references",
]

_SHOWN_IDS = 12  # known ids listed in a hint


@record
class _Known:
    """The ids of one kind written in the file (valid tables or not), in file order."""

    kind: str
    ids: Sequence[str]
    members: frozenset[str]

    @classmethod
    def of(cls, kind: str, ids: Sequence[str]) -> _Known:
        return cls(kind, ids, frozenset(ids))


def _known(parts: FileParts, kind: str, *sections: str) -> _Known:
    return _Known.of(kind, [i for section in sections for i in parts.raw_ids[section]])


def _unknown_reference(ctx: RuleContext, loc: KeyPath, ident: str, known: _Known) -> Issue:
    """``unknown-reference``: ``ident`` names no table of its kind; the hint lists those that
    exist and suggests the closest."""
    close = difflib.get_close_matches(ident, known.ids, n=1)
    shown = ", ".join(known.ids[:_SHOWN_IDS]) + (", ..." if len(known.ids) > _SHOWN_IDS else "")
    if close:
        hint = t("hint.unknown-reference.suggest", suggestion=close[0], known=shown)
    elif shown:
        hint = t("hint.unknown-reference", known=shown)
    else:
        hint = t("hint.unknown-reference.none")
    return ctx.issue(
        "unknown-reference",
        loc,
        t(
            "issue.unknown-reference",
            where=ctx.describe(loc[:2]),
            what=named(known.kind, ident),
        ),
        hint,
        needle=f'"{ident}"',
    )


def _references(
    ctx: RuleContext, loc: KeyPath, idents: Iterable[str], known: _Known
) -> Iterator[Issue]:
    """``unknown-reference`` for each of ``idents`` that is not ``known``."""
    for ident in idents:
        if ident not in known.members:
            yield _unknown_reference(ctx, loc, ident, known)


def default_scale_reference(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``unknown-reference``: ``[framework] default_scale`` names no scale."""
    if parts.meta is not None:
        scales = _known(parts, "scale", "scales")
        loc = ("framework", "default_scale")
        yield from _references(ctx, loc, [parts.meta.default_scale], scales)


def area_references(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``unknown-reference``: a competence's ``area`` names no area."""
    areas = _known(parts, "area", "areas")
    for i, comp in parts.competences:
        yield from _references(ctx, ("competences", i, "area"), [comp.area], areas)


def empty_areas(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``empty-area``: no competence belongs to an area."""
    used_areas = {comp.area for _, comp in parts.competences}
    for i, area in parts.areas:
        if area.id not in used_areas:
            yield ctx.issue(
                "empty-area",
                ("areas", i, "id"),
                t("issue.empty-area", area=area.id),
                t("hint.empty-area", area=area.id),
            )


def role_references(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``unknown-reference`` for a role's scale, group and targets; ``empty-role`` for a role
    without targets (per role, in this order)."""
    scales = _known(parts, "scale", "scales")
    groups = _known(parts, "group", "groups")
    competences = _known(parts, "competence", "competences")
    for i, role in parts.roles:
        yield from _references(ctx, ("roles", i, "scale"), _named(role.scale), scales)
        yield from _references(ctx, ("roles", i, "group"), _named(role.group), groups)
        yield from _empty_role(ctx, i, role)
        for comp_id in role.targets:
            yield from _references(ctx, ("roles", i, "targets", comp_id), [comp_id], competences)


def _named(ident: str | None) -> list[str]:
    """An optional reference as a list of the ids it names."""
    return [] if ident is None else [ident]


def _empty_role(ctx: RuleContext, i: int, role: RoleModel) -> Iterator[Issue]:
    """``empty-role``: a role has no targets."""
    if not role.targets:
        yield ctx.issue(
            "empty-role",
            ("roles", i, "targets"),
            t("issue.empty-role", role=role.id),
            t("hint.empty-role"),
        )


def module_references(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``unknown-reference`` in a module's ``covers``, ``audience`` and ``prerequisites``."""
    competences = _known(parts, "competence", "competences")
    audiences = _known(parts, "audience", "groups", "roles")
    modules = _known(parts, "module", "modules")
    for i, module in parts.modules:
        yield from _module_references(ctx, i, module, competences, audiences, modules)


def _module_references(
    ctx: RuleContext,
    i: int,
    module: ModuleModel,
    competences: _Known,
    audiences: _Known,
    modules: _Known,
) -> Iterator[Issue]:
    """``unknown-reference`` for the ids one module names."""
    yield from _references(ctx, ("modules", i, "covers"), module.covers, competences)
    yield from _references(ctx, ("modules", i, "audience"), module.audience, audiences)
    yield from _references(ctx, ("modules", i, "prerequisites"), module.prerequisites, modules)
