"""The bounds on what wimcheck reads, so that no file can take all memory or time.

Every bound is far above what a real framework, response file or sheet needs; a file
beyond one is rejected with a message naming the bound, never half read. The scans here
are linear in the size of the text.
"""

from __future__ import annotations

import functools
import re
import sys

__all__ = [
    "MAX_CSV_LINE",
    "MAX_INT_DIGITS",
    "MAX_NESTING",
    "XLSX_MAX_CELLS",
    "XLSX_MAX_COLUMNS",
    "XLSX_MAX_PARTS",
    "XLSX_MAX_ROWS",
    "XLSX_MAX_SHARED_STRINGS",
    "XLSX_MAX_UNCOMPRESSED",
    "long_number_position",
    "too_deep_position",
]

MAX_NESTING = 32  # arrays and inline tables (TOML), arrays and objects (JSON), in each other
MAX_INT_DIGITS = sys.get_int_max_str_digits() or 4300  # Python's own bound on int("...")
MAX_CSV_LINE = 1 << 20  # characters in one line of a CSV sheet
XLSX_MAX_UNCOMPRESSED = 256 << 20  # bytes of all parts of a workbook, unpacked
XLSX_MAX_SHARED_STRINGS = 64 << 20  # bytes of the shared text table (held in memory)
XLSX_MAX_PARTS = 10_000  # files inside the workbook
XLSX_MAX_CELLS = 10_000_000  # cells of the sheet read
XLSX_MAX_ROWS = 1_048_576  # Excel's own limits
XLSX_MAX_COLUMNS = 16_384

_TOML_TOKENS = r"\"\"\"|'''|[\"'#\[\]{}]"
_JSON_TOKENS = r"[\"\[\]{}]"
_STRING_ENDS = {
    '"': r'[^"\\\n]*(?:\\.[^"\\\n]*)*"',
    "'": r"[^'\n]*'",
    '"""': r'(?s:(?:[^"\\]|\\.|"(?!""))*""")',
    "'''": r"(?:[^']|'(?!''))*'''",
    "#": r"[^\n]*",
}
_JSON_STRING_END = r'(?s:[^"\\]*(?:\\.[^"\\]*)*")'
_DIGITS = r"[0-9][0-9_]*"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled when first needed (a start-up spends no time on the others)."""
    return re.compile(pattern)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - text.rfind("\n", 0, index)


def too_deep_position(text: str, *, json: bool = False) -> tuple[int, int] | None:
    """Where arrays and tables first nest deeper than :data:`MAX_NESTING`, or None.

    Strings and comments are skipped; an unterminated one ends the scan (the parser
    reports it).
    """
    tokens = _compiled(_JSON_TOKENS if json else _TOML_TOKENS)
    depth = 0
    index = 0
    while match := tokens.search(text, index):
        token = match.group()
        index = match.end()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return _position(text, match.start())
        elif token in "]}":
            depth = max(depth - 1, 0)
        else:
            end = _compiled(_JSON_STRING_END if json else _STRING_ENDS[token]).match(text, index)
            if end is None:
                return None
            index = end.end()
    return None


def long_number_position(text: str) -> tuple[int, int] | None:
    """Where the first number longer than :data:`MAX_INT_DIGITS` digits stands, or None."""
    for match in _compiled(_DIGITS).finditer(text):
        if len(match.group()) - match.group().count("_") > MAX_INT_DIGITS:
            return _position(text, match.start())
    return None
