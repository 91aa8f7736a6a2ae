"""What an answer in a survey export means on the role's scale.

In this order: what a mapping file gives for it (``[answers]``); a scale label in any of
the framework's languages (``Independent``, ``Selbstständig``), also with its value before
or after it (``3 - Independent``); a "not applicable" word in any of wimcheck's seven
languages; and a plain number that is a value of the scale, but only in a column found by
statement id. Anything else cannot be read safely: a tool's 1-7 recodes of a 0-5 scale
must never be scored as 1-7. An empty cell is not answered.
"""

from __future__ import annotations

from collections.abc import Mapping

from wimcheck.frameworks.model import Framework, Role
from wimcheck.records import field, record
from wimcheck.sheets.cells import normalise_cell
from wimcheck.sheets.surveys.columns import MatchedBy
from wimcheck.sheets.surveys.normal import normal_text
from wimcheck.sheets.surveys.vocabulary import is_not_applicable

__all__ = ["NOT_ANSWERED", "NOT_APPLICABLE", "AnswerReader", "looks_like_an_answer"]

NOT_APPLICABLE = "n/a"
NOT_ANSWERED = ""
_LOOKS_NUMERIC = range(0, 11)  # numbers a column of answers may hold (recodes included)


def _labels(framework: Framework, role: Role) -> dict[str, int]:
    """Normalised label → value, in every language; a label two values share is left out."""
    found: dict[str, int] = {}
    shared: set[str] = set()
    for value in framework.scale_for(role).values:
        for text in (value.label.en, *value.label.other.values()):
            key = normal_text(text)
            if key in found and found[key] != value.value:
                shared.add(key)
            found.setdefault(key, value.value)
    return {key: value for key, value in found.items() if key and key not in shared}


def _whole_number(text: str) -> int | None:
    stripped = text.strip()
    digits = stripped[1:] if stripped.startswith("-") else stripped
    return int(stripped) if digits.isascii() and digits.isdigit() else None


@record
class AnswerReader:
    """Reads answers for one role's scale (``given``: a mapping file's ``[answers]``)."""

    labels: Mapping[str, int]
    values: frozenset[int]
    given: Mapping[str, str]
    _known: dict[tuple[str, MatchedBy], str | None] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, framework: Framework, role: Role, given: Mapping[str, str]) -> AnswerReader:
        values = frozenset(v.value for v in framework.scale_for(role).values)
        normal_given = {normal_text(key): value for key, value in given.items()}
        return cls(_labels(framework, role), values, {**normal_given, **given})

    def read(self, cell: str, by: MatchedBy) -> str | None:
        """The cell as a sheet cell (a scale value, ``n/a`` or empty); None if unsafe."""
        key = (cell, by)
        if key not in self._known:  # answers repeat a handful of texts
            self._known[key] = self._read(cell, by)
        return self._known[key]

    def _read(self, cell: str, by: MatchedBy) -> str | None:
        text = normalise_cell(cell)
        if text in self.given:
            return self.given[text]
        if text == NOT_ANSWERED:
            return NOT_ANSWERED
        words = normal_text(text)
        if words in self.given:
            return self.given[words]
        if words in self.labels:
            return str(self.labels[words])
        if is_not_applicable(words) or text == NOT_APPLICABLE:
            return NOT_APPLICABLE
        number = _whole_number(text)
        if number is not None:
            return str(number) if by == "id" and number in self.values else None
        return self._labelled_value(words)

    def _labelled_value(self, words: str) -> str | None:
        """``3 independent`` or ``independent 3``: a label with its own value beside it."""
        first, _, rest = words.partition(" ")
        last_rest, _, last = words.rpartition(" ")
        for number, label in ((first, rest), (last, last_rest)):
            value = _whole_number(number)
            if value is not None and self.labels.get(label) == value:
                return str(value)
        return None


def looks_like_an_answer(reader: AnswerReader, cell: str) -> bool:
    """Whether a cell of a column no statement matched reads like an answer: a scale label,
    a "not applicable" word, or a small whole number (a tool's recode)."""
    if reader.read(cell, "text") not in (None, NOT_ANSWERED):
        return True
    number = _whole_number(normalise_cell(cell))
    return number is not None and number in _LOOKS_NUMERIC
