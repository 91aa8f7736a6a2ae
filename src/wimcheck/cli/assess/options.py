"""What ``wimcheck assess`` was given on the command line."""

from __future__ import annotations

from pathlib import Path

from wimcheck.records import record


@record
class AssessOptions:
    """The options of a new assessment, and how its result is shown and saved."""

    framework: str | None
    role: str | None
    respondent: str | None
    lang: str
    hours: float | None
    output: Path | None
    assisted_by: str | None
    force: bool
    plain: bool
    no_color: bool
    kiosk: bool = False  # one person after another on a shared computer
