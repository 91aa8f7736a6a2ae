"""The group statistics as wimcheck computed them before the one-pass accumulators:
every respondent kept in lists, then :func:`statistics.median`, :func:`statistics.variance`
and sums over the lists. ``tests/test_group_stats.py`` compares the accumulators with it.

The only difference from that code: the correlation is computed over exact fractions
(:func:`_pearson`) instead of floats (:func:`float_pearson`, kept for comparison), so that
the shown figure does not depend on rounding errors in its last digits.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from wimcheck.assessment.planning import PlannedModule, plan_for_priorities
from wimcheck.batch.cohort import ALPHA_MIN_RESPONDENTS
from wimcheck.batch.group_model import (
    AreaReliability,
    CohortGroup,
    GroupCompetence,
    GroupModule,
    GroupProfile,
    ItemTotal,
    LevelCount,
)
from wimcheck.batch.inputs import Scored
from wimcheck.batch.result_heading import result_heading
from wimcheck.frameworks.model import Competence, Framework, Role, Statement
from wimcheck.messages import t
from wimcheck.numbers import rounded_float


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


def float_pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation as wimcheck computed it before version 2 of batch JSON: two
    passes in floats (its last digits depend on rounding errors)."""
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


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation in two passes over exact fractions, one rounding at the end."""
    n = len(xs)
    if n < 2:
        return None
    fx, fy = [Fraction(x) for x in xs], [Fraction(y) for y in ys]
    mx, my = sum(fx) / n, sum(fy) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(fx, fy, strict=True))
    sxx = sum((x - mx) ** 2 for x in fx)
    syy = sum((y - my) ** 2 for y in fy)
    if sxx == 0 or syy == 0:
        return None
    return math.copysign(math.sqrt(float(sxy * sxy / (sxx * syy))), sxy)


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


class ReferenceCohort:
    """Keeps every respondent and builds the group profiles from the lists (the code before one pass)."""

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

    def build(self) -> tuple[CohortGroup, ...]:
        """The group profiles, one per framework and role."""
        return tuple(self._group(group) for group in self._groups.values())

    def _group(self, group: _Group) -> CohortGroup:
        heading = result_heading(group.framework, group.role)
        count = len(group.levels)
        if count < self.min_group:
            note = t("cohort.small-group", min=self.min_group)
            return CohortGroup(heading, count, self.min_group, note=note)
        return CohortGroup(heading, count, self.min_group, profile=self._profile(group))

    def _profile(self, group: _Group) -> GroupProfile:
        framework, role = group.framework, group.role
        scale = framework.scale_for(role)
        values = [v.value for v in scale.values]
        competences = tuple(
            _competence_spread(group, index, competence, values)
            for index, competence in enumerate(framework.role_competences(role))
        )
        priorities = {
            c.id: gap * role.targets[c.id].weight
            for c, gap in zip(competences, _mean_gaps(group), strict=True)
            if gap
        }
        ordered = dict(sorted(priorities.items(), key=lambda kv: -kv[1]))
        plan = plan_for_priorities(framework, role, ordered, self.hours)
        readiness = group.readiness
        return GroupProfile(
            scale_min=scale.min,
            scale_max=scale.max,
            readiness_mean=rounded_float(sum(readiness) / len(readiness), 1) if readiness else None,
            competences=competences,
            plan=tuple(_group_module(p, ordered) for p in plan.modules),
            plan_hours=float(round(plan.total_hours, 2)),
            reliability=_reliability(group) if group.items else (),
        )


def _column(rows: Sequence[tuple[float | None, ...]], index: int) -> list[float]:
    return [value for row in rows if (value := row[index]) is not None]


def _mean_gaps(group: _Group) -> list[float | None]:
    """The unrounded mean gap of each competence (None when nobody has one)."""
    means: list[float | None] = []
    for index in range(len(group.levels[0]) if group.levels else 0):
        gaps = _column(group.gaps, index)
        means.append(sum(gaps) / len(gaps) if gaps else None)
    return means


def _competence_spread(
    group: _Group, index: int, competence: Competence, values: list[int]
) -> GroupCompetence:
    """Mean, minimum, median, maximum, share below target and distribution of one competence."""
    target = group.role.targets[competence.id]
    levels = _column(group.levels, index)
    gaps = _column(group.gaps, index)
    scored = len(levels)
    return GroupCompetence(
        id=competence.id,
        title=competence.title.en,
        area=competence.area_id,
        target=float(round(target.level, 2)),
        weight=float(round(target.weight, 2)),
        scored=scored,
        mean=rounded_float(sum(levels) / scored) if scored else None,
        min=rounded_float(min(levels)) if scored else None,
        median=rounded_float(statistics.median(levels)) if scored else None,
        max=rounded_float(max(levels)) if scored else None,
        below_target=rounded_float(sum(1 for g in gaps if g > 0) / scored, 3) if scored else None,
        mean_gap=rounded_float(sum(gaps) / len(gaps)) if gaps else None,
        distribution=_distribution(levels, values),
    )


def _group_module(planned: PlannedModule, priorities: dict[str, float]) -> GroupModule:
    module = planned.module
    return GroupModule(
        module=module.id,
        title=module.title.en,
        hours=float(round(module.hours, 2)),
        eqf=module.eqf,
        covers=planned.covers,
        group_priority=float(round(sum(priorities.get(c, 0.0) for c in planned.covers), 2)),
        prerequisite_for=planned.prerequisite_for,
    )


def _reliability(group: _Group) -> tuple[AreaReliability, ...]:
    framework, role = group.framework, group.role
    statements = framework.questionnaire(role)
    areas = dict.fromkeys(c.area_id for c in framework.role_competences(role))
    return tuple(
        _area_reliability(group, area_id, statements, framework.areas[area_id].title.en)
        for area_id in areas
    )


def _area_reliability(
    group: _Group, area_id: str, statements: Sequence[Statement], title: str
) -> AreaReliability:
    """Cronbach's alpha and item-total correlations of one area's statements."""
    competences = group.framework.competences
    indices = [
        i for i, s in enumerate(statements) if competences[s.competence_id].area_id == area_id
    ]
    rows = [
        [float(value) for i in indices if (value := row[i]) is not None]
        for row in group.items
        if all(row[i] is not None for i in indices)
    ]
    alpha = cronbach_alpha(rows) if len(indices) >= 2 else None
    correlations = item_total_correlations(rows) if len(rows) >= 2 else [None] * len(indices)
    return AreaReliability(
        area=area_id,
        title=title,
        items=len(indices),
        respondents=len(rows),
        alpha=rounded_float(alpha, 3),
        item_total=tuple(
            ItemTotal(statements[i].id, rounded_float(r, 3))
            for i, r in zip(indices, correlations, strict=True)
        ),
        warning=_alpha_warning(len(indices), len(rows), alpha),
    )


def _alpha_warning(items: int, respondents: int, alpha: float | None) -> str | None:
    if items < 2:
        return t("cohort.one-item")
    if respondents < ALPHA_MIN_RESPONDENTS:
        return t("cohort.few", count=respondents, min=ALPHA_MIN_RESPONDENTS)
    if alpha is None:
        return t("cohort.no-variance")
    return None


def _distribution(levels: list[float], values: list[int]) -> tuple[LevelCount, ...]:
    """How many levels fall nearest to each scale value."""
    counts = dict.fromkeys(values, 0)
    for level in levels:
        nearest = min(values, key=lambda v: (abs(v - level), v))
        counts[nearest] += 1
    return tuple(LevelCount(value, count) for value, count in counts.items())
