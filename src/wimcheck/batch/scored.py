"""One scored respondent of a batch, and the reference scorer's figures for it."""

from __future__ import annotations

from dataclasses import dataclass

from wimcheck.assessment.responses import ResponseSet
from wimcheck.assessment.scoring import Answer, score, statement_score
from wimcheck.batch.fastscore import RowScore
from wimcheck.batch.row_details import CompetenceCells
from wimcheck.frameworks.model import Framework, Role

__all__ = ["Scored", "item_values", "profile_row"]


@dataclass(slots=True)
class Scored:
    """One respondent's scores (slots: a large batch makes one a row)."""

    respondent: str
    framework: Framework
    role: Role
    source: str
    row: RowScore
    responses: ResponseSet | None = None  # kept when answers are needed (JSON, cohort)
    items: list[float | None] | None = None  # scored item values in questionnaire order
    # a sheet row's details per competence, instead of ``responses`` (batch JSON)
    details: tuple[CompetenceCells, ...] | None = None


def profile_row(framework: Framework, role: Role, answers: dict[str, Answer]) -> RowScore:
    """A :class:`RowScore` from the reference scorer."""
    profile = score(framework, role, answers)
    return RowScore(
        tuple(c.level for c in profile.competences),
        tuple(c.gap for c in profile.competences),
        profile.readiness,
    )


def item_values(framework: Framework, role: Role, answers: dict[str, Answer]) -> list[float | None]:
    """Each statement's scored value (reverse keying applied) in questionnaire order."""
    scale = framework.scale_for(role)
    return [
        None
        if statement.id not in answers
        else statement_score(statement, answers[statement.id], scale)
        for statement in framework.questionnaire(role)
    ]
