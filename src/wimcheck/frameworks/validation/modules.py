"""Rules on training modules: no prerequisite cycles; every targeted competence is covered."""

from __future__ import annotations

from collections.abc import Iterator

from wimcheck.frameworks.schema import ModuleModel, RoleModel
from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t

__all__ = ["prerequisite_cycles", "uncovered_competences"]

_VISITING, _DONE = 1, 2


def _back_edges(graph: dict[str, list[str]]) -> Iterator[tuple[list[str], str]]:
    """Each edge of a depth-first walk that closes a cycle, as (walk so far, next module).

    The walk starts from each module in file order and follows prerequisites in the
    order written. It keeps its own stack, so chains of any length need no recursion.
    """
    state: dict[str, int] = {}
    for root in graph:
        if root in state:
            continue
        state[root] = _VISITING
        trail = [root]
        pending = [iter(graph[root])]
        while pending:
            nxt = next(pending[-1], None)
            if nxt is None:
                pending.pop()
                state[trail.pop()] = _DONE
            elif state.get(nxt) == _VISITING:
                yield trail, nxt
            elif nxt not in state:
                state[nxt] = _VISITING
                trail.append(nxt)
                pending.append(iter(graph[nxt]))


def prerequisite_cycles(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``prerequisite-cycle``: modules that require each other, each cycle reported once."""
    index = {m.id: i for i, m in parts.modules}
    graph = {m.id: [p for p in m.prerequisites if p in index] for _, m in parts.modules}
    reported: set[frozenset[str]] = set()
    for trail, nxt in _back_edges(graph):
        cycle = [*trail[trail.index(nxt) :], nxt]
        members = frozenset(cycle)
        if members in reported:
            continue
        reported.add(members)
        yield ctx.issue(
            "prerequisite-cycle",
            ("modules", index[trail[-1]], "prerequisites"),
            t("issue.prerequisite-cycle", cycle=" -> ".join(cycle)),
            t("hint.prerequisite-cycle"),
            needle=f'"{nxt}"',
        )


def _open_to(module: ModuleModel, role: RoleModel) -> bool:
    """Whether ``module`` is meant for ``role`` (no audience, or the role or its group)."""
    return not module.audience or role.id in module.audience or role.group in module.audience


def _uncovered_targets(parts: FileParts) -> dict[str, list[str]]:
    """Competence id -> the roles that target it but have no module covering it."""
    uncovered: dict[str, list[str]] = {}
    for _, role in parts.roles:
        open_to_role = {c for _, m in parts.modules if _open_to(m, role) for c in m.covers}
        for comp_id in role.targets:
            if comp_id not in open_to_role:
                uncovered.setdefault(comp_id, []).append(role.id)
    return uncovered


def uncovered_competences(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``uncovered-competence``: a role targets a competence no module open to it covers.

    Skipped when a module table is broken: that one may be the module that covers it.
    """
    if not parts.modules_complete:
        return
    uncovered = _uncovered_targets(parts)
    for i, comp in parts.competences:
        if comp.id not in uncovered:
            continue
        roles = ", ".join(f"'{r}'" for r in uncovered[comp.id])
        yield ctx.issue(
            "uncovered-competence",
            ("competences", i, "id"),
            t("issue.uncovered-competence", competence=comp.id, roles=roles),
            t("hint.uncovered-competence", competence=comp.id),
        )
