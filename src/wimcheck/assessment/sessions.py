"""Unfinished questionnaire sessions, saved after every answer so nothing is lost.

A session lives in ``<data folder>/sessions/<id>.toml``, private to its owner (0600).
Its id is only ever one wimcheck made (``20261123-101500-3fa2``): an id typed by a
user or stored in a file is checked before it names a file, so no command can read,
write or delete anything outside the sessions folder. The file name, not the id
stored inside, says which session a file is.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wimcheck.assessment.responses import ANONYMOUS, ResponseSet, response_file_text
from wimcheck.errors import OutputError, OutputExistsError, SessionError, UsageError
from wimcheck.frameworks.model import Framework
from wimcheck.messages import t
from wimcheck.paths import file_name_part, responses_dir, sessions_dir
from wimcheck.plaintext import has_visible_character, trimmed
from wimcheck.records import field, record
from wimcheck.tomlio import (
    TomlSyntaxError,
    atomic_write_text,
    create_unique,
    parse_toml,
    read_text,
    refuse_overwrite,
)

__all__ = [
    "MAX_RESPONDENT",
    "Session",
    "check_session_id",
    "checked_name",
    "create_session",
    "delete_session",
    "finish_session",
    "list_sessions",
    "load_session",
    "now",
    "redirect_output",
    "response_file_stem",
    "save_session",
]

SESSION_ID = re.compile(r"\A[0-9]{8}-[0-9]{6}-[0-9a-f]{4}\Z")
MAX_RESPONDENT = 200  # as the response file format allows
_CREATE_ATTEMPTS = 20


def now() -> datetime:
    """The current time in UTC, to the second.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it, so that two
    runs with the same answers write byte-identical files.
    """
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed and fixed.isdigit():
        return datetime.fromtimestamp(int(fixed), UTC)
    return datetime.now(UTC).replace(microsecond=0)


@record
class Session:
    """An unfinished session: what is being answered and the answers so far."""

    id: str
    framework_id: str
    framework_version: str
    role_id: str
    respondent: str
    language: str
    started: datetime
    updated: datetime
    position: int = 0
    answers: dict[str, Any] = field(default_factory=dict)  # id -> int | "n/a" | "skip"
    framework_path: str | None = None  # when the framework was loaded from a file
    assisted_by: str | None = None
    hours: float | None = None
    output: str | None = None
    total: int = 0

    def with_progress(self, answers: dict[str, Any], position: int) -> Session:
        """A copy with new answers and position, stamped now."""
        return replace(self, answers=dict(answers), position=position, updated=now())


def new_session_id(started: datetime) -> str:
    """A readable, unique id such as ``20261123-101500-3fa2``."""
    return f"{started:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def check_session_id(session_id: str) -> str:
    """``session_id`` if it has exactly the form wimcheck makes.

    Raises:
        SessionError: anything else (a path, dots, spaces, another length).
    """
    if not SESSION_ID.match(session_id):
        raise SessionError(t("session.bad-id", id=session_id[:80]), hint=t("session.bad-id.hint"))
    return session_id


def _path(session_id: str, folder: Path | None = None) -> Path:
    return (folder or sessions_dir()) / f"{check_session_id(session_id)}.toml"


def _session_text(session: Session) -> str:
    import tomli_w  # noqa: PLC0415

    data: dict[str, Any] = {
        "format_version": 1,
        "id": session.id,
        "framework": session.framework_id,
        "framework_version": session.framework_version,
        "role": session.role_id,
        "respondent": session.respondent,
        "language": session.language,
        "started": session.started,
        "updated": session.updated,
        "position": session.position,
        "total": session.total,
    }
    for key in ("framework_path", "assisted_by", "hours", "output"):
        value = getattr(session, key)
        if value is not None:
            data[key] = value
    data["answers"] = session.answers
    return tomli_w.dumps(data)


def create_session(session: Session, *, folder: Path | None = None) -> Session:
    """Save a new session in a file of its own; returns it (with a new id if needed).

    ``folder`` is where sessions are kept (the data folder's ``sessions`` when None; a
    workshop keeps its participants' sessions in its own folder).

    The file is created exclusively: two sessions started in the same second never
    share a file. The respondent's name and the paths are checked first, so that
    nothing typed now can make the session impossible to save or finish later.

    Raises:
        UsageError: the name is too long, has control characters or shows nothing, or a path is
            not valid text.
        OutputError: the sessions folder cannot be written.
    """
    session = _checked(session)
    for _ in range(_CREATE_ATTEMPTS):
        try:
            atomic_write_text(_path(session.id, folder), _session_text(session), private=True)
            return session
        except OutputExistsError:
            session = replace(session, id=new_session_id(session.started))
    raise OutputError(t("output.exists"), path=folder or sessions_dir())


def save_session(session: Session, *, folder: Path | None = None) -> Path:
    """Save ``session`` atomically over its earlier state (in ``folder``, the sessions
    folder when None); returns its file.

    Raises:
        OutputError: it cannot be written (the earlier state is kept).
    """
    path = _path(session.id, folder)
    try:
        atomic_write_text(path, _session_text(session), replace=True, private=True)
    except OutputError as exc:
        exc.hint = t("session.save-failed.hint", hint=exc.hint, id=session.id)
        raise
    return path


def _checked(session: Session) -> Session:
    """``session`` with its names repaired and checked, and its paths checked."""
    for value in (session.framework_path, session.output):
        if value is not None and not _is_text(value):
            raise UsageError(
                t("session.path-not-text", path=value), hint=t("session.path-not-text.hint")
            )
    assisted_by = None if session.assisted_by is None else checked_name(session.assisted_by)
    return replace(
        session,
        respondent=checked_name(session.respondent) or ANONYMOUS,
        assisted_by=assisted_by or None,
    )


def checked_name(text: str) -> str:
    """A person's name as typed: undecodable bytes repaired, NFC, length checked; one
    that cannot be kept (too long, control characters, nothing visible) raises
    :class:`~wimcheck.errors.UsageError` saying why."""
    name = unicodedata.normalize("NFC", _repaired(text).strip())
    if len(name) > MAX_RESPONDENT:
        raise UsageError(
            t("session.respondent-too-long", max=MAX_RESPONDENT),
            hint=t("session.respondent-too-long.hint"),
        )
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise UsageError(t("session.respondent-control"), hint=t("session.respondent-control.hint"))
    if name and not has_visible_character(name):
        raise UsageError(
            t("session.respondent-invisible"), hint=t("session.respondent-invisible.hint")
        )
    return trimmed(name)


def _repaired(text: str) -> str:
    """Text whose undecodable bytes (a Latin-1 argument) are read as Windows-1252."""
    if _is_text(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("cp1252", "replace")


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _from_data(data: dict[str, Any], session_id: str) -> Session:
    stored = str(data["id"])
    if stored != session_id:
        raise ValueError(t("session.other-id", stored=stored[:80], id=session_id))
    for key in ("respondent", "assisted_by"):  # shown on the terminal when resuming
        if any(unicodedata.category(ch) == "Cc" for ch in str(data.get(key) or "")):
            raise ValueError(t("session.respondent-control"))
    return Session(
        id=session_id,
        framework_id=str(data["framework"]),
        framework_version=str(data["framework_version"]),
        role_id=str(data["role"]),
        respondent=str(data["respondent"]),
        language=str(data.get("language", "en")),
        started=data["started"],
        updated=data["updated"],
        position=int(data.get("position", 0)),
        answers=dict(data.get("answers", {})),
        framework_path=data.get("framework_path"),
        assisted_by=data.get("assisted_by"),
        hours=data.get("hours"),
        output=data.get("output"),
        total=int(data.get("total", 0)),
    )


def _is_session_file(path: Path) -> bool:
    """A regular file (not a link) in the sessions folder."""
    return path.is_file() and not path.is_symlink()


def load_session(session_id: str, *, folder: Path | None = None) -> Session:
    """Load a saved session (from ``folder``, the sessions folder when None).

    Raises:
        SessionError: the id is not a session id, there is no such session, or its
            file is damaged.
    """
    path = _path(session_id, folder)
    if not _is_session_file(path):
        known = ", ".join(s.id for s in list_sessions(folder=folder)) or t("compare.none")
        raise SessionError(
            t("session.unknown", id=session_id),
            hint=t("session.unknown.hint", known=known),
        )
    try:
        return _from_data(parse_toml(read_text(path)), session_id)
    except (TomlSyntaxError, KeyError, TypeError, ValueError) as exc:
        raise SessionError(
            t("session.damaged", detail=exc),
            path=path,
            hint=t("session.damaged.hint", id=session_id),
        ) from None


def list_sessions(*, folder: Path | None = None) -> list[Session]:
    """Unfinished sessions (in ``folder``, the sessions folder when None), most recently
    updated first; damaged files are left out."""
    folder = folder or sessions_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.toml"):
        if not SESSION_ID.match(path.stem) or not _is_session_file(path):
            continue
        try:
            found.append(_from_data(parse_toml(read_text(path)), path.stem))
        except Exception:  # a damaged file must not hide the others
            continue
    return sorted(found, key=lambda s: (s.updated, s.id), reverse=True)


def delete_session(session_id: str, *, folder: Path | None = None) -> None:
    """Remove a session's file (only ever a file in the sessions folder; a link there is
    removed itself, never what it points to).

    Raises:
        SessionError: the id is not a session id, or there is no such session.
    """
    path = _path(session_id, folder)
    if not (_is_session_file(path) or path.is_symlink()):
        raise SessionError(t("session.unknown", id=session_id), hint=t("session.list.hint"))
    path.unlink()


def redirect_output(session: Session, output: Path | None, force: bool) -> Session:
    """``session`` saving its response file to ``output`` instead (when one is given).

    Raises:
        OutputExistsError, OutputError: ``output`` cannot be written.
    """
    if output is None:
        return session
    refuse_overwrite(output, force)
    if not _is_text(str(output)):
        raise UsageError(
            t("session.path-not-text", path=output), hint=t("session.path-not-text.hint")
        )
    return replace(session, output=str(output))


def response_file_stem(respondent: str, framework_id: str, role_id: str, started: datetime) -> str:
    """The name (without ``.toml``) of a response file in the data folder.

    Safe on every system and at most about 190 bytes, however long the name is; the
    full name is kept inside the file.
    """
    who = file_name_part(respondent) or ANONYMOUS
    what = f"{file_name_part(framework_id)}-{file_name_part(role_id)}"
    return f"{who}-{what}-{started:%Y%m%d-%H%M%S}"


def finish_session(
    session: Session,
    responses: ResponseSet,
    framework: Framework,
    force: bool,
    *,
    folder: Path | None = None,
    sessions_folder: Path | None = None,
) -> Path:
    """Save the finished answers, then remove the session (from ``sessions_folder``, the
    sessions folder when None); returns the response file.

    With an output path the file is created there (replacing a regular file only with
    ``force``, keeping the user's umask); otherwise it is created, private, in ``folder``
    (the data folder's ``responses`` when None) under the next free name. If saving
    fails, the session stays, so the answers can still be saved by resuming.

    Raises:
        OutputError: the response file cannot be written.
    """
    text = response_file_text(responses, framework)
    try:
        if session.output:
            path = Path(session.output)
            atomic_write_text(path, text, replace=force)
        else:
            stem = response_file_stem(
                session.respondent, session.framework_id, session.role_id, session.started
            )
            path = create_unique(folder or responses_dir(), stem, ".toml", text, private=True)
    except OutputError as exc:
        exc.hint = t("session.finish-failed.hint", hint=exc.hint, id=session.id)
        raise
    delete_session(session.id, folder=sessions_folder)
    return path
