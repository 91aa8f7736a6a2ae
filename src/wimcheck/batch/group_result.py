"""A batch's scored respondents gathered into one :class:`GroupResult`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wimcheck.assessment.result import PersonResult, person_result
from wimcheck.batch.cohort import CohortBuilder
from wimcheck.batch.group_model import GroupResult
from wimcheck.batch.inputs import BatchIssue, Scored

__all__ = ["GroupResultBuilder", "whole_result"]


def whole_result(
    scored: Scored, hours: float | None, lang: str | None = None
) -> PersonResult | None:
    """The whole result of ``report`` for one scored respondent (None without its answers);
    the framework's texts in ``lang``, else in the language of the answers."""
    if scored.responses is None:
        return None
    result = person_result(scored.framework, scored.role, scored.responses, hours, lang)
    return replace(result, source=scored.source)


class GroupResultBuilder:
    """Collects scored respondents into the group profiles (``cohort``) and their results.

    With ``people``, every respondent whose answers were kept gets the whole result of
    ``report``; ``hours`` is the training budget of every plan, personal and group. With
    ``lang``, the framework's texts are in that language (English where the framework has
    none): in the group profiles and in each respondent's result; without it, the group
    profiles are in English and each result in the language of the answers.
    """

    def __init__(
        self,
        *,
        cohort: bool,
        people: bool,
        min_group: int = 3,
        hours: float | None = None,
        lang: str | None = None,
    ) -> None:
        self.hours = hours
        self.people = people
        self.lang = lang
        self._cohort = (
            CohortBuilder(min_group=min_group, hours=hours, lang=lang or "en") if cohort else None
        )
        self._people: list[PersonResult] = []

    def add(self, scored: Scored) -> bool:
        """Add one respondent; True when its whole result was kept."""
        if self._cohort is not None:
            self._cohort.add(scored)
        if not self.people:
            return False
        result = whole_result(scored, self.hours, self.lang)
        if result is None:
            return False
        self._people.append(result)
        return True

    def build(
        self, errors: Sequence[BatchIssue] = (), warnings: Sequence[BatchIssue] = ()
    ) -> GroupResult:
        """The result of everyone added, with the problems found in the input (``errors``:
        not scored; ``warnings``: read in part, such as a cell counted as not answered)."""
        return GroupResult(
            respondents=tuple(self._people),
            cohort=None if self._cohort is None else self._cohort.build(),
            errors=tuple(errors),
            warnings=tuple(warnings),
        )
