"""Where an assessment is kept: its session, saved after every answer, and its response file.

Every call on :mod:`wimcheck.assessment.sessions` made by ``wimcheck assess`` is here; the
naming and safe writing of the response file are in that core module.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wimcheck.assessment.questionnaire import Questionnaire
    from wimcheck.assessment.responses import ResponseSet
    from wimcheck.assessment.sessions import Session
    from wimcheck.cli.assess.options import AssessOptions
    from wimcheck.frameworks.model import Framework, Role


def new_session(
    options: AssessOptions,
    framework: Framework,
    role: Role,
    *,
    respondent: str | None,
    language: str,
    framework_path: str | None,
) -> Session:
    """A session for a new assessment, started now (not saved yet)."""
    from wimcheck.assessment.responses import ANONYMOUS
    from wimcheck.assessment.sessions import Session, new_session_id, now

    started = now()
    return Session(
        id=new_session_id(started),
        framework_id=framework.id,
        framework_version=framework.version,
        role_id=role.id,
        respondent=respondent or ANONYMOUS,
        language=language,
        started=started,
        updated=started,
        framework_path=framework_path,
        assisted_by=options.assisted_by,
        hours=options.hours,
        output=str(options.output) if options.output else None,
        total=len(framework.questionnaire(role)),
    )


def create(session: Session) -> Session:
    """Save a new session in a file of its own (its id may change if another run took it)."""
    from wimcheck.assessment.sessions import create_session

    return create_session(session)


def redirect(session: Session, output: Path | None, force: bool) -> Session:
    """A resumed session saving its response file to ``output``, when one is given."""
    from wimcheck.assessment.sessions import redirect_output

    return redirect_output(session, output, force)


def save_progress(session: Session, q: Questionnaire) -> Session:
    """The session with the questionnaire's answers and position, saved."""
    from wimcheck.assessment.sessions import save_session

    session = session.with_progress(q.recorded, q.position)
    save_session(session)
    return session


def discard(session: Session) -> None:
    """Remove a session that has nothing to keep."""
    from wimcheck.assessment.sessions import delete_session

    delete_session(session.id)


def find_session(name: str | None, respondent: str | None = None) -> Session:
    """The session called ``name``, or else the latest unfinished one of ``respondent``
    (of the only person with unfinished sessions when ``respondent`` is None)."""
    from wimcheck.assessment.resuming import session_to_resume
    from wimcheck.assessment.sessions import list_sessions, load_session

    if name is not None:
        return load_session(name)
    return session_to_resume(list_sessions(), respondent)


def unfinished(respondent: str | None) -> list[Session]:
    """The unfinished sessions of ``respondent`` (everyone's when None), latest first."""
    from wimcheck.assessment.resuming import sessions_of
    from wimcheck.assessment.sessions import list_sessions

    return sessions_of(list_sessions(), respondent)


def responses_of(
    session: Session, framework: Framework, role: Role, q: Questionnaire
) -> ResponseSet:
    """The answers of a finished session, finished now."""
    from wimcheck.assessment.responses import ResponseSet
    from wimcheck.assessment.sessions import now

    return ResponseSet(
        framework_id=framework.id,
        framework_version=framework.version,
        role_id=role.id,
        respondent=session.respondent,
        answers=q.answers,
        language=session.language,
        assisted_by=session.assisted_by,
        started=session.started,
        finished=now(),
    )


def keep_responses(
    session: Session,
    responses: ResponseSet,
    framework: Framework,
    force: bool,
    folder: Path | None = None,
) -> Path:
    """Write the response file (``--output``, or a new file in ``folder``, the data
    folder's when None, named after the respondent, framework, role and start), then drop
    the session; returns the file."""
    from wimcheck.assessment.sessions import finish_session

    return finish_session(session, responses, framework, force, folder=folder)
