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
    from wimcheck.cli.output import write_output, wrote
    from wimcheck.errors import UsageError
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.i18n.language import current_language
    from wimcheck.messages import t
    from wimcheck.sheets import blank as sheets

    lang = lang or current_language()
    loaded = load_framework(framework)
    chosen = find_role(loaded, role)
    if fmt in (TemplateFormat.xlsx, TemplateFormat.xlsform):
        if output is None:
            raise UsageError(
                t("template.xlsx-terminal"),
                hint=t("template.xlsx-terminal.hint"),
            )
        from wimcheck.sheets.xlsform import template_xlsform
        from wimcheck.tomlio import atomic_write_bytes, refuse_overwrite

        refuse_overwrite(output, force)
        workbook = template_xlsform if fmt is TemplateFormat.xlsform else sheets.template_xlsx
        atomic_write_bytes(output, workbook(loaded, chosen, lang), replace=force)
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
