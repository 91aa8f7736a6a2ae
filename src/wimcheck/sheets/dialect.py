"""The delimiter of a CSV sheet, told from its first records, never from inside quotes.

Survey tools quote every field and put commas inside quoted headers (KoboToolbox's German
export has more commas inside its quoted labels than ``;`` between them), so the
delimiters are counted outside quoted fields only. Among ``;``, ``,`` and tab, the one
that splits the first records into the same number of fields (more than one) wins; a tie
goes to the one counted most often in the first record, then to the order ``;``, ``,``,
tab. A file with none of them is read with ``,``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

__all__ = ["DELIMITERS", "detect_delimiter", "first_records", "unquoted_counts"]

DELIMITERS = (";", ",", "\t")
_SAMPLE_RECORDS = 5  # records that must agree on their number of fields
_MAX_SAMPLE_LINES = 200  # physical lines read at most (quoted fields may hold line breaks)


def unquoted_counts(record: str) -> dict[str, int]:
    """How often each delimiter stands outside quoted fields of ``record``."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in record:
        if char == '"':
            quoted = not quoted  # a doubled quote inside a field toggles twice
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


def first_records(lines: Iterable[str]) -> list[str]:
    """The first records of a CSV text given as lines (a quoted field may span lines)."""
    records: list[str] = []
    current = ""
    for number, line in enumerate(lines):
        current += line
        if current.count('"') % 2 == 0:
            records.append(current)
            current = ""
            if len(records) >= _SAMPLE_RECORDS:
                break
        if number >= _MAX_SAMPLE_LINES:
            break
    if current:
        records.append(current)
    return records


def _field_counts(records: list[str], delimiter: str) -> set[int]:
    """The numbers of fields the non-empty records have when split by ``delimiter``."""
    try:
        rows = csv.reader(io.StringIO("".join(records)), delimiter=delimiter)
        return {len(row) for row in rows if any(cell.strip() for cell in row)}
    except csv.Error:
        return set()


def detect_delimiter(records: list[str]) -> str:
    """The delimiter of a CSV text whose first records are ``records``."""
    if not records:
        return ","
    counts = unquoted_counts(records[0])

    def rank(delimiter: str) -> tuple[bool, int, int]:
        fields = _field_counts(records, delimiter)
        consistent = len(fields) == 1 and min(fields) > 1
        return consistent, counts[delimiter], -DELIMITERS.index(delimiter)

    best = max(DELIMITERS, key=rank)
    return best if counts[best] else ","
