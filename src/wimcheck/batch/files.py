"""Which files a batch reads: folders searched, and each file's kind (TOML, JSON or sheet)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wimcheck.batch.issues import BatchIssue
from wimcheck.messages import t
from wimcheck.sheets.reader import UNSUPPORTED_SUFFIXES

__all__ = ["RESPONSE_SUFFIXES", "SHEET_SUFFIXES", "expand_paths", "input_kind"]

SHEET_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}
RESPONSE_SUFFIXES = {".toml", ".json"}
# Spreadsheets wimcheck cannot read are still picked up in folders, to be named.
_SEARCHED_SUFFIXES = SHEET_SUFFIXES | RESPONSE_SUFFIXES | UNSUPPORTED_SUFFIXES
# Folders of version control and of macOS's copies to other disks hold no answers.
# Version control, archives, and the state `wimcheck serve` keeps beside a workshop's files.
_TOOL_FOLDERS = {".git", ".hg", ".svn", "__MACOSX", ".wimcheck-serve"}
_APPLE_DOUBLE = b"\x00\x05\x16\x07"  # macOS's "._name" files beside copies on USB sticks


def _searched(path: Path, folder: Path) -> bool:
    """Whether a file found in ``folder`` is an input (names starting with a dot are)."""
    if path.suffix.lower() not in _SEARCHED_SUFFIXES or not path.is_file():
        return False
    if any(part in _TOOL_FOLDERS for part in path.relative_to(folder).parts[:-1]):
        return False
    if path.name.startswith("~$"):  # Office's lock file beside an open workbook
        return False
    if path.name.startswith("._"):
        try:
            with path.open("rb") as handle:
                return handle.read(4) != _APPLE_DOUBLE
        except OSError:
            return True  # named as unreadable when it is read
    return True


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if _searched(p, folder))


def expand_paths(paths: list[Path], report: Callable[[BatchIssue], None]) -> list[Path]:
    """Files named, and the response files and sheets inside folders named (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = _folder_files(path)
            if not found:
                report(BatchIssue(str(path), None, t("batch.empty-folder")))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            report(BatchIssue(str(path), None, t("batch.not-found")))
    return files


def input_kind(path: Path) -> str:
    """``"toml"``, ``"json"`` or ``"sheet"``: by extension, else by the first bytes."""
    suffix = path.suffix.lower()
    if suffix in RESPONSE_SUFFIXES:
        return suffix[1:]
    if suffix in SHEET_SUFFIXES or suffix in UNSUPPORTED_SUFFIXES:
        return "sheet"
    with path.open("rb") as handle:
        start = handle.read(512)
    if start.startswith(b"PK\x03\x04"):
        return "sheet"
    text = start.decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
    if text.startswith(("{", "[")):
        return "json"
    if "format_version" in text or text.startswith("#"):
        return "toml"
    return "sheet"
