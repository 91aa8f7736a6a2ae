"""``wimcheck template``: a blank response sheet for a role."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wimcheck.cli.output import ForceOption, OutputOption


class TemplateFormat(StrEnum):
    """Formats of a blank response sheet."""

    csv = "csv"
    xlsx = "xlsx"
    toml = "toml"
    markdown = "markdown"
    html = "html"


def template(
    framework: Annotated[
        str, typer.Argument(help="Framework id (e.g. wim) or path of a .toml file.")
    ],
    role: Annotated[str, typer.Option("--role", "-r", help="Role id.")],
    fmt: Annotated[
        TemplateFormat, typer.Option("--format", help="Sheet format.")
    ] = TemplateFormat.csv,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts, e.g. de.")] = "en",
) -> None:
    """Make a blank response sheet for a role, to fill in on screen or on paper.

    csv: a header `respondent,role,` then one column per statement, in questionnaire
    order (the order in which `wimcheck assess` reads piped answers); xlsx: a workbook
    with a drop-down on every answer cell and the statement texts; toml: a response
    file with every statement as a comment; markdown: a form with tick boxes for documents; html: a printable A4 form with tick
    boxes (open it in a browser and print it).
    Text formats go to standard output unless --output is given; xlsx needs --output.

    Example: wimcheck template wim --role owner-manager --format xlsx -o answers.xlsx
    """
    from wimcheck.cli.output import write_output, wrote
    from wimcheck.errors import UsageError
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.messages import t
    from wimcheck.sheets import blank as sheets

    loaded = load_framework(framework)
    chosen = find_role(loaded, role)
    if fmt is TemplateFormat.xlsx:
        if output is None:
            raise UsageError(
                t("template.xlsx-terminal"),
                hint=t("template.xlsx-terminal.hint"),
            )
        from wimcheck.tomlio import atomic_write_bytes, refuse_overwrite

        refuse_overwrite(output, force)
        atomic_write_bytes(output, sheets.template_xlsx(loaded, chosen, lang), replace=force)
        wrote(output)
        return
    if fmt is TemplateFormat.html:
        from wimcheck.reports.paper import paper_form_html

        write_output(paper_form_html(loaded, chosen, lang), output, force)
        return
    renderers = {
        TemplateFormat.csv: sheets.template_csv,
        TemplateFormat.toml: sheets.template_toml,
        TemplateFormat.markdown: sheets.template_markdown,
    }
    write_output(renderers[fmt](loaded, chosen, lang), output, force)
