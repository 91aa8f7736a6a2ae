"""What checking a framework file finds: one :class:`Issue` per problem, in a report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wimcheck.frameworks.model import Framework
from wimcheck.messages import t
from wimcheck.records import record

if TYPE_CHECKING:
    from wimcheck.frameworks.validation.translations import LanguageStatus

__all__ = ["Issue", "ValidationReport"]


@record
class Issue:
    """One problem found in a file."""

    code: str
    message: str
    hint: str | None
    file: str
    line: int | None = None
    col: int | None = None
    key: str = ""

    @property
    def location(self) -> str:
        """``file:line:col`` as far as known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self) -> str:
        """The issue as ``path:line:col: error[code]: message``."""
        return t("validate.issue", location=self.location, code=self.code, message=self.message)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "key": self.key,
        }


@dataclass
class ValidationReport:
    """The outcome of checking one framework file."""

    file: str
    issues: list[Issue] = field(default_factory=list)
    framework: Framework | None = None
    translation_issues: list[Issue] = field(default_factory=list)
    languages: list[LanguageStatus] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when the framework file has no issue (its translation files aside)."""
        return not self.issues

    @property
    def findings(self) -> list[Issue]:
        """The issues of the framework file, then those of its translation files."""
        return [*self.issues, *self.translation_issues]

    def flatten(self, fields: Sequence[str] = ("line", "code")) -> list[tuple[Any, ...]]:
        """The issues as tuples of the named fields, for compact assertions."""
        return [tuple(getattr(issue, name) for name in fields) for issue in self.issues]
