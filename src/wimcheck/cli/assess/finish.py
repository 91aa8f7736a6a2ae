"""The end of an assessment: the answers saved, the result shown, the saved path told."""

from __future__ import annotations

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
) -> None:
    """Save the response file (the session goes), print the report on stdout, and say on
    stderr where the answers are and how to see the report again."""
    from wimcheck.assessment.result import person_result
    from wimcheck.cli.assess.store import keep_responses, responses_of
    from wimcheck.cli.output import console as make_console
    from wimcheck.cli.render import print_report
    from wimcheck.messages import t

    responses = responses_of(session, framework, role, q)
    path = keep_responses(session, responses, framework, options.force)
    result = person_result(framework, role, responses, session.hours)
    print_report(make_console(no_color=options.no_color), result, options.plain)
    ui.print("\n" + t("assess.saved", path=path), markup=False, highlight=False, soft_wrap=True)
    ui.print(t("assess.again", path=path), markup=False, highlight=False, soft_wrap=True)
