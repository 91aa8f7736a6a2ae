"""What every survey tool has: the columns that tell it, its metadata, its header rows and
the rows it exports that are not answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from wimcheck.records import field, record
from wimcheck.sheets.surveys.normal import normal_text

__all__ = ["DropRule", "SurveyTool", "names"]


def names(*headings: str) -> frozenset[str]:
    """Column headings as they are compared: :func:`normal_text` of each."""
    return frozenset(normal_text(heading) for heading in headings)


def _no_more_header_rows(_rows: Sequence[Sequence[str]]) -> int:
    return 0


@record
class DropRule:
    """Rows to leave out: those whose cell in a column named one of ``columns`` is one of
    ``values`` (both compared after :func:`normal_text`; ``""`` is an empty cell)."""

    columns: frozenset[str]
    values: frozenset[str]

    @classmethod
    def of(cls, columns: Iterable[str], values: Iterable[str]) -> DropRule:
        return cls(names(*columns), names(*values))


@record
class SurveyTool:
    """One survey tool's export.

    ``markers`` are headings only this tool writes (two of them tell the tool);
    ``metadata`` every heading of its own that is not a question; ``extra_header_rows``
    says, from the rows after the first, how many more rows are headings;
    ``drop`` the rows that are not answers to score (previews, incomplete responses).
    """

    id: str
    name: str
    markers: frozenset[str]
    metadata: frozenset[str]
    drop: tuple[DropRule, ...] = ()
    extra_header_rows: Callable[[Sequence[Sequence[str]]], int] = field(
        default=_no_more_header_rows
    )

    def fits(self, headings: set[str]) -> int:
        """How many of its markers the normalised ``headings`` hold."""
        return len(self.markers & headings)
