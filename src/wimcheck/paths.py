"""Where wimcheck finds and keeps things, and the environment variables that move them."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "ENV_CACHE_DIR",
    "ENV_DATA_DIR",
    "ENV_FRAMEWORKS_PATH",
    "bundled_frameworks_dir",
    "cache_dir",
    "data_dir",
    "extra_framework_dirs",
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


def bundled_frameworks_dir() -> Path:
    """The frameworks shipped with wimcheck.

    In a built wheel they sit in the package as ``wimcheck/_bundled``; in a source
    checkout (editable install) they are the repository's ``frameworks/`` folder.
    """
    packaged = Path(__file__).resolve().parent / "_bundled"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "frameworks"
