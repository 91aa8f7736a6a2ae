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


def scan_positions(text: str) -> PositionMap:
    """Scan ``text`` and return the :class:`PositionMap` of its keys."""
    lines = text.splitlines()
    positions: dict[KeyPath, tuple[int, int]] = {}
    array_tables: dict[KeyPath, int] = {}  # resolved array path -> current index
    current: KeyPath = ()
    open_array: KeyPath | None = None  # a multi-line array value being read
    array_item = 0
    in_multiline_string: str | None = None

    def resolve(parts: list[str]) -> KeyPath:
        resolved: list[str | int] = []
        for part in parts:
            resolved.append(part)
            key = tuple(resolved)
            if key in array_tables:
                resolved.append(array_tables[key])
        return tuple(resolved)

    for number, raw in enumerate(lines, start=1):
        if in_multiline_string:
            if in_multiline_string in raw:
                in_multiline_string = None
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if open_array is not None:
            stripped = line.strip()
            if stripped.startswith("]"):
                open_array = None
                continue
            item_path = (*open_array, array_item)
            col = len(line) - len(line.lstrip()) + 1
            positions.setdefault(item_path, (number, col))
            _record_inline(line, item_path, number, positions)
            commas = _top_level_commas(stripped)
            array_item += commas if stripped.endswith(",") else commas + 1
            if stripped.endswith("]") and not stripped.endswith("]]"):
                open_array = None
            continue
        header = _HEADER.match(line)
        if header:
            parts = _split_key(header.group(2))
            col = line.index("[") + 1
            if header.group(1) == "[[":
                parent = resolve(parts[:-1])
                array_key = (*parent, parts[-1])
                array_tables[array_key] = array_tables.get(array_key, -1) + 1
                current = (*array_key, array_tables[array_key])
                positions.setdefault(array_key, (number, col))
            else:
                current = resolve(parts)
            positions[current] = (number, col)
            continue
        assign = _ASSIGN.match(line.lstrip())
        if not assign:
            continue
        indent = len(line) - len(line.lstrip())
        key_path = (*current, *_split_key(assign.group(1)))
        positions.setdefault(key_path, (number, indent + 1))
        value = line.lstrip()[assign.end() :].strip()
        for quote in ('"""', "'''"):
            if value.startswith(quote) and value.count(quote) == 1:
                in_multiline_string = quote
        if value.startswith("{"):
            _record_inline(line, key_path, number, positions, offset=indent + assign.end())
        elif value.startswith("[") and not _balanced(value):
            open_array = key_path
            array_item = 0
            rest = value[1:].strip()
            if rest:
                positions.setdefault((*key_path, 0), (number, line.index("[") + 2))
                array_item = _top_level_commas(rest)
    return PositionMap(positions, lines)


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
