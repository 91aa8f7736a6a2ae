"""``wimcheck sessions``: unfinished questionnaire sessions."""

from __future__ import annotations

from typing import Annotated

import typer

from wimcheck.cli.output import echo, message

app = typer.Typer(help="List or discard unfinished assessment sessions.", no_args_is_help=True)


@app.command("list")
def list_sessions() -> None:
    """Show unfinished sessions, most recent first (resume one with `wimcheck assess --resume ID`)."""
    from wimcheck.assessment.sessions import list_sessions as find

    sessions = find()
    if not sessions:
        message("No unfinished sessions.")
        return
    for session in sessions:
        answered = sum(1 for v in session.answers.values() if v != "skip")
        echo(
            f"{session.id}  {session.respondent}  {session.framework_id}/{session.role_id}  "
            f"{answered} of {session.total} answered  last saved {session.updated:%Y-%m-%d %H:%M} UTC"
        )


@app.command("discard")
def discard(session_id: Annotated[str, typer.Argument(help="The session's id.")]) -> None:
    """Delete an unfinished session and its answers."""
    from wimcheck.assessment.sessions import delete_session

    delete_session(session_id)
    message(f"Discarded session {session_id}.")
