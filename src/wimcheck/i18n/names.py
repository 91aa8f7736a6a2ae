"""The names of languages as their speakers write them (with Babel): ``de`` is ``Deutsch``.

Used where a file names a language for people, such as the label columns of an XLSForm
(``label::Deutsch (de)``). Babel is imported only when a name is asked for.
"""

from __future__ import annotations

__all__ = ["language_name"]


def language_name(code: str) -> str:
    """The language ``code`` in its own language, with a capital first letter
    (``Italiano``, ``Ελληνικά``); ``code`` itself when Babel does not know it."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415

    try:
        name = Locale.parse(code).get_language_name(code)
    except (UnknownLocaleError, ValueError):
        return code
    if not name:
        return code
    return name[:1].upper() + name[1:]
