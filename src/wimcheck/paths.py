"""Where wimcheck finds and keeps things, and the environment variables that move them."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache
from pathlib import Path

__all__ = [
    "ENV_CACHE_DIR",
    "ENV_DATA_DIR",
    "ENV_FRAMEWORKS_PATH",
    "NAME_PART_BYTES",
    "bundled_frameworks_dir",
    "cache_dir",
    "data_dir",
    "extra_framework_dirs",
    "file_name_part",
    "responses_dir",
    "sessions_dir",
    "user_frameworks_dir",
]

ENV_DATA_DIR = "WIMCHECK_DATA_DIR"
ENV_FRAMEWORKS_PATH = "WIMCHECK_FRAMEWORKS_PATH"
ENV_CACHE_DIR = "WIMCHECK_CACHE_DIR"


def data_dir() -> Path:
    """The user data folder: ``$WIMCHECK_DATA_DIR``, else the platform's user data dir."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs  # noqa: PLC0415 - only needed when no override is set

    return platformdirs.user_data_path("wimcheck", appauthor=False)


def cache_dir() -> Path:
    """The cache folder: ``$WIMCHECK_CACHE_DIR``, else the platform's user cache dir."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs  # noqa: PLC0415 - only needed when no override is set

    return platformdirs.user_cache_path("wimcheck", appauthor=False)


def user_frameworks_dir() -> Path:
    """The folder for a user's own frameworks (``<data dir>/frameworks``)."""
    return data_dir() / "frameworks"


def sessions_dir() -> Path:
    """The folder where unfinished questionnaire sessions are kept."""
    return data_dir() / "sessions"


def responses_dir() -> Path:
    """The default folder for finished response files."""
    return data_dir() / "responses"


def extra_framework_dirs() -> list[Path]:
    """Folders named in ``$WIMCHECK_FRAMEWORKS_PATH`` (separated like PATH)."""
    raw = os.environ.get(ENV_FRAMEWORKS_PATH, "")
    return [Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip()]


@cache
def bundled_frameworks_dir() -> Path:
    """The frameworks shipped with wimcheck.

    In a built wheel they sit in the package as ``wimcheck/_bundled``; in a source
    checkout (editable install) they are the repository's ``frameworks/`` folder.
    Found once per process (resolving the package's path takes a system call a folder).
    """
    packaged = Path(__file__).resolve().parent / "_bundled"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "frameworks"


NAME_PART_BYTES = 64  # a name part in a file name, in UTF-8 bytes; file systems allow 255
_KEPT_PUNCTUATION = "._-"
_RUNS = re.compile(r"-{2,}")
# Names Windows reserves for devices, whatever follows a dot ("NUL.txt" is NUL too).
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in "0123456789¹²³"}
)


def file_name_part(text: str, max_bytes: int = NAME_PART_BYTES) -> str:
    """``text`` (a respondent's name, an id) made safe as the start of a file name.

    Unicode NFC; letters, marks, digits and ``. _ -`` are kept, every other run of
    characters (separators, control characters, spaces, undecodable bytes) becomes
    one ``-``; no leading or trailing dot or dash; never a Windows device name; at most
    ``max_bytes`` UTF-8 bytes: a longer text is cut and ends with a short hash of the
    whole, so two long names stay apart. An empty result is ``""``.
    """
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch if ch in _KEPT_PUNCTUATION or _is_word_character(ch) else "-" for ch in text)
    part = _RUNS.sub("-", kept).strip(".-")
    if len(part.encode("utf-8")) > max_bytes:
        import hashlib  # noqa: PLC0415 - only for a long name

        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        part = _cut(part, max_bytes - len(digest) - 1).rstrip(".-") + "-" + digest
    if part.split(".")[0].upper() in _DEVICES:
        part = "_" + part
    return part


def _is_word_character(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _cut(text: str, max_bytes: int) -> str:
    """The longest start of ``text`` whose UTF-8 form fits ``max_bytes``."""
    return text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
