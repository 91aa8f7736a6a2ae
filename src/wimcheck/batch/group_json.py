"""Batch JSON, format version 2: the framework's texts once, respondents streamed.

``score --format json`` writes ``{"format_version": 2, "respondents": [...],
"frameworks": [...], "cohort": ..., "errors": [...], "warnings": [...]}``.
Each respondent is one line holding only its own figures and answers (:func:`figures`);
what every respondent of one framework, role and language shares (titles, statement
texts, scale, targets, module facts) is stated once in ``frameworks`` (:func:`shared`),
after the respondents, because the writer learns it while it streams them.
:func:`person_data` joins the two back into the structure of ``report --format json``,
which the reading edge (:mod:`wimcheck.batch.group_file`) then validates as it validates
version 1. docs/formats.md describes the format.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import IO, Any

from wimcheck.assessment.result import REPORT_FORMAT_VERSION, PersonResult
from wimcheck.assessment.result_json import person_result_data
from wimcheck.batch.group_model import (
    GROUP_FORMAT_VERSION,
    CohortGroup,
    GroupResult,
    cohort_group_json,
)
from wimcheck.batch.inputs import BatchIssue
from wimcheck.numbers import rounded

__all__ = ["GroupJsonWriter", "figures", "group_result_to_json", "person_data", "shared"]

SharedKey = tuple[object, object, object, object]

# per competence, area and module: what ``frameworks`` states once; the rest stays with
# the respondent (``id``, and for modules ``module``, are the link)
_COMPETENCE_SHARED = ("title", "area", "target", "weight", "statements", "easy_read_title")
_AREA_SHARED = ("title", "target", "competences", "easy_read_title")
_MODULE_SHARED = ("title", "hours", "eqf", "delivery", "easy_read_title")
_PERSON_SHARED = (
    "role_title",
    "framework_title",
    "subject",
    "framework_licence",
    "provenance",
    "easy_read",
    "scale",
)
_KEY = ("framework", "framework_version", "role", "language")


def shared_key(data: Mapping[str, object]) -> SharedKey:
    """Framework, its version, role and language: what a ``frameworks`` entry is for."""
    return (data.get(_KEY[0]), data.get(_KEY[1]), data.get(_KEY[2]), data.get(_KEY[3]))


def _shared_parts(items: object, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The shared part of each item (competence or area), by its id."""
    assert isinstance(items, list)  # as person_result_data writes them
    return {item["id"]: {key: item[key] for key in keys if key in item} for item in items}


def shared(result: PersonResult) -> dict[str, Any]:
    """The ``frameworks`` entry of this respondent's framework, role and language, without
    modules yet (the writer adds those of each plan, :func:`module_facts`)."""
    data = person_result_data(result)
    entry: dict[str, Any] = {key: data[key] for key in _KEY}
    entry.update({key: data[key] for key in _PERSON_SHARED})
    entry["competences"] = _shared_parts(data["competences"], _COMPETENCE_SHARED)
    entry["areas"] = _shared_parts(data["areas"], _AREA_SHARED)
    entry["modules"] = {}
    entry["statements"] = {
        a.statement: {"competence": a.competence, "text": a.text, "reverse": a.reverse}
        for a in result.answers
    }
    return entry


def module_facts(result: PersonResult) -> dict[str, dict[str, Any]]:
    """The shared facts of the modules of this respondent's plan, by module id."""
    facts = {}
    for planned in result.plan:
        fact: dict[str, Any] = {
            "title": planned.title,
            "hours": rounded(planned.hours),
            "eqf": planned.eqf,
            "delivery": planned.delivery,
        }
        if planned.easy_read_title is not None:
            fact["easy_read_title"] = planned.easy_read_title
        facts[planned.module] = fact
    return facts


def figures(result: PersonResult) -> dict[str, Any]:
    """One respondent's own part: figures, plan and answers, without the shared texts."""
    next_step = result.next_step
    data: dict[str, Any] = {
        "respondent": result.respondent,
        "framework": result.framework,
        "framework_version": result.framework_version,
        "role": result.role,
        "language": result.language,
        "assisted_by": result.assisted_by,
        "started": result.started.isoformat() if result.started else None,
        "finished": result.finished.isoformat() if result.finished else None,
        "readiness": rounded(result.readiness, 1),
        "scored_competences": result.scored_competences,
        "competences": [
            {
                "id": c.id,
                "level": rounded(c.level),
                "gap": rounded(c.gap),
                "surplus": rounded(c.surplus),
                "priority": rounded(c.priority),
                "answered": c.answered,
                "not_applicable": c.not_applicable,
                "status": c.status,
            }
            for c in result.competences
        ],
        "areas": [
            {"id": a.id, "level": rounded(a.level), "scored": a.scored} for a in result.areas
        ],
        "plan": [
            {
                "module": p.module,
                "covers": list(p.covers),
                "prerequisite_for": list(p.prerequisite_for),
            }
            for p in result.plan
        ],
        "plan_hours": rounded(result.plan_hours),
        "hours_budget": rounded(result.hours_budget),
        "open_gaps": list(result.open_gaps),
        "next_step": None
        if next_step is None
        else {"competence": next_step.competence, "level": next_step.level},
        "answers": {a.statement: a.answer for a in result.answers},
    }
    if result.source is not None:
        data["source"] = result.source
    return data


# --- reading: a respondent joined with its shared part ------------------------------------


def _joined(items: object, link: str, parts: object) -> object:
    """Each item with the shared part its ``link`` names (items left as they are when the
    shapes are wrong: the strict edge then names what is wrong)."""
    if not isinstance(items, list) or not isinstance(parts, dict):
        return items
    joined = []
    for item in items:
        part = parts.get(item.get(link)) if isinstance(item, dict) else None
        joined.append({**item, **part} if isinstance(part, dict) else item)
    return joined


def _next_step(step: object, entry: Mapping[str, Any]) -> object:
    if not isinstance(step, dict):
        return step
    joined = dict(step)
    competence = entry.get("competences", {}).get(step.get("competence"))
    if isinstance(competence, dict) and "title" in competence:
        joined["title"] = competence["title"]
    scale = entry.get("scale")
    labels = scale.get("labels") if isinstance(scale, dict) else None
    if isinstance(labels, dict) and str(step.get("level")) in labels:
        joined["label"] = labels[str(step.get("level"))]
    return joined


def _answers(answers: object, statements: object) -> object:
    if not isinstance(answers, dict) or not isinstance(statements, dict):
        return answers
    joined = []
    for statement, answer in answers.items():
        text = statements.get(statement)
        joined.append(
            {"statement": statement, **(text if isinstance(text, dict) else {}), "answer": answer}
        )
    return joined


def person_data(person: object, entries: Mapping[SharedKey, Mapping[str, Any]]) -> object:
    """A version 2 respondent joined with its ``frameworks`` entry: the structure of
    ``report --format json`` (a respondent of another shape is returned as it is)."""
    if not isinstance(person, dict):
        return person
    entry = entries.get(shared_key(person))
    if entry is None:
        return {"format_version": REPORT_FORMAT_VERSION, **person}
    data: dict[str, Any] = {"format_version": REPORT_FORMAT_VERSION, **person}
    data.update({key: entry[key] for key in _PERSON_SHARED if key in entry})
    data["competences"] = _joined(person.get("competences"), "id", entry.get("competences"))
    data["areas"] = _joined(person.get("areas"), "id", entry.get("areas"))
    data["plan"] = _joined(person.get("plan"), "module", entry.get("modules"))
    data["next_step"] = _next_step(person.get("next_step"), entry)
    data["answers"] = _answers(person.get("answers"), entry.get("statements"))
    return data


# --- writing ------------------------------------------------------------------------------


def _indented(value: object, indent: int) -> str:
    """``value`` as indented JSON, nested ``indent`` spaces deeper."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * indent)


class GroupJsonWriter:
    """Writes batch JSON to ``handle``: :meth:`add` each respondent as it is scored (one
    line each), then :meth:`finish` with the group profiles and the problems."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle
        self._entries: dict[SharedKey, dict[str, Any]] = {}
        self._count = 0
        handle.write(f'{{\n  "format_version": {GROUP_FORMAT_VERSION},\n  "respondents": [')

    def add(self, result: PersonResult) -> None:
        """Write one respondent; remember what it shares with others of its kind."""
        data = figures(result)
        key = shared_key(data)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = shared(result)
        modules = entry["modules"]
        for planned in result.plan:
            if planned.module not in modules:
                modules.update(module_facts(result))
                break
        separator = ",\n    " if self._count else "\n    "
        self._count += 1
        self._handle.write(separator + json.dumps(data, ensure_ascii=False))

    def finish(
        self,
        cohort: Sequence[CohortGroup] | None,
        errors: Sequence[BatchIssue],
        warnings: Sequence[BatchIssue],
    ) -> None:
        """Write the shared parts, the group profiles and the problems; end the object."""
        handle = self._handle
        handle.write("\n  ]," if self._count else "],")
        frameworks = list(self._entries.values())
        handle.write('\n  "frameworks": ' + _indented(frameworks, 2) + ",")
        groups = None if cohort is None else [cohort_group_json(g) for g in cohort]
        handle.write('\n  "cohort": ' + _indented(groups, 2) + ",")
        handle.write('\n  "errors": ' + _indented([e.as_dict() for e in errors], 2) + ",")
        handle.write('\n  "warnings": ' + _indented([w.as_dict() for w in warnings], 2))
        handle.write("\n}\n")


def group_result_to_json(result: GroupResult) -> str:
    """``result`` as the text of ``score --format json`` (format version 2)."""
    buffer = io.StringIO()
    writer = GroupJsonWriter(buffer)
    for person in result.respondents:
        writer.add(person)
    writer.finish(result.cohort, result.errors, result.warnings)
    return buffer.getvalue()
