"""The compiled catalogues of wimcheck's own texts, loaded with the standard library.

One gettext domain, ``wimcheck``: ``locale/<lang>/LC_MESSAGES/wimcheck.mo`` inside the
package, compiled from the ``.po`` file beside it (``python -m wimcheck.i18n.tools
compile``). Every entry has the message key as its context (``msgctxt``) and the English
text as its ``msgid``, so a translation is used only while the English text it was made
from is still the one in :mod:`wimcheck.messages`. English itself needs no catalogue.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from wimcheck.i18n.language import SOURCE_LANGUAGE
from wimcheck.records import record

__all__ = [
    "DOMAIN",
    "LOCALE_ROOT",
    "TranslationProvenance",
    "catalogue_path",
    "translation_provenance",
    "translations",
]

DOMAIN = "wimcheck"

LOCALE_ROOT = Path(__file__).resolve().parent.parent / "locale"

# Header fields of a PO file (and so of its compiled catalogue) that record who
# translated it and whether a fluent speaker reviewed it.
TRANSLATED_BY = "X-Wimcheck-Translated-By"
REVIEWED = "X-Wimcheck-Reviewed"
REVIEWED_BY = "X-Wimcheck-Reviewed-By"


def catalogue_path(lang: str, root: Path | None = None, suffix: str = ".mo") -> Path:
    """Where the catalogue of ``lang`` lives (``.mo`` compiled, ``.po`` source)."""
    return (root or LOCALE_ROOT) / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def _load(path: Path) -> gettext.NullTranslations:
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()


def translations(lang: str, root: Path | None = None) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; an empty one (English throughout) when missing.

    Catalogues are read once per process.
    """
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return _load(catalogue_path(lang, root))


@record
class TranslationProvenance:
    """Who or what translated wimcheck's own texts into a language, and the review."""

    lang: str
    translated_by: str  # a person, a team, or e.g. "machine translation, post-edited"; "" if none
    reviewed: bool  # whether a fluent speaker reviewed the whole catalogue
    reviewed_by: str = ""
    source: bool = False  # English: the source texts themselves


def translation_provenance(lang: str, root: Path | None = None) -> TranslationProvenance:
    """The provenance recorded in the header of the catalogue of ``lang``."""
    if lang == SOURCE_LANGUAGE:
        return TranslationProvenance(lang, "", reviewed=True, source=True)
    info = translations(lang, root).info()
    return TranslationProvenance(
        lang,
        translated_by=info.get(TRANSLATED_BY.lower(), "").strip(),
        reviewed=info.get(REVIEWED.lower(), "").strip().lower() == "yes",
        reviewed_by=info.get(REVIEWED_BY.lower(), "").strip(),
    )
