"""Response sheets in a batch: the framework of a header, its columns, and each row scored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wimcheck.assessment.responses import ResponseSet
from wimcheck.assessment.scoring import Answer
from wimcheck.batch.fastscore import CellError, RoleScorer, RowScore
from wimcheck.batch.issues import BatchIssue
from wimcheck.batch.row_details import CompetenceCells, RowDetails, cell_answer
from wimcheck.batch.scored import Scored, item_values
from wimcheck.batch.survey_inputs import is_survey_export, survey_sheet
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import quoted, t
from wimcheck.sheets.reader import Sheet, open_sheet

if TYPE_CHECKING:
    from wimcheck.batch.inputs import Batch

__all__ = ["score_sheet", "sheet_framework"]


@dataclass
class _Columns:
    """Where the respondent, the role and each statement stand in a sheet's rows."""

    respondent: int = -1
    role: int = -1
    statements: dict[str, int] = field(default_factory=dict)


def _header_where(sheet: Sheet) -> str:
    """Where a sheet's header is: line 1, or line 2 after a template's record line."""
    if sheet.info is not None and sheet.encoding is not None:
        return t("batch.header.after-info")
    return t("batch.header")


def _recorded_framework(
    batch: Batch, sheet: Sheet, framework_id: str, *, quiet: bool
) -> Framework | None:
    """The framework a template records (``--framework`` must be the same)."""
    found = batch.framework_or_reason(
        framework_id, "batch.template-framework", "batch.template-unknown-framework"
    )
    if not isinstance(found, str):
        return found
    if not quiet:
        where = t("batch.info-sheet") if sheet.encoding is None else t("batch.header")
        batch.report(BatchIssue(str(sheet.path), where, found))
    return None


def sheet_framework(batch: Batch, sheet: Sheet, *, quiet: bool = False) -> Framework | None:
    """The framework the sheet records (a template), else the one forced, else the one
    whose statement ids the header names."""
    lowered = [h.lower() for h in sheet.header]
    if "respondent" not in lowered:
        if not quiet:
            batch.report(
                BatchIssue(str(sheet.path), _header_where(sheet), t("batch.no-respondent-column"))
            )
        return None
    if sheet.info is not None and sheet.info.framework_id is not None:
        return _recorded_framework(batch, sheet, sheet.info.framework_id, quiet=quiet)
    if batch.forced is not None:
        return batch.forced
    ids = [h for h in sheet.header if h.lower() not in ("respondent", "role") and h]
    # a framework matches when it has any of the columns as statement ids; other
    # columns (an e-mail address, a time stamp) are reported and ignored later
    candidates = [
        e.framework
        for e in batch.catalog.entries.values()
        if any(sid in e.framework.statements for sid in ids)
    ]
    if len(candidates) == 1:
        return candidates[0]
    if not quiet:
        if candidates:
            ids_found = ", ".join(sorted(c.id for c in candidates))
            reason = t("batch.several-frameworks", ids=ids_found)
        else:
            reason = t("batch.no-framework")
        batch.report(BatchIssue(str(sheet.path), _header_where(sheet), reason))
    return None


def _column_key(name: str) -> str:
    lowered = name.lower()
    return lowered if lowered in ("respondent", "role") else name


def _repeated_columns(sheet: Sheet) -> list[str]:
    """A reason for each column the header names a second time."""
    first: dict[str, int] = {}
    reasons = []
    for index, name in enumerate(sheet.header):
        if not name:
            continue
        key = _column_key(name)
        if key in first:
            reasons.append(
                t(
                    "batch.repeated-column",
                    name=quoted(name),
                    column=index + 1,
                    first=first[key] + 1,
                )
            )
        else:
            first[key] = index
    return reasons


def _columns(batch: Batch, sheet: Sheet, framework: Framework) -> _Columns | None:
    """Where each column stands; None (and the reasons reported) when a column repeats."""
    repeated = _repeated_columns(sheet)
    for reason in repeated:
        batch.report(BatchIssue(str(sheet.path), _header_where(sheet), reason))
    if repeated:
        return None
    columns = _Columns()
    for index, name in enumerate(sheet.header):
        key = _column_key(name)
        if key == "respondent":
            columns.respondent = index
        elif key == "role":
            columns.role = index
        elif name in framework.statements:
            columns.statements[name] = index
        elif name:
            reason = t("batch.unknown-column", name=quoted(name), column=index + 1)
            batch.report(BatchIssue(str(sheet.path), _header_where(sheet), reason))
    return columns


def _unvalued_formulas(sheet: Sheet, columns: _Columns, number: int) -> list[str]:
    """Cells of this row that are read and hold a formula without a saved value."""
    cells = sheet.formulas.get(number)
    if not cells:
        return []
    used = {columns.respondent, columns.role, *columns.statements.values()}
    return [
        t("batch.formula.cell", cell=ref, column=sheet.header[column])
        for column, ref in cells.items()
        if column in used
    ]


def _row_role(
    framework: Framework, columns: _Columns, cells: list[str], default: str
) -> Role | str:
    """The row's role (its role cell, else ``default``), or the reason there is none."""
    role_id = cells[columns.role].strip() if 0 <= columns.role < len(cells) else ""
    role_id = role_id or default
    role = framework.roles.get(role_id)
    if role is not None:
        return role
    if role_id:
        return t("batch.unknown-role", role=quoted(role_id), roles=", ".join(framework.roles))
    return t("batch.no-role")


@dataclass
class _SheetRun:
    """One sheet being scored: what every row needs."""

    batch: Batch
    sheet: Sheet
    framework: Framework
    columns: _Columns
    unit: str
    default_role: str
    scorers: dict[str, RoleScorer] = field(default_factory=dict)
    row_details: dict[str, RowDetails] = field(default_factory=dict)
    file: str = field(init=False)  # the sheet's path as text, made once

    def __post_init__(self) -> None:
        self.file = str(self.sheet.path)

    def where(self, number: int) -> str:
        """``line 12`` (CSV) or ``row 12`` (XLSX): the place issues name."""
        return f"{self.unit} {number}"

    def scorer(self, role: Role) -> RoleScorer:
        scorer = self.scorers.get(role.id)
        if scorer is None:
            scorer = self.scorers[role.id] = RoleScorer(
                self.framework, role, self.columns.statements
            )
        return scorer

    def details(self, role: Role) -> RowDetails:
        details = self.row_details.get(role.id)
        if details is None:
            details = self.row_details[role.id] = RowDetails(
                self.scorer(role), self.framework, role, self.columns.statements
            )
        return details


def score_sheet(batch: Batch, path: Path) -> Iterator[Scored]:
    """Score every row of a sheet; name every row and column that is not used, and every
    unreadable cell (a warning: it counts as not answered; with ``--strict``, an issue).
    A survey tool's export is read as a sheet first, or refused as a whole."""
    opened = open_sheet(path, encoding=batch.encoding, header_ok=batch.header_ok, lines=batch.lines)
    sheet = survey_sheet(batch, opened) if is_survey_export(batch, opened) else opened
    if sheet is None:
        return
    framework = sheet_framework(batch, sheet)
    columns = None if framework is None else _columns(batch, sheet, framework)
    if framework is None or columns is None:
        sheet.close()
        return
    recorded = sheet.info.role_id if sheet.info is not None else None
    unit = t("batch.row") if sheet.encoding is None else t("batch.line")
    run = _SheetRun(batch, sheet, framework, columns, unit, recorded or batch.role_id or "")
    batch.reading_rows()
    for number, cells in sheet.rows:
        scored = _score_row(run, number, cells)
        if scored is not None:
            yield scored


def _score_row(run: _SheetRun, number: int, cells: list[str]) -> Scored | None:
    """One row scored, or None (and the reason reported)."""
    batch, columns = run.batch, run.columns
    if run.sheet.formulas:
        formulas = _unvalued_formulas(run.sheet, columns, number)
        if formulas:
            reason = t("batch.formula", cells=", ".join(formulas))
            batch.report(BatchIssue(run.file, run.where(number), reason))
            return None
    respondent = cells[columns.respondent].strip() if columns.respondent < len(cells) else ""
    if not respondent:
        batch.report(BatchIssue(run.file, run.where(number), t("batch.no-respondent")))
        return None
    role = _row_role(run.framework, columns, cells, run.default_role)
    if isinstance(role, str):
        batch.report(BatchIssue(run.file, run.where(number), role))
        return None
    unreadable: list[CellError] | None = None if batch.strict else []
    try:
        if batch.keep_details:
            row, details = _row_of(run, role, cells, unreadable)
        else:
            row, details = run.scorer(role).score_cells(cells, unreadable), None
    except CellError as exc:
        reason = t(
            "batch.bad-cell",
            cell=quoted(exc.cell),
            column=quoted(run.sheet.header[exc.column]),
            allowed=_allowed(run.framework, role),
        )
        batch.report(BatchIssue(run.file, run.where(number), reason))
        return None
    if not batch.first_sighting(run.framework, respondent, run.file, run.unit, number):
        return None
    if unreadable:
        for cell in unreadable:
            batch.warn(_unreadable_warning(run, run.where(number), role, cell))
    source = f"{run.file}:{run.unit} {number}"
    if details is not None:
        return Scored(respondent, run.framework, role, source, row, details=details)
    if not batch.keep_answers:
        return Scored(respondent, run.framework, role, source, row)
    skipped = {cell.column for cell in unreadable or ()}
    return _scored(run, role, cells, respondent, source, row, skipped)


def _row_of(
    run: _SheetRun, role: Role, cells: list[str], unreadable: list[CellError] | None
) -> tuple[RowScore, tuple[CompetenceCells, ...] | None]:
    """The row's score, and its details when the batch keeps answers and every cell is readable.

    Raises:
        CellError: an unreadable cell, and no ``unreadable`` list to add it to.
    """
    if run.batch.keep_answers:
        try:
            return run.details(role).of(cells)
        except CellError:
            pass  # scored again cell by cell, which names every unreadable cell
    return run.scorer(role).score_cells(cells, unreadable), None


def _allowed(framework: Framework, role: Role) -> str:
    return ", ".join(str(v.value) for v in framework.scale_for(role).values)


def _unreadable_warning(run: _SheetRun, where: str, role: Role, cell: CellError) -> BatchIssue:
    """The warning about one unreadable cell: file, row, column, what it holds."""
    place = t("batch.cell-where", where=where, column=quoted(run.sheet.header[cell.column]))
    reason = t(
        "batch.unreadable-cell", cell=quoted(cell.cell), allowed=_allowed(run.framework, role)
    )
    return BatchIssue(str(run.sheet.path), place, reason)


def _scored(
    run: _SheetRun,
    role: Role,
    cells: list[str],
    respondent: str,
    source: str,
    row: RowScore,
    skipped: set[int],
) -> Scored:
    """The scored row with its answers (``skipped`` columns left out), for ``keep_answers``."""
    framework = run.framework
    answers = _answers_from_cells(framework, role, run.columns.statements, cells, skipped)
    responses = ResponseSet(
        framework.id, framework.version, role.id, respondent, answers, source=source
    )
    items = item_values(framework, role, answers)
    return Scored(respondent, framework, role, source, row, responses, items)


def _answers_from_cells(
    framework: Framework, role: Role, columns: dict[str, int], cells: list[str], skipped: set[int]
) -> dict[str, Answer]:
    """The answers of a row; the unreadable cells (``skipped`` columns) are not answered."""
    answers: dict[str, Answer] = {}
    for statement in framework.questionnaire(role):
        index = columns.get(statement.id)
        if index is None or index >= len(cells) or index in skipped:
            continue
        answer = cell_answer(cells[index])
        if answer is not None:
            answers[statement.id] = answer
    return answers
