"""A batch's scored respondents gathered into one :class:`GroupResult`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wimcheck.assessment.result import PersonResult, person_result
from wimcheck.batch.cohort import CohortBuilder
from wimcheck.batch.group_model import GroupResult
from wimcheck.batch.inputs import BatchIssue, Scored

__all__ = ["GroupResultBuilder"]


class GroupResultBuilder:
    """Collects scored respondents into the group profiles (``cohort``) and their results.

    With ``people``, every respondent whose answers were kept gets the whole result of
    ``report``; ``hours`` is the training budget of every plan, personal and group.
    """

    def __init__(
        self, *, cohort: bool, people: bool, min_group: int = 3, hours: float | None = None
    ) -> None:
        self.hours = hours
        self.people = people
        self._cohort = CohortBuilder(min_group=min_group, hours=hours) if cohort else None
        self._people: list[PersonResult] = []

    def add(self, scored: Scored) -> bool:
        """Add one respondent; True when its whole result was kept."""
        if self._cohort is not None:
            self._cohort.add(scored)
        if not self.people or scored.responses is None:
            return False
        result = person_result(scored.framework, scored.role, scored.responses, self.hours)
        self._people.append(replace(result, source=scored.source))
        return True

    def build(self, errors: Sequence[BatchIssue] = ()) -> GroupResult:
        """The result of everyone added, with the problems found in the input."""
        return GroupResult(
            respondents=tuple(self._people),
            cohort=None if self._cohort is None else self._cohort.build(),
            errors=tuple(errors),
        )
