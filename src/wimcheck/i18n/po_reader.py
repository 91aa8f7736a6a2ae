"""A small reader of gettext PO files, standard library only.

It reads what translation files hold: comments, flags (``#, easy-read``), ``msgctxt``,
``msgid``, ``msgstr`` (and the plural keywords, of which the first form is kept),
strings continued over several lines, C escapes, and obsolete entries (``#~``, left out).
Each message keeps the line of its ``msgid`` (as Babel does), for messages that name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["PoMessage", "PoSyntaxError", "parse_po"]

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
_ESCAPE = re.compile(r"\\(.)")
_BARE_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*"')  # a quote no backslash escapes
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


class PoSyntaxError(ValueError):
    """A line that is not PO: ``key`` (a message of :mod:`wimcheck.messages`, with the
    line's ``text``) says what, ``line`` where."""

    def __init__(self, key: str, line: int, text: str = "") -> None:
        self.key = key
        self.line = line
        self.text = text
        super().__init__(f"line {line}: {self.detail}")

    @property
    def detail(self) -> str:
        """What is wrong with the line, in the current language."""
        from wimcheck.messages import t  # noqa: PLC0415 - messages and i18n are one layer

        return t(self.key, text=self.text)


@dataclass
class PoMessage:
    """One entry: context, English source, translation, flags and the line it starts on."""

    context: str = ""
    msgid: str = ""
    msgstr: str = ""
    flags: frozenset[str] = frozenset()
    line: int = 0
    fields: dict[str, str] = field(default_factory=dict)


def _unescape(match: re.Match[str]) -> str:
    return _ESCAPES.get(match.group(1), match.group(1))


def _string(quoted: str, line: int) -> str:
    if len(quoted) < 2 or quoted[0] != '"' or quoted[-1] != '"':
        raise PoSyntaxError("po.not-quoted", line, quoted[:40])
    inner = quoted[1:-1]
    if '"' in inner and _BARE_QUOTE.search(inner):
        raise PoSyntaxError("po.bare-quote", line)
    return _ESCAPE.sub(_unescape, inner) if "\\" in inner else inner


def _header(text: str) -> dict[str, str]:
    """The header fields (``Name: value`` lines), names in lower case."""
    fields = {}
    for line in text.split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    return fields


class _Reader:
    def __init__(self) -> None:
        self.messages: list[PoMessage] = []
        self.current: PoMessage | None = None
        self.flags: set[str] = set()
        self.last: str | None = None  # the keyword a continued string belongs to

    def _finish(self) -> None:
        if self.current is not None:
            self.current.context = self.current.fields.get("msgctxt", "")
            self.current.msgid = self.current.fields.get("msgid", "")
            self.current.msgstr = self.current.fields.get("msgstr", "")
            self.messages.append(self.current)
        self.current, self.last = None, None

    def keyword(self, name: str, index: str | None, value: str, number: int) -> None:
        if (
            name in ("msgctxt", "msgid")
            and self.current is not None
            and "msgstr" in self.current.fields
        ):
            self._finish()
        if self.current is None:
            self.current = PoMessage(flags=frozenset(self.flags), line=number)
            self.flags = set()
        if name == "msgid":
            self.current.line = number  # a message is named by the line of its msgid
        key = "msgstr" if name.startswith("msgstr") else name
        if name.startswith("msgstr") and index not in (None, "0"):
            self.last = None  # other plural forms: not used
            return
        self.current.fields[key] = value
        self.last = key

    def continued(self, value: str, number: int) -> None:
        if self.current is None:
            raise PoSyntaxError("po.no-entry", number)
        if self.last is not None:
            self.current.fields[self.last] += value

    def comment(self, text: str) -> None:
        if self.current is not None and "msgstr" in self.current.fields:
            self._finish()
        if text.startswith("#,"):
            self.flags |= {flag.strip() for flag in text[2:].split(",") if flag.strip()}


def parse_po(text: str) -> tuple[dict[str, str], list[PoMessage]]:
    """The header fields and the messages of the PO ``text`` (the header entry left out).

    Raises:
        PoSyntaxError: a line is not PO.
    """
    reader = _Reader()
    for number, raw in enumerate(text.split("\n"), start=1):  # not splitlines: \f is text
        line = raw.strip(" \t\r")
        if not line:
            if reader.current is not None and "msgstr" in reader.current.fields:
                reader._finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#"):
            reader.comment(line)
        elif line.startswith('"'):
            reader.continued(_string(line, number), number)
        else:
            match = _KEYWORD.match(line)
            if match is None:
                raise PoSyntaxError("po.not-po", number, line[:40])
            name, index, quoted = match.groups()
            reader.keyword(name, index, _string(quoted, number), number)
    reader._finish()
    header: dict[str, str] = {}
    messages = []
    for message in reader.messages:
        if message.msgid == "" and not message.context and not header:
            header = _header(message.msgstr)
        else:
            messages.append(message)
    return header, messages
