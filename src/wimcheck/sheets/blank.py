"""Blank response sheets for a role: CSV, XLSX, TOML and a printable Markdown form.

Every sheet records the framework and role it was made for (see
:mod:`~wimcheck.sheets.template_info`); every framework text in it is made safe for its
format (:mod:`~wimcheck.sheets.toml_text`, :mod:`~wimcheck.markdown_text` and
:func:`~wimcheck.sheets.cells.excel_text`). When the chosen language lacks some of the
texts the sheet shows, they are in English and the sheet says so where nothing is scored
(:func:`english_note`): a last cell of the CSV comment line, a comment of the XLSX
``respondent`` heading and a row under the statements, a TOML comment, a line under the
Markdown title.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from wimcheck.frameworks.model import Framework, Role, Scale
from wimcheck.frameworks.texts import role_texts_in_english
from wimcheck.markdown_text import md, md_block
from wimcheck.messages import t
from wimcheck.sheets.cells import excel_cell, excel_text
from wimcheck.sheets.template_info import TemplateInfo
from wimcheck.sheets.toml_text import toml_comment, toml_string

if TYPE_CHECKING:
    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "english_note",
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


def english_note(framework: Framework, role: Role, lang: str) -> str:
    """The note that some texts of ``role``'s questionnaire are shown in English because
    ``lang`` lacks them (in ``lang``, easy-read for an easy-read role), else ``""``."""
    if not role_texts_in_english(framework, role, lang):
        return ""
    return t(
        "template.english-shown.easy-read" if role.easy_read else "template.english-shown", lang
    )


def template_csv(framework: Framework, role: Role, lang: str = "en") -> str:
    """A blank CSV response sheet for ``role``: the line recording framework and role
    (see :mod:`~wimcheck.sheets.template_info`), then the header. A note that some texts
    are in English is the comment line's last cell, which reading skips (it has no ``=``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    note = english_note(framework, role, lang).replace("=", "-")
    info = TemplateInfo.of(framework, role, lang).csv_cells()
    writer.writerow([*info, note] if note else info)
    writer.writerow(sheet_header(framework, role))
    return buffer.getvalue()


def template_toml(framework: Framework, role: Role, lang: str = "en") -> str:
    """A response file to fill in: every statement with its text as a comment."""
    scale = framework.scale_for(role)
    values = ", ".join(f"{v.value} = {v.label.get(lang)}" for v in scale.values)
    title = t(
        "template.toml.title", lang, framework=framework.title.get(lang), role=role.title.get(lang)
    )
    note = english_note(framework, role, lang)
    lines = [
        toml_comment(title),
        *([toml_comment(note)] if note else []),
        toml_comment(t("template.toml.fill", lang)),
        toml_comment(f"  {values};"),
        toml_comment(t("template.toml.na", lang)),
        toml_comment(t("template.toml.score", lang)),
        "format_version = 1",
        f"framework = {toml_string(framework.id)}",
        f"framework_version = {toml_string(framework.version)}",
        f"role = {toml_string(role.id)}",
        'respondent = ""',
        f"language = {toml_string(lang)}",
        "",
        "[answers]",
    ]
    area = None
    for statement in framework.questionnaire(role):
        competence = framework.competences[statement.competence_id]
        if competence.area_id != area:
            area = competence.area_id
            lines.append(toml_comment(f"--- {framework.areas[area].title.get(lang)}"))
        lines.append(toml_comment(framework.wording(statement, role, lang)))
        lines.append(f'{toml_string(statement.id)} = ""')
    return "\n".join(lines) + "\n"


def _markdown_scale(framework: Framework, role: Role, lang: str) -> list[str]:
    """The scale: its question, how to answer, and what each choice means."""
    scale = framework.scale_for(role)
    how = t("paper.how.easy-read" if role.easy_read else "paper.how", lang)
    na = t("paper.na.easy-read.long" if role.easy_read else "paper.na", lang)
    out = [f"**{md(scale.title.get(lang))}** {md(how)}", ""]
    out += [
        f"- **{v.value} {md(v.label.get(lang))}**: {md(v.descriptor.get(lang))}"
        for v in scale.values
    ]
    out.append(f"- **{md(t('paper.na.column', lang))}**: {md(na)}")
    return out


def template_markdown(framework: Framework, role: Role, lang: str = "en") -> str:
    """A printable paper form with tick boxes; every framework text is escaped."""
    scale = framework.scale_for(role)
    boxes = "  ".join(f"☐ {v.value} {md(v.label.get(lang))}" for v in scale.values)
    boxes += f"  ☐ {md(t('paper.na.column', lang))}"
    framework_line = t(
        "paper.framework", lang, id=framework.id, version=framework.version, role=role.id
    )
    note = english_note(framework, role, lang)
    out = [
        f"# {md(framework.title.get(lang))}: {md(role.title.get(lang))}",
        "",
        *([md_block(note), ""] if note else []),
        f"{md(t('paper.name', lang))} ____________________    "
        f"{md(t('paper.date', lang))} ____________    {md(framework_line)}",
        "",
        *_markdown_scale(framework, role, lang),
    ]
    area = None
    for number, statement in enumerate(framework.questionnaire(role), start=1):
        competence = framework.competences[statement.competence_id]
        if competence.area_id != area:
            area = competence.area_id
            out += ["", f"## {md(framework.areas[area].title.get(lang))}", ""]
        wording = md_block(framework.wording(statement, role, lang))
        out.append(f"{number}. {wording} `{statement.id}`  ")
        out.append(f"   {boxes}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _answer_validation(scale: Scale, lang: str) -> DataValidation:
    """The drop-down of an answer cell: the scale's values and n/a, or empty."""
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    choices = ",".join([*(str(v.value) for v in scale.values), "n/a"])
    prompt = ", ".join(f"{v.value} {v.label.get(lang)}" for v in scale.values) + ", n/a"
    return DataValidation(
        type="list",
        formula1=f'"{choices}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=excel_text(t("template.xlsx.error-title", lang), 32),
        error=excel_text(t("template.xlsx.error", lang, choices=choices.replace(",", ", ")), 225),
        promptTitle=excel_text(t("template.xlsx.prompt-title", lang), 32),
        prompt=excel_text(prompt, 255),
    )


def _comment(text: str) -> Comment:
    from openpyxl.comments import Comment  # noqa: PLC0415

    return Comment(excel_text(text), "wimcheck")


def _fill_responses(sheet: Worksheet, framework: Framework, role: Role, lang: str) -> None:
    """The Responses sheet: the header with each statement as a comment and a drop-down
    on every answer cell. The role column stays empty: an empty role cell is the role
    recorded in the hidden ``wimcheck`` sheet, as the role column's comment says."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    statements = framework.questionnaire(role)
    sheet.title = "Responses"
    sheet.append(sheet_header(framework, role))
    sheet.freeze_panes = "C2"
    validation = _answer_validation(framework.scale_for(role), lang)
    sheet.add_data_validation(validation)
    last = get_column_letter(len(statements) + 2)
    validation.add(f"C2:{last}{MAX_ROWS + 1}")
    sheet["B1"].comment = _comment(
        t("template.xlsx.role", lang, title=role.title.get(lang), id=role.id)
    )
    note = english_note(framework, role, lang)
    if note:
        sheet["A1"].comment = _comment(note)
    for index, statement in enumerate(statements, start=3):
        cell = sheet.cell(row=1, column=index)
        cell.comment = _comment(framework.wording(statement, role, lang))
        sheet.column_dimensions[get_column_letter(index)].width = 14
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 16


def _fill_statements(sheet: Worksheet, framework: Framework, role: Role, lang: str) -> None:
    """The Statements sheet: each statement's id, area, competence and wording, then the
    note that some texts are in English, if they are."""
    sheet.append(["statement", "area", "competence", "text"])
    for statement in framework.questionnaire(role):
        competence = framework.competences[statement.competence_id]
        texts = [
            statement.id,
            framework.areas[competence.area_id].title.get(lang),
            competence.title.get(lang),
            framework.wording(statement, role, lang),
        ]
        sheet.append([excel_cell(text) for text in texts])
    note = english_note(framework, role, lang)
    if note:
        sheet.append([])
        sheet.append([excel_cell(note)])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["D"].width = 90


def _fill_scale(sheet: Worksheet, scale: Scale, lang: str) -> None:
    """The Scale sheet: each value with its label and meaning, then n/a."""
    sheet.append(["value", "label", "meaning"])
    for value in scale.values:
        sheet.append(
            [value.value, excel_cell(value.label.get(lang)), excel_cell(value.descriptor.get(lang))]
        )
    sheet.append(["n/a", t("template.xlsx.na", lang), t("template.xlsx.na.meaning", lang)])


def template_xlsx(framework: Framework, role: Role, lang: str = "en") -> bytes:
    """An XLSX workbook: a Responses sheet with the scale as a drop-down on every
    answer cell, a Statements sheet with the statement texts, the Scale, and the hidden
    ``wimcheck`` sheet recording framework and role. Characters Excel forbids (control
    characters other than tab and line breaks) are left out of every text."""
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    responses = book.active
    assert responses is not None
    _fill_responses(responses, framework, role, lang)
    _fill_statements(book.create_sheet("Statements"), framework, role, lang)
    _fill_scale(book.create_sheet("Scale"), framework.scale_for(role), lang)
    TemplateInfo.of(framework, role, lang).write_sheet(book.create_sheet())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
