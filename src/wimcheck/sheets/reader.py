"""Reading response sheets: CSV as spreadsheet programs write it, and XLSX.

A sheet has one respondent per row: ``respondent``, ``role``, then one column per
statement id; a cell holds a scale value, ``n/a`` or nothing. CSV files may use ``;``,
``,`` or tab as delimiter, any encoding :mod:`wimcheck.sheets.encoding` can tell (UTF-8
with or without BOM, UTF-16 as Excel's "Unicode text", the legacy code pages of Europe),
stray spaces and quoted cells (delimiters inside quotes are not counted, see
:mod:`wimcheck.sheets.dialect`). XLSX is read by :mod:`wimcheck.sheets.xlsx`. Legacy Excel
(.xls), OpenDocument (.ods) and other spreadsheet files are named as unsupported. Rows are
streamed, never all held in memory; a header naming a column twice is rejected.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from wimcheck.errors import InputFileError
from wimcheck.limits import MAX_CSV_LINE
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.sheets.dialect import detect_delimiter, first_records
from wimcheck.sheets.encoding import HeaderCheck, choose_encoding
from wimcheck.sheets.template_info import (
    TemplateInfo,
    info_from_book,
    info_from_cells,
    is_info_line,
)

__all__ = ["LineRange", "Sheet", "open_sheet", "row_boundary"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 and other old Office files
_ZIP = b"PK\x03\x04"
_UNSUPPORTED_SUFFIXES = {
    ".xls": "sheet.kind.xls",
    ".xlsb": "sheet.kind.xlsb",
    ".ods": "sheet.kind.ods",
    ".fods": "sheet.kind.ods",
    ".numbers": "sheet.kind.numbers",
}
UNSUPPORTED_SUFFIXES = frozenset(_UNSUPPORTED_SUFFIXES)


@dataclass
class Sheet:
    """A sheet's header and a stream of (row number, cells).

    ``formulas`` names the cells holding a formula without a saved value (XLSX only), by
    row number and then 0-based column: such a cell must not be read as an empty one.
    ``info`` is what a sheet made by ``wimcheck template`` records: its framework and role.
    """

    path: Path
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str | None = None
    delimiter: str | None = None
    formulas: dict[int, dict[int, str]] = field(default_factory=dict)
    info: TemplateInfo | None = None
    header_lines: int = 1  # the physical lines up to the header's end (a CSV sheet)
    _handle: Any = None

    def close(self) -> None:
        """Release the file when the rows are not read to the end."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()
        if self._handle is not None:
            self._handle.close()


def _bounded_lines(handle: IO[str], path: Path, encoding: str) -> Iterator[str]:
    """The lines of ``handle``, none longer than :data:`MAX_CSV_LINE`, decoding errors named."""
    number = 0
    while True:
        try:
            line = handle.readline(MAX_CSV_LINE + 1)
        except UnicodeDecodeError as exc:
            raise InputFileError(
                t("sheet.undecodable", encoding=encoding, detail=exc.reason),
                path=path,
                line=number + 1,
            ) from None
        if not line:
            return
        number += 1
        if len(line) > MAX_CSV_LINE:
            raise InputFileError(t("sheet.line-too-long", max=MAX_CSV_LINE), path=path, line=number)
        yield line


def _csv_sheet(
    path: Path,
    encoding: str | None,
    header_ok: HeaderCheck | None,
    lines: LineRange | None = None,
) -> Sheet:
    chosen = choose_encoding(path, encoding, header_ok)
    handle = path.open("r", encoding=chosen, newline="")
    try:
        records = first_records(_bounded_lines(handle, path, chosen))
        handle.seek(0)  # the decoder starts again: a byte order mark is skipped again
        delimiter = detect_delimiter(records)
        physical = _bounded_lines(handle, path, chosen)
        reader = csv.reader(physical, delimiter=delimiter, skipinitialspace=True)
        header = _csv_header(reader, path)
        info = None
        if is_info_line(header):  # the line a template records its framework and role in
            info = info_from_cells(header)
            header = _csv_header(reader, path)
        skipped = _skip_lines(physical, lines.after - reader.line_num) if lines else 0
    except BaseException:
        handle.close()
        raise
    until = None if lines is None else lines.until
    header_lines = reader.line_num
    rows = _csv_rows(reader, handle, path, skipped, until)
    return Sheet(
        path, header, rows, chosen, delimiter, info=info, header_lines=header_lines, _handle=handle
    )


def _csv_header(reader: Any, path: Path) -> list[str]:
    try:
        return [cell.strip() for cell in next(reader)]
    except StopIteration:
        raise InputFileError(t("input.empty"), path=path) from None
    except csv.Error as exc:
        raise InputFileError(t("input.csv-header", detail=exc), path=path) from None


def _skip_lines(physical: Iterator[str], count: int) -> int:
    """Read past ``count`` lines (a part of a sheet starts after them); how many there were."""
    skipped = 0
    for _ in range(max(count, 0)):
        if next(physical, None) is None:
            break
        skipped += 1
    return skipped


def _csv_rows(
    reader: Any, handle: IO[str], path: Path, skipped: int = 0, until: int | None = None
) -> Iterator[tuple[int, list[str]]]:
    """The rows with their line numbers in the whole file (``skipped`` lines were read past
    before the reader's first); rows end at line ``until`` when it is given."""
    with handle:
        try:
            for cells in reader:
                # a row whose first cell (the respondent, usually) holds text is no blank row
                if (cells and cells[0].strip()) or any(cell.strip() for cell in cells):
                    yield reader.line_num + skipped, cells
                if until is not None and reader.line_num + skipped >= until:
                    return
        except csv.Error as exc:
            raise InputFileError(
                t("input.csv-broken", detail=exc), path=path, line=reader.line_num + skipped
            ) from None


def row_boundary(path: Path, encoding: str, delimiter: str, chars: int) -> int | None:
    """The physical line on which the first row ending after ``chars`` characters ends
    (never inside a quoted field); None when the file ends first or cannot be read."""
    consumed = 0

    def counted(lines: Iterator[str]) -> Iterator[str]:
        nonlocal consumed
        for line in lines:
            consumed += len(line)
            yield line

    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            physical = counted(_bounded_lines(handle, path, encoding))
            reader = csv.reader(physical, delimiter=delimiter, skipinitialspace=True)
            for _ in reader:
                if consumed >= chars:
                    return int(reader.line_num)
    except (InputFileError, csv.Error, OSError, UnicodeError):
        return None
    return None


def _xlsx_sheet(path: Path) -> Sheet:
    from wimcheck.sheets.xlsx import xlsx_rows  # noqa: PLC0415 - openpyxl only when needed

    header, rows, formulas, book = xlsx_rows(path)
    info = info_from_book(book)
    return Sheet(path, header, rows, formulas=formulas, info=info, _handle=book)


def _unsupported_kind(path: Path, magic: bytes) -> str | None:
    key = _UNSUPPORTED_SUFFIXES.get(path.suffix.lower())
    if magic.startswith(_OLE2):
        key = "sheet.kind.xls"
    return None if key is None else t(key)


@record
class LineRange:
    """A part of a CSV sheet, for two processes scoring one sheet: its rows start after
    physical line ``after`` (the header's lines are read as always) and end with the row
    that ends on line ``until`` (None: the end of the file)."""

    after: int = 0
    until: int | None = None


def open_sheet(
    path: Path,
    *,
    encoding: str | None = None,
    header_ok: HeaderCheck | None = None,
    lines: LineRange | None = None,
) -> Sheet:
    """Open a CSV or XLSX response sheet.

    ``encoding`` forces the encoding of a CSV sheet; ``header_ok`` tells whether a
    header read with a candidate encoding is plausible (it helps to tell legacy
    encodings apart); ``lines`` reads only a part of a CSV sheet's rows.

    Raises:
        InputFileError: the file cannot be read as a sheet.
    """
    with path.open("rb") as handle:
        magic = handle.read(8)
    kind = _unsupported_kind(path, magic)
    if kind is not None:
        raise InputFileError(t("sheet.unsupported", kind=kind), path=path)
    if magic.startswith(_ZIP):
        return _xlsx_sheet(path)
    return _csv_sheet(path, encoding, header_ok, lines)
