"""Unfinished questionnaire sessions, saved after every answer so nothing is lost."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wimcheck.errors import SessionError
from wimcheck.messages import t
from wimcheck.paths import sessions_dir
from wimcheck.tomlio import TomlSyntaxError, atomic_write_text, parse_toml, read_text

__all__ = ["Session", "delete_session", "list_sessions", "load_session", "now", "save_session"]


def now() -> datetime:
    """The current time in UTC, to the second.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it, so that two
    runs with the same answers write byte-identical files.
    """
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed and fixed.isdigit():
        return datetime.fromtimestamp(int(fixed), UTC)
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
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


def _path(session_id: str) -> Path:
    return sessions_dir() / f"{session_id}.toml"


def save_session(session: Session) -> Path:
    """Save ``session`` atomically; returns its file."""
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
    path = _path(session.id)
    atomic_write_text(path, tomli_w.dumps(data))
    return path


def _from_data(data: dict[str, Any]) -> Session:
    return Session(
        id=str(data["id"]),
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


def load_session(session_id: str) -> Session:
    """Load a saved session.

    Raises:
        SessionError: no such session, or its file is damaged.
    """
    path = _path(session_id)
    if not path.is_file():
        known = ", ".join(s.id for s in list_sessions()) or t("compare.none")
        raise SessionError(
            t("session.unknown", id=session_id),
            hint=t("session.unknown.hint", known=known),
        )
    try:
        return _from_data(parse_toml(read_text(path)))
    except (TomlSyntaxError, KeyError, TypeError, ValueError) as exc:
        raise SessionError(
            t("session.damaged", detail=exc),
            path=path,
            hint=t("session.damaged.hint", id=session_id),
        ) from None


def list_sessions() -> list[Session]:
    """Unfinished sessions, most recently updated first; damaged files are left out."""
    folder = sessions_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.toml"):
        try:
            found.append(_from_data(parse_toml(read_text(path))))
        except Exception:  # a damaged file must not hide the others
            continue
    return sorted(found, key=lambda s: (s.updated, s.id), reverse=True)


def delete_session(session_id: str) -> None:
    """Remove a session's file.

    Raises:
        SessionError: no such session.
    """
    path = _path(session_id)
    if not path.is_file():
        raise SessionError(t("session.unknown", id=session_id), hint=t("session.list.hint"))
    path.unlink()
