"""Duplicate respondents: the first answer set of a person is scored, later ones are named.

The index must not make memory grow much with a million rows. Each respondent is one
64-bit hash of framework and respondent key, kept in an array in the order first seen,
beside the row number it was seen at (about 12 bytes); an open-addressing table of
32-bit positions finds a hash in that array (4 to 8 bytes a person more). Where the
rows come from (file and unit) is kept once per run of rows from the same place. A hash
collision would report a false duplicate, never hide a real one; its odds are about
n² / 2⁶⁵: one in 3 billion at 100,000 respondents, one in 37 million at a million.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

__all__ = ["RespondentIndex"]

_EMPTY = -1  # a free slot of the table
_FIRST_CAPACITY = 1024  # slots to start with (a power of two)
_MAX_LOAD = 0.7  # the table doubles when more of its slots than this are taken


class RespondentIndex:
    """Where each respondent of each framework was seen first."""

    def __init__(self, capacity: int = _FIRST_CAPACITY) -> None:
        if capacity < 1 or capacity & (capacity - 1):
            raise ValueError("capacity must be a power of two")
        self._slots = array("i", [_EMPTY]) * capacity
        self._hashes = array("q")  # by position: the order respondents were first seen
        self._numbers = array("I")  # by position: the row number (0 for a file)
        self._places: list[tuple[str, str | None]] = []
        self._place_starts: list[int] = []  # the position where each place's rows start
        self._last_file: str | None = None
        self._last_unit: str | None = None
        self._limit = int(_MAX_LOAD * capacity)  # the position that makes the table grow

    def __len__(self) -> int:
        return len(self._hashes)

    def first_place(
        self, framework_id: str, respondent: str, file: str, unit: str | None, number: int
    ) -> str | None:
        """Record this sighting; return where the respondent was seen first, or None."""
        key = hash(framework_id) ^ hash(respondent)
        slots, hashes = self._slots, self._hashes
        mask = len(slots) - 1
        slot = key & mask
        while (position := slots[slot]) != _EMPTY:
            if hashes[position] == key:
                return self._where(position)
            slot = (slot + 1) & mask
        position = len(hashes)
        slots[slot] = position
        hashes.append(key)
        try:
            self._numbers.append(number)
        except OverflowError:  # more than 4 billion lines: wider numbers from now on
            self._numbers = array("q", [*self._numbers, number])
        if file is not self._last_file or unit is not self._last_unit:
            self._new_place(file, unit, position)
        if position >= self._limit:
            self._grow()
        return None

    def _new_place(self, file: str, unit: str | None, position: int) -> None:
        """Rows from here on come from ``file`` (``unit``: "row" or "line" of a sheet)."""
        self._last_file, self._last_unit = file, unit
        if (file, unit) != (self._places[-1] if self._places else None):
            self._places.append((file, unit))
            self._place_starts.append(position)

    def _grow(self) -> None:
        """Twice the slots; every position placed again."""
        slots = array("i", [_EMPTY]) * (2 * len(self._slots))
        mask = len(slots) - 1
        for position, slot in enumerate(map(mask.__and__, self._hashes)):
            while slots[slot] != _EMPTY:
                slot = (slot + 1) & mask
            slots[slot] = position
        self._slots = slots
        self._limit = int(_MAX_LOAD * len(slots))

    def _where(self, position: int) -> str:
        """``file`` for a response file, ``file:unit number`` for a sheet row."""
        file, unit = self._places[bisect_right(self._place_starts, position) - 1]
        return file if unit is None else f"{file}:{unit} {self._numbers[position]}"
