"""A group result as typed, frozen objects, and its JSON form (``score --format json``).

:class:`GroupResult` holds the scored respondents, the group profiles of ``--cohort``
(one :class:`CohortGroup` per framework and role) and the problems found in the input.
The core builds it once (:mod:`wimcheck.batch.cohort`, :func:`group_result`); renderers
take it as it is and :mod:`wimcheck.batch.group_json` writes it. Numbers are stored
already rounded, so that a result read back from its JSON
(:mod:`wimcheck.batch.group_file`) equals the one that was written.
"""

from __future__ import annotations

from typing import Any

from wimcheck.assessment.result import PersonResult
from wimcheck.batch.inputs import BatchIssue
from wimcheck.batch.result_heading import ResultHeading
from wimcheck.numbers import json_number
from wimcheck.records import record

__all__ = [
    "GROUP_FORMAT_VERSION",
    "AreaReliability",
    "CohortGroup",
    "GroupCompetence",
    "GroupModule",
    "GroupProfile",
    "GroupResult",
    "ItemTotal",
    "LevelCount",
    "cohort_group_json",
]

GROUP_FORMAT_VERSION = 2  # 2: texts stated once (batch.group_json); 1 still read


@record
class LevelCount:
    """How many respondents' levels are nearest to one scale value."""

    value: int
    count: int


@record
class GroupCompetence:
    """The spread of one competence's levels in a group."""

    id: str
    title: str
    area: str
    target: float
    weight: float
    scored: int  # respondents with a level
    mean: float | None
    min: float | None
    median: float | None
    max: float | None
    below_target: float | None  # share 0..1 of the scored respondents
    mean_gap: float | None
    distribution: tuple[LevelCount, ...]


@record
class GroupModule:
    """A module of the group plan, with the group gap it addresses."""

    module: str
    title: str
    hours: float
    eqf: int
    covers: tuple[str, ...]
    group_priority: float
    prerequisite_for: tuple[str, ...]


@record
class ItemTotal:
    """The corrected item-total correlation of one statement."""

    statement: str
    r: float | None


@record
class AreaReliability:
    """Cronbach's alpha of one area's statements, and why it may mean little."""

    area: str
    title: str
    items: int
    respondents: int  # with complete answers to the area's statements
    alpha: float | None
    item_total: tuple[ItemTotal, ...]
    warning: str | None


@record
class GroupProfile:
    """What a group large enough to be broken down shows."""

    scale_min: int
    scale_max: int
    readiness_mean: float | None
    competences: tuple[GroupCompetence, ...]
    plan: tuple[GroupModule, ...]
    plan_hours: float
    reliability: tuple[AreaReliability, ...]


@record
class CohortGroup:
    """The respondents of one framework and role; a small group has only a ``note``."""

    heading: ResultHeading
    respondents: int
    min_group: int
    note: str | None = None
    profile: GroupProfile | None = None

    @property
    def shown(self) -> bool:
        """Whether the group is broken down (it is not below ``min_group``)."""
        return self.profile is not None


@record
class GroupResult:
    """Batch scoring: the respondents' results, the group profiles, the rejected input
    (``errors``) and the input read in part (``warnings``: an unreadable cell).

    ``cohort`` is None without ``--cohort``. Each respondent's ``source`` names the file
    (and row for sheets) it was read from.
    """

    respondents: tuple[PersonResult, ...]
    cohort: tuple[CohortGroup, ...] | None
    errors: tuple[BatchIssue, ...]
    warnings: tuple[BatchIssue, ...] = ()
    format_version: int = GROUP_FORMAT_VERSION

    def members(self, group: CohortGroup) -> tuple[PersonResult, ...]:
        """The respondents of ``group`` (same framework and role)."""
        heading = group.heading
        return tuple(
            p
            for p in self.respondents
            if p.framework == heading.framework and p.role == heading.role
        )


def _competence_json(item: GroupCompetence) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "area": item.area,
        "target": json_number(item.target),
        "weight": json_number(item.weight),
        "scored": item.scored,
        "mean": json_number(item.mean),
        "min": json_number(item.min),
        "median": json_number(item.median),
        "max": json_number(item.max),
        "below_target": json_number(item.below_target),
        "mean_gap": json_number(item.mean_gap),
        "distribution": {str(level.value): level.count for level in item.distribution},
    }


def _module_json(item: GroupModule) -> dict[str, Any]:
    return {
        "module": item.module,
        "title": item.title,
        "hours": json_number(item.hours),
        "eqf": item.eqf,
        "covers": list(item.covers),
        "group_priority": json_number(item.group_priority),
        "prerequisite_for": list(item.prerequisite_for),
    }


def _reliability_json(item: AreaReliability) -> dict[str, Any]:
    return {
        "area": item.area,
        "title": item.title,
        "items": item.items,
        "respondents": item.respondents,
        "alpha": json_number(item.alpha),
        "item_total": [
            {"statement": it.statement, "r": json_number(it.r)} for it in item.item_total
        ],
        "warning": item.warning,
    }


def _profile_json(profile: GroupProfile) -> dict[str, Any]:
    return {
        "shown": True,
        "scale": {"min": profile.scale_min, "max": profile.scale_max},
        "readiness_mean": json_number(profile.readiness_mean),
        "competences": [_competence_json(c) for c in profile.competences],
        "plan": [_module_json(m) for m in profile.plan],
        "plan_hours": json_number(profile.plan_hours),
        "reliability": [_reliability_json(r) for r in profile.reliability],
    }


def cohort_group_json(group: CohortGroup) -> dict[str, Any]:
    """The JSON-ready form of one group profile (an entry of ``cohort``)."""
    heading = group.heading
    data: dict[str, Any] = {
        "framework": heading.framework,
        "framework_version": heading.framework_version,
        "framework_title": heading.framework_title,
        "role": heading.role,
        "role_title": heading.role_title,
        "subject": heading.subject,
        "respondents": group.respondents,
        "min_group": group.min_group,
    }
    if group.profile is None:
        return {**data, "shown": False, "note": group.note}
    return {**data, **_profile_json(group.profile)}
