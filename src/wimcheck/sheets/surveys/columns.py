"""Which statement a survey export's column is: by statement id or by statement text.

By id: the heading (or its part after a group path, ``fnd-WIM_FND_1_a``, in square
brackets, ``G02Q01[WIMFND1a]``, or after a LimeSurvey question code and ``_``,
``G02Q01_WIMFND1a``) is a statement id, with ``_`` or nothing for ``.`` and any case.
By text: the heading is a statement's text (or easy-read wording) in any of the
framework's languages, alone, in square brackets after a question title (``Title
[Statement]``) or at the end after one (``Title - Statement``), or cut short by
LimeSurvey's abbreviated headings (``How well can yo.. [I can explain i.. ]``) when only
one statement begins so; compared after
:func:`~wimcheck.sheets.surveys.normal.normal_text`. A heading two statements fit
equally well matches none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from wimcheck.frameworks.model import Framework, LocalText, Statement
from wimcheck.records import record
from wimcheck.sheets.surveys.normal import (
    bracketed,
    cut_text,
    id_key,
    normal_text,
    path_tails,
    subquestion_code,
)

__all__ = ["ColumnMatch", "Heading", "MatchedBy", "StatementIndex"]

MatchedBy = Literal["mapping", "id", "text"]


@record
class Heading:
    """A column of a survey export: its position and its cell in each header row."""

    index: int
    texts: tuple[str, ...]

    @property
    def name(self) -> str:
        """The first non-empty heading text (what messages and mapping files name)."""
        return next((text for text in self.texts if text), "")


@record
class ColumnMatch:
    """A statement column: which statement, found how (numbers are scale values only in
    columns found by statement id)."""

    index: int
    statement_id: str
    by: MatchedBy


def _texts(statement: Statement) -> Iterator[str]:
    """Every wording of a statement in every language it has."""
    wordings: list[LocalText] = [statement.text]
    if statement.easy_read is not None:
        wordings.append(statement.easy_read)
    for wording in wordings:
        yield wording.en
        yield from wording.other.values()


def _unique(pairs: Iterator[tuple[str, str]]) -> dict[str, str]:
    """Key → statement id, without keys two statements share."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for key, statement_id in pairs:
        if key in found and found[key] != statement_id:
            shared.add(key)
        found.setdefault(key, statement_id)
    return {key: value for key, value in found.items() if key and key not in shared}


@record
class StatementIndex:
    """A framework's statements by id key and by normalised text."""

    by_id: dict[str, str]
    by_text: dict[str, str]
    longest_first: tuple[str, ...]

    @classmethod
    def of(cls, framework: Framework) -> StatementIndex:
        statements = framework.statements.values()
        by_id = _unique((id_key(s.id), s.id) for s in statements)
        by_text = _unique((normal_text(text), s.id) for s in statements for text in _texts(s))
        return cls(by_id, by_text, tuple(sorted(by_text, key=len, reverse=True)))

    def match(self, heading: Heading) -> ColumnMatch | None:
        """The statement this column is, by id first, then by text; None if none or two."""
        for text in heading.texts:
            found = self._by_id(text)
            if found is not None:
                return ColumnMatch(heading.index, found, "id")
        for text in heading.texts:
            found = self._by_text(text)
            if found is not None:
                return ColumnMatch(heading.index, found, "text")
        return None

    def _by_id(self, text: str) -> str | None:
        inside = bracketed(text)
        code = subquestion_code(text)
        candidates = [
            text,
            *([inside] if inside else []),
            *path_tails(text),
            *([code] if code else []),
        ]
        for candidate in candidates:
            found = self.by_id.get(id_key(candidate))
            if found is not None:
                return found
        return None

    def _by_text(self, text: str) -> str | None:
        whole = normal_text(text)
        inside = bracketed(text)
        for candidate in (whole, normal_text(inside) if inside else ""):
            if candidate in self.by_text:
                return self.by_text[candidate]
        return self._by_ending(whole) or self.by_beginning(text)

    def by_beginning(self, text: str) -> str | None:
        """The statement a heading cut short names (LimeSurvey's abbreviated headings,
        ``Question.. [Stateme.. ]``): the only one whose text begins with the cut text;
        None if the heading is not cut, or if more than one statement begins so."""
        inside = bracketed(text)
        cut = cut_text(text if inside is None else inside)
        beginning = normal_text(cut) if cut else ""
        if not beginning:
            return None
        found = {i for key, i in self.by_text.items() if key.startswith(beginning)}
        return found.pop() if len(found) == 1 else None

    def _by_ending(self, whole: str) -> str | None:
        """The statement whose text the heading ends with, after a title; the longest wins,
        and two of the same length match none."""
        found: str | None = None
        length = 0
        for text in self.longest_first:
            if len(text) < length:
                break
            if whole.endswith(" " + text):
                if found is not None and self.by_text[text] != found:
                    return None
                found, length = self.by_text[text], len(text)
        return found
