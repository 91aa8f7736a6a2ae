"""The person x competence table of a group report: each respondent's level per competence.

Only a group that is broken down (at least ``--min-group`` respondents) has one. A level
below its target is marked with ``▼`` and the words "below target" for screen readers,
never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from wimcheck.assessment.responses import shown_respondent
from wimcheck.assessment.result import PersonResult
from wimcheck.batch.group_model import GroupCompetence
from wimcheck.records import record
from wimcheck.reports.html_common import TEXT, _num
from wimcheck.reports.markdown_common import md

__all__ = ["BELOW_MARK", "LevelCell", "PeopleTable", "PersonLevels", "people_table"]

BELOW_MARK = "▼"


@record
class LevelCell:
    """One respondent's level of one competence, as shown; ``below`` when under target."""

    level: str
    below: bool


@record
class PersonLevels:
    """One row: a respondent and their level per competence, in the table's order."""

    respondent: str
    cells: tuple[LevelCell, ...]


@record
class PeopleTable:
    """Competence ids (with titles and targets) as columns, respondents as rows."""

    ids: tuple[str, ...]
    titles: tuple[str, ...]
    targets: tuple[str, ...]
    rows: tuple[PersonLevels, ...]
    explain: str
    below_words: str


def _cell(person: PersonResult, competence: GroupCompetence) -> LevelCell:
    """The level, and whether it has a gap (the same rule as the person's own report)."""
    found = next((c for c in person.competences if c.id == competence.id), None)
    if found is None or found.level is None:
        return LevelCell(TEXT["none"], below=False)
    return LevelCell(_num(found.level), below=(found.gap or 0) > 0)


def people_table(
    competences: Sequence[GroupCompetence],
    members: Sequence[PersonResult],
    scale: tuple[int, int],
) -> PeopleTable:
    """The table of ``members`` (a group that is shown) over the group's ``competences``."""
    return PeopleTable(
        ids=tuple(c.id for c in competences),
        titles=tuple(c.title or c.id for c in competences),
        targets=tuple(_num(c.target) for c in competences),
        rows=tuple(
            PersonLevels(shown_respondent(m.respondent), tuple(_cell(m, c) for c in competences))
            for m in members
        ),
        explain=TEXT["people-table.explain"].format(min=scale[0], max=scale[1]),
        below_words=TEXT["people-table.below"],
    )


def people_table_markdown(table: PeopleTable, respondent_heading: str) -> list[str]:
    """The table as GFM: the header names each competence by id and target."""
    header = [md(respondent_heading)]
    header += [
        f"{md(i)} ({md(target)})" for i, target in zip(table.ids, table.targets, strict=True)
    ]
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(["---", *("---:" for _ in table.ids)]) + " |",
    ]
    for row in table.rows:
        cells = [md(row.respondent)]
        cells += [f"**{md(c.level)} {BELOW_MARK}**" if c.below else md(c.level) for c in row.cells]
        lines.append("| " + " | ".join(cells) + " |")
    key = "; ".join(
        f"{md(i)}: {md(title)}" for i, title in zip(table.ids, table.titles, strict=True)
    )
    return [md(table.explain), "", *lines, "", key, ""]
