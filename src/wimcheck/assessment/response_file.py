"""The response file format (version 1): one person's answers for one role."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

RESPONSE_FORMAT_VERSION = 1

Respondent = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class ResponseFileModel(BaseModel):
    """A response file as written by ``wimcheck assess``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, title="wimcheck responses")

    format_version: Literal[1]
    framework: str
    framework_version: str
    role: str
    respondent: Respondent
    language: str = "en"
    assisted_by: str | None = None
    started: datetime | None = None
    finished: datetime | None = None
    answers: dict[str, int | Literal["n/a", ""]] = Field(
        default_factory=dict, description='Scale value, "n/a", or "" (not answered).'
    )
