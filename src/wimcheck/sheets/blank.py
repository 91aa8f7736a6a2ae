"""Blank response sheets for a role: CSV, XLSX, TOML and a printable Markdown form."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from wimcheck.frameworks.model import Framework, Role, Scale
from wimcheck.markdown_text import md
from wimcheck.sheets.cells import safe_cell

if TYPE_CHECKING:
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "sheet_header",
    "template_csv",
    "template_markdown",
    "template_toml",
    "template_xlsx",
]

MAX_ROWS = 500  # answer rows prepared (with drop-downs) in an XLSX template


def sheet_header(framework: Framework, role: Role) -> list[str]:
    """The columns of a response sheet: respondent, role, then statement ids in order."""
    return ["respondent", "role", *(s.id for s in framework.questionnaire(role))]


def template_csv(framework: Framework, role: Role, lang: str = "en") -> str:  # noqa: ARG001
    """A blank CSV response sheet for ``role`` (header only; ids need no language)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(sheet_header(framework, role))
    return buffer.getvalue()


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _comment(text: str) -> str:
    """``text`` fit for one TOML comment line: line breaks and control characters folded."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def template_toml(framework: Framework, role: Role, lang: str = "en") -> str:
    """A response file to fill in: every statement with its text as a comment."""
    scale = framework.scale_for(role)
    values = ", ".join(f"{v.value} = {_comment(v.label.get(lang))}" for v in scale.values)
    lines = [
        f"# wimcheck response file for {_comment(framework.title.get(lang))}: "
        f"{_comment(role.title.get(lang))}",
        "# Fill in respondent, then one answer per statement:",
        f"#   {values};",
        '#   "n/a" = not applicable; leave "" for no answer.',
        "# Score it with: wimcheck report FILE   (or many files: wimcheck score FOLDER)",
        "format_version = 1",
        f"framework = {_toml_string(framework.id)}",
        f"framework_version = {_toml_string(framework.version)}",
        f"role = {_toml_string(role.id)}",
        'respondent = ""',
        f"language = {_toml_string(lang)}",
        "",
        "[answers]",
    ]
    area = None
    for statement in framework.questionnaire(role):
        competence = framework.competences[statement.competence_id]
        if competence.area_id != area:
            area = competence.area_id
            lines.append(f"# --- {_comment(framework.areas[area].title.get(lang))}")
        lines.append(f"# {_comment(framework.wording(statement, role, lang))}")
        lines.append(f'{_toml_string(statement.id)} = ""')
    return "\n".join(lines) + "\n"


def template_markdown(framework: Framework, role: Role, lang: str = "en") -> str:
    """A printable paper form with tick boxes; every framework text escaped as plain text."""
    scale = framework.scale_for(role)
    boxes = "  ".join(f"☐ {v.value} {md(v.label.get(lang))}" for v in scale.values) + "  ☐ n/a"
    out = [
        f"# {md(framework.title.get(lang))}: {md(role.title.get(lang))}",
        "",
        f"Name or code: ____________________    Date: ____________    "
        f"Framework: {md(framework.id)} {md(framework.version)}",
        "",
        f"**{md(scale.title.get(lang))}** Tick one box for each statement.",
        "",
    ]
    out += [
        f"- **{v.value} {md(v.label.get(lang))}**: {md(v.descriptor.get(lang))}"
        for v in scale.values
    ]
    out.append("- **n/a**: not applicable, does not apply to my work")
    area = None
    for number, statement in enumerate(framework.questionnaire(role), start=1):
        competence = framework.competences[statement.competence_id]
        if competence.area_id != area:
            area = competence.area_id
            out += ["", f"## {md(framework.areas[area].title.get(lang))}", ""]
        wording = md(framework.wording(statement, role, lang))  # ids are [A-Za-z0-9._-]
        out.append(f"{number}. {wording} `{statement.id}`  ")
        out.append(f"   {boxes}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _answer_validation(scale: Scale, lang: str) -> DataValidation:
    """The drop-down of an answer cell: the scale's values and n/a, or empty."""
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    choices = ",".join([*(str(v.value) for v in scale.values), "n/a"])
    return DataValidation(
        type="list",
        formula1=f'"{choices}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not an answer",
        error=f"Choose {choices.replace(',', ', ')}, or leave the cell empty.",
        promptTitle="Answer",
        prompt=", ".join(f"{v.value} {safe_cell(v.label.get(lang))}" for v in scale.values)
        + ", n/a",
    )


def _fill_responses(sheet: Worksheet, framework: Framework, role: Role, lang: str) -> None:
    """The Responses sheet: the header with each statement as a comment, a drop-down on
    every answer cell, and the role filled in on the first rows."""
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    statements = framework.questionnaire(role)
    sheet.title = "Responses"
    sheet.append(sheet_header(framework, role))
    sheet.freeze_panes = "C2"
    validation = _answer_validation(framework.scale_for(role), lang)
    sheet.add_data_validation(validation)
    last = get_column_letter(len(statements) + 2)
    validation.add(f"C2:{last}{MAX_ROWS + 1}")
    for index, statement in enumerate(statements, start=3):
        cell = sheet.cell(row=1, column=index)
        cell.comment = Comment(safe_cell(framework.wording(statement, role, lang)), "wimcheck")
        sheet.column_dimensions[get_column_letter(index)].width = 14
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 16
    for row in range(2, 6):
        sheet.cell(row=row, column=2, value=safe_cell(role.id))


def _fill_statements(sheet: Worksheet, framework: Framework, role: Role, lang: str) -> None:
    """The Statements sheet: each statement's id, area, competence and wording."""
    sheet.append(["statement", "area", "competence", "text"])
    for statement in framework.questionnaire(role):
        competence = framework.competences[statement.competence_id]
        sheet.append(
            [
                safe_cell(statement.id),
                safe_cell(framework.areas[competence.area_id].title.get(lang)),
                safe_cell(competence.title.get(lang)),
                safe_cell(framework.wording(statement, role, lang)),
            ]
        )
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["D"].width = 90


def _fill_scale(sheet: Worksheet, scale: Scale, lang: str) -> None:
    """The Scale sheet: each value with its label and meaning, then n/a."""
    sheet.append(["value", "label", "meaning"])
    for value in scale.values:
        sheet.append(
            [value.value, safe_cell(value.label.get(lang)), safe_cell(value.descriptor.get(lang))]
        )
    sheet.append(["n/a", "Not applicable", "The statement does not apply (not scored)."])


def template_xlsx(framework: Framework, role: Role, lang: str = "en") -> bytes:
    """An XLSX workbook: a Responses sheet with the scale as a drop-down on every
    answer cell, a Statements sheet with the statement texts, and the Scale."""
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    responses = book.active
    assert responses is not None
    _fill_responses(responses, framework, role, lang)
    _fill_statements(book.create_sheet("Statements"), framework, role, lang)
    _fill_scale(book.create_sheet("Scale"), framework.scale_for(role), lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
