"""Group profiles: distributions per competence, a group training plan, and reliability.

Groups are formed per framework and role (targets differ between roles). Groups
smaller than the minimum size are not broken down, to protect individuals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from wimcheck.assessment.planning import PlannedModule, plan_for_priorities
from wimcheck.batch.fastscore import Outcome
from wimcheck.batch.group_model import (
    AreaReliability,
    CohortGroup,
    GroupCompetence,
    GroupModule,
    GroupProfile,
    ItemTotal,
    LevelCount,
)
from wimcheck.batch.group_stats import ItemSums, LevelTally, RunningSum, whole
from wimcheck.batch.inputs import Scored
from wimcheck.batch.result_heading import result_heading
from wimcheck.batch.row_details import CompetenceCells
from wimcheck.frameworks.model import Competence, Framework, Role
from wimcheck.messages import t
from wimcheck.numbers import rounded_float

__all__ = ["ALPHA_MIN_RESPONDENTS", "CohortBuilder", "cronbach_alpha", "item_total_correlations"]

ALPHA_MIN_RESPONDENTS = 20


def _sums_of(rows: Sequence[Sequence[float]]) -> ItemSums:
    sums = ItemSums(range(len(rows[0]) if rows else 0))
    for row in rows:
        sums.add(row)
    return sums


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of complete item rows (respondents x items), or None if undefined.

    alpha = k / (k - 1) * (1 - sum of item variances / variance of the totals),
    with sample variances computed exactly (as :func:`statistics.variance` does).
    """
    return _sums_of(rows).alpha()


def item_total_correlations(rows: Sequence[Sequence[float]]) -> list[float | None]:
    """Corrected item-total correlations: each item against the sum of the other items."""
    return _sums_of(rows).item_total() if rows else []


_PATTERNS = 8192  # distinct combinations of an area's cells counted before they are added
_CHUNK = 4096  # respondents' outcomes kept before they are tallied


@dataclass
class _Area:
    """One area's items: where they stand in the questionnaire, and their sums.

    Rows scored with their details (sheet rows) are counted per combination of the
    area's competences' cells (``competences``: their positions in the role) and added
    to the sums a combination at a time (:meth:`settle`): the sums are exact integers.
    """

    id: str
    title: str
    statements: tuple[str, ...]
    sums: ItemSums
    competences: tuple[int, ...] = ()
    patterns: dict[tuple[CompetenceCells, ...], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        indices = self.competences
        self.key_of: Callable[[tuple[CompetenceCells, ...]], tuple[CompetenceCells, ...]] = (
            itemgetter(*indices) if len(indices) > 1 else lambda details: (details[indices[0]],)
        )

    def count_details(self, rows: list[tuple[CompetenceCells, ...]]) -> None:
        """Count the combinations of these rows' details (settled when there are many)."""
        patterns = self.patterns
        for key, count in Counter(map(self.key_of, rows)).items():
            patterns[key] = patterns.get(key, 0) + count
        if len(patterns) >= _PATTERNS:
            self.settle()

    def settle(self) -> None:
        """Add the rows counted per combination to the sums."""
        for key, count in self.patterns.items():
            values = [value for detail in key for value in detail.items]
            if None not in values:
                self.sums.add_whole([whole(v) for v in values if v is not None], count)
        self.patterns.clear()


@dataclass
class _Group:
    """What a group profile needs of its respondents, in memory that does not grow with them."""

    framework: Framework
    role: Role
    lang: str = "en"  # the language of the framework's texts in the profile
    count: int = 0
    tallies: list[LevelTally] = field(default_factory=list)
    readiness: RunningSum = field(default_factory=RunningSum)
    readiness_count: int = 0
    areas: list[_Area] = field(default_factory=list)
    with_items: bool = False
    chunk: list[tuple[Outcome, ...]] = field(default_factory=list)  # outcomes not tallied yet
    # the details of the chunk's sheet rows that have them, not counted into the areas yet
    details: list[tuple[CompetenceCells, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        competences = self.framework.role_competences(self.role)
        self.tallies = [LevelTally() for _ in competences]
        statements = self.framework.questionnaire(self.role)
        area_of = {c.id: c.area_id for c in self.framework.competences.values()}
        for area_id in dict.fromkeys(c.area_id for c in competences):
            indices = [i for i, s in enumerate(statements) if area_of[s.competence_id] == area_id]
            self.areas.append(
                _Area(
                    area_id,
                    self.framework.areas[area_id].title.get(self.lang),
                    tuple(statements[i].id for i in indices),
                    ItemSums(indices),
                    tuple(i for i, c in enumerate(competences) if c.area_id == area_id),
                )
            )

    def add(self, scored: Scored) -> None:
        self.count += 1
        chunk = self.chunk
        chunk.append(scored.row.outcomes)
        if len(chunk) >= _CHUNK:
            self.tally()
        readiness = scored.row.readiness
        if readiness is not None:
            self.readiness.add(readiness)
            self.readiness_count += 1
        if scored.details is not None:
            self.with_items = True
            self.details.append(scored.details)  # counted with the chunk
        elif scored.items is not None:
            self.with_items = True
            for area in self.areas:
                area.sums.add(scored.items)

    def tally(self) -> None:
        """Tally the outcomes of the chunk (per competence, in the order they came), and
        count its rows' details into the areas (exact integer sums: any order)."""
        if self.details:
            for area in self.areas:
                area.count_details(self.details)
            self.details.clear()
        if not self.chunk:
            return
        for tally, column in zip(self.tallies, zip(*self.chunk, strict=True), strict=True):
            levels = [outcome.level for outcome in column if outcome.level is not None]
            if levels:  # an outcome has a gap exactly when it has a level
                tally.add_all(
                    levels, [outcome.gap for outcome in column if outcome.gap is not None]
                )
        self.chunk.clear()

    def settle(self) -> None:
        """Tally every outcome, and add the areas' counted rows to their sums."""
        self.tally()
        for area in self.areas:
            area.settle()


class CohortBuilder:
    """Collects scored respondents and builds the group profiles.

    Each group keeps running sums and counts (:mod:`wimcheck.batch.group_stats`), not
    its respondents, so memory does not grow with their number. The framework's texts
    (titles of the framework, role, areas, competences and modules) are in ``lang``,
    English where the framework has none.
    """

    def __init__(self, min_group: int = 3, hours: float | None = None, lang: str = "en") -> None:
        self.min_group = min_group
        self.hours = hours
        self.lang = lang
        self._groups: dict[tuple[str, str], _Group] = {}

    def add(self, scored: Scored) -> None:
        """Add one respondent."""
        key = (scored.framework.id, scored.role.id)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(scored.framework, scored.role, self.lang)
        group.add(scored)

    def build(self) -> tuple[CohortGroup, ...]:
        """The group profiles, one per framework and role."""
        return tuple(self._group(group) for group in self._groups.values())

    def _group(self, group: _Group) -> CohortGroup:
        group.settle()
        heading = result_heading(group.framework, group.role, group.lang)
        count = group.count
        if count < self.min_group:
            note = t("cohort.small-group", min=self.min_group)
            return CohortGroup(heading, count, self.min_group, note=note)
        return CohortGroup(heading, count, self.min_group, profile=self._profile(group))

    def _profile(self, group: _Group) -> GroupProfile:
        framework, role = group.framework, group.role
        scale = framework.scale_for(role)
        values = [v.value for v in scale.values]
        competences = tuple(
            _competence_spread(role, tally, competence, values, group.lang)
            for tally, competence in zip(
                group.tallies, framework.role_competences(role), strict=True
            )
        )
        priorities = {
            c.id: gap * role.targets[c.id].weight
            for c, gap in zip(competences, _mean_gaps(group), strict=True)
            if gap
        }
        ordered = dict(sorted(priorities.items(), key=lambda kv: -kv[1]))
        plan = plan_for_priorities(framework, role, ordered, self.hours)
        readiness = group.readiness_count
        return GroupProfile(
            scale_min=scale.min,
            scale_max=scale.max,
            readiness_mean=(
                rounded_float(group.readiness.value() / readiness, 1) if readiness else None
            ),
            competences=competences,
            plan=tuple(_group_module(p, ordered, group.lang) for p in plan.modules),
            plan_hours=float(round(plan.total_hours, 2)),
            reliability=tuple(_area_reliability(a) for a in group.areas)
            if group.with_items
            else (),
        )


def _mean_gaps(group: _Group) -> list[float | None]:
    """The unrounded mean gap of each competence (None when nobody has one)."""
    return [tally.gaps.value() / tally.scored if tally.scored else None for tally in group.tallies]


def _competence_spread(
    role: Role, tally: LevelTally, competence: Competence, values: list[int], lang: str
) -> GroupCompetence:
    """Mean, minimum, median, maximum, share below target and distribution of one competence."""
    target = role.targets[competence.id]
    scored = tally.scored
    return GroupCompetence(
        id=competence.id,
        title=competence.title.get(lang),
        area=competence.area_id,
        target=float(round(target.level, 2)),
        weight=float(round(target.weight, 2)),
        scored=scored,
        mean=rounded_float(tally.levels.value() / scored) if scored else None,
        min=rounded_float(min(tally.counts)) if scored else None,
        median=rounded_float(tally.median()) if scored else None,
        max=rounded_float(max(tally.counts)) if scored else None,
        below_target=rounded_float(tally.below / scored, 3) if scored else None,
        mean_gap=rounded_float(tally.gaps.value() / scored) if scored else None,
        distribution=_distribution(tally.counts, values),
    )


def _group_module(planned: PlannedModule, priorities: dict[str, float], lang: str) -> GroupModule:
    module = planned.module
    return GroupModule(
        module=module.id,
        title=module.title.get(lang),
        hours=float(round(module.hours, 2)),
        eqf=module.eqf,
        covers=planned.covers,
        group_priority=float(round(sum(priorities.get(c, 0.0) for c in planned.covers), 2)),
        prerequisite_for=planned.prerequisite_for,
    )


def _area_reliability(area: _Area) -> AreaReliability:
    """Cronbach's alpha and item-total correlations of one area's statements."""
    sums = area.sums
    items = len(sums.indices)
    alpha = sums.alpha() if items >= 2 else None
    correlations = sums.item_total() if sums.rows >= 2 else [None] * items
    return AreaReliability(
        area=area.id,
        title=area.title,
        items=items,
        respondents=sums.rows,
        alpha=rounded_float(alpha, 3),
        item_total=tuple(
            ItemTotal(statement, rounded_float(r, 3))
            for statement, r in zip(area.statements, correlations, strict=True)
        ),
        warning=_alpha_warning(items, sums.rows, alpha),
    )


def _alpha_warning(items: int, respondents: int, alpha: float | None) -> str | None:
    if items < 2:
        return t("cohort.one-item")
    if respondents < ALPHA_MIN_RESPONDENTS:
        return t("cohort.few", count=respondents, min=ALPHA_MIN_RESPONDENTS)
    if alpha is None:
        return t("cohort.no-variance")
    return None


def _distribution(counts: dict[float, int], values: list[int]) -> tuple[LevelCount, ...]:
    """How many levels fall nearest to each scale value (``counts``: respondents per level)."""
    nearest_counts = dict.fromkeys(values, 0)
    for level, count in counts.items():
        nearest = min(values, key=lambda v: (abs(v - level), v))
        nearest_counts[nearest] += count
    return tuple(LevelCount(value, count) for value, count in nearest_counts.items())
