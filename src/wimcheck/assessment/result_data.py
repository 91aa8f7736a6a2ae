"""A :class:`PersonResult` as the JSON of ``report --format json`` (writing).

:func:`person_result_data` gives the JSON-ready structure documented in docs/formats.md
(keys in the documented order), :func:`person_result_to_json` the text ``report`` prints.
Whole numbers are written without decimals. Standard library only: writing a result needs
no pydantic.
"""

from __future__ import annotations

import json
from datetime import datetime

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
)
from wimcheck.numbers import rounded

__all__ = ["JsonValue", "person_result_data", "person_result_to_json"]

JsonValue = object


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
