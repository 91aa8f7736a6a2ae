"""What a batch reports about input it did not score: :class:`BatchIssue`, and ``--strict``."""

from __future__ import annotations

from typing import Any

from wimcheck.messages import printable
from wimcheck.records import record

__all__ = ["BatchIssue", "BatchStopped"]


@record
class BatchIssue:
    """Something in the input that was not scored, and why."""

    file: str
    where: str | None
    reason: str

    def format(self) -> str:
        """``file:where: reason``, with control characters escaped (a line on a terminal)."""
        line = (
            f"{self.file}:{self.where}: {self.reason}"
            if self.where
            else f"{self.file}: {self.reason}"
        )
        return printable(line)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"file": self.file, "where": self.where, "reason": self.reason}


class BatchStopped(Exception):
    """``--strict``: the batch stopped at its first issue."""

    def __init__(self, issue: BatchIssue) -> None:
        super().__init__(issue.format())
        self.issue = issue
