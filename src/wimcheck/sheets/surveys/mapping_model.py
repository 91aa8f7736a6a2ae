"""The mapping file's strict pydantic model: the edge where a mapping file is validated.

Imported only when a mapping file is read (:func:`.mapping_file.read_mapping_file`) or its
JSON Schema printed, so scoring without a mapping file does not import pydantic.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DropModel", "MappingFileModel"]

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
