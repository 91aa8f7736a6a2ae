"""``wimcheck frameworks``: list, show, validate and describe the format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli.output import NoColorOption, TableOrJson, TextOrJson, echo, message

if TYPE_CHECKING:
    from rich.table import Table

    from wimcheck.frameworks.catalog import CatalogEntry
    from wimcheck.frameworks.validation import ValidationReport

app = typer.Typer(
    help="List, show and validate competence frameworks.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("list")
def list_frameworks(
    fmt: Annotated[
        TableOrJson, typer.Option("--format", help="Output format.")
    ] = TableOrJson.table,
    no_color: NoColorOption = False,
) -> None:
    """List the frameworks wimcheck can use (bundled, your own, extra folders).

    Example: wimcheck frameworks list --format json
    """
    from wimcheck.frameworks.catalog import discover
    from wimcheck.frameworks.export import framework_summary

    catalog = discover()
    for warning in catalog.warnings:
        message(f"warning: {warning}")
    entries = sorted(catalog.entries.values(), key=lambda e: e.framework.id)
    if fmt is TableOrJson.json:
        rows = [
            {**framework_summary(e.framework), "origin": e.origin, "path": str(e.path)}
            for e in entries
        ]
        echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not entries:
        from wimcheck.messages import t

        message(t("cli.no-frameworks"))
        return
    from wimcheck.cli.output import console

    console(no_color=no_color).print(_frameworks_table(entries))


def _frameworks_table(entries: list[CatalogEntry]) -> Table:
    """The frameworks found as a table; their texts are never read as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Frameworks", title_justify="left", show_lines=True)
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("version", no_wrap=True)
    table.add_column("languages")
    table.add_column("roles", no_wrap=True)
    table.add_column("statements", justify="right")
    table.add_column("origin", no_wrap=True)
    for entry in entries:
        fw = entry.framework
        table.add_row(
            Text(fw.id),
            Text(fw.title.en),
            Text(fw.version),
            Text(", ".join(fw.languages)),
            Text("\n".join(fw.roles)),
            Text(str(fw.statement_count)),
            Text(entry.origin),
        )
    return table


@app.command("show")
def show(
    framework: Annotated[
        str, typer.Argument(help="Framework id (e.g. wim) or path of a .toml file.")
    ],
    role: Annotated[
        str | None, typer.Option("--role", "-r", help="Show only this role's part.")
    ] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format", help="Output format.")] = TextOrJson.text,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts, e.g. de.")] = "en",
) -> None:
    """Show a framework: its scale, areas, competences, statements, roles and modules.

    Example: wimcheck frameworks show wim --role owner-manager
    """
    from wimcheck.frameworks.catalog import find_role, load_framework

    loaded = load_framework(framework)
    chosen = find_role(loaded, role) if role else None
    if fmt is TextOrJson.json:
        from wimcheck.frameworks.export import framework_to_dict

        echo(json.dumps(framework_to_dict(loaded, chosen), indent=2, ensure_ascii=False))
        return
    from wimcheck.frameworks.outline import framework_outline

    typer.echo(framework_outline(loaded, chosen, lang), nl=False)


def _framework_files(paths: list[Path]) -> list[Path]:
    """The files named and the ``.toml`` files of the folders named (an empty one is said)."""
    from wimcheck.messages import t

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.toml"))
            if not found:
                message(t("cli.validate.empty-folder", path=path))
            files += found
        else:
            files.append(path)
    return files


def _print_report(path: Path, report: ValidationReport) -> None:
    """One line for a valid file; every issue and its hint for an invalid one."""
    from wimcheck.messages import t

    fw = report.framework
    if report.valid and fw is not None:
        echo(
            t(
                "cli.validate.ok",
                path=path,
                statements=fw.statement_count,
                roles=len(fw.roles),
                modules=len(fw.modules),
            )
        )
        return
    for issue in report.issues:
        echo(issue.format())
        if issue.hint:
            echo(f"  hint: {issue.hint}")


@app.command("validate")
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Framework files or folders of .toml files.")],
) -> None:
    """Check framework files and list every problem with its line and a hint.

    Exit code 0 when all files are valid, 1 when any is not, 2 when a file cannot be read.

    Example: wimcheck frameworks validate frameworks/*.toml
    """
    from wimcheck.cli.app import print_error
    from wimcheck.errors import InputFileError, WimcheckError
    from wimcheck.frameworks.validation import check_framework_file
    from wimcheck.messages import t

    files = _framework_files(paths)
    bad = problems = unreadable = 0
    for path in files:
        try:
            report = check_framework_file(path)
        except InputFileError as exc:
            print_error(exc)
            unreadable += 1
            continue
        _print_report(path, report)
        if not (report.valid and report.framework is not None):
            bad += 1
            problems += len(report.issues)
    if bad or unreadable:
        message(
            t("cli.validate.summary", bad=bad + unreadable, total=len(files), problems=problems)
        )
    if unreadable:
        raise typer.Exit(2)
    if bad:
        raise typer.Exit(1)
    if not files:
        raise WimcheckError(t("cli.validate.none"), hint=t("cli.validate.none.hint"))


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the framework file format (for editors and tools)."""
    from wimcheck.frameworks.schema import FrameworkFile

    echo(json.dumps(FrameworkFile.model_json_schema(), indent=2, ensure_ascii=False))
