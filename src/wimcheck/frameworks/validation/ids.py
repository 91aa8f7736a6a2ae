"""The rule on ids: each id is used once among the tables of its kind."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wimcheck.frameworks.validation.context import RuleContext, named
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t
from wimcheck.tomlpos import KeyPath

__all__ = ["duplicate_ids"]


def _ids_by_kind(parts: FileParts) -> Iterator[tuple[str, Iterable[tuple[KeyPath, str]]]]:
    """Each kind of table with the location and id of each of its tables."""
    yield "group", ((("groups", i), g.id) for i, g in parts.groups)
    yield "scale", ((("scales", i), s.id) for i, s in parts.scales)
    yield "area", ((("areas", i), a.id) for i, a in parts.areas)
    yield "competence", ((("competences", i), c.id) for i, c in parts.competences)
    yield (
        "statement",
        (
            (("competences", i, "statements", j), s.id)
            for i, c in parts.competences
            for j, s in enumerate(c.statements)
        ),
    )
    yield "role", ((("roles", i), r.id) for i, r in parts.roles)
    yield "module", ((("modules", i), m.id) for i, m in parts.modules)


def _duplicates_of_kind(
    ctx: RuleContext, kind: str, items: Iterable[tuple[KeyPath, str]]
) -> Iterator[Issue]:
    """``duplicate-id`` for each repeated id of one kind, naming the line of its first use."""
    seen: dict[str, KeyPath] = {}
    for loc, ident in items:
        if ident not in seen:
            seen[ident] = loc
            continue
        first_line, _ = ctx.positions.find((*seen[ident], "id"))
        yield ctx.issue(
            "duplicate-id",
            (*loc, "id"),
            t("issue.duplicate-id", what=named(kind, ident), first_line=first_line),
            t("hint.duplicate-id"),
        )


def duplicate_ids(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``duplicate-id``: two groups, scales, areas, competences, statements, roles or
    modules share an id."""
    for kind, items in _ids_by_kind(parts):
        yield from _duplicates_of_kind(ctx, kind, items)
