"""The names of wimcheck's languages in each of them, as Babel (CLDR) writes them.

The one source of language names. A declarative table, so that naming a framework's
translation languages (``frameworks show``, reports) or offering a language by its own
name (the language links of ``serve``, the XLSForm's label columns) needs no Babel;
:func:`wimcheck.i18n.formats.language_name` reads it and asks Babel for any other pair (a
language added after these seven). ``tests/test_i18n_formats.py`` keeps it equal to Babel.
"""

from __future__ import annotations

__all__ = ["LANGUAGE_NAMES", "native_name"]

# (language named, language it is named in) -> name
LANGUAGE_NAMES: dict[tuple[str, str], str] = {
    ("en", "en"): "English",
    ("de", "en"): "German",
    ("it", "en"): "Italian",
    ("el", "en"): "Greek",
    ("sl", "en"): "Slovenian",
    ("hu", "en"): "Hungarian",
    ("bg", "en"): "Bulgarian",
    ("en", "de"): "Englisch",
    ("de", "de"): "Deutsch",
    ("it", "de"): "Italienisch",
    ("el", "de"): "Griechisch",
    ("sl", "de"): "Slowenisch",
    ("hu", "de"): "Ungarisch",
    ("bg", "de"): "Bulgarisch",
    ("en", "it"): "inglese",
    ("de", "it"): "tedesco",
    ("it", "it"): "italiano",
    ("el", "it"): "greco",
    ("sl", "it"): "sloveno",
    ("hu", "it"): "ungherese",
    ("bg", "it"): "bulgaro",
    ("en", "el"): "Αγγλικά",
    ("de", "el"): "Γερμανικά",
    ("it", "el"): "Ιταλικά",
    ("el", "el"): "Ελληνικά",
    ("sl", "el"): "Σλοβενικά",
    ("hu", "el"): "Ουγγρικά",
    ("bg", "el"): "Βουλγαρικά",
    ("en", "sl"): "angleščina",
    ("de", "sl"): "nemščina",
    ("it", "sl"): "italijanščina",
    ("el", "sl"): "grščina",
    ("sl", "sl"): "slovenščina",
    ("hu", "sl"): "madžarščina",
    ("bg", "sl"): "bolgarščina",
    ("en", "hu"): "angol",
    ("de", "hu"): "német",
    ("it", "hu"): "olasz",
    ("el", "hu"): "görög",
    ("sl", "hu"): "szlovén",
    ("hu", "hu"): "magyar",
    ("bg", "hu"): "bolgár",
    ("en", "bg"): "английски",
    ("de", "bg"): "немски",
    ("it", "bg"): "италиански",
    ("el", "bg"): "гръцки",
    ("sl", "bg"): "словенски",
    ("hu", "bg"): "унгарски",
    ("bg", "bg"): "български",
}


def native_name(code: str) -> str:
    """The language ``code`` named in itself with a capital first letter, as its speakers
    look for it (``Italiano``, ``Ελληνικά``); ``code`` itself when Babel does not know it."""
    known = LANGUAGE_NAMES.get((code, code))
    if known is None:
        from wimcheck.i18n.formats import language_name  # noqa: PLC0415 - Babel, lazily

        known = language_name(code, code)
        if known == code:  # Babel does not know it
            return code
    return known[:1].upper() + known[1:]
