"""``wimcheck template``: a blank response sheet for a role."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wimcheck.cli.output import ForceOption, FrameworkArgument, OutputOption, TextsLangOption


class TemplateFormat(StrEnum):
    """Formats of a blank response sheet."""

    csv = "csv"
    xlsx = "xlsx"
    toml = "toml"
    markdown = "markdown"
    html = "html"
    xlsform = "xlsform"


def template(
    framework: FrameworkArgument,
    role: Annotated[str, typer.Option("--role", "-r", help="help.option.role")],
    fmt: Annotated[
        TemplateFormat, typer.Option("--format", help="help.template.format")
    ] = TemplateFormat.csv,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: TextsLangOption = None,
) -> None:
    """Make a blank response sheet for a role (csv, xlsx, toml, markdown, a paper form, or an
    XLSForm for KoboToolbox and ODK Collect).

    Its help text is ``help.template`` in :mod:`wimcheck.messages`.
    """
    from wimcheck.cli.output import output_file, write_binary_output, write_output
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.i18n.language import current_language
    from wimcheck.sheets import blank as sheets
    from wimcheck.tomlio import refuse_overwrite

    lang = lang or current_language()
    loaded = load_framework(framework)
    chosen = find_role(loaded, role)
    target = output_file(output)  # -o -: standard output
    if target is not None:
        refuse_overwrite(target, force)
    if fmt in (TemplateFormat.xlsx, TemplateFormat.xlsform):
        from wimcheck.sheets.xlsform import template_xlsform

        workbook = template_xlsform if fmt is TemplateFormat.xlsform else sheets.template_xlsx
        write_binary_output(workbook(loaded, chosen, lang), output, force)
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
