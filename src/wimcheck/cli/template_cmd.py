"""``wimcheck template``: a blank response sheet for a role."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class TemplateFormat(StrEnum):
    """Formats of a blank response sheet."""

    csv = "csv"


def template(
    framework: Annotated[
        str, typer.Argument(help="Framework id (e.g. wim) or path of a .toml file.")
    ],
    role: Annotated[str, typer.Option("--role", "-r", help="Role id.")],
    fmt: Annotated[
        TemplateFormat, typer.Option("--format", help="Sheet format.")
    ] = TemplateFormat.csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing output file.")
    ] = False,
) -> None:
    """Print a blank response sheet: a header `respondent,role,` then one column per statement.

    The columns are in questionnaire order, the order in which `wimcheck assess` reads
    answers from a pipe.

    Example: wimcheck template wim --role owner-manager > answers.csv
    """
    from wimcheck.catalog import find_role, load_framework
    from wimcheck.cli.output import write_output
    from wimcheck.sheets import template_csv

    loaded = load_framework(framework)
    chosen = find_role(loaded, role)
    renderers = {TemplateFormat.csv: template_csv}
    write_output(renderers[fmt](loaded, chosen), output, force)
