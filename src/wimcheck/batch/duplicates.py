"""Duplicate respondents: the first answer set of a person is scored, later ones are named.

The index must not make memory grow much with 100,000s of rows: each respondent costs
one small int key (a 64-bit hash of framework and respondent key) and one int saying
where it was first seen (place index and row number). A hash collision (odds about 1 in
3 billion at 100,000 respondents) would report a false duplicate, never hide a real one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RespondentIndex"]


@dataclass
class RespondentIndex:
    """Where each respondent of each framework was seen first."""

    _seen: dict[int, int] = field(default_factory=dict)
    _places: list[tuple[str, str | None]] = field(default_factory=list)
    _place_index: dict[tuple[str, str | None], int] = field(default_factory=dict)

    def first_place(
        self, framework_id: str, respondent: str, file: str, unit: str | None, number: int
    ) -> str | None:
        """Record this sighting; return where the respondent was seen first, or None."""
        key = hash((framework_id, respondent))
        first = self._seen.get(key)
        if first is not None:
            place, first_number = divmod(first, 1 << 32)
            first_file, first_unit = self._places[place]
            return first_file if first_unit is None else f"{first_file}:{first_unit} {first_number}"
        place_key = (file, unit)
        if place_key not in self._place_index:
            self._place_index[place_key] = len(self._places)
            self._places.append(place_key)
        self._seen[key] = (self._place_index[place_key] << 32) | number
        return None
