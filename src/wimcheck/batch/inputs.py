"""Batch scoring: many response files and sheets, every good one scored, every bad one named.

Inputs are recognised by extension and content (:mod:`wimcheck.batch.files`): TOML
response files (as ``assess`` writes them), JSON (one response object or a list of
them), CSV and XLSX sheets. Folders are searched. Scoring never depends on where the
answers came from: sheet rows go through :class:`~wimcheck.batch.fastscore.RoleScorer`
(:mod:`wimcheck.batch.sheet_inputs`), files through :func:`scoring.score`
(:mod:`wimcheck.batch.response_inputs`), and both give the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wimcheck.assessment.responses import respondent_key
from wimcheck.batch.duplicates import RespondentIndex
from wimcheck.batch.files import RESPONSE_SUFFIXES, SHEET_SUFFIXES, expand_paths, input_kind
from wimcheck.batch.issues import BatchIssue, BatchStopped
from wimcheck.batch.response_inputs import response_sets, score_response_file
from wimcheck.batch.scored import Scored, profile_row
from wimcheck.batch.sheet_inputs import score_sheet, sheet_framework
from wimcheck.batch.survey_inputs import is_survey_export, read_export
from wimcheck.errors import UsageError, WimcheckError
from wimcheck.frameworks.catalog import Catalog, discover, load_framework
from wimcheck.frameworks.model import Framework
from wimcheck.messages import quoted, t
from wimcheck.sheets.encoding import known_encoding
from wimcheck.sheets.reader import LineRange, open_sheet
from wimcheck.sheets.surveys.mapping_file import SurveyMapping, read_mapping_file

__all__ = [
    "RESPONSE_SUFFIXES",
    "SHEET_SUFFIXES",
    "Batch",
    "BatchIssue",
    "BatchStopped",
    "Scored",
    "expand_paths",
    "profile_row",
]


@dataclass
class Batch:
    """Scores inputs one by one; issues are collected in ``issues``, warnings (input read
    in part: an unreadable cell counted as not answered) in ``warnings``.

    ``encoding`` is the text encoding of every CSV sheet (detected per file when None);
    ``mapping_path`` a mapping file and ``respondent_column`` the respondent column's
    heading, for survey tools' exports; ``lines`` scores only a part of a CSV sheet's rows
    (:mod:`wimcheck.batch.split`). With ``keep_answers`` each scored respondent keeps
    its answers; with ``keep_details`` too, a sheet row keeps its details per competence
    (:mod:`wimcheck.batch.row_details`) instead, unless a cell of it was unreadable.

    Raises:
        UsageError: ``encoding`` is not the name of a text encoding.
    """

    framework_name: str | None = None
    role_id: str | None = None
    strict: bool = False
    keep_answers: bool = False
    keep_details: bool = False
    catalog: Catalog = field(default_factory=discover)
    encoding: str | None = None
    mapping_path: Path | None = None
    respondent_column: str | None = None
    lines: LineRange | None = None
    issues: list[BatchIssue] = field(default_factory=list)
    warnings: list[BatchIssue] = field(default_factory=list)
    scored: int = 0
    forced: Framework | None = field(default=None, init=False)
    mapping: SurveyMapping = field(default_factory=SurveyMapping, init=False)
    _respondents: RespondentIndex = field(default_factory=RespondentIndex, init=False)
    _statement_ids: frozenset[str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                self.encoding = known_encoding(self.encoding)
            except LookupError:
                raise UsageError(
                    t("sheet.unknown-encoding", name=self.encoding),
                    hint=t("sheet.unknown-encoding.hint"),
                ) from None
        if self.framework_name:
            self.forced = load_framework(self.framework_name, self.catalog)
        if self.mapping_path is not None:
            self.mapping = read_mapping_file(self.mapping_path)

    @property
    def mapping_given(self) -> bool:
        """Whether a mapping file was given (``--mapping``)."""
        return self.mapping_path is not None

    def header_ok(self, header: Sequence[str]) -> bool:
        """Whether a sheet header names the respondent column or a known statement id."""
        if self._statement_ids is None:
            frameworks = (
                [self.forced]
                if self.forced is not None
                else [e.framework for e in self.catalog.entries.values()]
            )
            self._statement_ids = frozenset(s for f in frameworks for s in f.statements)
        ids = self._statement_ids
        return any(cell.lower() == "respondent" or cell in ids for cell in header)

    def report(self, issue: BatchIssue) -> None:
        """Record an issue (and stop with ``strict``)."""
        self.issues.append(issue)
        if self.strict:
            raise BatchStopped(issue)

    def reading_rows(self) -> None:
        """A sheet's rows are read from here on (its header's issues are reported)."""

    def warn(self, issue: BatchIssue) -> None:
        """Record a warning: something read in part, the rest scored."""
        self.warnings.append(issue)

    def run(self, files: list[Path]) -> Iterator[Scored]:
        """Score every input file in turn."""
        for path in files:
            try:
                if input_kind(path) == "sheet":
                    found = score_sheet(self, path)
                else:
                    found = score_response_file(self, path)
                for item in found:
                    self.scored += 1
                    yield item
            except WimcheckError as exc:
                where = None
                if exc.line is not None:
                    where = f"{exc.line}" + (f":{exc.col}" if exc.col is not None else "")
                self.report(BatchIssue(str(path), where, exc.message))
            except OSError as exc:
                self.report(BatchIssue(str(path), None, t("batch.unreadable", why=exc.strerror)))

    def frameworks_of(self, path: Path) -> list[Framework]:
        """The frameworks an input uses (for output columns); [] when it cannot be read."""
        try:
            if input_kind(path) == "sheet":
                opened = open_sheet(path, encoding=self.encoding, header_ok=self.header_ok)
                if is_survey_export(self, opened):
                    reading = read_export(self, opened)
                    return [reading.framework] if reading.framework else []
                opened.close()
                framework = sheet_framework(self, opened, quiet=True)
                return [framework] if framework else []
            found: list[Framework] = []
            for responses, _ in response_sets(path):
                framework = self.framework_for(responses.framework_id, quiet=True, path=path)
                if framework and framework not in found:
                    found.append(framework)
            return found
        except (WimcheckError, OSError, ValueError):
            return []

    def framework_for(
        self, framework_id: str, *, quiet: bool = False, path: Path
    ) -> Framework | None:
        """The framework answers name (the forced one must match); None and an issue if not."""
        found = self.framework_or_reason(framework_id)
        if isinstance(found, str):
            if not quiet:
                self.report(BatchIssue(str(path), None, found))
            return None
        return found

    def framework_or_reason(
        self,
        framework_id: str,
        other: str = "batch.other-framework",
        unknown: str = "batch.unknown-framework",
    ) -> Framework | str:
        """The framework ``framework_id`` (the forced one must be it), or why not: the
        message ``other`` (another framework was forced) or ``unknown`` filled in."""
        if self.forced is not None:
            if self.forced.id == framework_id:
                return self.forced
            return t(other, id=quoted(framework_id), forced=self.forced.id)
        entry = self.catalog.get(framework_id)
        if entry is not None:
            return entry.framework
        return t(unknown, id=quoted(framework_id))

    def first_sighting(
        self,
        framework: Framework,
        respondent: str,
        file: str,
        unit: str | None = None,
        number: int = 0,
    ) -> bool:
        """Whether this is the first time ``respondent`` is seen; report it otherwise."""
        key = respondent_key(respondent)
        first = self._respondents.first_place(framework.id, key, file, unit, number)
        if first is None:
            return True
        where = None if unit is None else f"{unit} {number}"
        reason = t("batch.duplicate", name=quoted(respondent), first=first)
        self.report(BatchIssue(file, where, reason))
        return False
