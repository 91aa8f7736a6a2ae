"""The edge of a comparison read back from JSON: strict pydantic models, validated once.

:func:`comparison_from_data` checks data against the model of its ``kind`` and converts
it into the frozen :data:`~wimcheck.batch.comparison_model.Comparison`; a file that does
not fit gives one line naming the file, the first problem, and a hint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Self

from pydantic import Field, ValidationError, field_validator, model_validator

from wimcheck.assessment.result_json import ResultFileError
from wimcheck.batch.comparison_model import (
    AreaChange,
    ChangeStatus,
    Comparison,
    ComparisonScale,
    CompetenceChange,
    GroupComparison,
    GroupCompetenceChange,
    GroupReadinessChange,
    PersonComparison,
    ScaleLabel,
    Side,
)
from wimcheck.batch.result_file import StrictModel, read_json, rejected_result
from wimcheck.batch.result_heading import ResultHeading
from wimcheck.messages import t

__all__ = ["comparison_from_data", "read_comparison_file"]


class _ScaleModel(StrictModel):
    min: int
    max: int
    labels: dict[str, str]

    @field_validator("labels")
    @classmethod
    def _whole_number_keys(cls, labels: dict[str, str]) -> dict[str, str]:
        for key in labels:
            if not key.lstrip("-").isdigit():
                raise ValueError(t("result.label-key", key=key))
        return labels

    def build(self) -> ComparisonScale:
        labels = tuple(ScaleLabel(int(key), label) for key, label in self.labels.items())
        return ComparisonScale(self.min, self.max, labels)


class _HeadingModel(StrictModel):
    format_version: Literal[1]
    framework: str
    framework_title: str
    framework_version: str
    role: str
    role_title: str
    subject: Literal["person", "organisation"]
    language: str = "en"  # files written before the language was recorded are English
    english_shown: bool = False
    scale: _ScaleModel

    def heading(self) -> ResultHeading:
        return ResultHeading(
            self.framework,
            self.framework_title,
            self.framework_version,
            self.role,
            self.role_title,
            self.subject,
        )


class _SideModel(StrictModel):
    file: str | None
    respondent: str
    finished: str | None
    readiness: float | None

    def build(self) -> Side:
        return Side(self.file, self.respondent, self.finished, self.readiness)


class _CompetenceChangeModel(StrictModel):
    id: str
    title: str
    area: str
    target: float
    before: float | None
    after: float | None
    change: float | None
    gap_before: float | None
    gap_after: float | None
    status: ChangeStatus

    def build(self) -> CompetenceChange:
        return CompetenceChange(**self.model_dump())


class _AreaChangeModel(StrictModel):
    id: str
    title: str
    before: float | None
    after: float | None
    change: float | None

    def build(self) -> AreaChange:
        return AreaChange(**self.model_dump())


class _PersonComparisonModel(_HeadingModel):
    kind: Literal["person"]
    respondent: str
    before: _SideModel
    after: _SideModel
    readiness_change: float | None
    competences: list[_CompetenceChangeModel]
    areas: list[_AreaChangeModel]
    gaps_closed: list[str]
    new_gaps: list[str]

    def build(self) -> PersonComparison:
        return PersonComparison(
            heading=self.heading(),
            respondent=self.respondent,
            scale=self.scale.build(),
            before=self.before.build(),
            after=self.after.build(),
            readiness_change=self.readiness_change,
            competences=tuple(c.build() for c in self.competences),
            areas=tuple(a.build() for a in self.areas),
            gaps_closed=tuple(self.gaps_closed),
            new_gaps=tuple(self.new_gaps),
            language=self.language,
            english_shown=self.english_shown,
        )


class _GroupCompetenceChangeModel(StrictModel):
    id: str
    title: str
    pairs: int
    before_mean: float | None
    after_mean: float | None
    mean_change: float | None
    sd_change: float | None
    effect_size: float | None

    def build(self) -> GroupCompetenceChange:
        return GroupCompetenceChange(**self.model_dump())


class _GroupReadinessModel(StrictModel):
    before_mean: float | None
    after_mean: float | None
    mean_change: float | None

    def build(self) -> GroupReadinessChange:
        return GroupReadinessChange(**self.model_dump())


class _GroupComparisonModel(_HeadingModel):
    kind: Literal["group"]
    pairs: int
    min_group: int
    unpaired_before: list[str]
    unpaired_after: list[str]
    shown: bool
    note: str | None = None
    readiness: _GroupReadinessModel | None = None
    competences: list[_GroupCompetenceChangeModel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shown_or_note(self) -> Self:
        if self.shown and self.readiness is None:
            raise ValueError(t("result.shown-needs", key="readiness"))
        if not self.shown and self.note is None:
            raise ValueError(t("result.hidden-needs"))
        return self

    def build(self) -> GroupComparison:
        return GroupComparison(
            heading=self.heading(),
            scale=self.scale.build(),
            pairs=self.pairs,
            min_group=self.min_group,
            unpaired_before=tuple(self.unpaired_before),
            unpaired_after=tuple(self.unpaired_after),
            shown=self.shown,
            note=self.note,
            readiness=None if self.readiness is None else self.readiness.build(),
            competences=tuple(c.build() for c in self.competences),
            language=self.language,
            english_shown=self.english_shown,
        )


def comparison_from_data(data: object, source: str | None = None) -> Comparison:
    """The comparison in ``data`` (parsed JSON), or :class:`ResultFileError` naming ``source``."""
    what, hint = t("result.what.comparison"), t("result.comparison.hint")
    kind = data.get("kind") if isinstance(data, dict) else None
    model: type[_PersonComparisonModel | _GroupComparisonModel]
    if kind == "person":
        model = _PersonComparisonModel
    elif kind == "group":
        model = _GroupComparisonModel
    else:
        raise ResultFileError(
            t("result.not-valid", what=what, detail=t("result.kind"), more=""),
            path=source,
            hint=hint,
        )
    try:
        return model.model_validate(data).build()
    except ValidationError as exc:
        raise rejected_result(exc, what, source, hint) from None


def read_comparison_file(path: Path) -> Comparison:
    """The comparison a ``compare --format json`` file holds."""
    return comparison_from_data(read_json(path), str(path))
