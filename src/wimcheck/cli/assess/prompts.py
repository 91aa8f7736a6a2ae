"""Reading what the person types: one line, or a choice from a numbered menu."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def read_line(ui: Console, prompt: str) -> str | None:
    """One line from standard input (None at the end of input)."""
    ui.file.write(prompt)
    ui.file.flush()
    line = sys.stdin.readline()
    if line == "":
        return None
    return line.rstrip("\r\n")


def choose(ui: Console, title: str, options: list[tuple[str, str, str]]) -> str:
    """A numbered menu on the terminal; returns the chosen id."""
    from rich.padding import Padding

    from wimcheck.cli.assess.screen import say
    from wimcheck.cli.output import safe_text
    from wimcheck.messages import t

    ui.print(safe_text(title, style="bold"))
    for number, (_, name, description) in enumerate(options, start=1):
        ui.print(Padding(safe_text(f"{number}. {name}"), (0, 0, 0, 2)))
        if description:
            ui.print(Padding(safe_text(description, style="dim"), (0, 0, 0, 5)))
    while True:
        answer = read_line(ui, t("assess.choose", count=len(options)))
        if answer is None:
            raise KeyboardInterrupt
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return options[int(answer) - 1][0]
        say(ui, t("assess.choose.again", count=len(options)))
