"""The JSON of ``report --format json`` as strict pydantic models: the edge a saved result
is validated through once (``source``, from ``score``, allowed besides).

:class:`PersonResultModel` is the whole result; the models of its parts are public for
:mod:`~wimcheck.assessment.result_reading`, which converts a validated model into the
core's frozen :class:`~wimcheck.assessment.result.PersonResult`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, NonNegativeInt, model_validator

__all__ = [
    "AnswerModel",
    "AreaModel",
    "CompetenceModel",
    "NextStepModel",
    "PersonResultModel",
    "PlannedModel",
    "ProvenanceModel",
    "ScaleModel",
]


def _iso_moment(value: str | None) -> str | None:
    if value is not None:
        datetime.fromisoformat(value)  # ValueError: pydantic reports it at this field
    return value


def _integer_keys(value: dict[str, str]) -> dict[str, str]:
    for key in value:
        int(key)  # ValueError: pydantic reports it at this field
    return value


Moment = Annotated[str | None, AfterValidator(_iso_moment)]
ByValue = Annotated[dict[str, str], AfterValidator(_integer_keys)]


class _Strict(BaseModel):
    """Unknown keys and type conversions refused; frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SourceModel(_Strict):
    """A source of the framework: title and address."""

    title: str
    url: str | None


class TranslationModel(_Strict):
    """Who translated the texts shown, and whether a fluent speaker reviewed them."""

    lang: str
    translated_by: str
    reviewed: bool
    reviewed_by: str
    official: int
    english_shown: bool


class ProvenanceModel(_Strict):
    """Where the framework comes from, and its translation."""

    published: str
    authored: str
    sources: list[SourceModel]
    translation: TranslationModel | None = None


class ScaleModel(_Strict):
    """The role's scale: labels and descriptors by value."""

    id: str
    title: str
    min: int
    max: int
    labels: ByValue
    descriptors: ByValue

    @model_validator(mode="after")
    def _same_values(self) -> ScaleModel:
        if set(self.labels) != set(self.descriptors):
            raise ValueError("labels and descriptors must name the same scale values")
        if str(self.min) not in self.labels or str(self.max) not in self.labels:
            raise ValueError("min and max must be scale values with labels")
        return self


class CompetenceModel(_Strict):
    """One competence's result."""

    id: str
    title: str
    area: str
    level: float | None
    target: float
    weight: float
    gap: float | None
    surplus: float | None
    priority: float | None
    answered: NonNegativeInt
    not_applicable: NonNegativeInt
    statements: NonNegativeInt
    status: Literal["scored", "not enough answers"]
    easy_read_title: str | None = None


class AreaModel(_Strict):
    """One area's result."""

    id: str
    title: str
    level: float | None
    target: float
    competences: NonNegativeInt
    scored: NonNegativeInt
    easy_read_title: str | None = None


class PlannedModel(_Strict):
    """One module of the training plan."""

    module: str
    title: str
    hours: float
    eqf: int
    delivery: str
    covers: list[str]
    prerequisite_for: list[str]
    easy_read_title: str | None = None


class NextStepModel(_Strict):
    """The next level worth aiming for, when there is no gap."""

    competence: str
    title: str
    level: int
    label: str


class AnswerModel(_Strict):
    """One statement and its answer."""

    statement: str
    competence: str
    text: str
    reverse: bool
    answer: int | Literal["n/a"] | None


class PersonResultModel(_Strict):
    """``report --format json`` as a strict pydantic model (plus ``source`` from ``score``)."""

    format_version: Literal[1]
    respondent: str
    role: str
    role_title: str
    framework: str
    framework_version: str
    framework_title: str
    subject: Literal["person", "organisation"]
    language: str
    assisted_by: str | None
    started: Moment
    finished: Moment
    framework_licence: str
    provenance: ProvenanceModel
    easy_read: bool
    scale: ScaleModel
    readiness: float | None
    scored_competences: NonNegativeInt
    competences: list[CompetenceModel]
    areas: list[AreaModel]
    plan: list[PlannedModel]
    plan_hours: float
    hours_budget: float | None
    open_gaps: list[str]
    next_step: NextStepModel | None
    answers: list[AnswerModel]
    source: str | None = None
