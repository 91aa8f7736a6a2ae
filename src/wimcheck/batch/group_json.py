"""Batch JSON, format version 2: the framework's texts once, respondents streamed.

``score --format json`` writes ``{"format_version": 2, "respondents": [...],
"frameworks": [...], "cohort": ..., "errors": [...], "warnings": [...]}``.
Each respondent is one line holding only its own figures and answers (:func:`figures`),
without a personal training plan; what every respondent of one framework, role and
language shares (titles, statement texts, scale, targets) is stated once in
``frameworks`` (:func:`shared`), after the respondents, because the writer learns it
while it streams them. Sheet rows scored with their details are written from texts
remembered per combination of cells (:class:`_RowTexts`), the same bytes.
:func:`person_data` joins the two back into the structure of ``report --format json``
(with an empty plan), which the reading edge (:mod:`wimcheck.batch.group_file`) then
validates as it validates version 1. docs/formats.md describes the format.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import IO, Any

from wimcheck.assessment.responses import ResponseSet
from wimcheck.assessment.result import REPORT_FORMAT_VERSION, PersonResult, person_result
from wimcheck.assessment.result_data import person_result_data
from wimcheck.batch.fastscore import Outcome
from wimcheck.batch.group_model import (
    GROUP_FORMAT_VERSION,
    CohortGroup,
    GroupResult,
    cohort_group_json,
)
from wimcheck.batch.inputs import BatchIssue, Scored
from wimcheck.numbers import rounded

__all__ = ["GroupJsonWriter", "figures", "group_result_to_json", "person_data", "shared"]

SharedKey = tuple[object, object, object, object]
_REMEMBERED = 4096  # texts remembered per number kind and area (bounds memory)
_FIXED = (
    "framework",
    "framework_version",
    "role",
    "language",
    "assisted_by",
    "started",
    "finished",
)
_ENTRY = attrgetter("entry")
_ANSWERS = attrgetter("answers")
_SCORED = attrgetter("scored")
_PENDING = 64  # respondents written at once

# per competence and area: what ``frameworks`` states once; the rest stays with the
# respondent (``id`` is the link)
_COMPETENCE_SHARED = ("title", "area", "target", "weight", "statements", "easy_read_title")
_AREA_SHARED = ("title", "target", "competences", "easy_read_title")
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
    """The ``frameworks`` entry of this respondent's framework, role and language."""
    data = person_result_data(result)
    entry: dict[str, Any] = {key: data[key] for key in _KEY}
    entry.update({key: data[key] for key in _PERSON_SHARED})
    entry["competences"] = _shared_parts(data["competences"], _COMPETENCE_SHARED)
    entry["areas"] = _shared_parts(data["areas"], _AREA_SHARED)
    entry["statements"] = {
        a.statement: {"competence": a.competence, "text": a.text, "reverse": a.reverse}
        for a in result.answers
    }
    return entry


def figures(result: PersonResult) -> dict[str, Any]:
    """One respondent's own part: figures and answers, without the shared texts and without
    the personal training plan (``report`` makes that)."""
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


# a version 2 respondent has no personal training plan: read back, its plan is empty
_NO_PLAN: dict[str, Any] = {
    "plan": [],
    "plan_hours": 0,
    "hours_budget": None,
    "open_gaps": [],
    "next_step": None,
}


def person_data(person: object, entries: Mapping[SharedKey, Mapping[str, Any]]) -> object:
    """A version 2 respondent joined with its ``frameworks`` entry: the structure of
    ``report --format json``, with an empty plan (a respondent of another shape is
    returned as it is)."""
    if not isinstance(person, dict):
        return person
    entry = entries.get(shared_key(person))
    if entry is None:
        return {"format_version": REPORT_FORMAT_VERSION, **person}
    data: dict[str, Any] = {"format_version": REPORT_FORMAT_VERSION, **person}
    data.update({key: entry[key] for key in _PERSON_SHARED if key in entry})
    data["competences"] = _joined(person.get("competences"), "id", entry.get("competences"))
    data["areas"] = _joined(person.get("areas"), "id", entry.get("areas"))
    data.update(_NO_PLAN)
    data["answers"] = _answers(person.get("answers"), entry.get("statements"))
    return data


# --- writing ------------------------------------------------------------------------------


def _indented(value: object, indent: int) -> str:
    """``value`` as indented JSON, nested ``indent`` spaces deeper."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * indent)


def _string(text: str) -> str:
    """``text`` as a JSON string, as ``json.dumps(text, ensure_ascii=False)`` writes it."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return json.dumps(text, ensure_ascii=False)


class _Numbers(dict[float | None, str]):
    """Numbers as JSON text, each distinct value formatted once."""

    def __init__(self, digits: int) -> None:
        super().__init__({None: "null"})
        self._digits = digits

    def __missing__(self, value: float) -> str:
        text = json.dumps(rounded(float(round(value, self._digits)), self._digits))
        if len(self) > _REMEMBERED:
            self.clear()
            self[None] = "null"
        self[value] = text
        return text


class _AreaTexts(dict[tuple[Outcome, ...], str]):
    """One area's entry among a respondent's ``areas``, per combination of its competences'
    outcomes (the mean of the levels there are, as the reference scorer takes it)."""

    def __init__(self, area_id: str, indices: list[int], first: bool) -> None:
        super().__init__()
        self.pick = itemgetter(*indices) if len(indices) > 1 else lambda o: (o[indices[0]],)
        head = '{"id": ' + json.dumps(area_id, ensure_ascii=False) + ', "level": '
        self._head = head if first else ", " + head
        self._levels = _Numbers(2)

    def __missing__(self, outcomes: tuple[Outcome, ...]) -> str:
        levels = [outcome.level for outcome in outcomes if outcome.level is not None]
        level = sum(levels) / len(levels) if levels else None
        text = f'{self._head}{self._levels[level]}, "scored": {len(levels)}}}'
        if len(self) > _REMEMBERED:
            self.clear()
        self[outcomes] = text
        return text


class _RowTexts:
    """A respondent's JSON text for sheet rows of one framework and role, built from the
    row's outcomes and details; ``result`` is the whole result of the first row (for its
    ``frameworks`` entry)."""

    def __init__(self, first: Scored) -> None:
        framework, role = first.framework, first.role
        assert first.details is not None
        answers = {s: a for detail in first.details for s, a in detail.pairs}
        responses = ResponseSet(framework.id, framework.version, role.id, "", answers)
        self.result = person_result(framework, role, responses)
        data = figures(self.result)
        self.key = shared_key(data)
        self._fixed = ", " + ", ".join(
            f"{json.dumps(k)}: {json.dumps(data[k], ensure_ascii=False)}" for k in _FIXED
        )
        competences = framework.role_competences(role)
        areas = dict.fromkeys(c.area_id for c in competences)
        self._areas = [
            _AreaTexts(a, [i for i, c in enumerate(competences) if c.area_id == a], not n)
            for n, a in enumerate(areas)
        ]
        self._readiness = _Numbers(1)

    def text(self, scored: Scored) -> str:
        """The row's text: what ``json.dumps(figures(whole result))`` gives."""
        details = scored.details
        assert details is not None
        outcomes = scored.row.outcomes
        scored_count = sum(map(_SCORED, details))
        return "".join(
            [
                '{"respondent": ',
                _string(scored.respondent),
                self._fixed,
                ', "readiness": ',
                self._readiness[scored.row.readiness],
                f', "scored_competences": {scored_count}, "competences": [',
                *map(_ENTRY, details),
                '], "areas": [',
                *[area[area.pick(outcomes)] for area in self._areas],
                '], "answers": {',
                *map(_ANSWERS, details),
                '}, "source": ',
                _string(scored.source),
                "}",
            ]
        )


class GroupJsonWriter:
    """Writes batch JSON to ``handle``: :meth:`add` each respondent as it is scored (one
    line each), then :meth:`finish` with the group profiles and the problems."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle
        self._entries: dict[SharedKey, dict[str, Any]] = {}
        self._texts: dict[tuple[str, str, str], _RowTexts] = {}
        self._pending: list[str] = []
        self._count = 0
        handle.write(f'{{\n  "format_version": {GROUP_FORMAT_VERSION},\n  "respondents": [')

    def add(self, result: PersonResult) -> None:
        """Write one respondent; remember what it shares with others of its kind."""
        data = figures(result)
        key = shared_key(data)
        if key not in self._entries:
            self._entries[key] = shared(result)
        self._write(json.dumps(data, ensure_ascii=False))

    def add_row(self, scored: Scored) -> None:
        """Write one sheet row scored with its details (:attr:`Scored.details`): the same
        text :meth:`add` writes of its whole result, from texts remembered per competence."""
        kind = (scored.framework.id, scored.framework.version, scored.role.id)
        texts = self._texts.get(kind)
        if texts is None:
            texts = self._texts[kind] = _RowTexts(scored)
            if texts.key not in self._entries:
                self._entries[texts.key] = shared(texts.result)
        self._write(texts.text(scored))

    def _write(self, text: str) -> None:
        pending = self._pending
        pending.append(",\n    " + text if self._count else "\n    " + text)
        self._count += 1
        if len(pending) >= _PENDING:
            self._flush()

    def _flush(self) -> None:
        """Write the respondents waiting (in chunks: a file write per row costs)."""
        self._handle.write("".join(self._pending))
        self._pending.clear()

    def finish(
        self,
        cohort: Sequence[CohortGroup] | None,
        errors: Sequence[BatchIssue],
        warnings: Sequence[BatchIssue],
    ) -> None:
        """Write the shared parts, the group profiles and the problems; end the object."""
        self._flush()
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
