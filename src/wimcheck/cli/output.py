"""Shared pieces of the command line: consoles, formats, writing results."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="Plain text without colour (also: NO_COLOR=1).")
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of the screen."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
PlainOption = Annotated[
    bool,
    typer.Option("--plain", help="Linear output without tables or bars, for screen readers."),
]


class TableOrJson(StrEnum):
    """--format of listing commands."""

    table = "table"
    json = "json"


class TextOrJson(StrEnum):
    """--format of describing commands."""

    text = "text"
    json = "json"


def console(*, stderr: bool = False, no_color: bool = False, wrap: bool = False) -> Console:
    """A rich console for results (stdout) or messages (stderr).

    Highlighting and emoji are off, so only what wimcheck styles is styled;
    ``NO_COLOR`` is honoured by rich itself. With ``wrap``, long lines are wrapped to
    the terminal's width (for interactive screens); otherwise they are left to the
    terminal, so that piped results keep one line per item.
    """
    from rich.console import Console

    return Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        no_color=no_color or None,
        soft_wrap=not wrap,
    )


def echo(text: str = "") -> None:
    """Write a line of plain text to stdout."""
    sys.stdout.write(text + "\n")


def message(text: str) -> None:
    """Write a line of plain text to stderr."""
    sys.stderr.write(text + "\n")


def write_output(text: str, output: Path | None, force: bool) -> None:
    """Write a result to ``output`` atomically (never replacing without force), or stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    from wimcheck.tomlio import atomic_write_text, refuse_overwrite

    refuse_overwrite(output, force)
    atomic_write_text(output, text)
    message(f"wrote {output}")
