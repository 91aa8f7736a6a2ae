"""``wimcheck report``: re-score a saved response file."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wimcheck.cli.output import ForceOption, NoColorOption, OutputOption, PlainOption, message


class ReportFormat(StrEnum):
    """Formats of ``report``."""

    text = "text"
    json = "json"
    html = "html"
    markdown = "markdown"


def report(
    response_file: Annotated[
        Path, typer.Argument(help="A response file written by `wimcheck assess`.")
    ],
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", help="text, json, html (one file to share) or markdown."),
    ] = ReportFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    framework_name: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="Framework id or .toml path, when it is not among the installed frameworks.",
        ),
    ] = None,
    hours: Annotated[
        float | None,
        typer.Option("--hours", min=0, help="Hours available for training (default: no limit)."),
    ] = None,
    plain: PlainOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Show the gap profile and training plan of a saved response file.

    html gives one self-contained page (charts included, nothing loaded from the
    network) to share or print; markdown is for pasting into documents and e-mails.

    Example: wimcheck report answers.toml --hours 20 --format html -o report.html
    """
    from wimcheck.assessment.responses import ResponseFileError, check_answers, read_response_file
    from wimcheck.assessment.result import assessment_result
    from wimcheck.cli.output import write_output
    from wimcheck.errors import RejectedInputError, UnknownFrameworkError
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.messages import t
    from wimcheck.tomlio import refuse_overwrite

    if output is not None:
        refuse_overwrite(output, force)
    _refuse_other_kinds(response_file)
    responses = read_response_file(response_file)
    try:
        framework = load_framework(framework_name or responses.framework_id)
    except UnknownFrameworkError as exc:
        exc.hint = f"{exc.hint}; {t('report.framework-file.hint')}"
        raise
    if framework.id != responses.framework_id:
        raise RejectedInputError(
            t("report.other-framework", id=responses.framework_id, loaded=framework.id),
            path=response_file,
            hint=t("report.other-framework.hint"),
        )
    if framework.version != responses.framework_version:
        message(
            t(
                "report.version-warning",
                path=response_file,
                id=framework.id,
                answered=responses.framework_version,
                version=framework.version,
            )
        )
    role = find_role(framework, responses.role_id)
    problems = check_answers(framework, role, responses.answers)
    if problems:
        more = t("batch.more", count=len(problems) - 1) if len(problems) > 1 else ""
        raise ResponseFileError(
            problems[0] + more,
            path=response_file,
            hint=t("report.answers.hint", role=role.id),
        )
    result = assessment_result(framework, role, responses, hours)
    if fmt is ReportFormat.json:
        write_output(json.dumps(result, indent=2, ensure_ascii=False) + "\n", output, force)
    elif fmt is ReportFormat.html:
        from wimcheck.reports.person import person_html

        write_output(person_html(result), output, force)
    elif fmt is ReportFormat.markdown:
        from wimcheck.reports.person import person_markdown

        write_output(person_markdown(result), output, force)
    elif output is not None:
        from wimcheck.cli.render import report_lines

        write_output(
            "\n".join(line for _, line in report_lines(result, plain)) + "\n", output, force
        )
    else:
        from wimcheck.cli.output import console
        from wimcheck.cli.render import print_report

        print_report(console(no_color=no_color), result, plain)


def _refuse_other_kinds(path: Path) -> None:
    """Refuse a file that is not a response file, saying what it is instead.

    A framework file is left to the response file reader, which names it.
    """
    from wimcheck.assessment.file_kind import FileKind, file_kind
    from wimcheck.cli.inputs import require_file
    from wimcheck.errors import RejectedInputError, UsageError
    from wimcheck.messages import t

    require_file(path)
    kind = file_kind(path)
    if kind in (FileKind.RESPONSE, FileKind.FRAMEWORK):
        return
    if kind is FileKind.SHEET:
        raise UsageError(t("report.sheet", path=path), hint=t("report.sheet.hint", path=path))
    hints = {
        FileKind.SESSION: t("report.is-session.hint", id=path.stem),
        FileKind.JSON_ANSWERS: t("report.is-json-answers.hint", path=path),
        FileKind.WEB_PAGE: t("report.is-web-page.hint"),
        FileKind.OTHER: t("report.is-other.hint"),
    }
    hint = hints.get(kind, t("report.is-json-result.hint"))
    raise RejectedInputError(t(f"report.is-{kind.value}"), path=path, hint=hint)
