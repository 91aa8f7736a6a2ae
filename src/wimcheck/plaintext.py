"""Text shown as plain lines: folded to one line without control characters, and wrapped
between words to a width.

Texts from frameworks and files may hold line breaks, escape sequences and bells; what
is shown on a terminal or written into a line-based format goes through :func:`one_line`
first. :func:`wrap_words` never splits a word: one too long for any line (a web
address) gets a line of its own, unindented and whole, so that it can still be copied.
"""

from __future__ import annotations

import textwrap
import unicodedata

__all__ = ["MIN_WIDTH", "is_hidden_control", "one_line", "visible", "wrap_words"]

MIN_WIDTH = 20  # narrower widths are taken as this

# bidirectional overrides and isolates: they reorder how the text around them is shown
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def is_hidden_control(ch: str) -> bool:
    """Whether ``ch`` is a control or bidirectional control character (not whitespace)."""
    return not ch.isspace() and (ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc")


def visible(text: str) -> str:
    """``text`` with each line break or other whitespace as a space, controls gone."""
    if text.isprintable():
        return text
    return "".join(" " if ch.isspace() else ch for ch in text if not is_hidden_control(ch))


def one_line(text: str) -> str:
    """``text`` as one line: whitespace runs (line breaks too) as one space, controls gone."""
    return " ".join(visible(text).split())


def wrap_words(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` (one line) in lines of at most ``width`` characters, broken between words.

    The first line starts with ``indent``, the others with ``subsequent`` (default: the
    same). A word too long for any line is put alone on a line, without indent.
    """
    width = max(width, MIN_WIDTH)
    wrapped = textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.strip() if len(line) > width else line for line in wrapped] or [indent]
