"""A :class:`PersonResult` as JSON (``report --format json``) and back.

Writing: :func:`person_result_data` gives the JSON-ready structure documented in
docs/formats.md, :func:`person_result_to_json` the text ``report`` prints. Whole numbers
are written without decimals.

Reading: a JSON result is validated once by the strict pydantic model
:class:`PersonResultModel` (the edge) and converted into the same frozen
:class:`PersonResult`, its numbers rounded as ``report`` writes them; :func:`read_person_result` reads a file,
:func:`person_result_from_data` already parsed JSON (such as one respondent of
``score --format json``). A malformed result raises :class:`ResultFileError` with the
file, the place in the JSON and a hint.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    NonNegativeInt,
    ValidationError,
    model_validator,
)

from wimcheck.assessment.result import (
    REPORT_FORMAT_VERSION,
    AnswerResult,
    AreaResult,
    CompetenceResult,
    NextStep,
    PersonResult,
    PlannedModuleResult,
    Provenance,
    ResultScale,
    ScalePoint,
    SourceRef,
    TranslationNote,
)
from wimcheck.errors import InputFileError, RejectedInputError
from wimcheck.messages import t
from wimcheck.numbers import rounded
from wimcheck.tomlio import read_text

__all__ = [
    "PersonResultModel",
    "ResultFileError",
    "person_result_data",
    "person_result_from_data",
    "person_result_from_model",
    "person_result_to_json",
    "read_person_result",
]

JsonValue = object


class ResultFileError(RejectedInputError):
    """A JSON result was read but does not have the structure of ``report --format json``."""


# --- writing ------------------------------------------------------------------------------


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _scale_data(scale: ResultScale) -> dict[str, JsonValue]:
    return {
        "id": scale.id,
        "title": scale.title,
        "min": scale.min,
        "max": scale.max,
        "labels": {str(p.value): p.label for p in scale.points},
        "descriptors": {str(p.value): p.descriptor for p in scale.points},
    }


def _easy_title_data(title: str | None) -> dict[str, JsonValue]:
    """``easy_read_title`` where there is one (absent otherwise, as before it existed)."""
    return {} if title is None else {"easy_read_title": title}


def _competence_data(item: CompetenceResult) -> dict[str, JsonValue]:
    return {
        "id": item.id,
        "title": item.title,
        "area": item.area,
        "level": rounded(item.level),
        "target": rounded(item.target),
        "weight": rounded(item.weight),
        "gap": rounded(item.gap),
        "surplus": rounded(item.surplus),
        "priority": rounded(item.priority),
        "answered": item.answered,
        "not_applicable": item.not_applicable,
        "statements": item.statements,
        "status": item.status,
        **_easy_title_data(item.easy_read_title),
    }


def _area_data(area: AreaResult) -> dict[str, JsonValue]:
    return {
        "id": area.id,
        "title": area.title,
        "level": rounded(area.level),
        "target": rounded(area.target),
        "competences": area.competences,
        "scored": area.scored,
        **_easy_title_data(area.easy_read_title),
    }


def _planned_data(item: PlannedModuleResult) -> dict[str, JsonValue]:
    return {
        "module": item.module,
        "title": item.title,
        "hours": rounded(item.hours),
        "eqf": item.eqf,
        "delivery": item.delivery,
        "covers": list(item.covers),
        "prerequisite_for": list(item.prerequisite_for),
        **_easy_title_data(item.easy_read_title),
    }


def _next_step_data(step: NextStep | None) -> dict[str, JsonValue] | None:
    if step is None:
        return None
    return {
        "competence": step.competence,
        "title": step.title,
        "level": step.level,
        "label": step.label,
    }


def _answer_data(item: AnswerResult) -> dict[str, JsonValue]:
    return {
        "statement": item.statement,
        "competence": item.competence,
        "text": item.text,
        "reverse": item.reverse,
        "answer": item.answer,
    }


def _provenance_data(provenance: Provenance) -> dict[str, JsonValue]:
    data: dict[str, JsonValue] = {
        "published": provenance.published,
        "authored": provenance.authored,
        "sources": [{"title": s.title, "url": s.url} for s in provenance.sources],
    }
    if provenance.translation is not None:
        data["translation"] = dict(vars(provenance.translation))
    return data


def person_result_data(result: PersonResult) -> dict[str, JsonValue]:
    """``result`` as JSON-ready data, keys in the documented order (``source`` last, if set)."""
    data: dict[str, JsonValue] = {
        "format_version": REPORT_FORMAT_VERSION,
        "respondent": result.respondent,
        "role": result.role,
        "role_title": result.role_title,
        "framework": result.framework,
        "framework_version": result.framework_version,
        "framework_title": result.framework_title,
        "subject": result.subject,
        "language": result.language,
        "assisted_by": result.assisted_by,
        "started": _moment(result.started),
        "finished": _moment(result.finished),
        "framework_licence": result.framework_licence,
        "provenance": _provenance_data(result.provenance),
        "easy_read": result.easy_read,
        "scale": _scale_data(result.scale),
        "readiness": rounded(result.readiness, 1),
        "scored_competences": result.scored_competences,
        "competences": [_competence_data(c) for c in result.competences],
        "areas": [_area_data(a) for a in result.areas],
        "plan": [_planned_data(p) for p in result.plan],
        "plan_hours": rounded(result.plan_hours),
        "hours_budget": rounded(result.hours_budget),
        "open_gaps": list(result.open_gaps),
        "next_step": _next_step_data(result.next_step),
        "answers": [_answer_data(a) for a in result.answers],
    }
    if result.source is not None:
        data["source"] = result.source
    return data


def person_result_to_json(result: PersonResult) -> str:
    """``result`` as the text of ``report --format json`` (indented, UTF-8, final newline)."""
    return json.dumps(person_result_data(result), indent=2, ensure_ascii=False) + "\n"


# --- reading: the edge --------------------------------------------------------------------


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
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _SourceModel(_Strict):
    title: str
    url: str | None


class _TranslationModel(_Strict):
    lang: str
    translated_by: str
    reviewed: bool
    reviewed_by: str
    official: int
    english_shown: bool


class _ProvenanceModel(_Strict):
    published: str
    authored: str
    sources: list[_SourceModel]
    translation: _TranslationModel | None = None


class _ScaleModel(_Strict):
    id: str
    title: str
    min: int
    max: int
    labels: ByValue
    descriptors: ByValue

    @model_validator(mode="after")
    def _same_values(self) -> _ScaleModel:
        if set(self.labels) != set(self.descriptors):
            raise ValueError("labels and descriptors must name the same scale values")
        if str(self.min) not in self.labels or str(self.max) not in self.labels:
            raise ValueError("min and max must be scale values with labels")
        return self


class _CompetenceModel(_Strict):
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


class _AreaModel(_Strict):
    id: str
    title: str
    level: float | None
    target: float
    competences: NonNegativeInt
    scored: NonNegativeInt
    easy_read_title: str | None = None


class _PlannedModel(_Strict):
    module: str
    title: str
    hours: float
    eqf: int
    delivery: str
    covers: list[str]
    prerequisite_for: list[str]
    easy_read_title: str | None = None


class _NextStepModel(_Strict):
    competence: str
    title: str
    level: int
    label: str


class _AnswerModel(_Strict):
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
    provenance: _ProvenanceModel
    easy_read: bool
    scale: _ScaleModel
    readiness: float | None
    scored_competences: NonNegativeInt
    competences: list[_CompetenceModel]
    areas: list[_AreaModel]
    plan: list[_PlannedModel]
    plan_hours: float
    hours_budget: float | None
    open_gaps: list[str]
    next_step: _NextStepModel | None
    answers: list[_AnswerModel]
    source: str | None = None


# --- reading: into the core's dataclasses -------------------------------------------------


def _float(value: float, digits: int = 2) -> float:
    """A number as the model holds it: rounded as ``report`` writes it (2 decimals)."""
    return float(round(value, digits))


def _optional_float(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else _float(value, digits)


def _moment_value(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _scale(model: _ScaleModel) -> ResultScale:
    points = sorted(
        (
            ScalePoint(int(key), label, model.descriptors[key])
            for key, label in model.labels.items()
        ),
        key=lambda p: p.value,
    )
    return ResultScale(model.id, model.title, model.min, model.max, tuple(points))


def _competence(model: _CompetenceModel) -> CompetenceResult:
    return CompetenceResult(
        id=model.id,
        title=model.title,
        area=model.area,
        level=_optional_float(model.level),
        target=_float(model.target),
        weight=_float(model.weight),
        gap=_optional_float(model.gap),
        surplus=_optional_float(model.surplus),
        priority=_optional_float(model.priority),
        answered=model.answered,
        not_applicable=model.not_applicable,
        statements=model.statements,
        status=model.status,
        easy_read_title=model.easy_read_title,
    )


def _area(model: _AreaModel) -> AreaResult:
    return AreaResult(
        id=model.id,
        title=model.title,
        level=_optional_float(model.level),
        target=_float(model.target),
        competences=model.competences,
        scored=model.scored,
        easy_read_title=model.easy_read_title,
    )


def _planned(model: _PlannedModel) -> PlannedModuleResult:
    return PlannedModuleResult(
        module=model.module,
        title=model.title,
        hours=_float(model.hours),
        eqf=model.eqf,
        delivery=model.delivery,
        covers=tuple(model.covers),
        prerequisite_for=tuple(model.prerequisite_for),
        easy_read_title=model.easy_read_title,
    )


def _next_step(model: _NextStepModel | None) -> NextStep | None:
    if model is None:
        return None
    return NextStep(model.competence, model.title, model.level, model.label)


def _answer(model: _AnswerModel) -> AnswerResult:
    return AnswerResult(model.statement, model.competence, model.text, model.reverse, model.answer)


def _provenance(model: _ProvenanceModel) -> Provenance:
    return Provenance(
        published=model.published,
        authored=model.authored,
        sources=tuple(SourceRef(s.title, s.url) for s in model.sources),
        translation=None
        if model.translation is None
        else TranslationNote(**model.translation.model_dump()),
    )


def person_result_from_model(model: PersonResultModel) -> PersonResult:
    """The core's :class:`PersonResult` of a validated JSON result."""
    return PersonResult(
        respondent=model.respondent,
        role=model.role,
        role_title=model.role_title,
        framework=model.framework,
        framework_version=model.framework_version,
        framework_title=model.framework_title,
        subject=model.subject,
        language=model.language,
        assisted_by=model.assisted_by,
        started=_moment_value(model.started),
        finished=_moment_value(model.finished),
        framework_licence=model.framework_licence,
        provenance=_provenance(model.provenance),
        easy_read=model.easy_read,
        scale=_scale(model.scale),
        readiness=_optional_float(model.readiness, 1),
        scored_competences=model.scored_competences,
        competences=tuple(_competence(c) for c in model.competences),
        areas=tuple(_area(a) for a in model.areas),
        plan=tuple(_planned(p) for p in model.plan),
        plan_hours=_float(model.plan_hours),
        hours_budget=_optional_float(model.hours_budget),
        open_gaps=tuple(model.open_gaps),
        next_step=_next_step(model.next_step),
        answers=tuple(_answer(a) for a in model.answers),
        source=model.source,
    )


def _first_problem(exc: ValidationError) -> str:
    """The first validation error as ``where: what`` (e.g. ``competences.2.level: ...``)."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    what = str(first["msg"])
    more = t("batch.more", count=exc.error_count() - 1) if exc.error_count() > 1 else ""
    return t("result.invalid", where=where, what=what) + more


def person_result_from_data(data: JsonValue, *, path: Path | str | None = None) -> PersonResult:
    """Validate parsed JSON (once) and convert it; :class:`ResultFileError` when malformed."""
    try:
        model = PersonResultModel.model_validate(data)
    except ValidationError as exc:
        raise ResultFileError(
            _first_problem(exc), path=path, hint=t("result.invalid.hint")
        ) from None
    return person_result_from_model(model)


def read_person_result(path: Path) -> PersonResult:
    """Read a result written by ``report --format json``.

    An unreadable file or text that is not JSON raises :class:`InputFileError` (with line
    and column); JSON of another structure raises :class:`ResultFileError`.
    """
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            t("result.json", detail=exc.msg),
            path=path,
            line=exc.lineno,
            col=exc.colno,
            hint=t("result.invalid.hint"),
        ) from None
    return person_result_from_data(data, path=path)
