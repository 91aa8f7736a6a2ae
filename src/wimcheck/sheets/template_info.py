"""What a blank sheet records about itself: the framework and role it was made for.

A sheet made by ``wimcheck template`` carries its framework and role, so that the rows
filled in with an empty role cell are scored as that role:

- a CSV sheet has a comment line before the header, one ``key=value`` per cell, e.g.
  ``#wimcheck,format_version=1,framework=wim,framework_version=1.0.0,role=team-leader``;
- an XLSX workbook has a hidden sheet ``wimcheck`` with one ``key``, ``value`` per row.

Reading ignores keys it does not know, so later versions may add some.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from wimcheck.frameworks.model import Framework, Role
from wimcheck.plaintext import one_line
from wimcheck.records import record
from wimcheck.sheets.cells import excel_cell, excel_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "CSV_MARK",
    "XLSX_SHEET",
    "TemplateInfo",
    "info_from_book",
    "info_from_cells",
    "info_from_rows",
    "is_info_line",
]

CSV_MARK = "#wimcheck"  # the first cell of a CSV sheet's comment line
XLSX_SHEET = "wimcheck"  # the hidden sheet of an XLSX workbook
FORMAT_VERSION = 1
_MAX_INFO_ROWS = 32  # rows of the wimcheck sheet read at most


@record
class TemplateInfo:
    """The framework and role a sheet was made for (``None`` where it does not say)."""

    framework_id: str | None
    role_id: str | None
    framework_version: str | None = None
    language: str | None = None

    @classmethod
    def of(cls, framework: Framework, role: Role, lang: str) -> TemplateInfo:
        """The record of a template made for ``role`` of ``framework`` in ``lang``."""
        return cls(framework.id, role.id, one_line(excel_text(framework.version)), lang)

    def pairs(self) -> list[tuple[str, str]]:
        """The recorded keys and values, in the order written."""
        values = [
            ("format_version", str(FORMAT_VERSION)),
            ("framework", self.framework_id),
            ("framework_version", self.framework_version),
            ("role", self.role_id),
            ("language", self.language),
        ]
        return [(key, value) for key, value in values if value]

    def csv_cells(self) -> list[str]:
        """The cells of the CSV comment line."""
        return [CSV_MARK, *(f"{key}={value}" for key, value in self.pairs())]

    def write_sheet(self, sheet: Worksheet) -> None:
        """Fill ``sheet`` (the workbook's hidden ``wimcheck`` sheet) with the record."""
        sheet.title = XLSX_SHEET
        sheet.sheet_state = "hidden"
        sheet.append(["key", "value"])
        for key, value in self.pairs():
            sheet.append([key, excel_cell(value)])


def _from_pairs(pairs: Iterable[tuple[str, str]]) -> TemplateInfo:
    found = {key.strip().lower(): value.strip() for key, value in pairs}
    return TemplateInfo(
        framework_id=found.get("framework") or None,
        role_id=found.get("role") or None,
        framework_version=found.get("framework_version") or None,
        language=found.get("language") or None,
    )


def is_info_line(cells: Sequence[str]) -> bool:
    """Whether the cells of a CSV sheet's first line are a comment line, not the header."""
    return bool(cells) and cells[0].strip().lstrip("\ufeff").startswith("#")


def info_from_cells(cells: Sequence[str]) -> TemplateInfo:
    """The record in the cells of a CSV comment line (cells without ``=`` are skipped)."""
    return _from_pairs(
        (key, value) for key, sep, value in (cell.partition("=") for cell in cells[1:]) if sep
    )


def info_from_book(book: Any) -> TemplateInfo | None:
    """The record in an openpyxl workbook's ``wimcheck`` sheet; None without one (or when
    it cannot be read: the sheet's rows are then read as if it had none)."""
    if XLSX_SHEET not in book.sheetnames:
        return None
    try:
        rows = book[XLSX_SHEET].iter_rows(max_row=_MAX_INFO_ROWS, max_col=2, values_only=True)
        return info_from_rows(list(rows))
    except Exception:  # openpyxl on a damaged part raises many kinds of error
        return None


def info_from_rows(rows: Iterable[Sequence[object]]) -> TemplateInfo:
    """The record in the rows of an XLSX ``wimcheck`` sheet (``key``, ``value`` per row)."""
    pairs = [
        (str(row[0]), "" if row[1] is None else str(row[1]))
        for row in rows
        if len(row) >= 2 and row[0] is not None
    ]
    return _from_pairs(pairs)  # the heading row ("key", "value") is a key nobody reads
