"""Translation files of a framework's texts (``X.<lang>.po``): read and written.

A framework's own texts are translated in one gettext PO file per language beside the
framework file (docs/framework-format.md). Each entry's context (``msgctxt``) names the
text (``statement.CAP-1.text``), its ``msgid`` is the English it was translated from and
its flags say whether it is an easy-read text (``easy-read``) or an official translation
(``official``). This module only turns such a file into plain typed entries and back; what
the entries mean for a framework is :mod:`wimcheck.frameworks.validation.translations`.
Reading needs only the standard library (:mod:`wimcheck.i18n.po_reader`), so loading a
framework never imports Babel; writing a file (the translator's commands) uses Babel.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wimcheck.errors import InputFileError
from wimcheck.i18n.catalogues import REVIEWED, REVIEWED_BY, TRANSLATED_BY
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.tomlio import read_text

__all__ = [
    "EASY_READ_FLAG",
    "OFFICIAL_FLAG",
    "TextEntry",
    "TextFile",
    "read_text_file",
    "text_file_bytes",
]

EASY_READ_FLAG = "easy-read"
OFFICIAL_FLAG = "official"
_OWN_FLAGS = frozenset({EASY_READ_FLAG, OFFICIAL_FLAG, "fuzzy"})


@record
class TextEntry:
    """One entry: which text (``context``), its English source, its translation, flags."""

    context: str
    source: str
    translation: str
    flags: frozenset[str] = frozenset()
    line: int | None = None

    @property
    def easy_read(self) -> bool:
        """Whether the entry is flagged as an easy-read text."""
        return EASY_READ_FLAG in self.flags

    @property
    def official(self) -> bool:
        """Whether the entry is flagged as an official translation."""
        return OFFICIAL_FLAG in self.flags


@record
class TextFile:
    """A translation file: its language, entries and the provenance in its header."""

    lang: str
    entries: tuple[TextEntry, ...]
    translated_by: str = ""
    reviewed: bool = False
    reviewed_by: str = ""


def read_text_file(path: Path, lang: str) -> TextFile:
    """The entries and provenance of the translation file ``path`` (language ``lang``).

    Read with the standard library (:mod:`wimcheck.i18n.po_reader`), so that loading a
    framework with translations does not need Babel.

    Raises:
        InputFileError: the file cannot be read or is not a PO file.
    """
    from wimcheck.i18n.po_reader import PoSyntaxError, parse_po  # noqa: PLC0415

    try:
        header, messages = parse_po(read_text(path))
    except PoSyntaxError as exc:
        raise InputFileError(
            t("error.translation-file", detail=exc.detail),
            hint=t("hint.translation-file"),
            path=path,
            line=exc.line,
        ) from None
    entries = tuple(
        TextEntry(m.context, m.msgid, m.msgstr, m.flags & _OWN_FLAGS, m.line) for m in messages
    )
    return TextFile(
        lang,
        entries,
        translated_by=header.get(TRANSLATED_BY.lower(), ""),
        reviewed=header.get(REVIEWED.lower(), "").strip().lower() == "yes",
        reviewed_by=header.get(REVIEWED_BY.lower(), ""),
    )


def text_file_bytes(
    lang: str, entries: Iterable[TextEntry], provenance: TextFile, header_comment: str
) -> bytes:
    """A translation file of ``lang`` holding ``entries``, with the provenance of ``provenance``."""
    from wimcheck.i18n.po import new_catalogue, po_text  # noqa: PLC0415

    catalog = new_catalogue(lang)
    catalog.domain = None
    catalog.revision_date = catalog.creation_date  # written now, with its translations
    catalog.header_comment = header_comment
    catalog.provenance = {
        TRANSLATED_BY: provenance.translated_by,
        REVIEWED: "yes" if provenance.reviewed else "no",
        REVIEWED_BY: provenance.reviewed_by,
    }
    for entry in entries:
        catalog.add(
            entry.source,
            entry.translation,
            flags=sorted(entry.flags - {"fuzzy"}),
            context=entry.context,
        )
    return po_text(catalog)
