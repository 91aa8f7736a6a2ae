"""The translator's sheet of a framework: written as XLSX or PO, read back and checked.

A sheet has one row per translatable text (:mod:`wimcheck.frameworks.texts`): its id (the
context of the translation file), what it is, the English source, whether it is an
easy-read text, the current translation and an empty column for the new one. Reading it
back refuses rows whose id the framework does not have, whose English changed since the
sheet was made, or whose translation has other placeholders or line breaks than the
English; rows without a translation are skipped. The result is the whole translation
file: the rows imported, the rest as the current file had them.
"""

from __future__ import annotations

import io
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from wimcheck.frameworks.model import Framework
from wimcheck.frameworks.texts import FrameworkText, framework_texts
from wimcheck.i18n.text_files import (
    EASY_READ_FLAG,
    OFFICIAL_FLAG,
    TextEntry,
    TextFile,
    read_text_file,
    text_file_bytes,
)
from wimcheck.messages import t
from wimcheck.sheets.cells import excel_cell, normalise_cell

__all__ = [
    "COLUMNS",
    "SheetImport",
    "import_translation",
    "translation_file_bytes",
    "translation_po",
    "translation_xlsx",
]

COLUMNS = 6  # id, what it is, English, easy-read, current translation, new translation
_WIDTHS = (34, 40, 60, 10, 60, 60)


@dataclass
class SheetImport:
    """What a sheet brought: translations by id, rows refused (with why), rows skipped."""

    translations: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    skipped: int = 0


def what_it_is(text: FrameworkText, framework: Framework, lang: str) -> str:
    """A reader's name for the text: "statement of competence CAP-1: <its title>"."""
    if text.kind == "statement":
        competence = framework.competences[text.parent]
        key = "translation.what.statement-easy" if text.easy_read else "translation.what.statement"
        return t(key, parent=text.parent, title=competence.title.get(lang))
    what = t(f"translation.field.{text.field}")
    return t(f"translation.what.{text.kind}", id=text.owner, parent=text.parent, field=what)


def _rows(framework: Framework, lang: str) -> Iterator[tuple[str, ...]]:
    for text in framework_texts(framework):
        yield (
            text.context,
            what_it_is(text, framework, lang),
            text.text.en,
            t("translation.yes" if text.easy_read else "translation.no"),
            text.text.other.get(lang, ""),
            "",
        )


def translation_xlsx(framework: Framework, lang: str) -> bytes:
    """The translator's sheet as an XLSX workbook (every cell safe from formulas)."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Translation"
    header = [
        t(f"translation.col.{name}") for name in ("id", "what", "english", "easy-read", "current")
    ]
    sheet.append([excel_cell(cell) for cell in [*header, t("translation.col.new")]])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(framework, lang):
        sheet.append([excel_cell(cell) for cell in row])
    for number, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _entries(framework: Framework, lang: str, current: Mapping[str, TextEntry]) -> list[TextEntry]:
    """Every text of the framework as an entry: the translation given, flags by the rule."""
    out = []
    for text in framework_texts(framework):
        translation = text.text.other.get(lang, "")
        old = current.get(text.context)
        if not translation and old is not None and old.translation and old.source != text.text.en:
            out.append(old)  # stale: kept as it was, for the translator to update
            continue
        official = old is not None and old.official and old.translation == translation
        flags = {EASY_READ_FLAG} if text.easy_read else set()
        out.append(
            TextEntry(
                text.context,
                text.text.en,
                translation,
                frozenset(flags | ({OFFICIAL_FLAG} if official else set())),
            )
        )
    return out


def _header_comment(framework: Framework, lang: str) -> str:
    return (
        f"# Translation of the wimcheck framework '{framework.id}' into '{lang}'.\n"
        "# The English source is the msgid; an entry whose msgid no longer matches the "
        "framework is stale.\n# See docs/framework-format.md.\n#"
    )


def _current_file(path: Path | None, lang: str) -> TextFile:
    if path is not None and path.is_file():
        return read_text_file(path, lang)
    return TextFile(lang, ())


def translation_po(framework: Framework, lang: str, current: Path | None = None) -> bytes:
    """The translation file of ``lang`` with the framework's current translations."""
    existing = _current_file(current, lang)
    entries = _entries(framework, lang, {e.context: e for e in existing.entries})
    return text_file_bytes(lang, entries, existing, _header_comment(framework, lang))


def translation_file_bytes(
    framework: Framework, lang: str, imported: Mapping[str, str], current: Path | None
) -> bytes:
    """The translation file after an import: ``imported`` over the current translations."""
    from wimcheck.frameworks.texts import with_translations  # noqa: PLC0415

    existing = _current_file(current, lang)
    merged = with_translations(framework, {c: {lang: s} for c, s in imported.items()})
    entries = _entries(merged, lang, {e.context: e for e in existing.entries})
    return text_file_bytes(lang, entries, existing, _header_comment(framework, lang))


# ------------------------------------------------------------------------------ reading


def _placeholders(text: str) -> list[str]:
    try:
        return sorted(n for _, n, _, _ in string.Formatter().parse(text) if n is not None)
    except ValueError:
        return ["{"]


def _unquoted(cell: str) -> str:
    """A cell as written, without the quote that kept it from being a formula."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@"):
        return cell[1:]
    return cell


def _check_row(
    where: str, context: str, english: str, target: str, texts: Mapping[str, FrameworkText]
) -> str | None:
    """Why the row is refused, or None when it is fine."""
    text = texts.get(context)
    if text is None:
        return t("translation.refused.unknown", where=where, id=context)
    if normalise_cell(text.text.en) != normalise_cell(english):
        return t("translation.refused.changed", where=where, id=context)
    if _placeholders(target) != _placeholders(text.text.en):
        return t("translation.refused.placeholders", where=where, id=context)
    if target.count("\n") != text.text.en.count("\n"):
        return t("translation.refused.lines", where=where, id=context)
    return None


def _take(
    result: SheetImport,
    where: str,
    row: tuple[str, str, str],
    texts: Mapping[str, FrameworkText],
) -> None:
    context, english, target = row
    if not target:
        result.skipped += 1
        return
    refused = _check_row(where, context, english, target, texts)
    if refused is not None:
        result.refused.append(refused)
    else:
        result.translations[context] = target


def _xlsx_rows(path: Path) -> Iterator[tuple[int, tuple[str, str, str]]]:
    from wimcheck.errors import InputFileError  # noqa: PLC0415
    from wimcheck.sheets.xlsx import xlsx_rows  # noqa: PLC0415

    header, rows, _, _ = xlsx_rows(path)
    if len(header) != COLUMNS:
        raise InputFileError(
            t("translation.columns", found=len(header), expected=COLUMNS),
            hint=t("translation.columns.hint"),
            path=path,
        )
    for number, cells in rows:
        cells = [*cells, *[""] * COLUMNS][:COLUMNS]
        yield number, (cells[0], _unquoted(cells[2]), _unquoted(cells[5]))


def import_translation(path: Path, framework: Framework, lang: str) -> SheetImport:
    """The translations of a filled sheet (``.xlsx``) or PO file (anything else), checked.

    Raises:
        InputFileError: the file cannot be read, or is not a translator's sheet.
    """
    texts = {text.context: text for text in framework_texts(framework)}
    result = SheetImport()
    if path.suffix.lower() == ".xlsx":
        for number, row in _xlsx_rows(path):
            _take(result, t("translation.row", row=number), row, texts)
        return result
    for entry in read_text_file(path, lang).entries:
        where = t("translation.line", line=entry.line)
        target = "" if "fuzzy" in entry.flags else entry.translation  # not finished: skipped
        _take(result, where, (entry.context, entry.source, target), texts)
    return result
