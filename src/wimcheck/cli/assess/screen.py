"""Writing the assessment's screens: text wrapped at word boundaries, keeping its indent.

Rich wraps a long line at the terminal's width but starts the next line at the left
edge; a key list such as ``  n  not applicable: ...`` then loses its shape. Here each
line is wrapped to the width with its continuation lines indented under the text, and
never inside a word. Lines that are commands (``wimcheck ...``) are never wrapped, so
they can be copied whole. Off a terminal nothing is wrapped.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# "  n  text": a key (up to 6 characters) and two spaces; its text hangs after them
_KEY_COLUMN = re.compile(r"( *)(?:\S{1,6}  +)?")
# clear the screen, move to the top, and clear the scrollback where the terminal has one
CLEAR = "\x1b[H\x1b[2J\x1b[3J"


def say(ui: Console, text: str, style: str = "") -> None:
    """Print ``text`` (one or more lines), each wrapped to the width at word boundaries."""
    from rich.text import Text

    for line in text.split("\n"):
        for part in wrapped(line, ui.width if ui.is_terminal else None):
            ui.print(Text(part, style=style), soft_wrap=True, markup=False, highlight=False)


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


def clear(ui: Console) -> None:
    """Clear the terminal (and its scrollback), so the next person sees nothing before."""
    if ui.is_terminal:
        ui.file.write(CLEAR)
        ui.file.flush()
