"""A sheet row's answers, item values and batch JSON text, remembered per competence.

Batch JSON (:mod:`wimcheck.batch.group_json`) and group statistics need more of a row
than its levels and gaps: each competence's entry (level, gap, surplus, priority,
answered, not applicable, status), the answers, and the scored value of each statement.
All of it depends only on the texts of the competence's own cells, and real answers
repeat a handful of combinations of them, so each competence works it out once per
combination (with the reference scorer's own functions) and keeps it, as the fast scorer
keeps outcomes. A row is then one lookup per competence. Rows with an unreadable cell
take the reference path instead (:func:`wimcheck.batch.sheet_inputs._scored`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import attrgetter, itemgetter
from typing import Any

from wimcheck.assessment.scoring import (
    NA,
    Answer,
    CompetenceScore,
    competence_level,
    statement_score,
)
from wimcheck.batch.fastscore import Outcome, RoleScorer, RowScore, row_lookup
from wimcheck.frameworks.model import Competence, Framework, Role, Scale
from wimcheck.numbers import rounded
from wimcheck.sheets.cells import normalise_cell

__all__ = ["CompetenceCells", "RowDetails", "cell_answer", "competence_entry"]

_REMEMBERED = 2048  # combinations of cell texts remembered per competence (bounds memory:
# at most about 30 MiB for 22 competences; real sheets meet far fewer)


def cell_answer(raw: str) -> Answer | None:
    """The answer a readable cell holds (None: empty), as the reference reading gives it."""
    if raw.isascii() and raw.isdigit():  # the usual cell: no need to normalise it
        return int(raw)
    text = normalise_cell(raw)
    if text == "":
        return None
    return NA if text == "n/a" else int(text)


# json.dumps(value, ensure_ascii=False) without making an encoder for every call
_dumps = json.JSONEncoder(ensure_ascii=False).encode
_ANSWER_TEXTS: dict[Answer | None, str] = {}  # an answer as JSON, made once per value


@dataclass(frozen=True, slots=True, eq=False)
class CompetenceCells:
    """What one competence's cells give a row.

    ``outcome`` is its level and gap as the fast scorer gives them, ``entry`` its JSON
    object in a respondent's ``competences`` and ``answers`` its statements' answers as
    JSON members (``"id": value``), both led by ``", "`` but for the role's first
    competence (so a row's texts are joined as they are); ``scored`` is 1 when it has a
    level, ``pairs`` the answers given (statement id, answer) and ``items`` each
    statement's scored value (None: not scored).
    Rows with the same cells share one object, which compares and hashes by identity.
    """

    outcome: Outcome
    scored: int  # 1 with a level, else 0
    entry: str
    answers: str
    pairs: tuple[tuple[str, Answer], ...]
    items: tuple[float | None, ...]


class _CompetenceCells:
    """One competence's :class:`CompetenceCells` for each combination of its cell texts
    (``found``, keyed as the fast scorer keys its outcomes)."""

    def __init__(
        self,
        outcome_of: Callable[[Any], Outcome],
        index: int,
        competence: Competence,
        role: Role,
        scale: Scale,
        columns: dict[str, int],
    ) -> None:
        self.outcome_of = outcome_of
        self.separator = ", " if index else ""  # texts are joined without one
        self.competence = competence
        self.target = role.targets[competence.id]
        self.scale = scale
        self.columns = tuple(columns[s.id] for s in competence.statements if s.id in columns)
        self._where = [columns.get(s.id) for s in competence.statements]
        self.key_of: Callable[[Sequence[str]], Any] = (
            itemgetter(*self.columns) if self.columns else _no_cells
        )
        self.found: dict[Any, CompetenceCells] = {}
        self._names = [_dumps(s.id) + ": " for s in competence.statements]  # JSON members

    def cells(self, key: Any) -> CompetenceCells:
        """What these cells give, worked out and remembered when not known yet.

        Raises:
            CellError: a cell is not a value of the scale, "n/a" or empty.
        """
        found = self.found.get(key)
        if found is None:
            outcome = self.outcome_of(key)  # raises CellError first for an unreadable cell
            cells = (key,) if len(self.columns) == 1 else key
            found = self._computed(outcome, iter(cells))
            if len(self.found) < _REMEMBERED:
                self.found[key] = found
        return found

    def _computed(self, outcome: Outcome, cells: Any) -> CompetenceCells:
        statements = self.competence.statements
        answers = [None if where is None else cell_answer(next(cells)) for where in self._where]
        items = tuple(
            None if answer is None else statement_score(statement, answer, self.scale)
            for statement, answer in zip(statements, answers, strict=True)
        )
        scores = [value for value in items if value is not None]
        not_applicable = sum(1 for answer in answers if answer == NA)
        score = CompetenceScore(
            id=self.competence.id,
            area_id=self.competence.area_id,
            target=self.target.level,
            weight=self.target.weight,
            level=competence_level(scores, len(statements) - not_applicable),
            statements=len(statements),
            answered=len(scores),
            not_applicable=not_applicable,
        )
        return CompetenceCells(
            outcome=outcome,
            scored=int(score.scored),
            entry=self.separator + _dumps(competence_entry(score)),
            answers=self.separator
            + ", ".join(
                [
                    name + (_ANSWER_TEXTS.get(answer) or _answer_text(answer))
                    for name, answer in zip(self._names, answers, strict=True)
                ]
            ),
            pairs=tuple(
                (s.id, answer)
                for s, answer in zip(statements, answers, strict=True)
                if answer is not None
            ),
            items=items,
        )


def _answer_text(answer: Answer | None) -> str:
    """``answer`` as JSON text (remembered: a scale has few values)."""
    text = _ANSWER_TEXTS[answer] = _dumps(answer)
    return text


def competence_entry(score: CompetenceScore) -> dict[str, Any]:
    """A competence's entry among a batch JSON respondent's ``competences``, rounded as
    ``report`` rounds it."""
    return {
        "id": score.id,
        "level": _two(score.level),
        "gap": _two(score.gap),
        "surplus": _two(score.surplus),
        "priority": _two(score.priority),
        "answered": score.answered,
        "not_applicable": score.not_applicable,
        "status": "scored" if score.scored else "not enough answers",
    }


def _two(value: float | None) -> float | int | None:
    """Rounded as the person result rounds it (2 decimals), then as JSON writes it."""
    return rounded(None if value is None else float(round(value, 2)))


def _no_cells(_row: Sequence[str]) -> tuple[()]:
    return ()


_OUTCOME = attrgetter("outcome")


class RowDetails:
    """Each competence's :class:`CompetenceCells` of rows of one sheet and role, scored by
    ``scorer`` (``columns``: statement id to cell position, as the scorer has them)."""

    def __init__(
        self, scorer: RoleScorer, framework: Framework, role: Role, columns: dict[str, int]
    ) -> None:
        scale = framework.scale_for(role)
        self._scorer = scorer
        self._rules = [
            _CompetenceCells(
                partial(scorer.outcome, index), index, competence, role, scale, columns
            )
            for index, competence in enumerate(framework.role_competences(role))
        ]
        self._lookup = row_lookup(
            [rule.found for rule in self._rules], [rule.columns for rule in self._rules]
        )
        self._width = 1 + max(columns.values(), default=-1)

    def of(self, row: Sequence[str]) -> tuple[RowScore, tuple[CompetenceCells, ...]]:
        """The score and details of one row (missing cells count as empty).

        Raises:
            CellError: a cell is not a value of the scale, "n/a" or empty (then the row is
                scored by :meth:`RoleScorer.score_cells`, which names every such cell).
        """
        if len(row) < self._width:
            row = [*row, *[""] * (self._width - len(row))]
        try:
            details = self._lookup(row)
        except KeyError:  # a combination not met yet (or an unreadable cell)
            details = tuple([rule.cells(rule.key_of(row)) for rule in self._rules])
        return self._scorer.row_score(tuple(map(_OUTCOME, details))), details
