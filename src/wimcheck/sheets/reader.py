"""Reading response sheets: CSV as spreadsheet programs write it, and XLSX.

A sheet has one respondent per row: ``respondent``, ``role``, then one column per
statement id; a cell holds a scale value, ``n/a`` or nothing. CSV files may use ``;``,
``,`` or tab as delimiter, UTF-8 with or without BOM or the legacy Windows encoding
(cp1252), stray spaces and quoted cells. Rows are streamed, never all held in memory.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wimcheck.errors import InputFileError
from wimcheck.messages import t

__all__ = ["Sheet", "open_sheet"]

_CHUNK = 1 << 20


@dataclass
class Sheet:
    """A sheet's header and a stream of (row number, cells)."""

    path: Path
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str | None = None
    delimiter: str | None = None

    def close(self) -> None:
        """Release the file when the rows are not read to the end."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


def _detect_encoding(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8, else cp1252 (read in chunks)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def _detect_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_sheet(path: Path) -> Sheet:
    encoding = _detect_encoding(path)
    handle = path.open("r", encoding=encoding, newline="")
    first = handle.readline()
    delimiter = _detect_delimiter(first)
    handle.seek(0)
    if encoding == "utf-8-sig":
        handle.read(0)
    reader = csv.reader(handle, delimiter=delimiter, skipinitialspace=True)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        handle.close()
        raise InputFileError(t("input.empty"), path=path) from None
    except csv.Error as exc:
        handle.close()
        raise InputFileError(t("input.csv-header", detail=exc), path=path) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        with handle:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise InputFileError(
                        t("input.csv-broken", detail=exc), path=path, line=reader.line_num
                    ) from None
                if not any(cell.strip() for cell in cells):
                    continue
                yield reader.line_num, cells

    return Sheet(path, header, rows(), encoding=encoding, delimiter=delimiter)


def _xlsx_sheet(path: Path) -> Sheet:
    import zipfile  # noqa: PLC0415

    from openpyxl import load_workbook  # noqa: PLC0415

    from wimcheck.sheets.cells import normalise_cell  # noqa: PLC0415

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputFileError(
            t("input.xlsx", detail=exc),
            path=path,
            hint=t("input.xlsx.hint"),
        ) from None
    sheet = book["Responses"] if "Responses" in book.sheetnames else book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    try:
        header = [normalise_cell(cell) for cell in next(values)]
    except StopIteration:
        book.close()
        raise InputFileError(t("input.empty-sheet"), path=path) from None
    while header and header[-1] == "":
        header.pop()

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, row in enumerate(values, start=2):
                cells = [normalise_cell(cell) for cell in row[: len(header)]]
                if any(cells):
                    yield number, cells
        finally:
            book.close()

    return Sheet(path, header, rows())


def open_sheet(path: Path) -> Sheet:
    """Open a CSV or XLSX response sheet.

    Raises:
        InputFileError: the file cannot be read as a sheet.
    """
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == b"PK\x03\x04":
        return _xlsx_sheet(path)
    return _csv_sheet(path)
