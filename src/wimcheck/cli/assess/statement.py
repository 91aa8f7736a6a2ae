"""The statement screen: one statement with its scale, and what each typed key does.

On a terminal each statement is shown before its prompt; after ``?`` or a line that is
not an answer only the message and the prompt follow, so that both stay on the screen.
Statements skipped in the first pass are offered once more before the end. From a
pipe, one line is read per statement and a line that is not an answer is refused with
its line number. Easy-read roles see every sentence in easy-read wording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

from wimcheck.cli.assess.prompts import read_line
from wimcheck.cli.assess.screen import say

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
    *,
    fresh: bool,
) -> tuple[Session, Questionnaire]:
    """Ask every statement left, saving the session after each answer.

    End of input, ``q`` and Ctrl+C pause the assessment and exit: the session stays,
    unless it is ``fresh`` (started by this command) and has no answer yet. The end of
    input is no interruption: it exits with 2, as input that cannot be read (``q``: 0,
    Ctrl+C: 130).
    """
    from wimcheck.assessment.questionnaire import Questionnaire, parse_input
    from wimcheck.cli.assess.store import save_progress
    from wimcheck.errors import ExitCode
    from wimcheck.messages import t

    q = Questionnaire(
        framework,
        role,
        session.language,
        session.answers,
        session.position,
        review_skipped=interactive,
    )
    if interactive:
        show_size(ui, q, fresh)
    line_number, show = 0, True
    try:
        while (item := q.current) is not None:
            if interactive and show:
                show_statement(ui, q, item, plain)
            line = read_line(ui, t("assess.prompt") if interactive else "")
            if line is None:
                stop(ui, session, q, t("assess.why.eof"), fresh, ExitCode.USAGE, ended=True)
            line_number += 1
            action = parse_input(line, q.scale, q.easy_read)
            show = action.kind not in ("invalid", "help", "quit")
            if not show:
                _not_an_answer(action, session, framework, q, interactive, ui, line_number, fresh)
                continue
            reviewing = q.in_review
            q.apply(action)
            session = save_progress(session, q)
            if interactive and q.in_review and not reviewing:
                _announce_review(ui, q)
    except KeyboardInterrupt:
        stop(ui, session, q, t("assess.why.interrupt"), fresh, ExitCode.INTERRUPTED)
    return session, q


def _not_an_answer(
    action: Action,
    session: Session,
    framework: Framework,
    q: Questionnaire,
    interactive: bool,
    ui: Console,
    line_number: int,
    fresh: bool,
) -> None:
    """Help, quit, or a line that means nothing: explain, pause, or refuse a piped line."""
    from wimcheck.errors import RejectedInputError
    from wimcheck.messages import t, t_for

    if action.kind == "invalid":
        if not interactive:
            raise RejectedInputError(
                t("assess.bad-line", number=line_number, message=action.message),
                hint=t("assess.bad-line.hint", id=session.id),
            )
        say(ui, action.message)
    elif action.kind == "help":
        na_help = t_for(f"assess.na-help.{framework.subject}", easy_read=q.easy_read)
        say(ui, t_for("assess.help", easy_read=q.easy_read, na=na_help))
    else:
        stop(ui, session, q, t("assess.why.quit"), fresh, 0)


def show_size(ui: Console, q: Questionnaire, fresh: bool) -> None:
    """How many statements there are (or are left), and about how long they take."""
    from wimcheck.assessment.questionnaire import estimated_minutes
    from wimcheck.messages import t_for

    if q.done:
        return
    count = len(q.items) if fresh else len(q.items) - q.answered_count
    minutes = estimated_minutes(count, q.easy_read)
    time = t_for("assess.minutes", count=minutes)
    key = "assess.size" if fresh else "assess.size.left"
    say(ui, t_for(key, easy_read=q.easy_read, count=count, time=time))


def _announce_review(ui: Console, q: Questionnaire) -> None:
    from wimcheck.messages import t_for

    say(ui, "")
    say(ui, t_for("assess.review", easy_read=q.easy_read, count=q.skipped_count))


def show_statement(ui: Console, q: Questionnaire, item: Item, plain: bool) -> None:
    """Where we are, the competence, the statement, the scale, the answer so far, the keys.

    Easy-read roles see only the question's number, not the expert names of the area
    and competence.
    """
    from rich.rule import Rule

    from wimcheck.messages import t, t_for

    lang, easy = q.lang, q.easy_read
    dim, bold = ("", "") if plain else ("dim", "bold")
    if not plain:
        ui.print(Rule(style="dim"))
    progress = t_for(
        "assess.progress.again" if q.in_review else "assess.progress",
        easy_read=easy,
        number=item.index + 1,
        total=len(q.items),
        area_number=item.area_number,
        areas=q.area_count,
        area=item.area.title.get(lang),
    )
    say(ui, progress, dim)
    if not easy:
        say(ui, item.competence.title.get(lang), bold)
    say(ui, "\n  " + " ".join(item.text.split()) + "\n", bold)
    say(ui, q.scale.title.get(lang))
    for value in q.scale.values:
        say(ui, f"  {value.value}  {value.label.get(lang)}: {value.descriptor.get(lang)}")
    say(ui, t_for("assess.na-choice", easy_read=easy))
    previous = q.current_answer()
    if previous is not None:
        shown = {
            "n/a": t_for("assess.was-na", easy_read=easy),
            "skip": t("assess.was-skipped"),
        }.get(str(previous), str(previous))
        say(ui, t_for("assess.so-far", easy_read=easy, answer=shown))
    say(ui, t_for("assess.keys", easy_read=easy), dim)


def stop(
    ui: Console,
    session: Session,
    q: Questionnaire,
    why: str,
    fresh: bool,
    code: int,
    *,
    ended: bool = False,
) -> NoReturn:
    """Pause: say why, how far it got and how to continue; then exit with ``code``.

    A ``fresh`` session without any answer has nothing to keep: it is removed. When the
    input ``ended`` then, the line says how to give the answers.
    """
    from wimcheck.cli.assess.store import discard
    from wimcheck.messages import t_for

    if fresh and not q.recorded:
        discard(session)
        key = "assess.ended.nothing" if ended else "assess.paused.nothing"
        text = t_for(key, easy_read=q.easy_read, why=why)
    else:
        text = t_for(
            "assess.paused",
            easy_read=q.easy_read,
            why=why,
            count=q.answered_count,
            total=len(q.items),
            id=session.id,
        )
    say(ui, "\n" + text)
    raise typer.Exit(int(code))
