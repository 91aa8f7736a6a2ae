"""``wimcheck sessions``: unfinished questionnaire sessions."""

from __future__ import annotations

from typing import Annotated

import typer

from wimcheck.cli.output import echo, message, terminal_safe

app = typer.Typer(help="List or discard unfinished assessment sessions.", no_args_is_help=True)


@app.command("list")
def list_sessions() -> None:
    """Show unfinished sessions, most recent first (resume one with `wimcheck assess --resume ID`)."""
    from wimcheck.assessment.sessions import list_sessions as find
    from wimcheck.messages import t

    sessions = find()
    if not sessions:
        message(t("session.none"))
        return
    for session in sessions:
        answered = sum(1 for v in session.answers.values() if v != "skip")
        # the names come from files: shown as text, never as terminal commands
        echo(
            terminal_safe(
                f"{session.id}  {session.respondent}  {session.framework_id}/{session.role_id}  "
                f"{answered} of {session.total} answered  "
                f"last saved {session.updated:%Y-%m-%d %H:%M} UTC"
            )
        )


@app.command("discard")
def discard(
    session_id: Annotated[
        str, typer.Argument(help="The session's id, as `wimcheck sessions list` shows it.")
    ],
) -> None:
    """Delete an unfinished session and its answers (only ever a file of the sessions folder)."""
    from wimcheck.assessment.sessions import delete_session
    from wimcheck.messages import t

    delete_session(session_id)
    message(t("session.discarded", id=session_id))
