"""Checking framework files: every problem of a file, each with its line and a hint.

A framework file that breaks the rules is a *result* (a :class:`ValidationReport`
with issues), not an exception; only a file that cannot be read at all raises
:class:`~wimcheck.errors.InputFileError`. A valid file's report carries the built
:class:`~wimcheck.frameworks.model.Framework`.

The pieces: :mod:`.report` (issues and the report), :mod:`.schema_issues` (pydantic's
errors as issues), one module per family of rules (:mod:`.languages`, :mod:`.ids`,
:mod:`.scales`, :mod:`.references`, :mod:`.roles`, :mod:`.modules`, run in the order of
:mod:`.rules`), :mod:`.check` (the whole check) and :mod:`.build` (the core framework).
"""

from __future__ import annotations

from wimcheck.frameworks.validation.build import build_framework
from wimcheck.frameworks.validation.check import check_framework_file, check_framework_text
from wimcheck.frameworks.validation.report import Issue, ValidationReport

__all__ = [
    "Issue",
    "ValidationReport",
    "build_framework",
    "check_framework_file",
    "check_framework_text",
]
