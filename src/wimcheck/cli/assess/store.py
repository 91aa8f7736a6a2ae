"""Where an assessment is kept: its session, saved after every answer, and its response file.

Every call on :mod:`wimcheck.assessment.sessions` made by ``wimcheck assess`` is here, and
so is the naming of the response file, so that a change to either is made in one place.
"""

from __future__ import annotations

import re
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
    from wimcheck.assessment.sessions import Session, new_session_id, now

    started = now()
    return Session(
        id=new_session_id(started),
        framework_id=framework.id,
        framework_version=framework.version,
        role_id=role.id,
        respondent=respondent or "anonymous",
        language=language,
        started=started,
        updated=started,
        framework_path=framework_path,
        assisted_by=options.assisted_by,
        hours=options.hours,
        output=str(options.output) if options.output else None,
        total=len(framework.questionnaire(role)),
    )


def save(session: Session) -> None:
    """Save the session as it is."""
    from wimcheck.assessment.sessions import save_session

    save_session(session)


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


def response_path(
    session: Session, framework: Framework, role: Role, force: bool, folder: Path | None = None
) -> Path:
    """Where the response file goes: ``--output`` (not replaced without ``force``), or a
    new file in ``folder`` (the data folder's when None) named after the respondent,
    framework, role and start."""
    from wimcheck.paths import responses_dir
    from wimcheck.tomlio import refuse_overwrite

    if session.output:
        path = Path(session.output)
        refuse_overwrite(path, force)
        return path
    folder = folder or responses_dir()
    stem = f"{_slug(session.respondent)}-{framework.id}-{role.id}-{session.started:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.toml"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.toml"
        counter += 1
    return path


def keep_responses(
    session: Session, path: Path, responses: ResponseSet, framework: Framework
) -> None:
    """Write the response file, then drop the session it replaces."""
    from wimcheck.assessment.responses import write_response_file
    from wimcheck.assessment.sessions import delete_session

    write_response_file(path, responses, framework)
    delete_session(session.id)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "anonymous"
