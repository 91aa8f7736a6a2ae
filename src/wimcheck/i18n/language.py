"""Which language wimcheck speaks: the supported languages and how one is chosen.

Standard library only: the command line resolves the language before anything else is
imported. The choice, in order: an explicit ``--lang``, ``WIMCHECK_LANG``, the system
locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``), else English. The chosen language
is the *current language* of :func:`wimcheck.messages.t` while a command runs
(:func:`use_language`); library code that calls ``t`` without a language gets English
unless it chose one the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = [
    "SOURCE_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "current_language",
    "language_of",
    "resolve_language",
    "use_language",
]

SOURCE_LANGUAGE = "en"

# Every language wimcheck's own texts are translated into, English (the source) first.
# Adding a language: one code here plus its catalogue (see docs/translating.md).
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "de", "it", "el", "sl", "hu", "bg")

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first set one counts

_CURRENT: ContextVar[str] = ContextVar("wimcheck_language", default=SOURCE_LANGUAGE)

_SEPARATORS = re.compile(r"[-_.@]")


def language_of(tag: str | None) -> str | None:
    """The supported language a tag names (``de``, ``de-AT``, ``sl_SI.UTF-8``), or None."""
    if not tag:
        return None
    code = _SEPARATORS.split(tag.strip(), maxsplit=1)[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


def _system_language(environ: Mapping[str, str]) -> str:
    """The language of the first locale variable that is set (``C`` and others: English)."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return language_of(value) or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def resolve_language(explicit: str | None, environ: Mapping[str, str]) -> str:
    """The language to speak: ``explicit``, ``WIMCHECK_LANG``, the system locale, English.

    A value that names no supported language is passed over (an explicit one may be a
    framework's language that wimcheck's own texts do not have).
    """
    return (
        language_of(explicit)
        or language_of(environ.get("WIMCHECK_LANG"))
        or _system_language(environ)
    )


def current_language() -> str:
    """The language of this command (or of the enclosing :func:`use_language`)."""
    return _CURRENT.get()


@contextmanager
def use_language(lang: str) -> Iterator[str]:
    """Speak ``lang`` inside the ``with`` block (the language before it comes back after)."""
    token = _CURRENT.set(lang)
    try:
        yield lang
    finally:
        _CURRENT.reset(token)
