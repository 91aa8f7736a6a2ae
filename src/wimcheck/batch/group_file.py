"""The edge of a group result read back from JSON: strict pydantic models, validated once.

:func:`group_result_from_data` checks the data of ``score --format json`` (with or
without ``--cohort``; format version 2, and version 1 as written before) and converts it
into the frozen :class:`~wimcheck.batch.group_model.GroupResult`; the respondents go
through the edge of the person result (in version 2 each is first joined with the texts
its ``frameworks`` entry states once, :func:`~wimcheck.batch.group_json.person_data`). A file that does not fit gives one line naming the file, the first
problem, and a hint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Self

from pydantic import Field, ValidationError, field_validator, model_validator

from wimcheck.assessment.result_json import (
    PersonResultModel,
    ResultFileError,
    person_result_from_model,
)
from wimcheck.batch.group_json import SharedKey, person_data, shared_key
from wimcheck.batch.group_model import (
    AreaReliability,
    CohortGroup,
    GroupCompetence,
    GroupModule,
    GroupProfile,
    GroupResult,
    ItemTotal,
    LevelCount,
)
from wimcheck.batch.inputs import BatchIssue
from wimcheck.batch.result_file import StrictModel, read_json, rejected_result
from wimcheck.batch.result_heading import ResultHeading
from wimcheck.messages import t

__all__ = ["group_result_from_data", "read_group_result"]


class _CompetenceModel(StrictModel):
    id: str
    title: str
    area: str
    target: float
    weight: float
    scored: int
    mean: float | None
    min: float | None
    median: float | None
    max: float | None
    below_target: float | None
    mean_gap: float | None
    distribution: dict[str, int]

    @field_validator("distribution")
    @classmethod
    def _whole_number_keys(cls, counts: dict[str, int]) -> dict[str, int]:
        for key in counts:
            if not key.lstrip("-").isdigit():
                raise ValueError(t("result.label-key", key=key))
        return counts

    def build(self) -> GroupCompetence:
        fields = self.model_dump(exclude={"distribution"})
        counts = tuple(LevelCount(int(key), n) for key, n in self.distribution.items())
        return GroupCompetence(**fields, distribution=counts)


class _ModuleModel(StrictModel):
    module: str
    title: str
    hours: float
    eqf: int
    covers: list[str]
    group_priority: float
    prerequisite_for: list[str]

    def build(self) -> GroupModule:
        fields = self.model_dump(exclude={"covers", "prerequisite_for"})
        return GroupModule(
            **fields, covers=tuple(self.covers), prerequisite_for=tuple(self.prerequisite_for)
        )


class _ItemTotalModel(StrictModel):
    statement: str
    r: float | None


class _ReliabilityModel(StrictModel):
    area: str
    title: str
    items: int
    respondents: int
    alpha: float | None
    item_total: list[_ItemTotalModel]
    warning: str | None

    def build(self) -> AreaReliability:
        fields = self.model_dump(exclude={"item_total"})
        totals = tuple(ItemTotal(it.statement, it.r) for it in self.item_total)
        return AreaReliability(**fields, item_total=totals)


class _ScaleRangeModel(StrictModel):
    min: int
    max: int


class _CohortGroupModel(StrictModel):
    framework: str
    framework_version: str
    framework_title: str
    role: str
    role_title: str
    subject: Literal["person", "organisation"]
    respondents: int
    min_group: int
    shown: bool
    note: str | None = None
    scale: _ScaleRangeModel | None = None
    readiness_mean: float | None = None
    competences: list[_CompetenceModel] = Field(default_factory=list)
    plan: list[_ModuleModel] = Field(default_factory=list)
    plan_hours: float | None = None
    reliability: list[_ReliabilityModel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shown_or_note(self) -> Self:
        if not self.shown and self.note is None:
            raise ValueError(t("result.hidden-needs"))
        for key in ("scale", "plan_hours"):
            if self.shown and getattr(self, key) is None:
                raise ValueError(t("result.shown-needs", key=key))
        return self

    def _profile(self) -> GroupProfile | None:
        if not self.shown or self.scale is None or self.plan_hours is None:
            return None
        return GroupProfile(
            scale_min=self.scale.min,
            scale_max=self.scale.max,
            readiness_mean=self.readiness_mean,
            competences=tuple(c.build() for c in self.competences),
            plan=tuple(m.build() for m in self.plan),
            plan_hours=self.plan_hours,
            reliability=tuple(r.build() for r in self.reliability),
        )

    def build(self) -> CohortGroup:
        heading = ResultHeading(
            self.framework,
            self.framework_title,
            self.framework_version,
            self.role,
            self.role_title,
            self.subject,
        )
        profile = self._profile()
        note = None if profile is not None else self.note
        return CohortGroup(heading, self.respondents, self.min_group, note, profile)


class _IssueModel(StrictModel):
    file: str
    where: str | None
    reason: str

    def build(self) -> BatchIssue:
        return BatchIssue(self.file, self.where, self.reason)


class _SharedModel(StrictModel):
    """A ``frameworks`` entry of version 2: what its respondents share (each value is
    checked again in every respondent it is joined with)."""

    framework: str
    framework_version: str
    role: str
    language: str
    role_title: Any
    framework_title: Any
    subject: Any
    framework_licence: Any
    provenance: Any
    easy_read: Any
    scale: Any
    competences: dict[str, dict[str, Any]]
    areas: dict[str, dict[str, Any]]
    statements: dict[str, dict[str, Any]]


class _GroupResultModel(StrictModel):
    format_version: Literal[1, 2]
    respondents: list[PersonResultModel]
    frameworks: list[_SharedModel] | None = None  # version 2
    cohort: list[_CohortGroupModel] | None
    errors: list[_IssueModel]
    warnings: list[_IssueModel] = Field(default_factory=list)  # absent in older files

    @model_validator(mode="before")
    @classmethod
    def _joined(cls, data: Any) -> Any:
        """Version 2: each respondent joined with its framework's texts."""
        if not isinstance(data, dict) or data.get("format_version") != 2:
            return data
        frameworks, people = data.get("frameworks"), data.get("respondents")
        if not isinstance(frameworks, list) or not isinstance(people, list):
            return data
        entries: dict[SharedKey, Any] = {
            shared_key(entry): entry for entry in frameworks if isinstance(entry, dict)
        }
        return {**data, "respondents": [person_data(p, entries) for p in people]}

    @model_validator(mode="after")
    def _frameworks_in_version_2(self) -> Self:
        if self.format_version == 2 and self.frameworks is None:
            raise ValueError(t("response.missing-key", key="frameworks"))
        if self.format_version == 1 and self.frameworks is not None:
            raise ValueError(t("response.unknown-key", key="frameworks"))
        return self

    def build(self) -> GroupResult:
        return GroupResult(
            respondents=tuple(person_result_from_model(p) for p in self.respondents),
            cohort=None if self.cohort is None else tuple(g.build() for g in self.cohort),
            errors=tuple(e.build() for e in self.errors),
            warnings=tuple(w.build() for w in self.warnings),
        )


def group_result_from_data(data: object, source: str | None = None) -> GroupResult:
    """The group result in ``data`` (parsed JSON), or :class:`ResultFileError` naming ``source``."""
    what, hint = t("result.what.group"), t("result.group.hint")
    if not isinstance(data, dict):
        detail = t("result.not-object")
        raise ResultFileError(
            t("result.not-valid", what=what, detail=detail, more=""), path=source, hint=hint
        )
    try:
        return _GroupResultModel.model_validate(data).build()
    except ValidationError as exc:
        raise rejected_result(exc, t("result.what.group"), source, t("result.group.hint")) from None


def read_group_result(path: Path) -> GroupResult:
    """The group result a ``score --format json`` file holds."""
    return group_result_from_data(read_json(path), str(path))
