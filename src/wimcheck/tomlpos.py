"""Where keys stand in a TOML text: maps key paths to 1-based (line, column).

``tomllib`` gives no positions for valid documents, yet a validation message needs
the line of the offending key. This scanner follows table headers, arrays of tables,
dotted keys, inline tables on one line and one-item-per-line arrays, which covers
how framework and response files are written. Anything it cannot place falls back to
the nearest enclosing key or table header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["KeyPath", "PositionMap", "scan_positions"]

KeyPath = tuple[str | int, ...]

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\]|\\.)*"'
_LITERAL = r"'[^']*'"
_KEY_PART = rf"(?:{_BARE}|{_BASIC}|{_LITERAL})"
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?")
_ASSIGN = re.compile(rf"({_DOTTED})\s*=")
_PART = re.compile(_KEY_PART)


def _split_key(dotted: str) -> list[str]:
    parts = []
    for raw in _PART.findall(dotted):
        if raw[0] in "\"'":
            inner = raw[1:-1]
            if raw[0] == '"':
                inner = inner.encode("utf-8").decode("unicode_escape") if "\\" in inner else inner
            parts.append(inner)
        else:
            parts.append(raw)
    return parts


class PositionMap:
    """Positions of keys, table headers and array items in one TOML text."""

    def __init__(self, positions: dict[KeyPath, tuple[int, int]], lines: Sequence[str]) -> None:
        self._positions = positions
        self._lines = lines

    def find(self, path: KeyPath, needle: str | None = None) -> tuple[int | None, int | None]:
        """Return (line, col) of ``path`` or of its nearest known ancestor.

        With ``needle``, the column is moved to where that text first appears on the
        line found (for example a misspelt id inside an array).
        """
        probe = tuple(path)
        while probe:
            if probe in self._positions:
                line, col = self._positions[probe]
                if needle:
                    found = self._lines[line - 1].find(needle)
                    if found >= 0:
                        col = found + 1
                    else:
                        line, col = self._search_after(line, needle, default=(line, col))
                return line, col
            probe = probe[:-1]
        return None, None

    def _search_after(self, start: int, needle: str, default: tuple[int, int]) -> tuple[int, int]:
        for index in range(start, min(start + 50, len(self._lines))):
            found = self._lines[index].find(needle)
            if found >= 0:
                return index + 1, found + 1
        return default


def _strip_comment(line: str) -> str:
    """Drop a trailing comment, respecting quoted strings."""
    quote: str | None = None
    escaped = False
    for index, char in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:index]
    return line


class _Scanner:
    """Reads a TOML text line by line, recording where each key stands."""

    def __init__(self) -> None:
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.array_tables: dict[KeyPath, int] = {}  # resolved array path -> current index
        self.current: KeyPath = ()
        self.open_array: KeyPath | None = None  # a multi-line array value being read
        self.array_item = 0
        self.in_multiline_string: str | None = None

    def resolve(self, parts: list[str]) -> KeyPath:
        resolved: list[str | int] = []
        for part in parts:
            resolved.append(part)
            key = tuple(resolved)
            if key in self.array_tables:
                resolved.append(self.array_tables[key])
        return tuple(resolved)

    def line(self, number: int, raw: str) -> None:
        if self.in_multiline_string:
            if self.in_multiline_string in raw:
                self.in_multiline_string = None
            return
        line = _strip_comment(raw)
        if not line.strip():
            return
        if self.open_array is not None:
            self.array_line(number, line, self.open_array)
            return
        header = _HEADER.match(line)
        if header:
            self.header(number, line, header)
            return
        assign = _ASSIGN.match(line.lstrip())
        if assign:
            self.assignment(number, line, assign)

    def array_line(self, number: int, line: str, array: KeyPath) -> None:
        """A line inside a multi-line array: one or more items, or its end."""
        stripped = line.strip()
        if stripped.startswith("]"):
            self.open_array = None
            return
        item_path = (*array, self.array_item)
        col = len(line) - len(line.lstrip()) + 1
        self.positions.setdefault(item_path, (number, col))
        _record_inline(line, item_path, number, self.positions)
        commas = _top_level_commas(stripped)
        self.array_item += commas if stripped.endswith(",") else commas + 1
        if stripped.endswith("]") and not stripped.endswith("]]"):
            self.open_array = None

    def header(self, number: int, line: str, header: re.Match[str]) -> None:
        """``[table]`` or ``[[array.of.tables]]``."""
        parts = _split_key(header.group(2))
        col = line.index("[") + 1
        if header.group(1) == "[[":
            parent = self.resolve(parts[:-1])
            array_key = (*parent, parts[-1])
            self.array_tables[array_key] = self.array_tables.get(array_key, -1) + 1
            self.current = (*array_key, self.array_tables[array_key])
            self.positions.setdefault(array_key, (number, col))
        else:
            self.current = self.resolve(parts)
        self.positions[self.current] = (number, col)

    def assignment(self, number: int, line: str, assign: re.Match[str]) -> None:
        """``key = value``, where the value may open an inline table, array or long string."""
        indent = len(line) - len(line.lstrip())
        key_path = (*self.current, *_split_key(assign.group(1)))
        self.positions.setdefault(key_path, (number, indent + 1))
        value = line.lstrip()[assign.end() :].strip()
        for quote in ('"""', "'''"):
            if value.startswith(quote) and value.count(quote) == 1:
                self.in_multiline_string = quote
        if value.startswith("{"):
            _record_inline(line, key_path, number, self.positions, offset=indent + assign.end())
        elif value.startswith("[") and not _balanced(value):
            self.open_array = key_path
            self.array_item = 0
            rest = value[1:].strip()
            if rest:
                self.positions.setdefault((*key_path, 0), (number, line.index("[") + 2))
                self.array_item = _top_level_commas(rest)


def scan_positions(text: str) -> PositionMap:
    """Scan ``text`` and return the :class:`PositionMap` of its keys."""
    lines = text.splitlines()
    scanner = _Scanner()
    for number, raw in enumerate(lines, start=1):
        scanner.line(number, raw)
    return PositionMap(scanner.positions, lines)


def _top_level_commas(value: str) -> int:
    """Count the commas of ``value`` that are outside strings, arrays and tables."""
    depth = 0
    quote: str | None = None
    count = 0
    for char in value:
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 0:
            count += 1
    return count


def _balanced(value: str) -> bool:
    depth = 0
    quote: str | None = None
    for char in value:
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return depth <= 0


_STRINGS = (
    ('"""', re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""')),
    ("'''", re.compile(r"'''(?:[^']|'(?!''))*'''")),
    ('"', re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')),
    ("'", re.compile(r"'[^']*'")),
)


def _string_end(line: str, index: int) -> int:
    """The index after the string starting at ``line[index]``, or -1 if it does not end."""
    for opening, pattern in _STRINGS:
        if line.startswith(opening, index):
            match = pattern.match(line, index)
            return -1 if match is None else match.end()
    return -1


@dataclass
class _Open:
    """An inline table or array being read: its key path and (arrays) the current item."""

    path: KeyPath
    table: bool
    item: int = 0


def _record_inline(
    line: str,
    base: KeyPath,
    number: int,
    positions: dict[KeyPath, tuple[int, int]],
    offset: int = 0,
) -> None:
    """Record the keys of a one-line inline table ``{ a = 1, b = { c = 2 } }``.

    One pass over the line: strings are skipped whole and a key is matched only where a
    key can stand (after ``{`` or a comma of a table), so a long text costs linear time.
    """
    index = line.find("{", offset)
    if index < 0:
        return
    stack: list[_Open] = []
    value_path = base
    expect_key = False
    while index < len(line):
        char = line[index]
        if char in " \t":
            index += 1
            continue
        if expect_key and char != "}":
            match = _ASSIGN.match(line, index)
            if match is None:
                return
            value_path = (*stack[-1].path, *_split_key(match.group(1)))
            positions.setdefault(value_path, (number, index + 1))
            index, expect_key = match.end(), False
            continue
        if char in "\"'":
            index = _string_end(line, index)
            if index < 0:
                return
            continue
        if char == "#":
            return
        if char in "{[":
            stack.append(_Open(value_path, table=char == "{"))
            expect_key = char == "{"
            value_path = value_path if char == "{" else (*value_path, 0)
        elif char in "}]":
            if len(stack) <= 1:
                return
            stack.pop()
            expect_key = False
        elif char == "," and stack:
            top = stack[-1]
            expect_key = top.table
            if not top.table:
                top.item += 1
                value_path = (*top.path, top.item)
        index += 1
