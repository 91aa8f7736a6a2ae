"""``wimcheck sessions``: unfinished questionnaire sessions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from wimcheck.cli.output import echo, message, terminal_safe

app = typer.Typer(help="help.sessions", no_args_is_help=True)


@app.command("list", help="help.sessions.list")
def list_sessions() -> None:
    """Show unfinished sessions, most recent first."""
    from wimcheck.assessment.sessions import list_sessions as find
    from wimcheck.i18n.formats import format_datetime
    from wimcheck.messages import t, tn

    sessions = find()
    if not sessions:
        message(t("session.none"))
        return
    for session in sessions:
        answered = sum(1 for v in session.answers.values() if v != "skip")
        # the names come from files: shown as text, never as terminal commands
        line = t(
            "session.line",
            id=session.id,
            respondent=session.respondent,
            framework=session.framework_id,
            role=session.role_id,
            answered=tn("session.answered", answered, total=session.total),
            saved=format_datetime(_in_utc(session.updated)),
        )
        echo(terminal_safe(line))


def _in_utc(moment: datetime) -> datetime:
    """``moment`` in UTC (a time without a zone is taken as UTC already)."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC)


@app.command("discard", help="help.sessions.discard")
def discard(
    session_id: Annotated[str, typer.Argument(help="help.sessions.discard.id")],
) -> None:
    """Delete an unfinished session and its answers (only ever a file of the sessions folder)."""
    from wimcheck.assessment.sessions import delete_session
    from wimcheck.messages import t

    delete_session(session_id)
    message(t("session.discarded", id=session_id))
