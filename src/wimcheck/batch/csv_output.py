"""Writing batch results: CSV rows with spreadsheet formulas neutralised, and JSON."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any

from wimcheck.batch.inputs import Scored
from wimcheck.frameworks.model import Framework
from wimcheck.numbers import shown
from wimcheck.sheets.cells import safe_cell

__all__ = ["GROUP_COLUMNS", "CsvResultWriter", "GroupCsvRow", "group_csv_rows", "write_group_csv"]


def _fmt(value: float | None) -> str:
    return shown(value, 2, missing="")


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
                cells[2 * position] = _fmt(level)
                cells[2 * position + 1] = _fmt(gap)
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


@dataclass(frozen=True)
class GroupCsvRow:
    """One competence of one group profile (framework and role), as a CSV row."""

    framework: str
    role: str
    respondents: int
    readiness_mean: float | None
    competence: str
    title: str
    area: str
    target: float
    weight: float
    scored: int
    mean: float | None
    min: float | None
    median: float | None
    max: float | None
    below_target: float | None
    mean_gap: float | None

    def cells(self) -> list[str]:
        """The row's cells: text made safe for spreadsheets, numbers as in the JSON."""
        return [
            self.framework,
            self.role,
            str(self.respondents),
            shown(self.readiness_mean, 1, missing=""),
            self.competence,
            str(safe_cell(self.title)),
            self.area,
            _fmt(self.target),
            _fmt(self.weight),
            str(self.scored),
            _fmt(self.mean),
            _fmt(self.min),
            _fmt(self.median),
            _fmt(self.max),
            shown(self.below_target, 3, missing=""),
            _fmt(self.mean_gap),
        ]


def group_csv_rows(group: Mapping[str, Any]) -> list[GroupCsvRow]:
    """The rows of one group profile as :class:`~wimcheck.batch.cohort.CohortBuilder` builds
    it; none for a group too small to be broken down."""
    if not group["shown"]:
        return []
    return [
        GroupCsvRow(
            group["framework"],
            group["role"],
            group["respondents"],
            group["readiness_mean"],
            row["id"],
            row["title"],
            row["area"],
            row["target"],
            row["weight"],
            row["scored"],
            row["mean"],
            row["min"],
            row["median"],
            row["max"],
            row["below_target"],
            row["mean_gap"],
        )
        for row in group["competences"]
    ]


def write_group_csv(handle: IO[str], rows: Iterable[GroupCsvRow]) -> None:
    """Group profiles as CSV: a header, then one row per competence of each group."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(GROUP_COLUMNS)
    for row in rows:
        writer.writerow(row.cells())
