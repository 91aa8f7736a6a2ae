"""The result of one person's (or organisation's) assessment, as typed frozen data.

:class:`PersonResult` is built once from a scored profile and a training plan, and is
what every view of one assessment shows: the terminal report, ``report --format json``
(see :mod:`wimcheck.assessment.result_json`), HTML and Markdown. Numbers are rounded
to two decimals (readiness to one) here, once, so every view shows the same numbers
and a result read back from JSON equals the one written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Literal

from wimcheck.assessment.planning import Plan, PlannedModule, plan_training
from wimcheck.assessment.responses import ResponseSet
from wimcheck.assessment.scoring import Answer, AreaScore, CompetenceScore, Profile, score
from wimcheck.frameworks.model import Framework, LocalText, Role, Scale
from wimcheck.records import record

__all__ = [
    "REPORT_FORMAT_VERSION",
    "AnswerResult",
    "AreaResult",
    "CompetenceResult",
    "CompetenceStatus",
    "NextStep",
    "PersonResult",
    "PlannedModuleResult",
    "Provenance",
    "ResultScale",
    "ScalePoint",
    "SourceRef",
    "person_result",
    "result_from_profile",
]

REPORT_FORMAT_VERSION = 1

CompetenceStatus = Literal["scored", "not enough answers"]
Subject = Literal["person", "organisation"]


@record
class ScalePoint:
    """One value of the scale with its label and descriptor, in the result's language."""

    value: int
    label: str
    descriptor: str


@record
class ResultScale:
    """The scale the role answered on."""

    id: str
    title: str
    min: int
    max: int
    points: tuple[ScalePoint, ...]

    @property
    def labels(self) -> dict[int, str]:
        """Label by value, lowest value first."""
        return {p.value: p.label for p in self.points}

    @property
    def descriptors(self) -> dict[int, str]:
        """Descriptor by value, lowest value first."""
        return {p.value: p.descriptor for p in self.points}


@record
class SourceRef:
    """A published source of the framework."""

    title: str
    url: str | None


@record
class TranslationNote:
    """Where the texts of the framework in the result's language come from.

    ``translated_by`` is empty for a language of the framework file itself (format
    version 1); ``official`` counts the texts taken from an official translation;
    ``english_shown`` says that some texts had no translation and are shown in English.
    """

    lang: str
    translated_by: str
    reviewed: bool
    reviewed_by: str
    official: int
    english_shown: bool


@record
class Provenance:
    """Where the framework comes from: what was published and what was written for it.

    ``translation`` is set when the result is in another language than English.
    """

    published: str
    authored: str
    sources: tuple[SourceRef, ...]
    translation: TranslationNote | None = None


@record
class CompetenceResult:
    """One competence of the role: level, target and gap (``None`` without enough answers)."""

    id: str
    title: str
    area: str
    level: float | None
    target: float
    weight: float
    gap: float | None
    surplus: float | None
    priority: float | None
    answered: int
    not_applicable: int
    statements: int
    status: CompetenceStatus
    easy_read_title: str | None = None

    @property
    def easy_title(self) -> str:
        """The title an easy-read role reads: the easy-read title, else the title."""
        return self.easy_read_title or self.title

    @property
    def scored(self) -> bool:
        """Whether there were enough answers for a level."""
        return self.status == "scored" and self.level is not None


@record
class AreaResult:
    """One area: the mean level of its scored competences."""

    id: str
    title: str
    level: float | None
    target: float
    competences: int
    scored: int
    easy_read_title: str | None = None

    @property
    def easy_title(self) -> str:
        """The title an easy-read role reads: the easy-read title, else the title."""
        return self.easy_read_title or self.title


@record
class PlannedModuleResult:
    """A module of the training plan and the gaps it addresses."""

    module: str
    title: str
    hours: float
    eqf: int
    delivery: str
    covers: tuple[str, ...]
    prerequisite_for: tuple[str, ...]
    easy_read_title: str | None = None

    @property
    def easy_title(self) -> str:
        """The title an easy-read role reads: the easy-read title, else the title."""
        return self.easy_read_title or self.title


@record
class NextStep:
    """With no gaps: the next level worth aiming for."""

    competence: str
    title: str
    level: int
    label: str


@record
class AnswerResult:
    """One statement as the respondent read it, and the answer given (``None``: skipped)."""

    statement: str
    competence: str
    text: str
    reverse: bool
    answer: Answer | None


@record
class PersonResult:
    """The whole result of one assessment: the model of ``report --format json``.

    ``source`` is set only in batch scoring (the file, and row for sheets). ``language`` is
    the language of the framework's texts in the result (the answers' language unless the
    report was asked for in another one).
    """

    respondent: str
    role: str
    role_title: str
    framework: str
    framework_version: str
    framework_title: str
    subject: Subject
    language: str
    assisted_by: str | None
    started: datetime | None
    finished: datetime | None
    framework_licence: str
    provenance: Provenance
    easy_read: bool
    scale: ResultScale
    readiness: float | None
    scored_competences: int
    competences: tuple[CompetenceResult, ...]
    areas: tuple[AreaResult, ...]
    plan: tuple[PlannedModuleResult, ...]
    plan_hours: float
    hours_budget: float | None
    open_gaps: tuple[str, ...]
    next_step: NextStep | None
    answers: tuple[AnswerResult, ...]
    source: str | None = None


def _round(value: float, digits: int = 2) -> float:
    return float(round(value, digits))


def _round_or_none(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else _round(value, digits)


def person_result(
    framework: Framework,
    role: Role,
    responses: ResponseSet,
    hours: float | None = None,
    lang: str | None = None,
) -> PersonResult:
    """Score ``responses`` and plan training within ``hours``: the whole result.

    The framework's texts in the result are in ``lang`` (English where the framework has
    none; the result's translation note says so), by default in the answers' language.
    """
    if lang is not None and lang != responses.language:
        responses = replace(responses, language=lang)
    profile = score(framework, role, responses.answers)
    plan = plan_training(framework, profile, hours)
    return result_from_profile(framework, role, responses, profile, plan)


def result_from_profile(
    framework: Framework, role: Role, responses: ResponseSet, profile: Profile, plan: Plan
) -> PersonResult:
    """The result of an already computed profile and plan."""
    lang = responses.language
    return PersonResult(
        respondent=responses.respondent,
        role=role.id,
        role_title=role.title.get(lang),
        framework=framework.id,
        framework_version=framework.version,
        framework_title=framework.title.get(lang),
        subject=framework.subject,
        language=lang,
        assisted_by=responses.assisted_by,
        started=responses.started,
        finished=responses.finished,
        framework_licence=framework.licence,
        provenance=_provenance(framework, lang),
        easy_read=role.easy_read,
        scale=_scale(profile.scale, lang),
        readiness=_round_or_none(profile.readiness, 1),
        scored_competences=sum(1 for c in profile.competences if c.level is not None),
        competences=tuple(_competence(framework, c, lang) for c in profile.competences),
        areas=tuple(_area(framework, a, lang) for a in profile.areas),
        plan=tuple(_planned(p, lang) for p in plan.modules),
        plan_hours=_round(plan.total_hours),
        hours_budget=_round_or_none(plan.budget),
        open_gaps=tuple(plan.open_gaps),
        next_step=_next_step(framework, profile, plan, lang),
        answers=_answers(framework, role, responses),
    )


def _easy_title(title: LocalText | None, lang: str) -> str | None:
    return None if title is None else title.get(lang)


def _provenance(framework: Framework, lang: str) -> Provenance:
    return Provenance(
        published=framework.provenance_published.get(lang),
        authored=framework.provenance_authored.get(lang),
        sources=tuple(SourceRef(s.title, s.url) for s in framework.sources),
        translation=translation_note(framework, lang),
    )


def translation_note(framework: Framework, lang: str) -> TranslationNote | None:
    """Where the framework's texts in ``lang`` come from (None for English)."""
    if lang == "en":
        return None
    found = framework.translations.get(lang)
    return TranslationNote(
        lang,
        translated_by=found.translated_by if found else "",
        reviewed=found.reviewed if found else False,
        reviewed_by=found.reviewed_by if found else "",
        official=found.official if found else 0,
        english_shown=framework.english_shown(lang),
    )


def _scale(scale: Scale, lang: str) -> ResultScale:
    return ResultScale(
        id=scale.id,
        title=scale.title.get(lang),
        min=scale.min,
        max=scale.max,
        points=tuple(
            ScalePoint(v.value, v.label.get(lang), v.descriptor.get(lang)) for v in scale.values
        ),
    )


def _competence(framework: Framework, item: CompetenceScore, lang: str) -> CompetenceResult:
    return CompetenceResult(
        id=item.id,
        title=framework.competences[item.id].title.get(lang),
        area=item.area_id,
        level=_round_or_none(item.level),
        target=_round(item.target),
        weight=_round(item.weight),
        gap=_round_or_none(item.gap),
        surplus=_round_or_none(item.surplus),
        priority=_round_or_none(item.priority),
        answered=item.answered,
        not_applicable=item.not_applicable,
        statements=item.statements,
        status="scored" if item.scored else "not enough answers",
        easy_read_title=_easy_title(framework.competences[item.id].easy_read_title, lang),
    )


def _area(framework: Framework, area: AreaScore, lang: str) -> AreaResult:
    return AreaResult(
        id=area.id,
        title=framework.areas[area.id].title.get(lang),
        level=_round_or_none(area.level),
        target=_round(area.target),
        competences=area.competences,
        scored=area.scored,
        easy_read_title=_easy_title(framework.areas[area.id].easy_read_title, lang),
    )


def _planned(planned: PlannedModule, lang: str) -> PlannedModuleResult:
    module = planned.module
    return PlannedModuleResult(
        module=module.id,
        title=module.title.get(lang),
        hours=_round(module.hours),
        eqf=module.eqf,
        delivery=module.delivery,
        covers=tuple(planned.covers),
        prerequisite_for=tuple(planned.prerequisite_for),
        easy_read_title=_easy_title(module.easy_read_title, lang),
    )


def _next_step(framework: Framework, profile: Profile, plan: Plan, lang: str) -> NextStep | None:
    """With no gaps: the scale value above the competence nearest to its target."""
    scored = [c for c in profile.competences if c.level is not None]
    if not scored or plan.gaps:
        return None
    for candidate in sorted(scored, key=lambda c: ((c.level or 0.0) - c.target, -c.weight)):
        above = profile.scale.next_above(max(candidate.level or 0.0, candidate.target))
        if above is not None:
            return NextStep(
                competence=candidate.id,
                title=framework.competences[candidate.id].title.get(lang),
                level=above.value,
                label=above.label.get(lang),
            )
    return None


def _answers(framework: Framework, role: Role, responses: ResponseSet) -> tuple[AnswerResult, ...]:
    return tuple(
        AnswerResult(
            statement=statement.id,
            competence=statement.competence_id,
            text=framework.wording(statement, role, responses.language),
            reverse=statement.reverse,
            answer=responses.answers.get(statement.id),
        )
        for statement in framework.questionnaire(role)
    )
