"""Writing the assessment's screens: text wrapped at word boundaries, keeping its indent.

Rich wraps a long line at the terminal's width but starts the next line at the left
edge; a key list such as ``  n  not applicable: ...`` then loses its shape. Here each
line is wrapped to the width with its continuation lines indented under the text, and
never inside a word. Lines that are commands (``wimcheck ...``) are never wrapped, so
they can be copied whole. Off a terminal nothing is wrapped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wimcheck.cli.output import terminal_safe
from wimcheck.cli.wrapping import wrapped

if TYPE_CHECKING:
    from rich.console import Console

# clear the screen, move to the top, and clear the scrollback where the terminal has one
CLEAR = "\x1b[H\x1b[2J\x1b[3J"


def say(ui: Console, text: str, style: str = "") -> None:
    """Print ``text`` (one or more lines), each wrapped to the width at word boundaries.

    Control characters in it (from framework texts or names) are shown, never sent.
    """
    from rich.text import Text

    for line in text.split("\n"):
        for part in wrapped(terminal_safe(line), ui.width if ui.is_terminal else None):
            ui.print(Text(part, style=style), soft_wrap=True, markup=False, highlight=False)


def clear(ui: Console) -> None:
    """Clear the terminal (and its scrollback), so the next person sees nothing before."""
    if ui.is_terminal:
        ui.file.write(CLEAR)
        ui.file.flush()
