"""Writing batch results: CSV rows with spreadsheet formulas neutralised, and JSON."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO

from wimcheck.batch.group_model import CohortGroup
from wimcheck.batch.inputs import Scored
from wimcheck.frameworks.model import Framework
from wimcheck.numbers import shown
from wimcheck.sheets.cells import safe_cell

__all__ = ["GROUP_COLUMNS", "CsvResultWriter", "write_group_csv"]


_FORMATTED_LIMIT = 65_536  # distinct numbers remembered; levels take few distinct values


class _Formatter:
    """Numbers as CSV text, each distinct value formatted once (levels repeat a lot)."""

    def __init__(self) -> None:
        self._known: dict[float | None, str] = {None: ""}

    def __call__(self, value: float | None) -> str:
        text = self._known.get(value)
        if text is None:
            if len(self._known) > _FORMATTED_LIMIT:
                self._known = {None: ""}
            text = self._known[value] = shown(value, 2, missing="")
        return text


class CsvResultWriter:
    """One row per respondent: respondent, framework, role, readiness, level and gap per competence."""

    def __init__(self, handle: IO[str], frameworks: Iterable[Framework]) -> None:
        self._writer = csv.writer(handle, lineterminator="\n")
        self._columns: list[str] = []
        for framework in frameworks:
            for competence_id in framework.competences:
                if competence_id not in self._columns:
                    self._columns.append(competence_id)
        self._index = {cid: i for i, cid in enumerate(self._columns)}
        header = ["respondent", "framework", "role", "readiness"]
        for cid in self._columns:
            header += [f"{cid} level", f"{cid} gap"]
        self._writer.writerow([safe_cell(h) for h in header])
        self._width = len(self._columns)
        self._positions: dict[tuple[str, str], list[int]] = {}
        self._fmt = _Formatter()

    def write(self, scored: Scored) -> None:
        """Write one respondent's row."""
        key = (scored.framework.id, scored.role.id)
        positions = self._positions.get(key)
        if positions is None:
            competences = scored.framework.role_competences(scored.role)
            positions = self._positions[key] = [self._index.get(c.id, -1) for c in competences]
        cells = [""] * (2 * self._width)
        for position, level, gap in zip(positions, scored.row.levels, scored.row.gaps, strict=True):
            if position >= 0:
                cells[2 * position] = self._fmt(level)
                cells[2 * position + 1] = self._fmt(gap)
        readiness = "" if scored.row.readiness is None else f"{round(scored.row.readiness, 1):g}"
        self._writer.writerow(
            [safe_cell(scored.respondent), scored.framework.id, scored.role.id, readiness, *cells]
        )


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
