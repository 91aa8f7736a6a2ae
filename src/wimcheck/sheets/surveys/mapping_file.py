"""The mapping file: what inference cannot tell about a survey export, written by hand.

TOML, validated once at the edge by a strict pydantic model
(:mod:`wimcheck.sheets.surveys.mapping_model`, imported only when a mapping file is read;
its JSON Schema is printed by ``wimcheck mapping schema``), then held as a frozen
:class:`SurveyMapping`. Every key is optional; what a key gives overrides what wimcheck
would infer. See docs/formats.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from wimcheck.errors import RejectedInputError
from wimcheck.messages import t
from wimcheck.tomlio import TomlSyntaxError, parse_toml, read_text

__all__ = ["MAPPING_FORMAT_VERSION", "MappingFileError", "SurveyMapping", "read_mapping_file"]

MAPPING_FORMAT_VERSION = 1


class MappingFileError(RejectedInputError):
    """A mapping file was read but its content is rejected."""


@dataclass(frozen=True)
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
    # pydantic only when a mapping file is read (scoring a sheet needs none)
    from wimcheck.sheets.surveys.mapping_model import validated_mapping  # noqa: PLC0415

    return validated_mapping(data, text, path)
