"""Reading and writing the PO, POT and MO files of wimcheck's catalogues (with Babel).

Tooling only (``python -m wimcheck.i18n.tools``, the tests): wimcheck itself reads the
compiled ``.mo`` files with the standard library. Babel's catalogue is extended to keep
the provenance header fields (:data:`PROVENANCE_HEADERS`) that Babel would drop, and to
leave out the Babel version, so that the files do not change with it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileParser, unescape, write_po

from wimcheck import __version__
from wimcheck.i18n.catalogues import DOMAIN, REVIEWED, REVIEWED_BY, TRANSLATED_BY

__all__ = [
    "PROVENANCE_HEADERS",
    "WimcheckCatalog",
    "compiled",
    "new_catalogue",
    "parse_catalogue",
    "plural_forms",
    "po_text",
    "read_catalogue",
    "write_if_changed",
]

PROVENANCE_HEADERS = (TRANSLATED_BY, REVIEWED, REVIEWED_BY)

LICENCE = "This file is distributed under the same licence as wimcheck (EUPL-1.2)."


class WimcheckCatalog(Catalog):
    """A Babel catalogue that keeps the provenance headers and names no Babel version."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.provenance: dict[str, str] = {}
        super().__init__(*args, **kwargs)

    def _set_mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        headers = list(headers)
        names = {name.lower(): name for name in PROVENANCE_HEADERS}
        for name, value in headers:
            if name.lower() in names:
                self.provenance[names[name.lower()]] = value.strip()
        super()._set_mime_headers(headers)

    def _get_mime_headers(self) -> list[tuple[str, str]]:
        headers = [(n, v) for n, v in super()._get_mime_headers() if n != "Generated-By"]
        if self.locale is not None:
            created = dict(headers).get("POT-Creation-Date", "")
            headers = [(n, self._filled(n, v, created)) for n, v in headers]
        return headers + [(name, self.provenance.get(name, "")) for name in PROVENANCE_HEADERS]

    def _filled(self, name: str, value: str, created: str) -> str:
        """A header field of a language's file without Babel's placeholder: who translated
        it (the provenance), the language's name, the file's date; no address to write to
        (wimcheck has none that works offline)."""
        if name == "Report-Msgid-Bugs-To" and value == "EMAIL@ADDRESS":
            return ""
        if name == "Last-Translator" and "EMAIL@ADDRESS" in value:
            return self.provenance.get(TRANSLATED_BY, "")
        if name == "Language-Team" and "LL@li.org" in value:
            return (self.locale.english_name or "") if self.locale is not None else ""
        if name == "PO-Revision-Date" and value.startswith("YEAR-"):
            return created
        return value

    mime_headers = property(_get_mime_headers, _set_mime_headers)


def plural_forms(lang: str) -> str:
    """The ``Plural-Forms`` header of ``lang``, from Babel's locale data."""
    return str(get_plural(lang).plural_forms)


def header_comment(lang: str | None) -> str:
    """The comment above a catalogue's header: what it is and how to edit it."""
    what = (
        "Template of wimcheck's own texts: generated from src/wimcheck/messages.py"
        if lang is None
        else f"wimcheck's own texts in '{lang}'"
    )
    return f"# {what}.\n# {LICENCE}\n# See docs/translating.md.\n#"


def new_catalogue(lang: str | None, **kwargs: Any) -> WimcheckCatalog:
    """An empty catalogue of ``lang`` (None: the template), with wimcheck's header."""
    catalog = WimcheckCatalog(
        locale=lang,
        domain=DOMAIN,
        header_comment=header_comment(lang),
        project="wimcheck",
        version=__version__,
        copyright_holder="The wimcheck developers",
        msgid_bugs_address="",
        last_translator="",
        language_team="",
        charset="utf-8",
        fuzzy=False,
        **kwargs,
    )
    if lang is not None:
        catalog.provenance = {TRANSLATED_BY: "", REVIEWED: "no", REVIEWED_BY: ""}
    return catalog


def read_catalogue(path: Path, lang: str | None) -> WimcheckCatalog:
    """The catalogue in the PO (or POT) file ``path``, obsolete entries included."""
    return parse_catalogue(path.read_bytes(), lang)


def parse_catalogue(data: bytes, lang: str | None) -> WimcheckCatalog:
    """The catalogue in the PO (or POT) text ``data``, obsolete entries included."""
    catalog = WimcheckCatalog(locale=lang, domain=DOMAIN, charset="utf-8")
    PoFileParser(catalog, ignore_obsolete=False).parse(io.BytesIO(data))
    for message in list(catalog)[1:]:
        _keep_previous_id(message)
    return catalog


def _keep_previous_id(message: Message) -> None:
    """Babel reads ``#| msgid "..."`` (the English a fuzzy entry was translated from) as a
    comment: make it the entry's previous msgid again."""
    previous: list[str] = []
    comments = []
    for comment in message.user_comments:
        if not comment.startswith("|"):
            comments.append(comment)
            continue
        keyword, _, quoted = comment[1:].strip().partition(" ")
        if keyword in ("msgid", "msgid_plural"):
            previous.append(unescape(quoted))
        elif keyword.startswith('"') and previous:  # a continued line
            previous[-1] += unescape(comment[1:].strip())
    if previous:
        message.previous_id = previous
        message.user_comments = comments


def po_text(catalog: Catalog) -> bytes:
    """The catalogue as a PO file, without source locations, with previous msgids."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, include_previous=True)
    return buffer.getvalue()


def compiled(catalog: Catalog) -> bytes:
    """The catalogue as an MO file (fuzzy and untranslated entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` unless it holds it already; whether it was written."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(content)
    temporary.replace(path)
    return True
