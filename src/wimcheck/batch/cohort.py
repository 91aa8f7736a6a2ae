"""Group profiles: distributions per competence, a group training plan, and reliability.

Groups are formed per framework and role (targets differ between roles). Groups
smaller than the minimum size are not broken down, to protect individuals.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wimcheck.assessment.planning import plan_for_priorities
from wimcheck.batch.inputs import Scored
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.numbers import rounded

__all__ = ["ALPHA_MIN_RESPONDENTS", "CohortBuilder", "cronbach_alpha", "item_total_correlations"]

ALPHA_MIN_RESPONDENTS = 20


def _variance(values: Sequence[float]) -> float:
    return statistics.variance(values) if len(values) > 1 else 0.0


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of complete item rows (respondents x items), or None if undefined.

    alpha = k / (k - 1) * (1 - sum of item variances / variance of the totals),
    with sample variances.
    """
    if len(rows) < 2:
        return None
    k = len(rows[0])
    if k < 2:
        return None
    item_variances = sum(_variance([row[i] for row in rows]) for i in range(k))
    total_variance = _variance([sum(row) for row in rows])
    if total_variance == 0:
        return None
    return k / (k - 1) * (1 - item_variances / total_variance)


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_total_correlations(rows: Sequence[Sequence[float]]) -> list[float | None]:
    """Corrected item-total correlations: each item against the sum of the other items."""
    if not rows:
        return []
    k = len(rows[0])
    totals = [sum(row) for row in rows]
    return [
        _pearson(
            [row[i] for row in rows], [t - row[i] for t, row in zip(totals, rows, strict=True)]
        )
        for i in range(k)
    ]


@dataclass
class _Group:
    framework: Framework
    role: Role
    levels: list[tuple[float | None, ...]] = field(default_factory=list)
    gaps: list[tuple[float | None, ...]] = field(default_factory=list)
    readiness: list[float] = field(default_factory=list)
    items: list[list[float | None]] = field(default_factory=list)


class CohortBuilder:
    """Collects scored respondents and builds the group profile."""

    def __init__(self, min_group: int = 3, hours: float | None = None) -> None:
        self.min_group = min_group
        self.hours = hours
        self._groups: dict[tuple[str, str], _Group] = {}

    def add(self, scored: Scored) -> None:
        """Add one respondent."""
        key = (scored.framework.id, scored.role.id)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(scored.framework, scored.role)
        group.levels.append(scored.row.levels)
        group.gaps.append(scored.row.gaps)
        if scored.row.readiness is not None:
            group.readiness.append(scored.row.readiness)
        if scored.items is not None:
            group.items.append(scored.items)

    def build(self) -> list[dict[str, Any]]:
        """The group profiles, one per framework and role."""
        return [self._group(group) for group in self._groups.values()]

    def _group(self, group: _Group) -> dict[str, Any]:
        framework, role = group.framework, group.role
        n = len(group.levels)
        base: dict[str, Any] = {
            "framework": framework.id,
            "framework_version": framework.version,
            "framework_title": framework.title.en,
            "role": role.id,
            "role_title": role.title.en,
            "subject": framework.subject,
            "respondents": n,
            "min_group": self.min_group,
        }
        if n < self.min_group:
            return {
                **base,
                "shown": False,
                "note": t("cohort.small-group", min=self.min_group),
            }
        competences = framework.role_competences(role)
        scale = framework.scale_for(role)
        rows = []
        priorities: dict[str, float] = {}
        for index, competence in enumerate(competences):
            target = role.targets[competence.id]
            levels = [v for lv in group.levels if (v := lv[index]) is not None]
            gaps = [g for gp in group.gaps if (g := gp[index]) is not None]
            scored = len(levels)
            mean_gap = sum(gaps) / len(gaps) if gaps else None
            if mean_gap:
                priorities[competence.id] = mean_gap * target.weight
            rows.append(
                {
                    "id": competence.id,
                    "title": competence.title.en,
                    "area": competence.area_id,
                    "target": rounded(target.level),
                    "weight": rounded(target.weight),
                    "scored": scored,
                    "mean": rounded(sum(levels) / scored) if scored else None,
                    "min": rounded(min(levels)) if scored else None,
                    "median": rounded(statistics.median(levels)) if scored else None,
                    "max": rounded(max(levels)) if scored else None,
                    "below_target": rounded(sum(1 for g in gaps if g > 0) / scored, 3)
                    if scored
                    else None,
                    "mean_gap": rounded(mean_gap),
                    "distribution": _distribution(levels, [v.value for v in scale.values]),
                }
            )
        ordered = dict(sorted(priorities.items(), key=lambda kv: -kv[1]))
        plan = plan_for_priorities(framework, role, ordered, self.hours)
        return {
            **base,
            "shown": True,
            "scale": {"min": scale.min, "max": scale.max},
            "readiness_mean": rounded(sum(group.readiness) / len(group.readiness), 1)
            if group.readiness
            else None,
            "competences": rows,
            "plan": [
                {
                    "module": p.module.id,
                    "title": p.module.title.en,
                    "hours": rounded(p.module.hours),
                    "eqf": p.module.eqf,
                    "covers": list(p.covers),
                    "group_priority": rounded(sum(ordered.get(c, 0.0) for c in p.covers)),
                    "prerequisite_for": list(p.prerequisite_for),
                }
                for p in plan.modules
            ],
            "plan_hours": rounded(plan.total_hours),
            "reliability": self._reliability(group) if group.items else [],
        }

    def _reliability(self, group: _Group) -> list[dict[str, Any]]:
        framework, role = group.framework, group.role
        statements = framework.questionnaire(role)
        out = []
        for area_id in dict.fromkeys(c.area_id for c in framework.role_competences(role)):
            indices = [
                i
                for i, s in enumerate(statements)
                if framework.competences[s.competence_id].area_id == area_id
            ]
            complete = [
                [row[i] for i in indices]
                for row in group.items
                if all(row[i] is not None for i in indices)
            ]
            rows: list[list[float]] = [[float(v) for v in r if v is not None] for r in complete]
            alpha = cronbach_alpha(rows) if len(indices) >= 2 else None
            correlations = (
                item_total_correlations(rows) if len(rows) >= 2 else [None] * len(indices)
            )
            warning = None
            if len(indices) < 2:
                warning = t("cohort.one-item")
            elif len(rows) < ALPHA_MIN_RESPONDENTS:
                warning = t("cohort.few", count=len(rows), min=ALPHA_MIN_RESPONDENTS)
            elif alpha is None:
                warning = t("cohort.no-variance")
            out.append(
                {
                    "area": area_id,
                    "title": framework.areas[area_id].title.en,
                    "items": len(indices),
                    "respondents": len(rows),
                    "alpha": rounded(alpha, 3),
                    "item_total": [
                        {"statement": statements[i].id, "r": rounded(r, 3)}
                        for i, r in zip(indices, correlations, strict=True)
                    ],
                    "warning": warning,
                }
            )
        return out


def _distribution(levels: list[float], values: list[int]) -> dict[str, int]:
    """How many levels fall nearest to each scale value."""
    counts = {str(v): 0 for v in values}
    for level in levels:
        nearest = min(values, key=lambda v: (abs(v - level), v))
        counts[str(nearest)] += 1
    return counts
