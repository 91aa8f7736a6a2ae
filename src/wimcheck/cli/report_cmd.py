"""``wimcheck report``: re-score a saved response file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli.output import (
    ForceOption,
    MappingOption,
    NoColorOption,
    OutputOption,
    PlainOption,
    RespondentColumnOption,
    check_hours,
    message,
)

if TYPE_CHECKING:
    from wimcheck.assessment.file_kind import FileKind
    from wimcheck.assessment.responses import ResponseSet
    from wimcheck.assessment.result import PersonResult
    from wimcheck.frameworks.model import Framework, Role


class ReportFormat(StrEnum):
    """Formats of ``report``."""

    text = "text"
    json = "json"
    html = "html"
    markdown = "markdown"


def report(
    ctx: typer.Context,
    response_file: Annotated[
        Path,
        typer.Argument(help="help.report.response-file"),
    ],
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", help="help.report.format"),
    ] = ReportFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    framework_name: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="help.report.framework",
        ),
    ] = None,
    hours: Annotated[
        float | None,
        typer.Option("--hours", callback=check_hours, help="help.option.hours"),
    ] = None,
    plain: PlainOption = False,
    no_color: NoColorOption = False,
    role: Annotated[str | None, typer.Option("--role", help="help.report.role")] = None,
    mapping: MappingOption = None,
    respondent_column: RespondentColumnOption = None,
) -> None:
    """Show the gap profile and training plan of a saved response file.

    Its help text is ``help.report`` in :mod:`wimcheck.messages`.
    """
    from wimcheck.assessment.file_kind import FileKind
    from wimcheck.cli.output import output_file
    from wimcheck.i18n.language import current_language, language_of, use_language
    from wimcheck.tomlio import refuse_overwrite

    output = output_file(output)  # -o -: standard output
    if output is not None:
        refuse_overwrite(output, force)
    # the answers' language, unless the run's language was chosen (an explicit --lang wins):
    # then the framework's texts are shown in it too (English where it has none)
    chosen = current_language() if _language_chosen(ctx) else None
    kind = _checked_kind(response_file)
    if kind is FileKind.JSON_REPORT:
        result = _saved_result(response_file, framework_name, hours)
    elif kind is FileKind.SHEET:
        from wimcheck.cli.report_sheet import SheetOptions, sheet_result

        options = SheetOptions(framework_name, role, mapping, respondent_column)
        result = sheet_result(response_file, options, hours, chosen)
    else:
        result = _scored_result(response_file, framework_name, hours, chosen)
    lang = chosen or language_of(result.language)
    with use_language(lang or current_language()):
        _emit(result, fmt, output, force, plain, no_color)


def _language_chosen(ctx: typer.Context) -> bool:
    """Whether this run's language was chosen: ``--lang``, ``WIMCHECK_LANG``, or a locale
    variable that names a language (``C`` or an unset locale chooses nothing)."""
    import os

    from wimcheck.cli.language import LANGUAGE_ARGUMENT
    from wimcheck.i18n.language import LOCALE_VARIABLES, language_of

    if ctx.meta.get(LANGUAGE_ARGUMENT) or os.environ.get("WIMCHECK_LANG"):
        return True
    locale = next((os.environ[name] for name in LOCALE_VARIABLES if os.environ.get(name)), None)
    return language_of(locale) is not None


def _saved_result(path: Path, framework_name: str | None, hours: float | None) -> PersonResult:
    """A result written by ``report --format json``, read back as it is."""
    from wimcheck.assessment.result_json import ResultFileError, read_person_result
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if framework_name is not None or hours is not None:
        raise UsageError(
            t("report.saved-result.options"), path=path, hint=t("report.saved-result.hint")
        )
    try:
        return read_person_result(path)
    except ResultFileError as exc:
        exc.hint = f"{exc.hint}; {t('report.json-responses.hint', path=path)}"
        raise


def _scored_result(
    path: Path, framework_name: str | None, hours: float | None, lang: str | None
) -> PersonResult:
    """Score a response file with its framework and plan training within ``hours``.

    The result's texts are in ``lang``, else in the language of the answers.
    """
    from wimcheck.assessment.responses import read_response_file
    from wimcheck.assessment.result import person_result

    responses = read_response_file(path)
    framework = _framework_of(responses, path, framework_name)
    role = _checked_role(framework, responses, path)
    return person_result(framework, role, responses, hours, lang)


def _framework_of(responses: ResponseSet, path: Path, framework_name: str | None) -> Framework:
    """The framework the answers were made with (or ``--framework``); warns of other versions."""
    from wimcheck.errors import RejectedInputError, UnknownFrameworkError
    from wimcheck.frameworks.catalog import load_framework
    from wimcheck.messages import t

    try:
        framework = load_framework(framework_name or responses.framework_id)
    except UnknownFrameworkError as exc:
        exc.hint = f"{exc.hint}; {t('report.framework-file.hint')}"
        raise
    if framework.id != responses.framework_id:
        raise RejectedInputError(
            t("report.other-framework", id=responses.framework_id, loaded=framework.id),
            path=path,
            hint=t("report.other-framework.hint"),
        )
    if framework.version != responses.framework_version:
        message(
            t(
                "report.version-warning",
                path=path,
                id=framework.id,
                answered=responses.framework_version,
                version=framework.version,
            )
        )
    return framework


def _checked_role(framework: Framework, responses: ResponseSet, path: Path) -> Role:
    """The role answered, after checking every answer belongs to it and its scale."""
    from wimcheck.assessment.responses import ResponseFileError, check_answers
    from wimcheck.frameworks.catalog import find_role
    from wimcheck.messages import t

    role = find_role(framework, responses.role_id)
    problems = check_answers(framework, role, responses.answers)
    if problems:
        more = t("batch.more", count=len(problems) - 1) if len(problems) > 1 else ""
        raise ResponseFileError(
            problems[0] + more, path=path, hint=t("report.answers.hint", role=role.id)
        )
    return role


def _emit(
    result: PersonResult,
    fmt: ReportFormat,
    output: Path | None,
    force: bool,
    plain: bool,
    no_color: bool,
) -> None:
    """Render ``result`` in ``fmt`` to ``output`` or the screen."""
    from wimcheck.cli.output import write_output

    if fmt is ReportFormat.json:
        from wimcheck.assessment.result_data import person_result_to_json

        write_output(person_result_to_json(result), output, force)
    elif fmt is ReportFormat.html:
        from wimcheck.reports.person import person_html

        write_output(person_html(result), output, force)
    elif fmt is ReportFormat.markdown:
        from wimcheck.reports.person import person_markdown

        write_output(person_markdown(result), output, force)
    elif output is not None:
        from wimcheck.cli.render import report_text

        write_output(report_text(result, plain), output, force)
    else:
        from wimcheck.cli.output import console, plain_stdout

        if plain_stdout():  # piped: the lines as rich would write them, without rich
            import sys

            from wimcheck.cli.render import write_report

            write_report(sys.stdout, result, plain)
            return
        from wimcheck.cli.render import print_report, supporter_pause

        screen = console(no_color=no_color)
        print_report(screen, result, plain, supporter_pause(screen, plain))


def _checked_kind(path: Path) -> FileKind:
    """What ``path`` is, read once: a result of ``report --format json`` (or JSON that may be
    one, which the result's edge then explains) is ``JSON_REPORT``; a response file, a
    framework file (the reader names it) or a sheet is itself; any other file is refused,
    saying what it is."""
    from wimcheck.assessment.file_kind import FileKind, file_kind
    from wimcheck.cli.inputs import require_file

    require_file(path)
    _refuse_empty(path)
    kind = file_kind(path)
    if kind is FileKind.JSON_REPORT or (kind is FileKind.OTHER and path.suffix.lower() == ".json"):
        return FileKind.JSON_REPORT
    _refuse_other_kinds(path, kind)
    return kind


def _refuse_empty(path: Path) -> None:
    """Refuse an empty file as empty (it is no response file, nor a sheet to score)."""
    from wimcheck.errors import RejectedInputError
    from wimcheck.messages import t

    if path.is_file() and path.stat().st_size == 0:
        raise RejectedInputError(t("input.empty"), path=path, hint=t("report.is-other.hint"))


def _refuse_other_kinds(path: Path, kind: FileKind) -> None:
    """Refuse a file that is not a response file, saying what it is instead.

    A framework file is left to the response file reader, which names it; a sheet to
    :mod:`wimcheck.cli.report_sheet`.
    """
    from wimcheck.assessment.file_kind import FileKind
    from wimcheck.errors import RejectedInputError
    from wimcheck.messages import t

    if kind in (FileKind.RESPONSE, FileKind.FRAMEWORK, FileKind.SHEET):
        return
    hints = {
        FileKind.SESSION: t("report.is-session.hint", id=path.stem),
        FileKind.JSON_ANSWERS: t("report.is-json-answers.hint", path=path),
        FileKind.WEB_PAGE: t("report.is-web-page.hint"),
        FileKind.OTHER: t("report.is-other.hint"),
    }
    hint = hints.get(kind, t("report.is-json-result.hint"))
    raise RejectedInputError(t(f"report.is-{kind.value}"), path=path, hint=hint)
