"""``wimcheck report``: re-score a saved response file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from wimcheck.cli.output import NoColorOption, PlainOption, TextOrJson, echo, message


def report(
    response_file: Annotated[
        Path, typer.Argument(help="A response file written by `wimcheck assess`.")
    ],
    fmt: Annotated[TextOrJson, typer.Option("--format", help="Output format.")] = TextOrJson.text,
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

    Example: wimcheck report answers.toml --hours 20 --format json
    """
    from wimcheck.catalog import find_role, load_framework
    from wimcheck.errors import RejectedInputError, UnknownFrameworkError
    from wimcheck.responses import ResponseFileError, check_answers, read_response_file
    from wimcheck.result import assessment_result

    responses = read_response_file(response_file)
    try:
        framework = load_framework(framework_name or responses.framework_id)
    except UnknownFrameworkError as exc:
        exc.hint = f"{exc.hint}; if it was answered with a framework file, add --framework PATH"
        raise
    if framework.id != responses.framework_id:
        raise RejectedInputError(
            f"the answers are for framework '{responses.framework_id}', not '{framework.id}'",
            path=response_file,
            hint="give the framework the answers were made with",
        )
    if framework.version != responses.framework_version:
        message(
            f"warning: {response_file} was answered with {framework.id} "
            f"{responses.framework_version}; scoring with {framework.version}"
        )
    role = find_role(framework, responses.role_id)
    problems = check_answers(framework, role, responses.answers)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ResponseFileError(
            problems[0] + more,
            path=response_file,
            hint=f"answers must be statements of role '{role.id}' with values on its scale",
        )
    result = assessment_result(framework, role, responses, hours)
    if fmt is TextOrJson.json:
        echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    from wimcheck.cli.output import console
    from wimcheck.cli.render import print_report

    print_report(console(no_color=no_color), result, plain)
