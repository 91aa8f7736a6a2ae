"""Batch scoring: many response files and sheets, every good one scored, every bad one named.

Inputs are recognised by extension and content: TOML response files (as ``assess``
writes them), JSON (one response object or a list of them), CSV and XLSX sheets. Folders
are searched. Scoring never depends on where the answers came from: sheet rows go
through :class:`~wimcheck.fastscore.RoleScorer`, files through :func:`scoring.score`,
and both give the same numbers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wimcheck.assessment.responses import (
    ResponseSet,
    check_answers,
    read_response_file,
    response_set,
)
from wimcheck.assessment.scoring import NA, Answer, score, statement_score
from wimcheck.batch.fastscore import CellError, RoleScorer, RowScore
from wimcheck.errors import WimcheckError
from wimcheck.frameworks.catalog import Catalog, discover, load_framework
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.sheets.reader import Sheet, open_sheet

__all__ = ["Batch", "BatchIssue", "BatchStopped", "Scored", "expand_paths"]

SHEET_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}
RESPONSE_SUFFIXES = {".toml", ".json"}


@dataclass(frozen=True)
class BatchIssue:
    """Something in the input that was not scored, and why."""

    file: str
    where: str | None
    reason: str

    def format(self) -> str:
        """``file:where: reason``."""
        return (
            f"{self.file}:{self.where}: {self.reason}"
            if self.where
            else f"{self.file}: {self.reason}"
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"file": self.file, "where": self.where, "reason": self.reason}


class BatchStopped(Exception):
    """``--strict``: the batch stopped at its first issue."""

    def __init__(self, issue: BatchIssue) -> None:
        super().__init__(issue.format())
        self.issue = issue


@dataclass
class Scored:
    """One respondent's scores."""

    respondent: str
    framework: Framework
    role: Role
    source: str
    row: RowScore
    responses: ResponseSet | None = None  # kept when answers are needed (JSON, cohort)
    items: list[float | None] | None = None  # scored item values in questionnaire order


def expand_paths(paths: list[Path], report: Callable[[BatchIssue], None]) -> list[Path]:
    """Files named, and the response files and sheets inside folders named (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in SHEET_SUFFIXES | RESPONSE_SUFFIXES
            )
            if not found:
                report(BatchIssue(str(path), None, t("batch.empty-folder")))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            report(BatchIssue(str(path), None, t("batch.not-found")))
    return files


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in {".toml", ".json"}:
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


def profile_row(framework: Framework, role: Role, answers: dict[str, Answer]) -> RowScore:
    """A :class:`RowScore` from the reference scorer."""
    profile = score(framework, role, answers)
    return RowScore(
        tuple(c.level for c in profile.competences),
        tuple(c.gap for c in profile.competences),
        profile.readiness,
    )


def _item_values(
    framework: Framework, role: Role, answers: dict[str, Answer]
) -> list[float | None]:
    scale = framework.scale_for(role)
    return [
        None
        if statement.id not in answers
        else statement_score(statement, answers[statement.id], scale)
        for statement in framework.questionnaire(role)
    ]


@dataclass
class Batch:
    """Scores inputs one by one; issues are collected in ``issues``."""

    framework_name: str | None = None
    role_id: str | None = None
    strict: bool = False
    keep_answers: bool = False
    catalog: Catalog = field(default_factory=discover)
    issues: list[BatchIssue] = field(default_factory=list)
    scored: int = 0
    # Duplicate detection must not make memory grow much with 100,000s of rows: each
    # respondent costs one small int key (a 64-bit hash of framework and respondent id)
    # and one int saying where it was first seen (place index and row number). A hash
    # collision (odds about 1 in 3 billion at 100,000 respondents) would report a false
    # duplicate, never hide a real one.
    _seen: dict[int, int] = field(default_factory=dict)
    _places: list[tuple[str, str | None]] = field(default_factory=list)
    _place_index: dict[tuple[str, str | None], int] = field(default_factory=dict)
    _forced: Framework | None = None

    def __post_init__(self) -> None:
        if self.framework_name:
            self._forced = load_framework(self.framework_name, self.catalog)

    def report(self, issue: BatchIssue) -> None:
        """Record an issue (and stop with ``strict``)."""
        self.issues.append(issue)
        if self.strict:
            raise BatchStopped(issue)

    def frameworks_of(self, path: Path) -> list[Framework]:
        """The frameworks an input uses (for output columns); [] when it cannot be read."""
        try:
            if _kind(path) == "sheet":
                sheet = open_sheet(path)
                if hasattr(sheet.rows, "close"):
                    sheet.rows.close()
                framework = self._sheet_framework(sheet, quiet=True)
                return [framework] if framework else []
            found = []
            for responses, _ in self._response_sets(path, quiet=True):
                framework = self._framework(responses.framework_id, quiet=True, path=path)
                if framework and framework not in found:
                    found.append(framework)
            return found
        except (WimcheckError, OSError, ValueError):
            return []

    def run(self, files: list[Path]) -> Iterator[Scored]:
        """Score every input file in turn."""
        for path in files:
            try:
                found = self._sheet(path) if _kind(path) == "sheet" else self._files(path)
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

    # --- response files ------------------------------------------------------------------

    def _framework(self, framework_id: str, *, quiet: bool = False, path: Path) -> Framework | None:
        if self._forced is not None:
            if self._forced.id != framework_id:
                if not quiet:
                    self.report(
                        BatchIssue(
                            str(path),
                            None,
                            t("batch.other-framework", id=framework_id, forced=self._forced.id),
                        )
                    )
                return None
            return self._forced
        entry = self.catalog.get(framework_id)
        if entry is None:
            if not quiet:
                self.report(
                    BatchIssue(
                        str(path),
                        None,
                        t("batch.unknown-framework", id=framework_id),
                    )
                )
            return None
        return entry.framework

    def _response_sets(
        self, path: Path, *, quiet: bool = False
    ) -> Iterator[tuple[ResponseSet, str]]:
        if _kind(path) == "toml":
            yield read_response_file(path), str(path)
            return
        from wimcheck.assessment.response_file import ResponseFileModel  # noqa: PLC0415

        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            line = getattr(exc, "lineno", None)
            col = getattr(exc, "colno", None)
            raise WimcheckError(
                t("batch.json", detail=getattr(exc, "msg", exc)), line=line, col=col
            ) from None
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items):
            where = f"{path}[{index}]" if isinstance(data, list) else str(path)
            try:
                if isinstance(item, dict):
                    item = {
                        key: datetime.fromisoformat(value)
                        if key in ("started", "finished") and isinstance(value, str)
                        else value
                        for key, value in item.items()
                    }
                model = ResponseFileModel.model_validate(item)
            except (ValidationError, ValueError) as exc:
                if not quiet:
                    first = (
                        exc.errors(include_url=False)[0]
                        if isinstance(exc, ValidationError)
                        else None
                    )
                    reason = (
                        f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
                        if first
                        else str(exc)
                    )
                    self.report(
                        BatchIssue(
                            str(path),
                            f"item {index}" if isinstance(data, list) else None,
                            t("batch.invalid-response", reason=reason),
                        )
                    )
                continue
            yield response_set(model, where), where

    def _files(self, path: Path) -> Iterator[Scored]:
        for responses, where in self._response_sets(path):
            framework = self._framework(responses.framework_id, path=path)
            if framework is None:
                continue
            role = framework.roles.get(responses.role_id)
            if role is None:
                self.report(
                    BatchIssue(
                        where,
                        None,
                        t(
                            "batch.unknown-role-of",
                            id=framework.id,
                            role=responses.role_id,
                            roles=", ".join(framework.roles),
                        ),
                    )
                )
                continue
            problems = check_answers(framework, role, responses.answers)
            if problems:
                more = t("batch.more", count=len(problems) - 1) if len(problems) > 1 else ""
                self.report(BatchIssue(where, None, problems[0] + more))
                continue
            if not self._first(framework, responses.respondent, where):
                continue
            answers = dict(responses.answers)
            yield Scored(
                respondent=responses.respondent,
                framework=framework,
                role=role,
                source=where,
                row=profile_row(framework, role, answers),
                responses=responses if self.keep_answers else None,
                items=_item_values(framework, role, answers) if self.keep_answers else None,
            )

    def _first(
        self,
        framework: Framework,
        respondent: str,
        file: str,
        unit: str | None = None,
        number: int = 0,
    ) -> bool:
        """Whether this is the first time ``respondent`` is seen; report it otherwise."""
        key = hash((framework.id, respondent))
        first = self._seen.get(key)
        if first is not None:
            place, first_number = divmod(first, 1 << 32)
            first_file, first_unit = self._places[place]
            where_first = (
                first_file if first_unit is None else f"{first_file}:{first_unit} {first_number}"
            )
            self.report(
                BatchIssue(
                    file,
                    None if unit is None else f"{unit} {number}",
                    t("batch.duplicate", name=respondent, first=where_first),
                )
            )
            return False
        place_key = (file, unit)
        if place_key not in self._place_index:
            self._place_index[place_key] = len(self._places)
            self._places.append(place_key)
        self._seen[key] = (self._place_index[place_key] << 32) | number
        return True

    # --- sheets ------------------------------------------------------------------------

    def _sheet_framework(self, sheet: Sheet, *, quiet: bool = False) -> Framework | None:
        lowered = [h.lower() for h in sheet.header]
        if "respondent" not in lowered:
            if not quiet:
                self.report(
                    BatchIssue(
                        str(sheet.path),
                        t("batch.header"),
                        t("batch.no-respondent-column"),
                    )
                )
            return None
        ids = [h for h in sheet.header if h.lower() not in ("respondent", "role") and h]
        if self._forced is not None:
            return self._forced
        # a framework matches when it has any of the columns as statement ids; other
        # columns (an e-mail address, a time stamp) are reported and ignored later
        candidates = [
            e.framework
            for e in self.catalog.entries.values()
            if any(sid in e.framework.statements for sid in ids)
        ]
        if len(candidates) == 1:
            return candidates[0]
        if not quiet:
            if candidates:
                ids_found = ", ".join(sorted(c.id for c in candidates))
                reason = t("batch.several-frameworks", ids=ids_found)
            else:
                reason = t("batch.no-framework")
            self.report(BatchIssue(str(sheet.path), t("batch.header"), reason))
        return None

    def _sheet(self, path: Path) -> Iterator[Scored]:
        sheet = open_sheet(path)
        framework = self._sheet_framework(sheet)
        if framework is None:
            if hasattr(sheet.rows, "close"):
                sheet.rows.close()
            return
        columns: dict[str, int] = {}
        respondent_col = role_col = -1
        for index, name in enumerate(sheet.header):
            lowered = name.lower()
            if lowered == "respondent":
                respondent_col = index
            elif lowered == "role":
                role_col = index
            elif name in framework.statements:
                columns[name] = index
            elif name:
                self.report(
                    BatchIssue(
                        str(path),
                        t("batch.header"),
                        t("batch.unknown-column", name=name, column=index + 1),
                    )
                )
        unit = t("batch.row") if sheet.encoding is None else t("batch.line")
        scorers: dict[str, RoleScorer] = {}
        for number, cells in sheet.rows:
            where = f"{unit} {number}"
            respondent = cells[respondent_col].strip() if respondent_col < len(cells) else ""
            if not respondent:
                self.report(BatchIssue(str(path), where, t("batch.no-respondent")))
                continue
            role_id = cells[role_col].strip() if 0 <= role_col < len(cells) else ""
            role_id = role_id or (self.role_id or "")
            role = framework.roles.get(role_id)
            if role is None:
                reason = (
                    t("batch.unknown-role", role=role_id, roles=", ".join(framework.roles))
                    if role_id
                    else t("batch.no-role")
                )
                self.report(BatchIssue(str(path), where, reason))
                continue
            scorer = scorers.get(role.id)
            if scorer is None:
                scorer = scorers[role.id] = RoleScorer(framework, role, columns)
            try:
                row = scorer.score_cells(cells)
            except CellError as exc:
                allowed = ", ".join(str(v.value) for v in framework.scale_for(role).values)
                self.report(
                    BatchIssue(
                        str(path),
                        where,
                        t(
                            "batch.bad-cell",
                            cell=exc.cell,
                            column=sheet.header[exc.column],
                            allowed=allowed,
                        ),
                    )
                )
                continue
            if not self._first(framework, respondent, str(path), unit, number):
                continue
            responses = items = None
            if self.keep_answers:
                answers = _answers_from_cells(framework, role, columns, cells)
                responses = ResponseSet(
                    framework.id,
                    framework.version,
                    role.id,
                    respondent,
                    answers,
                    source=f"{path}:{where}",
                )
                items = _item_values(framework, role, answers)
            yield Scored(respondent, framework, role, f"{path}:{where}", row, responses, items)


def _answers_from_cells(
    framework: Framework, role: Role, columns: dict[str, int], cells: list[str]
) -> dict[str, Answer]:
    from wimcheck.sheets.cells import normalise_cell  # noqa: PLC0415

    answers: dict[str, Answer] = {}
    for statement in framework.questionnaire(role):
        index = columns.get(statement.id)
        if index is None or index >= len(cells):
            continue
        text = normalise_cell(cells[index])
        if text == "":
            continue
        answers[statement.id] = NA if text == "n/a" else int(text)
    return answers
