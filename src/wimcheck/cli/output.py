"""Shared pieces of the command line: consoles, formats, writing results."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

NoColorOption = Annotated[bool, typer.Option("--no-color", help="help.option.no-color")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="help.option.output"),
]
ForceOption = Annotated[bool, typer.Option("--force", help="help.option.force")]
# Options of the commands that read sheets (score, report, compare, mapping).
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="help.option.encoding"),
]
MappingOption = Annotated[
    Path | None,
    typer.Option("--mapping", help="help.option.mapping"),
]
RespondentColumnOption = Annotated[
    str | None,
    typer.Option("--respondent-column", help="help.option.respondent-column"),
]
PlainOption = Annotated[
    bool,
    typer.Option("--plain", help="help.option.plain"),
]
# --lang of a command that shows a framework's texts: also the language of wimcheck's own
TextsLangOption = Annotated[
    str | None, typer.Option("--lang", metavar="LANG", help="help.option.texts-lang")
]
FrameworkArgument = Annotated[str, typer.Argument(help="help.argument.framework")]
# More hours of training than a working life holds: a larger --hours is surely a slip
MAX_HOURS = 100_000


def check_hours(ctx: typer.Context, _param: object, value: float | None) -> float | None:
    """A usage error for an ``--hours`` that is not a number from 0 to :data:`MAX_HOURS`."""
    if value is not None and not 0 <= value <= MAX_HOURS:  # NaN fails both comparisons
        from wimcheck.cli.language import chosen_language, translated_bad_parameter
        from wimcheck.i18n.formats import format_count
        from wimcheck.messages import t

        lang = chosen_language(ctx)
        raise translated_bad_parameter(
            t("cli.hours-range", lang, most=format_count(MAX_HOURS, lang))
        )
    return value


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


# Environment variables with which rich treats a stream that is no terminal as one (or
# runs as in a notebook): with any of them set, output always goes through rich.
_TERMINAL_ENVIRONMENT = ("FORCE_COLOR", "TTY_COMPATIBLE", "DATABRICKS_RUNTIME_VERSION")


def plain_stdout() -> bool:
    """Whether a rich console on stdout would write text as it is: no terminal, no colour.

    Then a renderer may write its lines itself, without importing rich.
    """
    import builtins
    import os

    if any(name in os.environ for name in _TERMINAL_ENVIRONMENT):
        return False
    if hasattr(builtins, "get_ipython"):  # rich takes this for a notebook
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:  # a closed stream: let rich say what it does with it
        return False


def echo(text: str = "") -> None:
    """Write a line of plain text to stdout."""
    sys.stdout.write(text + "\n")


def message(text: str) -> None:
    """Write a line of plain text to stderr (control characters in it made visible)."""
    sys.stderr.write(terminal_safe_lines(text) + "\n")


# ``--output -``: standard output, as many command-line programs read it
STANDARD_OUTPUT = "-"


def is_standard_output(output: Path | None) -> bool:
    """Whether ``--output`` names standard output: ``-o -``."""
    return output is not None and str(output) == STANDARD_OUTPUT


def output_file(output: Path | None) -> Path | None:
    """The file ``--output`` names, or None for standard output (no ``-o``, or ``-o -``).

    A file named ``-`` in the current folder is named ``./-`` with its folder's path.
    """
    return None if is_standard_output(output) else output


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (then no binary file is written to it)."""
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is not None and bool(isatty())
    except ValueError:  # a closed stream
        return False


def write_output(text: str, output: Path | None, force: bool) -> None:
    """Write a result to ``output``, or to stdout (no ``output``, or ``-``).

    The file is created exclusively; with ``force`` a regular file is replaced at
    once. Never a folder, link, device or pipe.
    """
    output = output_file(output)
    if output is None:
        sys.stdout.write(text)
        return
    from wimcheck.tomlio import atomic_write_text

    atomic_write_text(output, text, replace=force)
    wrote(output)


def write_binary_output(data: bytes, output: Path | None, force: bool) -> None:
    """Write a binary result (an XLSX workbook) to ``output``, or with ``-o -`` to stdout.

    Without ``--output``, or with ``-o -`` when standard output is a terminal, it is a
    usage error: a workbook's bytes are no text to show.
    """
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if output is None:
        raise UsageError(t("template.xlsx-terminal"), hint=t("template.xlsx-terminal.hint"))
    if is_standard_output(output):
        if stdout_is_terminal():
            raise UsageError(t("template.xlsx-terminal"), hint=t("output.binary-terminal.hint"))
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from wimcheck.tomlio import atomic_write_bytes

    atomic_write_bytes(output, data, replace=force)
    wrote(output)


def wrote(output: Path) -> None:
    """Say on stderr that ``output`` was written."""
    from wimcheck.messages import t

    message(terminal_safe(t("output.wrote", path=output)))


_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Every character :func:`_escaped` changes: the bidirectional controls and the Unicode
# categories Cc (C0, DEL, C1), Cs (surrogates, also undecodable bytes), Zl and Zp. None
# of them is printable; the pattern is compiled when a text is not (about 0.7 ms).
_ACTED_ON = (
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


@cache
def _acted_on() -> re.Pattern[str]:
    return re.compile(_ACTED_ON)


def terminal_safe(text: str) -> str:
    """``text`` with nothing a terminal would act on: one line, visible escapes.

    Control characters (escape sequences, line breaks, bells), bidirectional overrides
    and line separators become ``\\x1b``-style escapes; bytes that were not valid
    UTF-8 in a file name or argument are shown as ``\\xe9``.
    """
    if text.isprintable():  # almost every text: nothing to escape
        return text
    return _acted_on().sub(lambda found: _escaped(found.group()), text)


def terminal_safe_lines(text: str) -> str:
    """``text`` line by line through :func:`terminal_safe`: its line breaks kept."""
    return "\n".join(terminal_safe(line) for line in text.split("\n"))


def safe_text(text: str, style: str = "") -> Text:
    """A rich ``Text`` of ``text`` as :func:`terminal_safe_lines` shows it (never markup)."""
    from rich.text import Text

    return Text(terminal_safe_lines(text), style=style)


def _escaped(ch: str) -> str:
    import unicodedata

    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by Python as a surrogate
        return f"\\x{code - 0xDC00:02x}"
    if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch
