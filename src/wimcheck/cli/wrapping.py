"""Wrapping lines to the terminal's width at word boundaries, keeping their indentation.

Rich wraps a long line at the terminal's width but starts the next line at the left
edge; a key list such as ``  n  not applicable: ...`` then loses its shape. Here each
line is wrapped with its continuation lines indented under the text, and never inside a
word. Lines that are commands (``wimcheck ...``) are never wrapped, so they can be
copied whole.
"""

from __future__ import annotations

import re
import textwrap

__all__ = ["wrapped"]

# "  n  text": a key (up to 6 characters) and two spaces; its text hangs after them
_KEY_COLUMN = re.compile(r"( *)(?:\S{1,6}  +)?")


def wrapped(line: str, width: int | None) -> list[str]:
    """``line`` as lines of at most ``width`` columns (words never split; None: as it is).

    Continuation lines start under the text: after the indent, and after a key column
    such as ``  n  `` where the line has one. A word longer than the width stays whole.
    """
    stripped = line.lstrip(" ")
    if width is None or len(line) <= width or stripped.startswith("wimcheck "):
        return [line]
    match = _KEY_COLUMN.match(line)
    hang = match.end() if match else 0
    if hang > width // 2:
        hang = len(line) - len(stripped)
    return textwrap.wrap(
        line,
        width=width,
        subsequent_indent=" " * hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [line]
