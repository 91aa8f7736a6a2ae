"""Single cells of response sheets: reading a cell as text, writing a cell safely."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["excel_cell", "excel_text", "normalise_cell", "safe_cell"]

_NA_WORDS = {"n/a", "na", "n.a.", "not applicable", "nicht zutreffend", "n/z"}


# what a spreadsheet leaves around a value: spaces of any kind (also no-break), quotes,
# zero-width spaces and joiners, a byte order mark
_EDGES = re.compile(r"^[\s\"'\u200b-\u200d\u2060\ufeff]+|[\s\"'\u200b-\u200d\u2060\ufeff]+$")


def normalise_cell(cell: object) -> str:
    """A cell as text: stripped, "3.0" as "3", "N/A" as "n/a"; None as ""."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = _EDGES.sub("", str(cell))
    lowered = text.lower()
    if lowered in _NA_WORDS:
        return "n/a"
    if lowered.endswith(".0") and lowered[:-2].lstrip("-").isdigit():
        return lowered[:-2]
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Characters a spreadsheet cell may not hold (XML 1.0 forbids them; openpyxl refuses them)
_FORBIDDEN = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def safe_cell(value: Any) -> Any:
    """A cell that a spreadsheet will not run as a formula: text starting with = + - @ gets a ';
    characters a cell may not hold (control characters but tab and line breaks) are dropped."""
    if isinstance(value, str):
        if not value.isprintable():  # printable text holds none of them (the usual case)
            value = value.translate(_FORBIDDEN)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


# beyond those, what no part of a workbook can hold (a comment, a drop-down's prompt):
# lone surrogates, U+FFFE and U+FFFF; openpyxl writes a broken file with them in comments
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
EXCEL_CELL_LIMIT = 32767  # characters Excel keeps in one cell


def excel_text(text: str, limit: int = EXCEL_CELL_LIMIT) -> str:
    """``text`` without the characters Excel forbids, cut to ``limit`` characters."""
    return _NOT_XML.sub("", text.translate(_FORBIDDEN))[:limit]


def excel_cell(value: Any) -> Any:
    """A cell for an XLSX sheet: :func:`excel_text`, then never a formula (:func:`safe_cell`)."""
    if not isinstance(value, str):
        return value
    return safe_cell(excel_text(value))[:EXCEL_CELL_LIMIT]
