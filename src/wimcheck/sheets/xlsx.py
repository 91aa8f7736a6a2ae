"""Reading XLSX response sheets within bounds, with formula cells that have no value named.

Before openpyxl reads anything, the zip directory is checked: the number of parts, the
unpacked size of all parts and of the shared text table (which openpyxl holds in
memory). The sheet's declared size is checked before its rows are read, and rows and
cells are counted while they stream (a declared size can lie). A cell holding a formula
without a saved value (a workbook written by a program that does not calculate) is
named, never read as an empty cell.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from wimcheck.errors import InputFileError
from wimcheck.limits import (
    XLSX_MAX_CELLS,
    XLSX_MAX_COLUMNS,
    XLSX_MAX_PARTS,
    XLSX_MAX_ROWS,
    XLSX_MAX_SHARED_STRINGS,
    XLSX_MAX_UNCOMPRESSED,
)
from wimcheck.messages import t
from wimcheck.sheets.cells import normalise_cell

__all__ = ["MAX_FORMULA_CELLS", "check_archive", "xlsx_rows"]

MAX_FORMULA_CELLS = 1000  # formula cells without a value named one by one; more: file rejected
_MIB = 1 << 20
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)$")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument"


def check_archive(path: Path) -> None:
    """Check a workbook's zip directory against the bounds, before anything is unpacked.

    Raises:
        InputFileError: not a zip, an OpenDocument file, or beyond a bound.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            names = {p.filename for p in parts}
            if "mimetype" in names and archive.read("mimetype")[:64].startswith(_ODS_MIMETYPE):
                raise _unsupported(path, t("sheet.kind.ods"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise _damaged(path, exc) from None
    if len(parts) > XLSX_MAX_PARTS:
        raise _too_big(path, t("xlsx.too-many-parts", max=XLSX_MAX_PARTS))
    if sum(p.file_size for p in parts) > XLSX_MAX_UNCOMPRESSED:
        raise _too_big(path, t("xlsx.too-big", max=XLSX_MAX_UNCOMPRESSED // _MIB))
    for part in parts:
        if (
            part.filename.lower().endswith("sharedstrings.xml")
            and part.file_size > XLSX_MAX_SHARED_STRINGS
        ):
            raise _too_big(path, t("xlsx.strings-too-big", max=XLSX_MAX_SHARED_STRINGS // _MIB))


def _unsupported(path: Path, kind: str) -> InputFileError:
    return InputFileError(t("sheet.unsupported", kind=kind), path=path)


def _too_big(path: Path, message: str) -> InputFileError:
    return InputFileError(message, path=path)


def _damaged(path: Path, exc: BaseException) -> InputFileError:
    detail = f"{type(exc).__name__}: {exc}"[:200]
    return InputFileError(t("input.xlsx", detail=detail), path=path, hint=t("input.xlsx.hint"))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _without_value(cell: Any) -> bool:
    """A formula cell with no saved value: no ``<v>``, or an empty one on a non-text cell.

    Programs that do not calculate write ``<v/>`` or nothing; a spreadsheet program saves
    a formula whose result is empty text as ``t="str"`` with an empty ``<v>``.
    """
    children = {child.tag.rsplit("}", 1)[-1]: child for child in cell}
    if "f" not in children or "is" in children:
        return False
    value = children.get("v")
    return value is None or (not value.text and cell.get("t") != "str")


@dataclass
class _Survey:
    """What one quick pass over the sheet's XML finds before openpyxl reads its rows."""

    formulas: dict[int, dict[int, str]] = field(default_factory=dict)  # row -> column -> C5
    formula_count: int = 0
    last_row: int = 0


def _survey(archive: Any, part: str, width: int) -> _Survey:
    """The formula cells (within ``width`` columns) without a saved value, and the last row.

    Stops early once the rows or the formula cells are beyond their bounds.
    """
    survey = _Survey()
    column = 0
    parent = None
    with archive.open(part) as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "sheetData":
                    parent = element
                elif tag == "row":
                    survey.last_row = int(element.get("r") or survey.last_row + 1)
                    column = 0
                    if survey.last_row > XLSX_MAX_ROWS:
                        break
                continue
            if tag == "row" and parent is not None:
                parent.clear()  # rows already looked at take no memory
            if tag != "c":
                continue
            match = _CELL_REF.match(element.get("r") or "")
            column = _column_number(match.group(1)) if match else column + 1
            if column <= width and _without_value(element):
                ref = match.group(0) if match else f"R{survey.last_row}C{column}"
                survey.formulas.setdefault(survey.last_row, {})[column - 1] = ref
                survey.formula_count += 1
                if survey.formula_count > MAX_FORMULA_CELLS:
                    break
    return survey


def _open_book(path: Path) -> tuple[Any, Any]:
    """The workbook (read-only, saved values) and its response sheet."""
    from openpyxl import load_workbook  # noqa: PLC0415 - only for XLSX files

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book["Responses"] if "Responses" in book.sheetnames else book.worksheets[0]
    return book, sheet


def _declared_size_ok(sheet: Any) -> bool:
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    return (
        rows <= XLSX_MAX_ROWS and columns <= XLSX_MAX_COLUMNS and rows * columns <= XLSX_MAX_CELLS
    )


def xlsx_rows(
    path: Path,
) -> tuple[list[str], Iterator[tuple[int, list[str]]], dict[int, dict[int, str]], Any]:
    """Header, rows (number, cells), formula cells without a value by row, and the book.

    Raises:
        InputFileError: the workbook cannot be read, is beyond a bound, or its header
            holds formulas without a value.
    """
    check_archive(path)
    try:
        book, sheet = _open_book(path)
    except InputFileError:
        raise
    except Exception as exc:  # openpyxl on a damaged file raises many kinds of error
        raise _damaged(path, exc) from None
    try:
        return _read_sheet(path, book, sheet)
    except BaseException:
        book.close()
        raise


def _read_sheet(
    path: Path, book: Any, sheet: Any
) -> tuple[list[str], Iterator[tuple[int, list[str]]], dict[int, dict[int, str]], Any]:
    if not _declared_size_ok(sheet):
        raise _too_big(path, t("xlsx.too-many-cells", max=XLSX_MAX_CELLS))
    sheet.reset_dimensions()  # a declared size can be too small: never cut rows off
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            first = next(
                sheet.iter_rows(max_row=1, max_col=XLSX_MAX_COLUMNS, values_only=True), None
            )
            header = [normalise_cell(cell) for cell in first or ()]
            while header and header[-1] == "":
                header.pop()
            # openpyxl's read-only sheet knows its part in the archive (private, stable
            # since openpyxl 2.4); the saved values it reads cannot tell a formula
            # without a value from an empty cell.
            survey = _survey(book._archive, sheet._worksheet_path, len(header))
    except (ParseError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
        raise _damaged(path, exc) from None
    _check_survey(path, header, survey)
    return header, _rows(path, book, sheet, len(header)), survey.formulas, book


def _check_survey(path: Path, header: list[str], survey: _Survey) -> None:
    if not header:
        raise InputFileError(t("input.empty-sheet"), path=path)
    if survey.last_row > XLSX_MAX_ROWS or survey.last_row * len(header) > XLSX_MAX_CELLS:
        raise _too_big(path, t("xlsx.too-many-cells", max=XLSX_MAX_CELLS))
    if 1 in survey.formulas:
        cells = ", ".join(list(survey.formulas[1].values())[:5])
        raise InputFileError(t("xlsx.formula", cells=cells), path=path)
    if survey.formula_count > MAX_FORMULA_CELLS:
        raise InputFileError(t("xlsx.formulas", max=MAX_FORMULA_CELLS), path=path)


def _rows(path: Path, book: Any, sheet: Any, width: int) -> Iterator[tuple[int, list[str]]]:
    values = sheet.iter_rows(min_row=2, max_col=width, values_only=True)
    number = 1
    try:
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    row = next(values)
            except StopIteration:
                return
            except Exception as exc:  # openpyxl on a damaged sheet
                raise _damaged(path, exc) from None
            number += 1
            if number > XLSX_MAX_ROWS or number * width > XLSX_MAX_CELLS:
                raise _too_big(path, t("xlsx.too-many-cells", max=XLSX_MAX_CELLS))
            if row.count(None) == len(row):
                continue  # rows openpyxl fills in for gaps cost nothing more
            cells = [normalise_cell(cell) for cell in row]
            if any(cells):
                yield number, cells
    finally:
        book.close()
