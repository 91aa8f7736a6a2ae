"""A pseudo-translation for tests: every text of wimcheck's own, marked with ``¤``.

``¤`` stands after a text's leading spaces (a plural form its index too, ``¤1:``),
so a test sees at once whether a text on screen came from the catalogue or was left in
English. Placeholders are kept, so the texts fill in as real translations do.
"""

from __future__ import annotations

from pathlib import Path

from wimcheck.i18n.catalogues import TRANSLATED_BY, catalogue_path
from wimcheck.i18n.po import compiled, new_catalogue, po_text
from wimcheck.i18n.template import source_messages

MARK = "¤"


def marked(text: str, form: int | None = None) -> str:
    """``text`` as the pseudo-translation has it."""
    if not text.strip(" "):
        return text
    spaces = len(text) - len(text.lstrip(" "))
    mark = MARK if form is None else f"{MARK}{form}:"
    return text[:spaces] + mark + text[spaces:]


def write_pseudo_catalogue(root: Path, lang: str = "de") -> Path:
    """Write the pseudo-translation as the PO and MO files of ``lang`` under ``root``."""
    catalog = new_catalogue(lang)
    catalog.provenance[TRANSLATED_BY] = "pseudo-translation (tests)"
    for source in source_messages():
        if source.english_plural is None:
            string: str | tuple[str, ...] = marked(source.english)
        else:
            string = tuple(
                marked(source.english if i == 0 else source.english_plural, i)
                for i in range(catalog.num_plurals)
            )
        catalog.add(source.msgid, string, context=source.context, auto_comments=source.notes)
    po = catalogue_path(lang, root, ".po")
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_bytes(po_text(catalog))
    catalogue_path(lang, root).write_bytes(compiled(catalog))
    return root
