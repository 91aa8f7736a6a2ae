"""A compiled scorer for many rows of one role: the same numbers as :func:`scoring.score`.

Batch scoring of large sheets spends its time here. Everything that does not depend on
the answers (column positions, reverse keying, targets, the lookup table from cell text
to scored value of each column) is worked out once per role. A competence's result
depends only on the texts of its few cells, and real answers repeat a handful of
combinations, so each competence remembers the result of each combination of cell texts
it has seen: scoring a row is then one lookup per competence, not one per cell. Property
tests check it against :mod:`wimcheck.assessment.scoring`.

A cell that is not an answer (``3,0``, ``three``) is never remembered: the row it is in
is scored again cell by cell, counting it as not answered and naming it (or it is an
error, as the caller chooses). Only such rows leave the fast path.

The lookups of one row are made by one small function per role (:func:`row_lookup`),
written from the column numbers when the role's scorer is made, so that a row costs an
indexed read per cell and a dictionary lookup per competence, without a call per
competence. A combination not seen yet raises ``KeyError`` there, and the row is looked
up again competence by competence, which works out and remembers what was missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from wimcheck.frameworks.model import Framework, Role
from wimcheck.sheets.cells import normalise_cell

__all__ = ["NO_OUTCOME", "CellError", "Outcome", "RoleScorer", "RowScore", "row_lookup"]

_T = TypeVar("_T")

_NA = -1.0  # marker of a cell answered "n/a"
_MISSING = -2.0  # marker of an empty cell
_REMEMBERED = 4096  # combinations of cell texts remembered per competence (bounds memory)


class CellError(ValueError):
    """A cell that is neither a scale value, nor "n/a", nor empty."""

    def __init__(self, column: int, cell: str) -> None:
        super().__init__(cell)
        self.column = column
        self.cell = cell


@dataclass(frozen=True, slots=True, eq=False)
class Outcome:
    """One competence's level and gap for one respondent.

    Rows with the same cells for a competence share one object, so an outcome compares
    and hashes by identity: writers may remember its text keyed by the object itself.
    ``reached`` (the level, at most the target) and ``target`` are what the competence
    adds to the sums of readiness: both 0 when there is no level.
    """

    level: float | None
    gap: float | None
    reached: float = 0.0
    target: float = 0.0


NO_OUTCOME = Outcome(None, None)
"""The outcome of a competence with too few answers (also: a column a role does not use)."""


@dataclass(frozen=True, slots=True, init=False)
class RowScore:
    """One respondent's outcome per competence, in the order of ``RoleScorer.competence_ids``."""

    outcomes: tuple[Outcome, ...]
    readiness: float | None

    def __init__(
        self,
        levels: Sequence[float | None],
        gaps: Sequence[float | None],
        readiness: float | None,
    ) -> None:
        outcomes = tuple(Outcome(lv, gap) for lv, gap in zip(levels, gaps, strict=True))
        object.__setattr__(self, "outcomes", outcomes)
        object.__setattr__(self, "readiness", readiness)

    @classmethod
    def of(cls, outcomes: tuple[Outcome, ...], readiness: float | None) -> RowScore:
        """A row score from outcomes as they are (the fast scorer's own constructor)."""
        row = object.__new__(cls)
        object.__setattr__(row, "outcomes", outcomes)
        object.__setattr__(row, "readiness", readiness)
        return row

    @property
    def levels(self) -> tuple[float | None, ...]:
        """The level of each competence (None: not enough answers)."""
        return tuple(outcome.level for outcome in self.outcomes)

    @property
    def gaps(self) -> tuple[float | None, ...]:
        """The gap of each competence (None: not enough answers)."""
        return tuple(outcome.gap for outcome in self.outcomes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowScore):
            return NotImplemented
        return (self.levels, self.gaps, self.readiness) == (
            other.levels,
            other.gaps,
            other.readiness,
        )

    def __hash__(self) -> int:
        return hash((self.levels, self.gaps, self.readiness))


class _CompetenceRule:
    """One competence's outcome for each combination of its cell texts, computed when first seen.

    ``outcomes`` maps what ``key_of(row)`` returns (the competence's cells as a tuple, or
    the one cell's text) to the outcome. Statements without a column in the sheet count
    as empty cells.
    """

    def __init__(
        self,
        columns: tuple[int, ...],
        tables: tuple[dict[str, float], ...],
        statements: int,
        target: float,
    ) -> None:
        self.columns = columns
        self.tables = tables
        self.statements = statements
        self.target = target
        self.key_of: Callable[[Sequence[str]], Any] = itemgetter(*columns) if columns else _no_cells
        self.outcomes: dict[Any, Outcome] = {}
        self._shared: dict[float, Outcome] = {}

    def outcome(self, key: Any) -> Outcome:
        """The outcome of these cells, worked out and remembered when not known yet.

        Raises:
            CellError: a cell is not a value of the scale, "n/a" or empty.
        """
        outcome = self.outcomes.get(key)
        if outcome is None:
            level = self._level((key,) if len(self.columns) == 1 else key)
            outcome = NO_OUTCOME if level is None else self._shared_outcome(level)
            if len(self.outcomes) < _REMEMBERED:
                self.outcomes[key] = outcome
        return outcome

    def _shared_outcome(self, level: float) -> Outcome:
        """The one outcome of this level (gap, readiness share), made when first needed."""
        outcome = self._shared.get(level)
        if outcome is None:
            gap = self.target - level if level < self.target else 0.0
            outcome = Outcome(level, gap, min(level, self.target), self.target)
            self._shared[level] = outcome
        return outcome

    def outcome_counting(self, key: Any, unreadable: list[CellError]) -> Outcome:
        """The outcome of these cells, an unreadable one counted as not answered and added
        to ``unreadable`` (not remembered: each row's unreadable cells are named)."""
        level = self._level((key,) if len(self.columns) == 1 else key, unreadable)
        return NO_OUTCOME if level is None else self._shared_outcome(level)

    def _level(
        self, cells: Sequence[str], unreadable: list[CellError] | None = None
    ) -> float | None:
        """The level of these cells, None without enough answers (the rules of ``scoring.score``).

        Raises:
            CellError: a cell is not a value of the scale, "n/a" or empty, and there is no
                ``unreadable`` list to add it to (then it counts as not answered).
        """
        answered = 0
        total = 0.0
        not_applicable = 0
        for raw, table, column in zip(cells, self.tables, self.columns, strict=True):
            value = table.get(raw)
            if value is None:
                value = table.get(normalise_cell(raw))
                if value is None:
                    if unreadable is None:
                        raise CellError(column, raw)
                    unreadable.append(CellError(column, raw))
                    value = _MISSING
            if value >= 0.0:
                answered += 1
                total += value
            elif value == _NA:
                not_applicable += 1
        if answered == 0 or 2 * answered < self.statements - not_applicable:
            return None
        return total / answered


def _no_cells(_row: Sequence[str]) -> tuple[()]:
    """The key of a competence none of whose statements has a column."""
    return ()


def _value_tables(framework: Framework, role: Role) -> tuple[dict[str, float], dict[str, float]]:
    """Cell text to scored value, for statements keyed forward and reversed."""
    scale = framework.scale_for(role)
    flip = scale.min + scale.max
    forward: dict[str, float] = {"": _MISSING, "n/a": _NA}
    backward: dict[str, float] = {"": _MISSING, "n/a": _NA}
    for value in scale.values:
        forward[str(value.value)] = float(value.value)
        backward[str(value.value)] = float(flip - value.value)
    return forward, backward


class RoleScorer:
    """Scores rows of cells for one role; ``columns`` maps statement id to cell position."""

    def __init__(self, framework: Framework, role: Role, columns: dict[str, int]) -> None:
        forward, backward = _value_tables(framework, role)
        self.competence_ids: list[str] = []
        self.targets: list[float] = []
        self._rules: list[_CompetenceRule] = []
        for competence in framework.role_competences(role):
            present = [s for s in competence.statements if s.id in columns]
            target = role.targets[competence.id].level
            self.competence_ids.append(competence.id)
            self.targets.append(target)
            self._rules.append(
                _CompetenceRule(
                    tuple(columns[s.id] for s in present),
                    tuple(backward if s.reverse else forward for s in present),
                    len(competence.statements),
                    target,
                )
            )
        self._lookup = row_lookup(
            [rule.outcomes for rule in self._rules], [rule.columns for rule in self._rules]
        )
        self._width = 1 + max((c for rule in self._rules for c in rule.columns), default=-1)
        self._every_target = sum(self.targets)

    def score_cells(
        self, row: Sequence[str], unreadable: list[CellError] | None = None
    ) -> RowScore:
        """Score one row of cells (text as read from a sheet); missing cells count as empty.

        A cell that is not a value of the scale, "n/a" or empty is added to
        ``unreadable`` and counts as not answered; without that list it is an error.

        Raises:
            CellError: a cell is not a value of the scale, "n/a" or empty (the first
                such cell in questionnaire order), and no ``unreadable`` list was given.
        """
        if len(row) < self._width:
            row = [*row, *[""] * (self._width - len(row))]
        try:
            outcomes = self._lookup(row)
        except KeyError:  # a combination not met yet (or an unreadable cell)
            try:
                outcomes = tuple([rule.outcome(rule.key_of(row)) for rule in self._rules])
            except CellError:
                if unreadable is None:
                    raise
                outcomes = tuple(
                    [rule.outcome_counting(rule.key_of(row), unreadable) for rule in self._rules]
                )
        return _row_score(outcomes, self._every_target)

    def outcome(self, index: int, key: Any) -> Outcome:
        """The outcome of the ``index``-th competence for ``key``, the texts of its cells
        (one text, or a tuple when it has several columns).

        Raises:
            CellError: a cell is not a value of the scale, "n/a" or empty.
        """
        return self._rules[index].outcome(key)

    def row_score(self, outcomes: tuple[Outcome, ...]) -> RowScore:
        """The row score of these outcomes (one per competence, in order)."""
        return _row_score(outcomes, self._every_target)


_TARGET = attrgetter("target")
_REACHED = attrgetter("reached")


def _row_score(outcomes: tuple[Outcome, ...], every_target: float | None = None) -> RowScore:
    """The row's score: its outcomes and the readiness they add up to.

    ``every_target`` is the sum of the targets of all the outcomes' competences (as
    ``sum()`` adds them in order): the sum of targets when every competence has a level.
    """
    # sum() (not a loop of +=): Python 3.12 sums floats more exactly, and the reference
    # scorer uses sum() too; sum() of a map adds the same values in the same order as
    # sum() of a list, without a list
    if every_target is not None and NO_OUTCOME not in outcomes:
        total_target = every_target  # every outcome has its competence's target
    else:
        total_target = sum(map(_TARGET, outcomes))
    if total_target > 0:
        readiness: float | None = 100.0 * sum(map(_REACHED, outcomes)) / total_target
    elif any(outcome.level is not None for outcome in outcomes):
        readiness = 100.0
    else:
        readiness = None
    return RowScore.of(outcomes, readiness)


def row_lookup(
    tables: Sequence[dict[Any, _T]], columns: Sequence[tuple[int, ...]]
) -> Callable[[Sequence[Any]], tuple[_T, ...]]:
    """A function that looks each table up with the cells of its columns in a row (a
    sheet row's texts, or any sequence).

    For tables ``t0`` on columns 3 and 4 and ``t1`` on column 7 it is
    ``lambda row: (t0[row[3], row[4]], t1[row[7]])``: a key is the tuple of the cells,
    the cell's text for one column, ``()`` for none (what :func:`operator.itemgetter`
    gives). The function is written from the column numbers alone (integers, never text
    from a file) and compiled once; a key not in its table raises ``KeyError``.
    """
    if len(tables) != len(columns):
        raise ValueError("one tuple of columns per table")
    lookups = []
    for number, table_columns in enumerate(columns):
        key = ", ".join(f"row[{int(column)}]" for column in table_columns) or "()"
        lookups.append(f"t{number}[{key}]")
    defaults = "".join(f", t{number}=t{number}" for number in range(len(tables)))
    code = (
        f"def lookup(row{defaults}):\n    return ({', '.join(lookups)}{',' if lookups else ''})\n"
    )
    namespace: dict[str, Any] = {f"t{number}": table for number, table in enumerate(tables)}
    exec(compile(code, "<row lookup>", "exec"), namespace)
    lookup: Callable[[Sequence[Any]], tuple[_T, ...]] = namespace["lookup"]
    return lookup
