"""``wimcheck assess``: the interactive self-assessment that never loses an answer.

This module is the command and its options; the screens it shows are in
:mod:`wimcheck.cli.assess` (pickers, statement screen, finish, and the session store).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wimcheck.cli.output import NoColorOption, PlainOption, check_hours

FrameworkArgument = Annotated[
    str | None,
    typer.Argument(help="help.assess.framework"),
]
RoleOption = Annotated[str | None, typer.Option("--role", "-r", help="help.assess.role")]
RespondentOption = Annotated[
    str | None, typer.Option("--respondent", help="help.assess.respondent")
]
LangOption = Annotated[str | None, typer.Option("--lang", help="help.assess.lang")]
HoursOption = Annotated[
    float | None,
    typer.Option("--hours", callback=check_hours, help="help.option.hours"),
]
ResponseOutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="help.assess.output")
]
ResumeOption = Annotated[
    bool,
    typer.Option(
        "--resume",
        help="help.assess.resume",
    ),
]
AssistedByOption = Annotated[
    str | None,
    typer.Option("--assisted-by", help="help.assess.assisted-by"),
]
ReplaceOutputOption = Annotated[bool, typer.Option("--force", help="help.assess.force")]
KioskOption = Annotated[
    bool,
    typer.Option(
        "--kiosk",
        help="help.assess.kiosk",
    ),
]


def assess(
    framework: FrameworkArgument = None,
    role: RoleOption = None,
    respondent: RespondentOption = None,
    lang: LangOption = None,
    hours: HoursOption = None,
    output: ResponseOutputOption = None,
    resume: ResumeOption = False,
    assisted_by: AssistedByOption = None,
    force: ReplaceOutputOption = False,
    kiosk: KioskOption = False,
    plain: PlainOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Answer a role's statements one at a time and get your gap profile and training plan.

    Its help text is ``help.assess`` in :mod:`wimcheck.messages`.
    """
    from wimcheck.cli.assess import start, statement, store
    from wimcheck.cli.assess.finish import finish
    from wimcheck.cli.assess.kiosk import run_kiosk
    from wimcheck.cli.assess.options import AssessOptions
    from wimcheck.cli.output import console as make_console
    from wimcheck.i18n.language import current_language

    _refuse_standard_output(output)
    lang = lang or current_language()
    options = AssessOptions(
        framework, role, respondent, lang, hours, output, assisted_by, force, plain, no_color, kiosk
    )
    interactive = sys.stdin.isatty()
    ui = make_console(stderr=True, no_color=no_color, wrap=True)
    if kiosk:
        run_kiosk(options, resume, interactive, ui)
        return
    if resume:
        # `wimcheck assess --resume [SESSION]`: the argument names the session; without
        # one, the latest session of --respondent (or of the only person with sessions).
        session, loaded, chosen = start.resume(framework or None, respondent, ui)
        session = store.redirect(session, output, force)
    else:
        session, loaded, chosen = start.start(options, interactive, ui)
    session, q = statement.answer_statements(
        session, loaded, chosen, interactive, ui, plain, fresh=not resume
    )
    finish(session, loaded, chosen, q, ui, options)


def _refuse_standard_output(output: Path | None) -> None:
    """``-o -``: the response file is a file to keep; standard output shows the questions."""
    from wimcheck.cli.output import is_standard_output
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if is_standard_output(output):
        raise UsageError(t("assess.output-dash"), hint=t("assess.output-dash.hint"))
