"""The data rows of a survey export: which are left out, and which answers cannot be read.

A row is left out when a drop rule (the tool's own: previews, unfinished responses; and
the mapping file's ``[[drop]]``) matches it. Every answer in a statement column of the
other rows must read safely (:class:`~wimcheck.sheets.surveys.answers.AnswerReader`), and
a column no statement matched must not hold answers: either would be scored wrongly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wimcheck.messages import quoted, t, tn
from wimcheck.sheets.surveys.answers import AnswerReader, looks_like_an_answer
from wimcheck.sheets.surveys.columns import Heading
from wimcheck.sheets.surveys.mapping_file import SurveyMapping
from wimcheck.sheets.surveys.normal import bracketed, cut_text, normal_text
from wimcheck.sheets.surveys.tool import DropRule, SurveyTool

if TYPE_CHECKING:
    from wimcheck.sheets.surveys.reading import SurveyReading

__all__ = ["Rows", "drop_rules", "unmatched", "unsafe_answers"]

_EXAMPLES = 3  # unreadable answers named in a message at most
_COLUMN_SHOWN = 40  # characters of a column's heading shown in such a message


@dataclass
class Rows:
    """The data rows (number, cells) and the rules that leave rows out."""

    rows: list[tuple[int, list[str]]]
    drops: Sequence[DropRule] = ()
    _kept: list[tuple[int, list[str]]] | None = field(default=None, repr=False)

    def kept(self, headings: Sequence[Heading]) -> list[tuple[int, list[str]]]:
        """The rows no drop rule matches (worked out once, when the rules are known)."""
        if self._kept is None:
            self._kept = list(self._not_dropped(headings))
        return self._kept

    def _not_dropped(self, headings: Sequence[Heading]) -> Iterator[tuple[int, list[str]]]:
        checks = [
            (heading.index, rule)
            for rule in self.drops
            for heading in headings
            if any(normal_text(text) in rule.columns for text in heading.texts if text)
        ]
        for number, cells in self.rows:
            if not any(
                normal_text(cells[index] if index < len(cells) else "") in rule.values
                for index, rule in checks
            ):
                yield number, cells


def drop_rules(tool: SurveyTool, mapping: SurveyMapping) -> tuple[DropRule, ...]:
    """The tool's own drop rules and the mapping file's."""
    return tool.drop + tuple(DropRule.of([column], values) for column, values in mapping.drop)


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def unsafe_answers(reading: SurveyReading, reader: AnswerReader) -> list[str]:
    """The problem of answers that cannot be read safely (none, or one naming some);
    ``reading.seen`` gets every distinct answer and what it reads as."""
    unsafe: dict[str, str] = {}  # answer → heading of the first column holding it
    numbers = False
    for _, cells in reading.rows.kept(reading.headings):
        for match in reading.statements:
            cell = _cell(cells, match.index)
            value = reader.read(cell, match.by)
            if cell not in reading.seen or value is None:
                reading.seen[cell] = value
            if value is None and cell not in unsafe:
                unsafe[cell] = reading.headings[match.index].name
                numbers = numbers or cell.lstrip("-").isdigit()
    if not unsafe:
        return []
    examples = ", ".join(
        t("survey.answer-in", answer=quoted(answer), column=quoted(column, _COLUMN_SHOWN))
        for answer, column in list(unsafe.items())[:_EXAMPLES]
    )
    assert reading.role is not None and reading.framework is not None
    scale = reading.framework.scale_for(reading.role)
    allowed = ", ".join(str(v.value) for v in scale.values)
    note = t("survey.numbers-by-id") if numbers else ""
    return [
        tn(
            "survey.unsafe-answers",
            len(unsafe),
            examples=examples,
            numbers=note,
            allowed=allowed,
        )
    ]


def unmatched(
    reading: SurveyReading, reader: AnswerReader, mapping: SurveyMapping, metadata: frozenset[str]
) -> list[str]:
    """A problem for each column that names no statement but holds answers of the scale."""
    used = {match.index for match in reading.statements}
    if reading.respondent is not None:
        used.add(reading.respondent.index)
    problems = []
    for heading in reading.headings:
        if heading.index in used or any(text in mapping.ignore for text in heading.texts):
            continue
        if any(normal_text(text) in metadata for text in heading.texts if text):
            continue
        cells = [_cell(cells, heading.index) for _, cells in reading.rows.kept(reading.headings)]
        filled = [cell for cell in cells if cell]
        if filled and all(looks_like_an_answer(reader, cell) for cell in filled):
            key = "survey.cut-column" if _is_cut(heading) else "survey.unmatched-column"
            problems.append(t(key, column=heading.index + 1, name=quoted(heading.name)))
    return problems


def _is_cut(heading: Heading) -> bool:
    """Whether the heading was cut short (LimeSurvey's abbreviated headings)."""
    return any(cut_text(bracketed(text) or text) for text in heading.texts if text)
