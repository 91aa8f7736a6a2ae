"""The mapping file: what inference cannot tell about a survey export, written by hand.

TOML, validated once at the edge by a strict pydantic model
(:mod:`~wimcheck.sheets.surveys.mapping_model`, imported only then), then held as a frozen
:class:`SurveyMapping`. Every key is optional; what a key gives overrides what wimcheck
would infer. See docs/formats.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from wimcheck.errors import RejectedInputError
from wimcheck.messages import t
from wimcheck.records import field, record
from wimcheck.tomlio import TomlSyntaxError, parse_toml, read_text
from wimcheck.tomlpos import scan_positions

if TYPE_CHECKING:
    from pydantic import ValidationError

    from wimcheck.sheets.surveys.mapping_model import MappingFileModel

__all__ = ["MAPPING_FORMAT_VERSION", "MappingFileError", "SurveyMapping", "read_mapping_file"]

MAPPING_FORMAT_VERSION = 1


class MappingFileError(RejectedInputError):
    """A mapping file was read but its content is rejected."""


@record
class SurveyMapping:
    """A validated mapping file (or none: every field empty)."""

    tool: str | None = None
    framework: str | None = None
    role: str | None = None
    header_rows: int | None = None
    respondent: str | None = None
    ignore: frozenset[str] = frozenset()
    columns: Mapping[str, str] = field(default_factory=dict)
    answers: Mapping[str, str] = field(default_factory=dict)
    drop: tuple[tuple[str, tuple[str, ...]], ...] = ()
    path: str | None = None

    @classmethod
    def of(cls, model: MappingFileModel, path: str) -> SurveyMapping:
        return cls(
            tool=model.tool,
            framework=model.framework,
            role=model.role,
            header_rows=model.header_rows,
            respondent=model.respondent,
            ignore=frozenset(model.ignore),
            columns=dict(model.columns),
            answers={key: str(value) for key, value in model.answers.items()},
            drop=tuple((rule.column, tuple(rule.values)) for rule in model.drop),
            path=path,
        )


def _invalid(exc: ValidationError, text: str, path: Path) -> MappingFileError:
    """The first validation error, at its line and column."""
    errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
    error = errors[0]
    loc = tuple(p for p in error["loc"] if isinstance(p, str | int))
    line, col = scan_positions(text).find(loc)
    key = ".".join(str(p) for p in loc)
    detail = {
        "extra_forbidden": t("response.unknown-key", key=key),
        "missing": t("response.missing-key", key=key),
    }.get(error["type"], f"{key}: {error['msg']}")
    return MappingFileError(
        t("mapping.invalid", detail=detail),
        path=path,
        line=line,
        col=col,
        hint=t("mapping.invalid.hint"),
    )


def read_mapping_file(path: Path) -> SurveyMapping:
    """Read and validate a mapping file.

    Raises:
        InputFileError: the file cannot be read.
        MappingFileError: it is not TOML, or not a mapping file.
    """
    text = read_text(path)
    try:
        data = parse_toml(text)
    except TomlSyntaxError as exc:
        raise MappingFileError(
            t("issue.toml-syntax", detail=exc.message),
            path=path,
            line=exc.line,
            col=exc.col,
            hint=t("hint.toml-syntax"),
        ) from None
    from pydantic import ValidationError  # noqa: PLC0415 (only when a file is read)

    from wimcheck.sheets.surveys.mapping_model import MappingFileModel  # noqa: PLC0415

    try:
        model = MappingFileModel.model_validate(data)
    except ValidationError as exc:
        raise _invalid(exc, text, path) from None
    return SurveyMapping.of(model, str(path))
