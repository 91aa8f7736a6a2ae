"""The end of an assessment: the answers saved, the result shown, the saved path told."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from wimcheck.assessment.questionnaire import Questionnaire
    from wimcheck.assessment.sessions import Session
    from wimcheck.cli.assess.options import AssessOptions
    from wimcheck.frameworks.model import Framework, Role


def finish(
    session: Session,
    framework: Framework,
    role: Role,
    q: Questionnaire,
    ui: Console,
    options: AssessOptions,
    folder: Path | None = None,
) -> Path:
    """Save the response file (the session goes), print the report on stdout, and say on
    stderr where the answers are and how to see the report again, also as a web page.

    The file goes to ``--output``, else into ``folder`` (the data folder's when None).
    """
    from wimcheck.assessment.result import person_result
    from wimcheck.cli.assess.screen import say
    from wimcheck.cli.assess.store import keep_responses, responses_of
    from wimcheck.cli.output import console as make_console
    from wimcheck.cli.render import print_report, supporter_pause
    from wimcheck.messages import t_for

    responses = responses_of(session, framework, role, q)
    path = keep_responses(session, responses, framework, options.force, folder)
    result = person_result(framework, role, responses, session.hours)
    screen = make_console(no_color=options.no_color)
    print_report(screen, result, options.plain, supporter_pause(screen, options.plain))
    easy = role.easy_read
    told = "\n".join(
        (
            "",
            t_for("assess.saved", easy_read=easy, path=path),
            t_for("assess.again", easy_read=easy, path=shell_word(str(path))),
            t_for("assess.html", easy_read=easy, command=html_command(path)),
        )
    )
    say(ui, _commands_apart(told))
    return path


def _commands_apart(text: str) -> str:
    """``text`` with a command that ends a sentence (``...: wimcheck ...``) on a line of its
    own, so that wrapping never breaks it and it can be copied whole."""
    return text.replace(": wimcheck ", ":\n  wimcheck ")


def html_command(path: Path) -> str:
    """The command that writes the report of ``path`` as a web page in the current folder."""
    page = Path(path.stem + ".html")
    return f"wimcheck report {shell_word(str(path))} --format html -o {shell_word(str(page))}"


def shell_word(text: str) -> str:
    """``text`` as one word of a command line: quoted only when it has to be."""
    if os.name == "nt":
        return f'"{text}"' if any(c in text for c in ' &()^;,"') else text
    return shlex.quote(text)
