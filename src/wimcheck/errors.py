"""The one exception hierarchy of wimcheck, and the documented exit codes.

Every error a user can cause is a :class:`WimcheckError`. It carries a one-line
message, an optional hint and, where they exist, the file, line and column. The
command line prints it as ``path:line:col: error: message`` plus ``hint: ...`` and exits
with the error's code; it never shows a traceback for these.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

__all__ = [
    "ExitCode",
    "FrameworkInvalidError",
    "InputFileError",
    "OutputError",
    "OutputExistsError",
    "RejectedInputError",
    "SessionError",
    "UnknownFrameworkError",
    "UnknownRoleError",
    "UsageError",
    "WimcheckError",
]


class ExitCode(IntEnum):
    """Exit codes of the ``wimcheck`` command, documented in the README."""

    OK = 0
    FINDINGS = 1  # findings, or input that was read but rejected
    USAGE = 2  # wrong usage, or input that cannot be read at all
    INTERNAL = 70  # a bug in wimcheck (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C or a closed terminal


class WimcheckError(Exception):
    """Base of every error wimcheck reports to a user."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: Path | str | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = None if path is None else str(path)
        self.line = line
        self.col = col

    @property
    def location(self) -> str | None:
        """``path:line:col`` as far as known, or None."""
        if self.path is None:
            return None
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


class UsageError(WimcheckError):
    """The command was used wrongly (a bad option value, a missing argument)."""


class InputFileError(WimcheckError):
    """A file cannot be read at all: missing, unreadable, not text, not TOML."""


class UnknownFrameworkError(WimcheckError, LookupError):
    """No framework has the id or path the user named."""


class UnknownRoleError(WimcheckError, LookupError):
    """The framework has no role with the id the user named."""


class OutputError(WimcheckError):
    """An output file cannot be written: a read-only folder, a full disk, not a file."""


class OutputExistsError(OutputError):
    """An output file exists and ``--force`` was not given."""


class SessionError(WimcheckError):
    """A saved session cannot be found, read or resumed."""


class RejectedInputError(WimcheckError):
    """Input was read but rejected (invalid content): exit code 1."""

    exit_code = ExitCode.FINDINGS


class FrameworkInvalidError(RejectedInputError):
    """A framework file was read but breaks the format's rules.

    ``issues`` holds every problem found, not only the first.
    """

    def __init__(self, message: str, *, issues: list[object], path: Path | str) -> None:
        first = issues[0] if issues else None
        line = getattr(first, "line", None)
        col = getattr(first, "col", None)
        super().__init__(
            message,
            hint="run `wimcheck frameworks validate` on the file to see every problem",
            path=path,
            line=line,
            col=col,
        )
        self.issues = issues
