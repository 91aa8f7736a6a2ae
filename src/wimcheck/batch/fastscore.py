"""A compiled scorer for many rows of one role: the same numbers as :func:`scoring.score`.

Batch scoring of large sheets spends its time here, so the per-row work is reduced to
one dictionary lookup and an addition per cell; everything that does not depend on the
answers (column positions, reverse keying, targets) is worked out once per role. A
property test checks it against :mod:`wimcheck.assessment.scoring`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wimcheck.frameworks.model import Framework, Role
from wimcheck.sheets.cells import normalise_cell

__all__ = ["CellError", "RoleScorer", "RowScore"]

_NA = -1.0  # marker of a cell answered "n/a"
_MISSING = -2.0  # marker of an empty cell


class CellError(ValueError):
    """A cell that is neither a scale value, nor "n/a", nor empty."""

    def __init__(self, column: int, cell: str) -> None:
        super().__init__(cell)
        self.column = column
        self.cell = cell


@dataclass(frozen=True)
class RowScore:
    """Levels and gaps of one respondent, in the order of ``RoleScorer.competence_ids``."""

    levels: tuple[float | None, ...]
    gaps: tuple[float | None, ...]
    readiness: float | None


class RoleScorer:
    """Scores rows of cells for one role; ``columns`` maps statement id to cell position."""

    def __init__(self, framework: Framework, role: Role, columns: dict[str, int]) -> None:
        scale = framework.scale_for(role)
        flip = scale.min + scale.max
        forward: dict[str, float] = {"": _MISSING, "n/a": _NA}
        backward: dict[str, float] = {"": _MISSING, "n/a": _NA}
        for value in scale.values:
            forward[str(value.value)] = float(value.value)
            backward[str(value.value)] = float(flip - value.value)
        self._tables = (forward, backward)
        self.competence_ids: list[str] = []
        self.targets: list[float] = []
        self._plan: list[tuple[tuple[tuple[int, dict[str, float]], ...], float]] = []
        for competence in framework.role_competences(role):
            cells = tuple(
                (columns[s.id], backward if s.reverse else forward)
                for s in competence.statements
                if s.id in columns
            )
            missing = len(competence.statements) - len(cells)
            target = role.targets[competence.id].level
            self.competence_ids.append(competence.id)
            self.targets.append(target)
            self._plan.append((cells + ((-1, forward),) * missing, target))

    def score_cells(
        self, row: Sequence[str], unreadable: list[CellError] | None = None
    ) -> RowScore:
        """Score one row of cells (text as read from a sheet).

        A cell that is not a value of the scale, "n/a" or empty is added to
        ``unreadable`` and counts as not answered; without that list it is an error.

        Raises:
            CellError: a cell is unreadable and no ``unreadable`` list was given.
        """
        levels: list[float | None] = []
        gaps: list[float | None] = []
        reached = 0.0
        total_target = 0.0
        width = len(row)
        for cells, target in self._plan:
            answered = 0
            total = 0.0
            not_applicable = 0
            for column, table in cells:
                raw = row[column] if 0 <= column < width else ""
                value = table.get(raw)
                if value is None:  # only cells the table does not know come here
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
            if answered == 0 or 2 * answered < len(cells) - not_applicable:
                levels.append(None)
                gaps.append(None)
                continue
            level = total / answered
            levels.append(level)
            if level < target:
                gaps.append(target - level)
                reached += level
            else:
                gaps.append(0.0)
                reached += target
            total_target += target
        return RowScore(tuple(levels), tuple(gaps), _readiness(reached, total_target, levels))


def _readiness(reached: float, total_target: float, levels: list[float | None]) -> float | None:
    """Percent of the targets reached; 100 when nothing has a target, None when nothing scored."""
    if total_target > 0:
        return 100.0 * reached / total_target
    if any(level is not None for level in levels):
        return 100.0
    return None
