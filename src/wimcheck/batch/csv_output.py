"""Batch results as CSV: one row per respondent written as it is scored, and the group
CSV of ``--cohort``; every cell a spreadsheet could run as a formula is neutralised.
(Batch JSON is :mod:`wimcheck.batch.group_json`.)"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import IO

from wimcheck.batch.fastscore import NO_OUTCOME, Outcome
from wimcheck.batch.group_model import CohortGroup
from wimcheck.batch.inputs import Scored
from wimcheck.frameworks.model import Framework
from wimcheck.numbers import shown
from wimcheck.sheets.cells import safe_cell

__all__ = ["GROUP_COLUMNS", "CsvResultWriter", "write_group_csv"]


_FORMATTED_LIMIT = 65_536  # distinct numbers remembered; levels take few distinct values
_OUTCOMES_LIMIT = 4096  # outcomes remembered; the fast scorer shares a few hundred


def _level_text(value: float) -> str:
    return shown(value, 2, missing="")


def _readiness_text(value: float) -> str:
    return f"{round(value, 1):g}"


class _Texts(dict[float | None, str]):
    """Numbers as CSV text, each distinct value formatted once (levels repeat a lot).

    Looked up with ``texts[value]``; a value not seen yet is formatted by ``__missing__``.
    """

    def __init__(self, text_of: Callable[[float], str]) -> None:
        super().__init__({None: ""})
        self._text_of = text_of

    def __missing__(self, value: float) -> str:
        text = self._text_of(value)
        if len(self) > _FORMATTED_LIMIT:
            self.clear()
            self[None] = ""
        self[value] = text
        return text


class _OutcomeTexts(dict[Outcome, str]):
    """An outcome as its two CSV cells, level and gap, formatted once per shared outcome."""

    def __init__(self) -> None:
        super().__init__()
        self._numbers = _Texts(_level_text)

    def __missing__(self, outcome: Outcome) -> str:
        text = f"{self._numbers[outcome.level]},{self._numbers[outcome.gap]}"
        if len(self) > _OUTCOMES_LIMIT:
            self.clear()
        self[outcome] = text
        return text


class _Layout:
    """Where one framework and role's outcomes go among the output's competence columns."""

    def __init__(self, positions: list[int], width: int, ids: str) -> None:
        self.ids = ids  # framework and role as CSV text
        # output column -> index in the role's competences; len(positions) means none
        # (it picks the empty outcome added at the end)
        indices = [len(positions)] * width
        for index, position in enumerate(positions):
            if position >= 0:
                indices[position] = index
        self._in_order = positions == list(range(width))
        self._getter = itemgetter(*indices) if width > 1 else None
        self._indices = indices

    def pick(self, outcomes: tuple[Outcome, ...]) -> Sequence[Outcome]:
        """``outcomes`` (in the role's competence order) in the order of the output columns."""
        if self._in_order:
            return outcomes
        padded = (*outcomes, NO_OUTCOME)
        if self._getter is not None:
            picked: tuple[Outcome, ...] = self._getter(padded)
            return picked
        return [padded[index] for index in self._indices]


def _csv_text(cells: list[str]) -> str:
    """Cells as one CSV line without its end, quoted exactly as :mod:`csv` quotes them."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()[:-1]


def _plain(text: str) -> bool:
    """Whether ``text`` is written to CSV as it is (no quotes needed)."""
    return text.isprintable() and "," not in text and '"' not in text


class CsvResultWriter:
    """One row per respondent: respondent, framework, role, readiness, level and gap per competence.

    Rows are joined here rather than by :mod:`csv` (which takes most of the time of a
    large batch): numbers and ids never need quotes, and a respondent that does is
    quoted by :mod:`csv` itself, so the file is the same byte for byte.
    """

    def __init__(self, handle: IO[str], frameworks: Iterable[Framework]) -> None:
        self._handle = handle
        self._columns: list[str] = []
        for framework in frameworks:
            for competence_id in framework.competences:
                if competence_id not in self._columns:
                    self._columns.append(competence_id)
        self._index = {cid: i for i, cid in enumerate(self._columns)}
        header = ["respondent", "framework", "role", "readiness"]
        for cid in self._columns:
            header += [f"{cid} level", f"{cid} gap"]
        handle.write(_csv_text([safe_cell(h) for h in header]) + "\n")
        self._width = len(self._columns)
        self._layouts: dict[tuple[str, str], _Layout] = {}
        self._outcomes = _OutcomeTexts()
        self._readiness = _Texts(_readiness_text)

    def _layout(self, scored: Scored) -> _Layout:
        key = (scored.framework.id, scored.role.id)
        layout = self._layouts.get(key)
        if layout is None:
            competences = scored.framework.role_competences(scored.role)
            positions = [self._index.get(c.id, -1) for c in competences]
            layout = self._layouts[key] = _Layout(positions, self._width, _csv_text(list(key)))
        return layout

    def write(self, scored: Scored) -> None:
        """Write one respondent's row."""
        layout = self._layout(scored)
        result = scored.row
        respondent = safe_cell(scored.respondent)
        if not _plain(respondent):
            respondent = _csv_text([respondent])
        readiness = self._readiness[result.readiness]
        cells = map(self._outcomes.__getitem__, layout.pick(result.outcomes))
        self._handle.write(",".join([respondent, layout.ids, readiness, *cells]) + "\n")


GROUP_COLUMNS = (
    "framework",
    "role",
    "respondents",
    "readiness_mean",
    "competence",
    "title",
    "area",
    "target",
    "weight",
    "scored",
    "mean",
    "min",
    "median",
    "max",
    "below_target",
    "mean_gap",
)


def _number(value: float | None, digits: int = 2) -> str:
    return shown(value, digits, missing="")


def _group_rows(group: CohortGroup) -> Iterator[list[str]]:
    """One group's rows; none for a group too small to be broken down."""
    profile = group.profile
    if profile is None:
        return
    heading = group.heading
    for competence in profile.competences:
        yield [
            heading.framework,
            heading.role,
            str(group.respondents),
            _number(profile.readiness_mean, 1),
            competence.id,
            str(safe_cell(competence.title)),
            competence.area,
            _number(competence.target),
            _number(competence.weight),
            str(competence.scored),
            _number(competence.mean),
            _number(competence.min),
            _number(competence.median),
            _number(competence.max),
            _number(competence.below_target, 3),
            _number(competence.mean_gap),
        ]


def write_group_csv(handle: IO[str], groups: Iterable[CohortGroup]) -> None:
    """Group profiles as CSV: a header, then one row per competence of each shown group."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(GROUP_COLUMNS)
    for group in groups:
        writer.writerows(_group_rows(group))
