"""What a workshop keeps on disk beside its response files.

Layout of a workshop folder::

    <folder>/*.toml                              finished response files (ordinary ones)
    <folder>/.wimcheck-serve/workshop.json       secret, facilitator token, join code (0600)
    <folder>/.wimcheck-serve/sessions/<id>.toml  a participant's session, saved per answer
    <folder>/.wimcheck-serve/access/<id>.json    the participant's token (hashed), resume
                                                 code, and the response file once finished
    <folder>/.wimcheck-serve/closed              present once the workshop is closed

Every file is written atomically (temporary file, then rename) and private; ``score``
and ``report`` skip the ``.wimcheck-serve`` folder when given the workshop folder.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from wimcheck.errors import UsageError, WimcheckError
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.tomlio import atomic_write_text, read_text

__all__ = [
    "STATE_FOLDER",
    "AccessRecord",
    "WorkshopKeys",
    "hash_token",
    "load_or_create_keys",
    "new_resume_code",
    "new_token",
    "read_access",
    "write_access",
]

STATE_FOLDER = ".wimcheck-serve"
# Letters and digits that cannot be mistaken for one another when read aloud or typed.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RESUME_CODE_LENGTH = 8  # 31**8: about 8.5e11 codes, against a few hundred participants
JOIN_CODE_LENGTH = 6


def new_token() -> str:
    """An unguessable token (256 bits) for a cookie or an address."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What is stored of a token: its SHA-256, so that the files do not hold the key."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_resume_code() -> str:
    """A short code to continue on another device, such as ``K7QM-4PXD``."""
    code = _code(RESUME_CODE_LENGTH)
    return f"{code[:4]}-{code[4:]}"


def normal_code(text: str) -> str:
    """A typed code as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


@record
class WorkshopKeys:
    """The secrets of one workshop, kept across restarts on the same folder."""

    framework: str
    secret: str  # signs the forms' CSRF tokens
    facilitator_token: str
    join_code: str


def load_or_create_keys(state: Path, framework_id: str) -> WorkshopKeys:
    """The keys of the workshop in ``state`` (created the first time).

    Raises:
        UsageError: the folder holds another framework's workshop, or its keys are damaged.
    """
    path = state / "workshop.json"
    if not path.exists():
        keys = WorkshopKeys(framework_id, new_token(), new_token(), _code(JOIN_CODE_LENGTH))
        atomic_write_text(path, json.dumps(asdict(keys)), private=True)
        return keys
    try:
        data = json.loads(read_text(path))
        keys = WorkshopKeys(**{k: str(data[k]) for k in WorkshopKeys.__dataclass_fields__})
    except (ValueError, KeyError, TypeError):
        raise UsageError(
            t("serve.keys-damaged"), path=path, hint=t("serve.keys-damaged.hint")
        ) from None
    if keys.framework != framework_id:
        raise UsageError(
            t("serve.other-framework", framework=keys.framework),
            path=path.parent.parent,
            hint=t("serve.other-framework.hint"),
        )
    return keys


@record
class AccessRecord:
    """How a participant is recognised, and what they answered as."""

    session_id: str
    token_hash: str
    resume_code: str
    respondent: str
    role: str
    language: str
    started: str  # ISO 8601
    stem: str  # the response file's name, before a number is added to make it unique
    total: int
    finished: str | None = None  # the response file's name in the workshop folder
    answered: int = 0  # at the end
    devices: tuple[str, ...] = ()  # hashed tokens of the devices that continued by code

    @property
    def started_at(self) -> datetime:
        """When the participant joined."""
        return datetime.fromisoformat(self.started)


def write_access(folder: Path, record: AccessRecord, *, replace: bool) -> None:
    """Save an access record (created exclusively unless ``replace``)."""
    path = folder / f"{record.session_id}.json"
    atomic_write_text(path, json.dumps(asdict(record)), replace=replace, private=True)


def read_access(path: Path) -> AccessRecord | None:
    """The access record in ``path``; None when it is damaged."""
    try:
        data: dict[str, Any] = json.loads(read_text(path))
        data["devices"] = tuple(str(d) for d in data.get("devices", ()))
        return AccessRecord(**data)
    except (ValueError, TypeError, OSError, WimcheckError):
        return None
