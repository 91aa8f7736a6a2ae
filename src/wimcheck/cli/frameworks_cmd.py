"""``wimcheck frameworks``: list, show, validate and describe the format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli import translation_cmd
from wimcheck.cli.output import (
    FrameworkArgument,
    NoColorOption,
    TableOrJson,
    TextOrJson,
    TextsLangOption,
    echo,
    message,
    safe_text,
    terminal_safe,
    terminal_safe_lines,
)

if TYPE_CHECKING:
    from rich.table import Table

    from wimcheck.frameworks.catalog import ListingEntry
    from wimcheck.frameworks.summary import FrameworkSummary
    from wimcheck.frameworks.validation import ValidationReport

app = typer.Typer(
    help="help.frameworks",
    no_args_is_help=True,
    add_completion=False,
)


TABLE_MIN_WIDTH = 140  # narrower terminals get one block per framework instead of a table
LANGUAGES_WIDTH = 14  # seven languages on two lines: "en, de, it, el," "sl, hu, bg"


def terminal_width() -> int:
    """The width to write for: ``COLUMNS``, else the terminal's, else 80."""
    import shutil

    return shutil.get_terminal_size().columns


@app.command("list", help="help.frameworks.list")
def list_frameworks(
    fmt: Annotated[
        TableOrJson, typer.Option("--format", help="help.option.format")
    ] = TableOrJson.table,
    no_color: NoColorOption = False,
) -> None:
    """List the frameworks wimcheck can use (bundled, your own, extra folders)."""
    from wimcheck.frameworks.catalog import list_frameworks
    from wimcheck.frameworks.summary import listed_facts
    from wimcheck.messages import t

    listing = list_frameworks()
    for warning in listing.warnings:
        message(t("cli.warning", message=warning))
    entries = sorted(listing.entries.values(), key=lambda e: e.summary.id)
    if fmt is TableOrJson.json:
        rows = [
            {**listed_facts(e.summary), "origin": e.origin, "path": str(e.path)} for e in entries
        ]
        echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not entries:
        message(t("cli.no-frameworks"))
        return
    width = terminal_width()
    if width < TABLE_MIN_WIDTH:
        from wimcheck.i18n.language import current_language

        for entry in entries:
            for line in _framework_block(entry, width, current_language()):
                echo(terminal_safe(line))
        return
    from wimcheck.cli.output import console

    console(no_color=no_color).print(_frameworks_table(entries))


def _role_lines(framework: FrameworkSummary, lang: str) -> list[str]:
    """Each role as its title and id, in the framework's order."""
    from wimcheck.messages import t

    return [t("frameworks.role", title=role.title(lang), id=role.id) for role in framework.roles]


def _framework_block(entry: ListingEntry, width: int, lang: str) -> list[str]:
    """One framework as lines of at most ``width`` characters (a word is never split)."""
    from wimcheck.messages import t, tn
    from wimcheck.plaintext import one_line, wrap_words

    fw = entry.summary
    origin = t(f"frameworks.origin.{entry.origin}")
    facts = t(
        "frameworks.facts",
        version=fw.version,
        languages=", ".join(fw.languages),
        statements=tn("count.statements", fw.statement_count),
        origin=origin if entry.origin == "bundled" else f"{origin}: {entry.path}",
    )
    lines = wrap_words(f"{fw.id}  {one_line(fw.title(lang))}", width, "", "    ")
    lines += wrap_words(one_line(facts), width, "  ", "    ")
    lines += wrap_words(t(f"frameworks.roles.{fw.subject}"), width, "  ")
    for role in _role_lines(fw, lang):
        lines += wrap_words(one_line(role), width, "    ", "      ")
    return [*lines, ""]


def _frameworks_table(entries: list[ListingEntry]) -> Table:
    """The frameworks found as a table; their texts are never read as markup."""
    from rich.table import Table
    from rich.text import Text

    from wimcheck.i18n.language import current_language
    from wimcheck.messages import t
    from wimcheck.plaintext import one_line

    lang = current_language()
    table = Table(title=t("frameworks.table.title"), title_justify="left", show_lines=True)
    table.add_column(t("frameworks.col.id"), no_wrap=True)
    table.add_column(t("frameworks.col.title"), ratio=1)
    table.add_column(t("frameworks.col.version"), no_wrap=True)
    table.add_column(t("frameworks.col.languages"), max_width=LANGUAGES_WIDTH)
    table.add_column(t("frameworks.col.roles"), ratio=1)
    table.add_column(t("frameworks.col.statements"), justify="right")
    table.add_column(t("frameworks.col.origin"), no_wrap=True)
    for entry in entries:
        fw = entry.summary
        table.add_row(
            safe_text(fw.id),
            safe_text(fw.title(lang)),
            safe_text(fw.version),
            safe_text(", ".join(fw.languages)),
            Text("\n".join(terminal_safe(one_line(role)) for role in _role_lines(fw, lang))),
            Text(str(fw.statement_count)),
            Text(t(f"frameworks.origin.{entry.origin}")),
        )
    return table


@app.command("show", help="help.frameworks.show")
def show(
    framework: FrameworkArgument,
    role: Annotated[
        str | None, typer.Option("--role", "-r", help="help.frameworks.show.role")
    ] = None,
    fmt: Annotated[
        TextOrJson, typer.Option("--format", help="help.option.format")
    ] = TextOrJson.text,
    lang: TextsLangOption = None,
) -> None:
    """Show a framework: its scale, areas, competences, statements, roles and modules."""
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.i18n.language import current_language

    loaded = load_framework(framework)
    chosen = find_role(loaded, role) if role else None
    if fmt is TextOrJson.json:
        from wimcheck.frameworks.export import framework_to_dict

        echo(json.dumps(framework_to_dict(loaded, chosen), indent=2, ensure_ascii=False))
        return
    from wimcheck.frameworks.outline import framework_outline

    outline = framework_outline(loaded, chosen, lang or current_language(), terminal_width())
    typer.echo(terminal_safe_lines(outline), nl=False)


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
    """One line for a valid file, a line per translation file; every issue and its hint."""
    from wimcheck.messages import t, tn

    fw = report.framework
    if report.valid and fw is not None:
        echo(
            t(
                "cli.validate.ok",
                path=path,
                statements=tn("count.statements", fw.statement_count),
                roles=tn("count.roles", len(fw.roles)),
                modules=tn("count.modules", len(fw.modules)),
            )
        )
        _print_languages(path, report)
    for issue in report.findings:
        echo(terminal_safe(issue.format()))
        if issue.hint:
            echo(terminal_safe(t("cli.hint", hint=issue.hint)))


def _print_languages(path: Path, report: ValidationReport) -> None:
    """Each translation file's counts; a warning per language that is not complete."""
    from wimcheck.i18n.formats import format_count
    from wimcheck.messages import t, tn

    for status in report.languages:
        counts = {
            "translated": tn("count.translated", status.translated),
            "missing": tn("count.missing", status.missing),
            "stale": tn("count.stale", status.stale),
            "unknown": tn("count.unknown", status.unknown),
            "flags": tn("count.wrong-flags", status.flags),
        }
        echo(
            terminal_safe(t("cli.validate.language", lang=status.lang, path=status.file, **counts))
        )
    for status in report.languages:
        if status.missing:
            warning = tn(
                "cli.validate.untranslated",
                status.missing,
                path=path,
                lang=status.lang,
                total=format_count(status.total),
            )
            message(warning)


@app.command("validate", help="help.frameworks.validate")
def validate(
    paths: Annotated[list[Path], typer.Argument(help="help.frameworks.validate.paths")],
) -> None:
    """Check framework files and list every problem with its line and a hint (exit 0, 1, 2)."""
    from wimcheck.cli.app import print_error
    from wimcheck.errors import InputFileError, WimcheckError
    from wimcheck.frameworks.validation import check_framework_file
    from wimcheck.messages import t, tn

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
        if report.findings or report.framework is None:
            bad += 1
            problems += len(report.findings)
    if bad or (unreadable and len(files) > 1):  # one unreadable file: its error says it all
        message(
            tn(
                "cli.validate.summary",
                bad + unreadable,
                files=tn("count.files", len(files)),
                problems=tn("count.problems", problems),
            )
        )
    if unreadable:
        raise typer.Exit(2)
    if bad:
        raise typer.Exit(1)
    if not files:
        raise WimcheckError(t("cli.validate.none"), hint=t("cli.validate.none.hint"))


app.command("translation", help="help.frameworks.translation")(translation_cmd.export_sheet)
app.command("translation-import", help="help.frameworks.translation-import")(
    translation_cmd.import_sheet
)


@app.command("schema", help="help.frameworks.schema")
def schema() -> None:
    """Print the JSON Schema of the framework file format (for editors and tools)."""
    from wimcheck.frameworks.schema import FrameworkFile

    echo(json.dumps(FrameworkFile.model_json_schema(), indent=2, ensure_ascii=False))
