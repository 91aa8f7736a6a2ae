"""Text shown as plain lines: folded to one line with control characters made visible, and
wrapped between words to a width.

Texts from frameworks and files may hold line breaks, escape sequences and bells; what
is shown on a terminal or written into a line-based format goes through :func:`one_line`
(or :func:`visible`) first: a control character is shown as an escape such as
``\\x1b``, as the command line shows it everywhere, never sent. :func:`wrap_words` never
splits a word: one too long for any line (a web address) gets a line of its own,
unindented and whole, so that it can still be copied.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

__all__ = [
    "MIN_WIDTH",
    "has_visible_character",
    "one_line",
    "trimmed",
    "visible",
    "wrap_words",
]

MIN_WIDTH = 20  # narrower widths are taken as this

# bidirectional overrides and isolates: they reorder how the text around them is shown
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


# Characters that show nothing but are neither whitespace nor of an invisible category:
# the default-ignorable letters and marks (Hangul fillers, the combining grapheme joiner,
# variation selectors) and the blank braille pattern
_BLANK_MARKS = re.compile(
    "[\u034f\u115f\u1160\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
# spaces and separators, and the categories of control, format (zero-width space and
# joiners, bidirectional marks, soft hyphen) and surrogate characters
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"})


def has_visible_character(text: str) -> bool:
    """Whether ``text`` shows anything: not only whitespace, zero-width and other format
    characters, or blank fillers (a name of U+200B alone looks empty)."""
    return any(
        not ch.isspace()
        and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
        and not _BLANK_MARKS.match(ch)
        for ch in text
    )


def _invisible(ch: str) -> bool:
    return not has_visible_character(ch)


def trimmed(text: str) -> str:
    """``text`` without whitespace or invisible characters (zero-width, format, blank
    fillers) at either end: ``"Ana\u200b"`` is ``"Ana"``."""
    text = text.strip()
    if text.isascii():  # nearly every name: nothing invisible to look for
        return text
    start, end = 0, len(text)
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def _shown(ch: str) -> str:
    """A character that is not printable, as it is shown: whitespace as a space, a control
    character as a visible escape (as a terminal shows it: ``\\x1b``), others as they are."""
    if ch.isspace():
        return " "
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by Python as a surrogate
        return f"\\x{code - 0xDC00:02x}"
    if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs"):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch


def visible(text: str) -> str:
    """``text`` with each line break or other whitespace as a space, and control characters
    (escape sequences, bells, bidirectional overrides) as visible escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _shown(ch) for ch in text)


def one_line(text: str) -> str:
    """``text`` as one line: whitespace runs (line breaks too) as one space, control
    characters as visible escapes (:func:`visible`)."""
    return " ".join(visible(text).split())


def wrap_words(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` (one line) in lines of at most ``width`` characters, broken between words.

    The first line starts with ``indent``, the others with ``subsequent`` (default: the
    same). A word too long for any line is put alone on a line, without indent.
    """
    width = max(width, MIN_WIDTH)
    subsequent = indent if subsequent is None else subsequent
    if text.isprintable():  # no whitespace but spaces: wrapped as :mod:`textwrap` would
        wrapped = _greedy_lines([c for c in _SPACES.split(text) if c], width, indent, subsequent)
    else:
        wrapped = textwrap.wrap(
            text,
            width=width,
            initial_indent=indent,
            subsequent_indent=subsequent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return [line.strip() if len(line) > width else line for line in wrapped] or [indent]


_SPACES = re.compile("( +)")


def _greedy_lines(chunks: list[str], width: int, indent: str, subsequent: str) -> list[str]:
    """Words and runs of spaces filled into lines as ``textwrap.wrap`` fills them (without
    breaking long words or at hyphens), without its per-call set-up: a line's leading and
    trailing spaces are dropped (the first line's leading ones kept), a word longer than
    a line gets a line of its own."""
    lines: list[str] = []
    position = 0
    while position < len(chunks):
        prefix = subsequent if lines else indent
        room = width - len(prefix)
        if lines and not chunks[position].strip():
            position += 1
        line: list[str] = []
        length = 0
        while position < len(chunks) and length + len(chunks[position]) <= room:
            length += len(chunks[position])
            line.append(chunks[position])
            position += 1
        if not line and position < len(chunks):
            line.append(chunks[position])  # a word longer than the line
            position += 1
        if line and not line[-1].strip():
            line.pop()
        if line:
            lines.append(prefix + "".join(line))
    return lines
