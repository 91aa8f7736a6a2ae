"""A saved JSON result read back into the core's :class:`PersonResult`.

A JSON result is validated once by the strict model
:class:`~wimcheck.assessment.result_schema.PersonResultModel` (the edge) and converted into
the same frozen :class:`PersonResult` ``report`` makes, its numbers rounded as ``report``
writes them: :func:`read_person_result` reads a file, :func:`person_result_from_data`
already parsed JSON (such as one respondent of ``score --format json``). A malformed result
raises :class:`ResultFileError` with the file, the place in the JSON and a hint.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from wimcheck.assessment.result import (
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
from wimcheck.assessment.result_data import JsonValue
from wimcheck.assessment.result_schema import (
    AnswerModel,
    AreaModel,
    CompetenceModel,
    NextStepModel,
    PersonResultModel,
    PlannedModel,
    ProvenanceModel,
    ScaleModel,
)
from wimcheck.errors import InputFileError, RejectedInputError
from wimcheck.messages import t
from wimcheck.tomlio import JsonSyntaxError, parse_json, read_text

__all__ = [
    "ResultFileError",
    "person_result_from_data",
    "person_result_from_model",
    "read_person_result",
]


class ResultFileError(RejectedInputError):
    """A JSON result was read but does not have the structure of ``report --format json``."""


def _float(value: float, digits: int = 2) -> float:
    """A number as the model holds it: rounded as ``report`` writes it (2 decimals)."""
    return float(round(value, digits))


def _optional_float(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else _float(value, digits)


def _moment_value(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _scale(model: ScaleModel) -> ResultScale:
    points = sorted(
        (
            ScalePoint(int(key), label, model.descriptors[key])
            for key, label in model.labels.items()
        ),
        key=lambda p: p.value,
    )
    return ResultScale(model.id, model.title, model.min, model.max, tuple(points))


def _competence(model: CompetenceModel) -> CompetenceResult:
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


def _area(model: AreaModel) -> AreaResult:
    return AreaResult(
        id=model.id,
        title=model.title,
        level=_optional_float(model.level),
        target=_float(model.target),
        competences=model.competences,
        scored=model.scored,
        easy_read_title=model.easy_read_title,
    )


def _planned(model: PlannedModel) -> PlannedModuleResult:
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


def _next_step(model: NextStepModel | None) -> NextStep | None:
    if model is None:
        return None
    return NextStep(model.competence, model.title, model.level, model.label)


def _answer(model: AnswerModel) -> AnswerResult:
    return AnswerResult(model.statement, model.competence, model.text, model.reverse, model.answer)


def _provenance(model: ProvenanceModel) -> Provenance:
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
    return person_result_from_data(read_json_data(path, t("result.invalid.hint")), path=path)


def read_json_data(path: Path, hint: str) -> object:
    """The JSON data of the result file ``path``, read within the bounds of every input.

    Raises:
        InputFileError: the file cannot be read, is not JSON or exceeds a bound (with line,
            column and ``hint``).
    """
    try:
        return parse_json(read_text(path))
    except JsonSyntaxError as exc:
        raise InputFileError(
            t("result.json", detail=exc.message), path=path, line=exc.line, col=exc.col, hint=hint
        ) from None
