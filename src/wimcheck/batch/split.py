"""One large CSV sheet scored by two processes (``score SHEET.csv --format csv``).

The sheet is split at the row boundary nearest its middle (a ``csv.reader`` pass, so no
quoted line break is cut). A second process (``python -m wimcheck.batch.split``) scores
the rows after the boundary while this one scores the rows before it. The second process
decides nothing that depends on the first half: it records, in order, what its
:class:`~wimcheck.batch.inputs.Batch` would have done (each issue and warning with the
whole file's line numbers, each respondent it would look up among those seen, each
output row's CSV text) in a temporary file of JSON lines. This process then replays
that record through its own batch: a respondent the first half already holds is
reported as a duplicate exactly as one process reports it, and that row's warnings and
output are dropped. Output, messages and exit code are those of one process.

If the second process fails, its part is recorded in this process instead (the same
code, one core); the temporary file is removed in every case, and an interrupted run
stops the second process.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from wimcheck.batch.csv_output import CsvResultWriter
from wimcheck.batch.inputs import Batch
from wimcheck.batch.issues import BatchIssue
from wimcheck.batch.survey_inputs import is_survey_export
from wimcheck.frameworks.model import Framework
from wimcheck.i18n.language import current_language, use_language
from wimcheck.records import record
from wimcheck.sheets.reader import LineRange, open_sheet, row_boundary

__all__ = ["SPLIT_MIN_BYTES", "SplitPlan", "second_half", "split_plan"]

# Where the second process pays (benchmarks/split_csv.py, docs/performance.md "Two
# cores"): on a quiet 2-core machine it was 1.17x one process at 16 MiB (100,000
# respondents: start-up, the boundary and the replay are not won back) and 0.97x at
# 158 MiB; the second of two virtual cores gives far less than a whole core there.
SPLIT_MIN_BYTES = 64 * 1024 * 1024


@record
class SplitPlan:
    """A sheet to score in two parts: the first part's rows end on physical line ``boundary``."""

    path: Path
    boundary: int


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return int(os.cpu_count() or 1)


def _boundary_target(size: int) -> int:
    """Where to split a sheet of ``size`` bytes, in characters from its start."""
    return size // 2


def split_plan(batch: Batch, path: Path) -> SplitPlan | None:
    """How to split ``path`` between two processes, or None where one process must do:
    a small file, one CPU, a sheet that is not CSV, a survey tool's export, a sheet
    whose header cannot be read or whose middle cannot be found."""
    try:
        size = path.stat().st_size
        if size < SPLIT_MIN_BYTES or usable_cpus() < 2:
            return None
        sheet = open_sheet(path, encoding=batch.encoding, header_ok=batch.header_ok)
    except Exception:
        return None
    try:
        if sheet.encoding is None or sheet.delimiter is None or is_survey_export(batch, sheet):
            return None
        target = _boundary_target(size)
        boundary = row_boundary(path, sheet.encoding, sheet.delimiter, target)
    except Exception:
        return None
    finally:
        sheet.close()
    if boundary is None or boundary <= sheet.header_lines:
        return None
    return SplitPlan(path, boundary)


def _job(batch: Batch, plan: SplitPlan, events: str) -> dict[str, Any]:
    return {
        "path": str(plan.path),
        "after": plan.boundary,
        "events": events,
        "framework": batch.framework_name,
        "role": batch.role_id,
        "encoding": batch.encoding,
        "respondent_column": batch.respondent_column,
        "lang": current_language(),
    }


@contextmanager
def second_half(batch: Batch, plan: SplitPlan) -> Iterator[SecondHalf]:
    """The second process started on the rows after ``plan.boundary``; stopped (if still
    running) and its temporary file removed when the block ends, however it ends."""
    descriptor, events = tempfile.mkstemp(prefix="wimcheck-split-", suffix=".jsonl")
    os.close(descriptor)
    job = _job(batch, plan, events)
    child: subprocess.Popen[bytes] | None = None
    try:
        with suppress(OSError):  # no second interpreter: the part is recorded here
            child = subprocess.Popen(
                [sys.executable, "-m", "wimcheck.batch.split", json.dumps(job)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        yield SecondHalf(child, job)
    finally:
        if child is not None:
            if child.poll() is None:
                child.kill()
            child.wait()
        with suppress(OSError):
            Path(events).unlink()


class SecondHalf:
    """The second part of a sheet, scored by another process and replayed here."""

    def __init__(self, child: subprocess.Popen[bytes] | None, job: dict[str, Any]) -> None:
        self._child = child
        self._job = job

    def rows(self, batch: Batch, frameworks: list[Framework]) -> Iterator[str]:
        """The second part's output rows (CSV text) in order, once the first part is
        scored; its issues and warnings reported through ``batch`` in their place."""
        if self._child is None or self._child.wait() != 0:  # recorded here, the same way
            record_part(self._job)
        by_id = {framework.id: framework for framework in frameworks}
        dropping = False
        with Path(self._job["events"]).open(encoding="utf-8") as events:
            for line in events:
                kind, *fields = json.loads(line)
                if kind == "row":
                    framework_id, respondent, file, unit, number = fields
                    framework = by_id[framework_id]
                    dropping = not batch.first_sighting(framework, respondent, file, unit, number)
                elif kind == "issue":
                    batch.report(BatchIssue(*fields))
                elif dropping:
                    continue
                elif kind == "warn":
                    batch.warn(BatchIssue(*fields))
                else:
                    batch.scored += 1
                    yield fields[0]


@dataclass
class _RecordingBatch(Batch):
    """A batch that records what it would do (for the first process to replay) instead
    of deciding duplicates; nothing is recorded before the sheet's rows start (the
    first process reports the header's issues itself)."""

    sink: IO[str] | None = None
    recording: bool = False

    def record(self, *fields: Any) -> None:
        if self.recording and self.sink is not None:
            self.sink.write(json.dumps(fields) + "\n")

    def reading_rows(self) -> None:
        self.recording = True

    def report(self, issue: BatchIssue) -> None:
        self.record("issue", issue.file, issue.where, issue.reason)

    def warn(self, issue: BatchIssue) -> None:
        self.record("warn", issue.file, issue.where, issue.reason)

    def first_sighting(
        self,
        framework: Framework,
        respondent: str,
        file: str,
        unit: str | None = None,
        number: int = 0,
    ) -> bool:
        self.record("row", framework.id, respondent, file, unit, number)
        return True


def record_part(job: dict[str, Any]) -> None:
    """Score the rows after line ``job["after"]`` and record them in ``job["events"]``."""
    with use_language(job["lang"]):
        batch = _RecordingBatch(
            framework_name=job["framework"],
            role_id=job["role"],
            encoding=job["encoding"],
            respondent_column=job["respondent_column"],
            lines=LineRange(after=job["after"]),
        )
        path = Path(job["path"])
        buffer = io.StringIO()
        writer = CsvResultWriter(buffer, batch.frameworks_of(path))
        with Path(job["events"]).open("w", encoding="utf-8") as events:
            batch.sink = events
            for item in batch.run([path]):
                buffer.seek(0)
                buffer.truncate()
                writer.write(item)
                batch.record("out", buffer.getvalue())


if __name__ == "__main__":
    record_part(json.loads(sys.argv[1]))
