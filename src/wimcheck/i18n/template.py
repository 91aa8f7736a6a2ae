"""The template of the catalogues: every text of :mod:`wimcheck.messages`, with notes.

Each entry's context (``msgctxt``) is its key, its ``msgid`` the English text (and the
English plural as ``msgid_plural``); report sentences have the context
``reports/<key>``. Notes for translators are made from the key and the text: who the
text addresses, easy-read wording, placeholders and spaces to keep.
"""

from __future__ import annotations

import string

from wimcheck.messages import EN, HELP, PLURALS, REPORT_CONTEXT, REPORT_TEXT
from wimcheck.records import record

__all__ = ["SourceMessage", "placeholders", "source_messages"]


@record
class SourceMessage:
    """One English text to translate: its context, text(s) and notes for translators."""

    context: str
    english: str
    english_plural: str | None
    notes: tuple[str, ...]

    @property
    def msgid(self) -> str | tuple[str, str]:
        """The ``msgid`` (with the plural: both) as Babel takes it."""
        if self.english_plural is None:
            return self.english
        return (self.english, self.english_plural)


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` in ``text`` (ValueError when its braces do not pair up)."""
    return frozenset(
        field.partition("!")[0].partition(":")[0]
        for _, field, _, _ in string.Formatter().parse(text)
        if field is not None
    )


_TABLE_NOTES = {
    "messages": (),
    "plurals": ("{count} is the number: give every plural form your language has.",),
    "help": ("Shown by --help.",),
    "reports": ("In the HTML and Markdown reports.",),
}


def _notes(table: str, key: str, text: str) -> tuple[str, ...]:
    """What a translator should know about ``text`` beyond its key."""
    notes = list(_TABLE_NOTES[table])
    parts = key.split(".")
    if "person" in parts:
        notes.append("For a person who answers about themselves.")
    if "organisation" in parts:
        notes.append("For someone who answers on behalf of their organisation.")
    if "easy-read" in parts or key.startswith(("easy.", "reading.easy.")):
        notes.append(
            "Easy-read: short sentences and everyday words, as your language's easy-read rules say."
        )
    names = sorted(placeholders(text))
    if names:
        notes.append("Keep as they are: " + ", ".join(f"{{{n}}}" for n in names) + ".")
    if text != text.strip(" "):
        notes.append("Keep the spaces at the start and the end.")
    if "\n" in text:
        notes.append("Keep the line breaks.")
    return tuple(notes)


def source_messages() -> list[SourceMessage]:
    """Every text of wimcheck's own, in the order of :mod:`wimcheck.messages`."""
    found = [
        SourceMessage(key, text, None, _notes("messages", key, text)) for key, text in EN.items()
    ]
    found += [
        SourceMessage(key, one, many, _notes("plurals", key, many))
        for key, (one, many) in PLURALS.items()
    ]
    found += [
        SourceMessage(key, text, None, _notes("help", key, text)) for key, text in HELP.items()
    ]
    found += [
        SourceMessage(REPORT_CONTEXT + key, text, None, _notes("reports", key, text))
        for key, text in REPORT_TEXT.items()
    ]
    return found
