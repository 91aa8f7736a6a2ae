"""A survey export read as a wimcheck sheet: one respondent per row, one column per
statement, every answer a scale value, ``n/a`` or empty.

:func:`read_survey` infers (or takes from a mapping file and the options) the tool, the
header rows, the framework, the role, the respondent column and each statement column,
leaves out the rows that are not answers, and reads every answer. Whatever cannot be read
safely is a problem, and an export with a problem is never scored: the problems say what
a mapping file must add. :class:`SurveyReading` keeps everything found, for scoring and
for ``wimcheck mapping show``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import quoted, t
from wimcheck.records import record
from wimcheck.sheets.reader import Sheet
from wimcheck.sheets.surveys.answers import AnswerReader
from wimcheck.sheets.surveys.columns import ColumnMatch, Heading, StatementIndex
from wimcheck.sheets.surveys.form_role import Chosen, FormRole, form_role
from wimcheck.sheets.surveys.inference import best_framework, respondent_column, role_of
from wimcheck.sheets.surveys.mapping_file import SurveyMapping
from wimcheck.sheets.surveys.normal import normal_text
from wimcheck.sheets.surveys.rows import Rows, drop_rules, unmatched, unsafe_answers
from wimcheck.sheets.surveys.tool import SurveyTool
from wimcheck.sheets.surveys.tools import ALL_METADATA, detect_tool, tool_by_id
from wimcheck.sheets.template_info import TemplateInfo

__all__ = ["SurveyOptions", "SurveyReading", "read_survey"]


@record
class SurveyOptions:
    """What the command line and the catalogue tell: the frameworks to choose from (or the
    one forced), ``--role``, ``--respondent-column`` and the mapping file."""

    frameworks: Sequence[Framework]
    forced: Framework | None = None
    role_id: str | None = None
    respondent_column: str | None = None
    mapping: SurveyMapping = field(default_factory=SurveyMapping)
    framework_by_id: Callable[[str], Framework | None] = lambda _id: None


@dataclass
class SurveyReading:
    """An export as far as it was read, and every problem (none: it can be scored)."""

    tool: SurveyTool
    header_rows: int
    headings: tuple[Heading, ...]
    rows: Rows
    framework: Framework | None = None
    role: Role | None = None
    respondent: Heading | None = None
    statements: tuple[ColumnMatch, ...] = ()
    reader: AnswerReader | None = None
    seen: dict[str, str | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def sheet(self, original: Sheet) -> Sheet:
        """The export as a wimcheck sheet (only when there is no problem)."""
        assert self.framework is not None and self.role is not None
        assert self.respondent is not None and not self.problems
        header = ["respondent", *(match.statement_id for match in self.statements)]
        rows = [(number, self._cells(cells)) for number, cells in self.rows.kept(self.headings)]
        info = TemplateInfo(self.framework.id, self.role.id, self.framework.version)
        return Sheet(
            original.path, header, iter(rows), original.encoding, original.delimiter, info=info
        )

    def _cells(self, cells: list[str]) -> list[str]:
        """A row's respondent and its answers as sheet cells."""
        assert self.respondent is not None and self.reader is not None
        out = [_cell(cells, self.respondent.index).strip()]
        for match in self.statements:
            answer = self.reader.read(_cell(cells, match.index).strip(), match.by)
            out.append("" if answer is None else answer)
        return out


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _headings(header: list[str], more: Sequence[Sequence[str]]) -> tuple[Heading, ...]:
    rows = [header, *more]
    width = max(len(row) for row in rows)
    return tuple(
        Heading(index, tuple(_cell(row, index).strip() for row in rows)) for index in range(width)
    )


def _start(sheet: Sheet, mapping: SurveyMapping) -> SurveyReading:
    """The tool, the header rows and the data rows of an export."""
    tool = tool_by_id(mapping.tool) if mapping.tool else detect_tool(sheet.header)
    rows = list(sheet.rows)
    firsts = [cells for _, cells in rows[:2]]
    extra = mapping.header_rows - 1 if mapping.header_rows else tool.extra_header_rows(firsts)
    headings = _headings(sheet.header, [cells for _, cells in rows[:extra]])
    data = Rows(rows[extra:], drops=drop_rules(tool, mapping))
    return SurveyReading(tool, extra + 1, headings, data)


def _is_metadata(heading: Heading, tool: SurveyTool) -> bool:
    return any(normal_text(text) in ALL_METADATA | tool.metadata for text in heading.texts if text)


def _ignored(heading: Heading, mapping: SurveyMapping) -> bool:
    return any(text in mapping.ignore for text in heading.texts)


def _mapped_columns(reading: SurveyReading, mapping: SurveyMapping) -> dict[int, str]:
    """Column position → statement id, as the mapping file's ``[columns]`` says."""
    mapped: dict[int, str] = {}
    for name, statement_id in mapping.columns.items():
        heading = next((h for h in reading.headings if name in h.texts), None)
        if heading is None:
            reading.problems.append(t("mapping.unknown-column", name=quoted(name)))
        else:
            mapped[heading.index] = statement_id
    return mapped


def _statements(reading: SurveyReading, framework: Framework, mapping: SurveyMapping) -> None:
    """Each statement column: from ``[columns]``, else by id or text; a statement twice is a
    problem."""
    mapped = _mapped_columns(reading, mapping)
    index = StatementIndex.of(framework)
    found: list[ColumnMatch] = []
    first: dict[str, int] = {}
    for heading in reading.headings:
        if heading.index in mapped:
            match: ColumnMatch | None = ColumnMatch(heading.index, mapped[heading.index], "mapping")
            if mapped[heading.index] not in framework.statements:
                reading.problems.append(
                    t(
                        "mapping.unknown-statement",
                        name=quoted(heading.name),
                        id=quoted(mapped[heading.index]),
                        framework=framework.id,
                    )
                )
                continue
        elif _ignored(heading, mapping) or _is_metadata(heading, reading.tool):
            continue
        else:
            match = index.match(heading)
        if match is None:
            continue
        if match.statement_id in first:
            reading.problems.append(
                t(
                    "survey.repeated-statement",
                    first=first[match.statement_id] + 1,
                    column=heading.index + 1,
                    id=match.statement_id,
                )
            )
            continue
        first[match.statement_id] = heading.index
        found.append(match)
    reading.statements = tuple(found)


def _framework(
    reading: SurveyReading, options: SurveyOptions, recorded: FormRole | None
) -> Framework | None:
    """The framework forced, named by the mapping file, recorded by wimcheck's XLSForm, or
    naming the most columns."""
    if options.forced is not None:
        return options.forced
    named = options.mapping.framework
    if named is not None:
        framework = options.framework_by_id(named)
        if framework is None:
            reading.problems.append(t("batch.unknown-framework", id=quoted(named)))
        return framework
    if recorded is not None:
        return recorded.framework
    candidates = [h for h in reading.headings if not _is_metadata(h, reading.tool)]
    found = best_framework(options.frameworks, candidates)
    if found.problem:
        reading.problems.append(found.problem)
    return found.value


def _recorded(reading: SurveyReading, options: SurveyOptions) -> FormRole | None:
    """The framework and role the export's ``wimcheck_role`` column records, if it has
    one that the options leave to decide (a problem when it cannot be used)."""
    chosen = Chosen(
        forced=options.forced,
        framework_id=options.forced.id if options.forced else options.mapping.framework,
        role_id=options.role_id or options.mapping.role,
        framework_by_id=options.framework_by_id,
    )
    found = form_role(reading.headings, reading.rows.kept(reading.headings), chosen)
    if found.problem:
        reading.problems.append(found.problem)
    return found.value


def read_survey(sheet: Sheet, options: SurveyOptions) -> SurveyReading:
    """Read a survey export; its ``problems`` say what could not be read safely."""
    mapping = options.mapping
    reading = _start(sheet, mapping)
    recorded = _recorded(reading, options)
    if reading.problems:
        return reading
    framework = _framework(reading, options, recorded)
    if framework is None:
        return reading
    reading.framework = framework
    _statements(reading, framework, mapping)
    if not reading.statements:
        if not reading.problems:
            reading.problems.append(t("survey.no-framework"))
        return reading
    role_id = options.role_id or mapping.role
    if role_id is None and recorded is not None and recorded.role is not None:
        role_id = recorded.role.id
    found_role = role_of(framework, reading.statements, role_id)
    if found_role.value is None:
        reading.problems.append(found_role.problem or "")
        return reading
    reading.role = found_role.value
    metadata = ALL_METADATA | reading.tool.metadata
    named = options.respondent_column or mapping.respondent
    found = respondent_column(reading.headings, named, metadata, kept_filled(reading))
    if found.problem:
        reading.problems.append(found.problem)
    reading.respondent = found.value
    reader = reading.reader = AnswerReader.of(framework, reading.role, mapping.answers)
    reading.problems += unsafe_answers(reading, reader)
    reading.problems += unmatched(reading, reader, mapping, metadata)
    return reading


def kept_filled(reading: SurveyReading) -> set[int]:
    """The columns with something in at least one row that is kept."""
    return {
        index
        for _, cells in reading.rows.kept(reading.headings)
        for index, cell in enumerate(cells)
        if cell.strip()
    }
