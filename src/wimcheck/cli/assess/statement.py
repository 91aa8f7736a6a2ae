"""The statement screen: one statement with its scale, and what each typed key does.

On a terminal each statement is shown before its prompt; from a pipe, one line is read
per statement and a line that is not an answer is refused with its line number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from wimcheck.cli.assess.prompts import read_line

if TYPE_CHECKING:
    from rich.console import Console

    from wimcheck.assessment.questionnaire import Action, Item, Questionnaire
    from wimcheck.assessment.sessions import Session
    from wimcheck.frameworks.model import Framework, Role


def answer_statements(
    session: Session,
    framework: Framework,
    role: Role,
    interactive: bool,
    ui: Console,
    plain: bool,
) -> tuple[Session, Questionnaire]:
    """Ask every statement left, saving the session after each answer.

    End of input, ``q`` and Ctrl+C pause the assessment (the session stays) and exit.
    """
    from wimcheck.assessment.questionnaire import Questionnaire, parse_input
    from wimcheck.cli.assess.store import save_progress
    from wimcheck.errors import ExitCode
    from wimcheck.messages import t

    q = Questionnaire(framework, role, session.language, session.answers, session.position)
    line_number = 0
    try:
        while not q.done:
            item = q.current
            assert item is not None
            if interactive:
                show_statement(ui, q, item, plain)
            line = read_line(ui, t("assess.prompt") if interactive else "")
            if line is None:
                paused(ui, session, q, t("assess.why.eof"))
                raise typer.Exit(int(ExitCode.INTERRUPTED))
            line_number += 1
            action = parse_input(line, q.scale)
            if action.kind in ("invalid", "help", "quit"):
                _not_an_answer(action, session, framework, q, interactive, ui, line_number)
                continue
            q.apply(action)
            session = save_progress(session, q)
    except KeyboardInterrupt:
        paused(ui, session, q, t("assess.why.interrupt"))
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    return session, q


def _not_an_answer(
    action: Action,
    session: Session,
    framework: Framework,
    q: Questionnaire,
    interactive: bool,
    ui: Console,
    line_number: int,
) -> None:
    """Help, quit, or a line that means nothing: explain, pause, or refuse a piped line."""
    from rich.text import Text

    from wimcheck.errors import RejectedInputError
    from wimcheck.messages import t

    if action.kind == "invalid":
        if not interactive:
            raise RejectedInputError(
                t("assess.bad-line", number=line_number, message=action.message),
                hint=t("assess.bad-line.hint", id=session.id),
            )
        ui.print(Text(action.message))
    elif action.kind == "help":
        na_help = t(f"assess.na-help.{framework.subject}")
        ui.print(Text(t("assess.help", na=na_help)))
    else:
        paused(ui, session, q, t("assess.why.quit"))
        raise typer.Exit(0)


def show_statement(ui: Console, q: Questionnaire, item: Item, plain: bool) -> None:
    """Where we are, the competence, the statement, the scale, the answer so far, the keys."""
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    from wimcheck.messages import t

    lang = q.lang
    if not plain:
        ui.print(Rule(style="dim"))
    ui.print(
        Text(
            t(
                "assess.progress",
                number=item.index + 1,
                total=len(q.items),
                area_number=item.area_number,
                areas=q.area_count,
                area=item.area.title.get(lang),
            ),
            style="" if plain else "dim",
        )
    )
    ui.print(Text(item.competence.title.get(lang), style="" if plain else "bold"))
    ui.print(Text(""))
    ui.print(Padding(Text(item.text, style="" if plain else "bold"), (0, 0, 0, 2)))
    ui.print(Text(""))
    ui.print(Text(q.scale.title.get(lang)))
    for value in q.scale.values:
        line = Text(f"{value.value}  {value.label.get(lang)}: {value.descriptor.get(lang)}")
        ui.print(Padding(line, (0, 0, 0, 2)))
    ui.print(Text(t("assess.na-choice")))
    previous = q.current_answer()
    if previous is not None:
        shown = {"n/a": t("assess.was-na"), "skip": t("assess.was-skipped")}.get(
            str(previous), str(previous)
        )
        ui.print(Text(t("assess.so-far", answer=shown)))
    ui.print(Text(t("assess.keys"), style="" if plain else "dim"))


def paused(ui: Console, session: Session, q: Questionnaire, why: str) -> None:
    """Why the assessment stopped, how far it got, and how to continue it."""
    from wimcheck.messages import t

    text = t("assess.paused", why=why, count=q.answered_count, total=len(q.items), id=session.id)
    ui.print("\n" + text, markup=False, highlight=False, soft_wrap=True)
