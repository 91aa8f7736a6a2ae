"""Which files a batch reads: folders searched, and each file's kind (TOML, JSON or sheet)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wimcheck.batch.issues import BatchIssue
from wimcheck.messages import t

__all__ = ["RESPONSE_SUFFIXES", "SHEET_SUFFIXES", "expand_paths", "input_kind"]

SHEET_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}
RESPONSE_SUFFIXES = {".toml", ".json"}


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.suffix.lower() in SHEET_SUFFIXES | RESPONSE_SUFFIXES
    )


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
    if suffix in SHEET_SUFFIXES:
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
