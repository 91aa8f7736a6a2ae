"""The training plan: modules that close the largest gaps in the hours available.

Greedy by priority closed per hour: at each step, among the modules that cover a
competence whose gap is still open, take the one with the most open priority per hour
(its hours plus those of prerequisites not yet planned), if it fits the remaining
budget. Prerequisites come first and count against the hours. Ties go to the lower
EQF level, then to framework order.
"""

from __future__ import annotations

import math

from wimcheck.assessment.scoring import Profile
from wimcheck.frameworks.model import Framework, Module, Role
from wimcheck.records import record

__all__ = ["Plan", "PlannedModule", "plan_for_priorities", "plan_training"]


@record
class PlannedModule:
    """A module in the plan and the gaps it addresses."""

    module: Module
    covers: tuple[str, ...]  # ids of competences with a gap that it addresses
    prerequisite_for: tuple[str, ...]  # modules it was added for, when it is a prerequisite


@record
class Plan:
    """A training plan."""

    modules: tuple[PlannedModule, ...]
    budget: float | None
    gaps: tuple[str, ...]  # competences with a gap, by priority
    open_gaps: tuple[str, ...]  # gaps no planned module addresses (budget too small)

    @property
    def total_hours(self) -> float:
        """Hours of all planned modules."""
        return sum(p.module.hours for p in self.modules)


def _missing_prerequisites(framework: Framework, module: Module, planned: set[str]) -> list[Module]:
    """Prerequisites (transitively) not yet planned, in the order they must be taken.

    A depth-first walk in the order prerequisites are written, each module after its
    own prerequisites; it keeps its own stack, so chains of any length need no recursion.
    """
    order: list[Module] = []
    seen: set[str] = set()
    stack = [(module, iter(module.prerequisites))]
    while stack:
        current, pending = stack[-1]
        prereq_id = next((p for p in pending if p not in planned and p not in seen), None)
        if prereq_id is None:
            stack.pop()
            if stack:  # the module itself is not its own prerequisite
                order.append(current)
            continue
        seen.add(prereq_id)
        prereq = framework.modules[prereq_id]
        stack.append((prereq, iter(prereq.prerequisites)))
    return order


def plan_training(framework: Framework, profile: Profile, hours: float | None = None) -> Plan:
    """Choose modules for the gaps of ``profile`` within ``hours`` (None: no limit).

    Only modules meant for the profile's role (see ``Module.audience``) are chosen.
    """
    priority = {c.id: c.priority or 0.0 for c in profile.gaps}
    return plan_for_priorities(framework, framework.roles[profile.role_id], priority, hours)


def plan_for_priorities(
    framework: Framework, role: Role, priority: dict[str, float], hours: float | None = None
) -> Plan:
    """Choose modules that close the most ``priority`` (competence id -> value) per hour.

    ``priority`` lists the open gaps, highest first; a group plan passes the group's
    summed or mean priorities here.
    """
    gaps = tuple(priority)
    open_ids = {c for c, value in priority.items() if value > 0}
    planned: list[PlannedModule] = []
    planned_ids: set[str] = set()
    remaining = hours
    order = {module_id: index for index, module_id in enumerate(framework.modules)}
    while open_ids:
        best: tuple[float, int, int] | None = None
        best_steps: list[Module] = []
        for module in framework.modules.values():
            if (
                module.id in planned_ids
                or not module.is_for(role)
                or not open_ids.intersection(module.covers)
            ):
                continue
            steps = [*_missing_prerequisites(framework, module, planned_ids), module]
            cost = sum(m.hours for m in steps)
            if remaining is not None and cost > remaining + 1e-9:
                continue
            closed = {c for m in steps for c in m.covers} & open_ids
            # math.fsum: the same value whatever order the set iterates in (hash seed)
            value = math.fsum(priority[c] for c in closed) / cost
            key = (value, -module.eqf, -order[module.id])
            if best is None or key > best:
                best, best_steps = key, steps
        if best is None:
            break
        target = best_steps[-1]
        for step in best_steps:
            addresses = tuple(c for c in step.covers if c in open_ids)
            open_ids.difference_update(addresses)
            planned.append(PlannedModule(step, addresses, () if step is target else (target.id,)))
            planned_ids.add(step.id)
            if remaining is not None:
                remaining -= step.hours
    return Plan(
        modules=tuple(planned),
        budget=hours,
        gaps=gaps,
        open_gaps=tuple(c for c in gaps if c in open_ids),
    )
