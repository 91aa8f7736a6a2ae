"""Checking a framework file: syntax, then the schema, then the rules that span the file."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from wimcheck.errors import InputFileError
from wimcheck.frameworks.model import Framework
from wimcheck.frameworks.schema import FrameworkFile
from wimcheck.frameworks.validation.build import build_framework
from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue, ValidationReport
from wimcheck.frameworks.validation.rules import rule_issues
from wimcheck.frameworks.validation.schema_issues import schema_issues
from wimcheck.frameworks.validation.translations import check_translations
from wimcheck.messages import t
from wimcheck.tomlio import TomlSyntaxError, parse_toml, read_text
from wimcheck.tomlpos import scan_positions

__all__ = ["check_framework_file", "check_framework_text"]


_ZIP = b"PK\x03\x04"  # an XLSX, ODS or DOCX file is a ZIP archive
_PO_ENTRY = re.compile(rb'^[ \t]*msg(?:ctxt|id|str)[ \t]+"', re.MULTILINE)
_START = 4096  # bytes read to tell what a file is


def check_framework_file(path: Path | str) -> ValidationReport:
    """Check the framework file at ``path``.

    Raises:
        InputFileError: the file is missing, unreadable or not UTF-8, or plainly no
            framework: a spreadsheet or other ZIP archive, a binary file, a PO file.
    """
    path = Path(path)
    _refuse_other_kinds(path)
    return check_framework_text(read_text(path), str(path), source_path=path)


def _refuse_other_kinds(path: Path) -> None:
    """Say what a file is when it cannot be a framework file (TOML text) at all."""
    try:
        with path.open("rb") as file:
            start = file.read(_START)
    except OSError:
        return  # read_text says why
    hint = t("hint.not-framework")
    if start.startswith(_ZIP):
        kind = "workbook"
    elif b"\x00" in start:
        kind = "binary"
    elif path.suffix.lower() in (".po", ".pot") or _PO_ENTRY.search(start):
        kind, hint = "po", t("hint.not-framework.po")
    else:
        return
    raise InputFileError(t(f"error.not-framework.{kind}"), path=path, hint=hint)


def _syntax_issue(exc: TomlSyntaxError, file: str) -> Issue:
    """``toml-syntax``: the text is not TOML (then nothing else is checked)."""
    return Issue(
        "toml-syntax",
        t("issue.toml-syntax", detail=exc.message),
        t("hint.toml-syntax"),
        file,
        exc.line,
        exc.col,
    )


def _empty_issue(text: str, file: str) -> Issue:
    """``empty-file``: nothing to check (empty, or only comments): one issue, not one for
    each key the file lacks."""
    message = t("input.empty") if not text.strip() else t("issue.no-keys")
    return Issue("empty-file", message, t("hint.empty-framework"), file)


def check_framework_text(
    text: str, file: str = "<text>", *, source_path: Path | None = None
) -> ValidationReport:
    """Check framework TOML ``text``; ``file`` is the name used in messages."""
    report = ValidationReport(file=file)
    try:
        data = parse_toml(text)
    except TomlSyntaxError as exc:
        report.issues.append(_syntax_issue(exc, file))
        return report
    if not data:
        report.issues.append(_empty_issue(text, file))
        return report
    ctx = RuleContext(file, data, scan_positions(text))
    model: FrameworkFile | None
    try:
        model = FrameworkFile.model_validate(data)
    except ValidationError as exc:
        model = None
        report.issues.extend(schema_issues(ctx, exc))
    report.issues.extend(rule_issues(ctx, FileParts.from_data(data, model)))
    report.issues.sort(key=lambda i: (i.line or 0, i.col or 0))
    if model is not None and report.valid:
        report.framework = build_framework(model, source_path)
        if source_path is not None:
            _add_translations(report, report.framework, source_path)
    return report


def _add_translations(report: ValidationReport, framework: Framework, path: Path) -> None:
    """Put the texts of the translation files of ``path`` in; say what is wrong with them."""
    checked = check_translations(framework, path)
    report.framework = checked.framework
    report.languages = checked.languages
    report.translation_issues = checked.issues
