"""What a file given as a response file really is, so that a refusal can say so.

``wimcheck report`` reads one response file. People also hand it a framework file, a
sheet of many respondents, an unfinished session, the JSON result of another command,
a saved web page, or something else entirely; :func:`file_kind` tells these apart from
the file's start and shape, without judging whether a response file is valid (the
response file reader does that, with line and column).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from wimcheck.tomlio import JsonSyntaxError, TomlSyntaxError, parse_json, parse_toml

__all__ = ["FileKind", "file_kind"]

_WORKBOOK = b"PK\x03\x04"  # an XLSX workbook is a zip archive
_SHEET_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm"}
_START = 4096  # bytes read to recognise a file
_LARGEST = 16 * 1024 * 1024  # larger files are not parsed whole to be recognised


class FileKind(StrEnum):
    """The kinds of file :func:`file_kind` recognises."""

    RESPONSE = "response"  # TOML that is none of the others: a response file, maybe invalid
    FRAMEWORK = "framework"
    SESSION = "session"
    SHEET = "sheet"
    JSON_ANSWERS = "json-answers"  # answers as JSON, which `score` reads
    JSON_REPORT = "json-report"  # `wimcheck report --format json`
    JSON_SCORE = "json-score"  # `wimcheck score --format json`
    JSON_COMPARISON = "json-comparison"  # `wimcheck compare --format json`
    WEB_PAGE = "web-page"
    OTHER = "other"


def file_kind(path: Path) -> FileKind:
    """The kind of the file at ``path`` (which must exist and be readable).

    Raises:
        OSError: the file cannot be read.
    """
    with path.open("rb") as handle:
        start = handle.read(_START)
    suffix = path.suffix.lower()
    if start.startswith(_WORKBOOK) or suffix in _SHEET_SUFFIXES:
        return FileKind.SHEET
    if b"\x00" in start:
        return FileKind.OTHER
    text = start.decode("utf-8-sig", errors="replace").lstrip()
    if text[:15].lower().startswith(("<!doctype html", "<html")):
        return FileKind.WEB_PAGE
    if _has_respondent_column(text):
        return FileKind.SHEET
    if text.startswith(("{", "[")) or suffix == ".json":
        return _json_kind(_whole(path))
    return _toml_kind(_whole(path), suffix == ".toml")


def _whole(path: Path) -> str | None:
    """The file's text, or None when it is too large or not UTF-8."""
    if path.stat().st_size > _LARGEST:
        return None
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _has_respondent_column(text: str) -> bool:
    """Whether the first line is a sheet's header, with a ``respondent`` column."""
    first = text.partition("\n")[0]
    for delimiter in (",", ";", "\t"):
        cells = [cell.strip().strip('"').strip().lower() for cell in first.split(delimiter)]
        if len(cells) > 1 and "respondent" in cells:
            return True
    return False


def _json_kind(text: str | None) -> FileKind:
    try:  # within the bounds of every input: a hostile nesting is no file of wimcheck's
        data: Any = parse_json(text) if text is not None else None
    except JsonSyntaxError:
        return FileKind.OTHER
    items = data if isinstance(data, list) and data else [data]
    if not all(isinstance(item, dict) for item in items):
        return FileKind.OTHER
    first: dict[str, Any] = items[0]
    if "respondents" in first:
        return FileKind.JSON_SCORE
    if first.get("kind") in ("person", "group") and "competences" in first:
        return FileKind.JSON_COMPARISON
    if "readiness" in first and "competences" in first:
        return FileKind.JSON_REPORT
    if "answers" in first and "framework" in first:
        return FileKind.JSON_ANSWERS
    return FileKind.OTHER


def _toml_kind(text: str | None, named_toml: bool) -> FileKind:
    try:
        data = parse_toml(text) if text is not None else None
    except TomlSyntaxError:
        data = None
    if data is None:
        # a .toml file that is not UTF-8 or has a syntax error is left to the reader,
        # which says what is wrong and where
        return FileKind.RESPONSE if named_toml else FileKind.OTHER
    if isinstance(data.get("framework"), dict):
        return FileKind.FRAMEWORK
    if {"id", "position", "answers"} <= data.keys():
        return FileKind.SESSION
    return FileKind.RESPONSE if named_toml or "answers" in data else FileKind.OTHER
