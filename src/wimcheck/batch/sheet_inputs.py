"""Response sheets in a batch: the framework of a header, its columns, and each row scored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wimcheck.assessment.responses import ResponseSet
from wimcheck.assessment.scoring import NA, Answer
from wimcheck.batch.fastscore import CellError, RoleScorer, RowScore
from wimcheck.batch.issues import BatchIssue
from wimcheck.batch.scored import Scored, item_values
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import quoted, t
from wimcheck.sheets.cells import normalise_cell
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


def sheet_framework(batch: Batch, sheet: Sheet, *, quiet: bool = False) -> Framework | None:
    """The framework whose statement ids the header names (or the one forced)."""
    lowered = [h.lower() for h in sheet.header]
    if "respondent" not in lowered:
        if not quiet:
            batch.report(
                BatchIssue(str(sheet.path), t("batch.header"), t("batch.no-respondent-column"))
            )
        return None
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
        batch.report(BatchIssue(str(sheet.path), t("batch.header"), reason))
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
        batch.report(BatchIssue(str(sheet.path), t("batch.header"), reason))
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
            batch.report(BatchIssue(str(sheet.path), t("batch.header"), reason))
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
    batch: Batch, framework: Framework, columns: _Columns, cells: list[str]
) -> Role | str:
    """The row's role, or the reason there is none."""
    role_id = cells[columns.role].strip() if 0 <= columns.role < len(cells) else ""
    role_id = role_id or (batch.role_id or "")
    role = framework.roles.get(role_id)
    if role is not None:
        return role
    if role_id:
        return t("batch.unknown-role", role=quoted(role_id), roles=", ".join(framework.roles))
    return t("batch.no-role")


def score_sheet(batch: Batch, path: Path) -> Iterator[Scored]:
    """Score every row of a sheet; name every row and column that is not used."""
    sheet = open_sheet(path, encoding=batch.encoding, header_ok=batch.header_ok)
    framework = sheet_framework(batch, sheet)
    columns = None if framework is None else _columns(batch, sheet, framework)
    if framework is None or columns is None:
        sheet.close()
        return
    unit = t("batch.row") if sheet.encoding is None else t("batch.line")
    scorers: dict[str, RoleScorer] = {}
    for number, cells in sheet.rows:
        where = f"{unit} {number}"
        formulas = _unvalued_formulas(sheet, columns, number) if sheet.formulas else []
        if formulas:
            reason = t("batch.formula", cells=", ".join(formulas))
            batch.report(BatchIssue(str(path), where, reason))
            continue
        respondent = cells[columns.respondent].strip() if columns.respondent < len(cells) else ""
        if not respondent:
            batch.report(BatchIssue(str(path), where, t("batch.no-respondent")))
            continue
        role = _row_role(batch, framework, columns, cells)
        if isinstance(role, str):
            batch.report(BatchIssue(str(path), where, role))
            continue
        scorer = scorers.get(role.id)
        if scorer is None:
            scorer = scorers[role.id] = RoleScorer(framework, role, columns.statements)
        try:
            row = scorer.score_cells(cells)
        except CellError as exc:
            allowed = ", ".join(str(v.value) for v in framework.scale_for(role).values)
            reason = t(
                "batch.bad-cell",
                cell=quoted(exc.cell),
                column=quoted(sheet.header[exc.column]),
                allowed=allowed,
            )
            batch.report(BatchIssue(str(path), where, reason))
            continue
        if not batch.first_sighting(framework, respondent, str(path), unit, number):
            continue
        yield _scored(batch, framework, role, columns, cells, respondent, f"{path}:{where}", row)


def _scored(
    batch: Batch,
    framework: Framework,
    role: Role,
    columns: _Columns,
    cells: list[str],
    respondent: str,
    source: str,
    row: RowScore,
) -> Scored:
    if not batch.keep_answers:
        return Scored(respondent, framework, role, source, row)
    answers = _answers_from_cells(framework, role, columns.statements, cells)
    responses = ResponseSet(
        framework.id, framework.version, role.id, respondent, answers, source=source
    )
    items = item_values(framework, role, answers)
    return Scored(respondent, framework, role, source, row, responses, items)


def _answers_from_cells(
    framework: Framework, role: Role, columns: dict[str, int], cells: list[str]
) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for statement in framework.questionnaire(role):
        index = columns.get(statement.id)
        if index is None or index >= len(cells):
            continue
        text = normalise_cell(cells[index])
        if text == "":
            continue
        answers[statement.id] = NA if text == "n/a" else int(text)
    return answers
