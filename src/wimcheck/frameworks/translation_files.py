"""Where a framework's translation files are: ``X.<lang>.po`` beside ``X.toml``.

Standard library only: the framework cache reads these files' bytes (a changed translation
is a changed framework) before it knows whether anything must be parsed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from wimcheck.i18n.language import SUPPORTED_LANGUAGES

__all__ = ["framework_source", "source_digest", "translation_files"]

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


def _order(lang: str) -> tuple[int, str]:
    """wimcheck's languages in their usual order, then any other language by its code."""
    known = (
        SUPPORTED_LANGUAGES.index(lang) if lang in SUPPORTED_LANGUAGES else len(SUPPORTED_LANGUAGES)
    )
    return known, lang


def translation_files(path: Path) -> dict[str, Path]:
    """The translation files of the framework file ``path``, by language (English never)."""
    found: dict[str, Path] = {}
    prefix = f"{path.stem}."
    try:
        names = os.listdir(path.parent)  # noqa: PTH208 - names only, no pattern compiled
    except OSError:
        return found
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".po")):
            continue
        lang = name[len(prefix) : -len(".po")]
        candidate = path.parent / name
        if LANGUAGE_CODE.fullmatch(lang) and lang != "en" and candidate.is_file():
            found[lang] = candidate
    return {lang: found[lang] for lang in sorted(found, key=_order)}


def _source_parts(path: Path) -> Iterator[bytes]:
    """The parts of :func:`framework_source`, in order."""
    yield path.read_bytes()
    for lang, po in translation_files(path).items():
        try:
            data = po.read_bytes()
        except OSError:
            data = b""
        yield f"\0{lang}\0{len(data)}\0".encode() + data


def framework_source(path: Path) -> bytes:
    """The bytes a framework is made from: its file, then each translation file's.

    Raises:
        OSError: the framework file cannot be read (an unreadable translation file
            counts as empty here; reading it later says what is wrong).
    """
    return b"".join(_source_parts(path))


def source_digest(path: Path) -> str:
    """The SHA-256 (hex) of :func:`framework_source`, hashed part by part as it is read
    (the parts are never joined: that copy took longer than hashing them).

    Raises:
        OSError: the framework file cannot be read.
    """
    import hashlib  # noqa: PLC0415 - only where a framework's source is checked

    digest = hashlib.sha256()
    for part in _source_parts(path):
        digest.update(part)
    return digest.hexdigest()
