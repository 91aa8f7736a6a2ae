"""The edge of a mapping file: its strict pydantic model, and the validation of its data.

Imported only when a mapping file is read or its schema printed, so that scoring a sheet
without one never imports pydantic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wimcheck.messages import t
from wimcheck.sheets.surveys.mapping_file import MappingFileError, SurveyMapping
from wimcheck.tomlpos import scan_positions

__all__ = ["MappingFileModel", "mapping_of", "validated_mapping"]

ToolId = Literal[
    "limesurvey",
    "kobotoolbox",
    "odk-central",
    "microsoft-forms",
    "google-forms",
    "qualtrics",
    "other",
]
Heading = Annotated[str, Field(min_length=1, max_length=1000)]


class DropModel(BaseModel):
    """Rows to leave out: those whose cell in ``column`` is one of ``values``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    column: Heading
    values: list[str] = Field(description='Cell texts; "" is an empty cell.')


class MappingFileModel(BaseModel):
    """A mapping file as written by hand or by ``wimcheck mapping show``."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, title="wimcheck survey mapping"
    )

    format_version: Literal[1]
    tool: ToolId | None = Field(None, description="The tool that wrote the export.")
    framework: str | None = Field(None, description="Framework id.")
    role: str | None = Field(None, description="Role id of every respondent.")
    header_rows: int | None = Field(None, ge=1, le=10, description="Rows above the first answers.")
    respondent: Heading | None = Field(None, description="Heading of the respondent column.")
    ignore: list[Heading] = Field(default_factory=list, description="Headings not to read.")
    columns: dict[Heading, str] = Field(
        default_factory=dict, description="Column heading to statement id."
    )
    answers: dict[Heading, int | Literal["n/a", ""]] = Field(
        default_factory=dict, description='Answer to scale value, "n/a", or "" (not answered).'
    )
    drop: list[DropModel] = Field(default_factory=list, description="Rows to leave out.")


def mapping_of(model: MappingFileModel, path: str) -> SurveyMapping:
    """The frozen mapping of a validated model."""
    return SurveyMapping(
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


def validated_mapping(data: object, text: str, path: Path) -> SurveyMapping:
    """The mapping in ``data`` (parsed from ``text``, the file at ``path``).

    Raises:
        MappingFileError: it is not a mapping file (the first problem, at its line).
    """
    try:
        model = MappingFileModel.model_validate(data)
    except ValidationError as exc:
        raise _invalid(exc, text, path) from None
    return mapping_of(model, str(path))
