"""Reading JSON results back: the file, its JSON, and one-line messages for a bad shape.

Each result kind has one strict pydantic edge model (see
:mod:`wimcheck.batch.comparison_file` and :mod:`wimcheck.batch.group_file`); this module
holds what they share.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from wimcheck.assessment.result_json import ResultFileError
from wimcheck.assessment.result_reading import read_json_data
from wimcheck.messages import t, tn

__all__ = ["ResultFileError", "StrictModel", "read_json", "rejected_result"]


class StrictModel(BaseModel):
    """Base of the edge models of results: strict types, no unknown keys, frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def read_json(path: Path) -> object:
    """The JSON data of ``path``, or :class:`InputFileError` with line and column."""
    return read_json_data(path, t("result.json.hint"))


def _detail(exc: ValidationError) -> str:
    errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
    error = errors[0]
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return t("response.unknown-key", key=key)
    if error["type"] == "missing":
        return t("response.missing-key", key=key)
    # our own checks raise ValueError with a message of wimcheck's: show it without pydantic's
    # "Value error, " prefix
    reason = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
    return f"{key}: {reason}" if key else reason


def rejected_result(
    exc: ValidationError, what: str, source: str | None, hint: str
) -> ResultFileError:
    """One line for everything pydantic found wrong: the first problem and how many more."""
    count = len(exc.errors())
    more = tn("response.more", count - 1) if count > 1 else ""
    return ResultFileError(
        t("result.not-valid", what=what, detail=_detail(exc), more=more), path=source, hint=hint
    )
