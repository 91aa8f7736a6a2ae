"""Scoring: from answers to levels, gaps, priorities and readiness. Pure functions.

The rules (documented in docs/scoring.md):

- a reverse-keyed statement scores ``min + max - value``;
- "not applicable" is left out; a skipped statement is missing;
- a competence's level is the mean of its answered statements, only when at least one
  is answered and at least half of its applicable (not "n/a") statements are;
  otherwise it has "not enough answers" and no level, gap or priority;
- gap = max(0, target - level); surplus = max(0, level - target);
  priority = gap x the role's importance weight;
- an area's level is the mean of its scored competences' levels;
- readiness = sum(min(level, target)) / sum(target) over scored competences, in percent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from wimcheck.frameworks.model import Framework, Role, Scale, Statement
from wimcheck.records import record

__all__ = [
    "NA",
    "Answer",
    "AreaScore",
    "CompetenceScore",
    "Profile",
    "competence_level",
    "score",
    "statement_score",
]

NA: Literal["n/a"] = "n/a"
Answer = int | Literal["n/a"]
"""A scale value, or "n/a". A skipped statement has no answer at all."""


@record
class CompetenceScore:
    """The result for one competence of a role."""

    id: str
    area_id: str
    target: float
    weight: float
    level: float | None  # None: not enough answers
    statements: int  # statements of the competence
    answered: int  # statements with a scale value
    not_applicable: int  # statements answered "n/a"

    @property
    def scored(self) -> bool:
        """Whether there were enough answers for a level."""
        return self.level is not None

    @property
    def gap(self) -> float | None:
        """How far the level is below the target (0 when at or above)."""
        return None if self.level is None else max(0.0, self.target - self.level)

    @property
    def surplus(self) -> float | None:
        """How far the level is above the target (0 when at or below)."""
        return None if self.level is None else max(0.0, self.level - self.target)

    @property
    def priority(self) -> float | None:
        """gap x importance weight."""
        gap = self.gap
        return None if gap is None else gap * self.weight


@record
class AreaScore:
    """The result for one area: the mean of its scored competences."""

    id: str
    level: float | None
    target: float  # mean target of its competences
    competences: int  # the role's competences in this area
    scored: int  # of which have a level


@record
class Profile:
    """A role's gap profile."""

    framework_id: str
    role_id: str
    scale: Scale
    competences: tuple[CompetenceScore, ...]
    areas: tuple[AreaScore, ...]
    readiness: float | None  # percent, None when nothing could be scored

    def competence(self, competence_id: str) -> CompetenceScore:
        """The score of one competence."""
        for item in self.competences:
            if item.id == competence_id:
                return item
        raise KeyError(competence_id)

    @property
    def gaps(self) -> list[CompetenceScore]:
        """Scored competences with a gap, highest priority first (then framework order)."""
        with_gap = [c for c in self.competences if c.gap]
        return sorted(with_gap, key=lambda c: -(c.priority or 0.0))


def statement_score(statement: Statement, answer: Answer, scale: Scale) -> float | None:
    """The scored value of one answer: None for "n/a", reversed where the statement says."""
    if answer == NA:
        return None
    value = int(answer)
    return float(scale.min + scale.max - value if statement.reverse else value)


def competence_level(scores: list[float], applicable: int) -> float | None:
    """Mean of the answered scores when enough of the applicable statements are answered."""
    answered = len(scores)
    if answered == 0 or 2 * answered < applicable:
        return None
    return sum(scores) / answered


def score(framework: Framework, role: Role, answers: Mapping[str, Answer]) -> Profile:
    """Score ``answers`` (statement id to answer) for ``role``.

    Answers for statements outside the role's questionnaire are ignored; values are
    expected to be on the role's scale (check them when reading a file).
    """
    scale = framework.scale_for(role)
    results: list[CompetenceScore] = []
    for competence in framework.role_competences(role):
        target = role.targets[competence.id]
        scores: list[float] = []
        not_applicable = 0
        for statement in competence.statements:
            if statement.id not in answers:
                continue
            value = statement_score(statement, answers[statement.id], scale)
            if value is None:
                not_applicable += 1
            else:
                scores.append(value)
        applicable = len(competence.statements) - not_applicable
        results.append(
            CompetenceScore(
                id=competence.id,
                area_id=competence.area_id,
                target=target.level,
                weight=target.weight,
                level=competence_level(scores, applicable),
                statements=len(competence.statements),
                answered=len(scores),
                not_applicable=not_applicable,
            )
        )
    areas: list[AreaScore] = []
    for area_id in dict.fromkeys(c.area_id for c in results):
        members = [c for c in results if c.area_id == area_id]
        levels = [c.level for c in members if c.level is not None]
        areas.append(
            AreaScore(
                id=area_id,
                level=sum(levels) / len(levels) if levels else None,
                target=sum(c.target for c in members) / len(members),
                competences=len(members),
                scored=len(levels),
            )
        )
    scored = [c for c in results if c.level is not None]
    total_target = sum(c.target for c in scored)
    readiness: float | None
    if not scored:
        readiness = None
    elif total_target == 0:
        readiness = 100.0
    else:
        reached = sum(min(c.level, c.target) for c in scored if c.level is not None)
        readiness = 100.0 * reached / total_target
    return Profile(framework.id, role.id, scale, tuple(results), tuple(areas), readiness)
