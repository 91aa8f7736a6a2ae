"""The report of one person: the view of a :class:`PersonResult`, rendered as HTML and Markdown.

:func:`person_view` turns the result into a :class:`PersonView`: every sentence and
number the report shows, as plain (unescaped) strings, built by one small function per
part. The HTML template and :func:`person_markdown` only lay the view out and escape it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from wimcheck.assessment.responses import shown_respondent
from wimcheck.records import record
from wimcheck.reports.charts import Series
from wimcheck.reports.html_common import (
    RADAR_MAX_COMPETENCES,
    RADAR_MIN_AXES,
    TEXT,
    TOP_PRIORITIES,
    Chart,
    _answer_text,
    _chart,
    _gap_state,
    _language,
    _not_enough,
    _num,
    _reading,
    _render,
    _subject_texts,
    format_moment,
    format_percent,
    framework_line,
    text,
)
from wimcheck.reports.person_markdown import person_view_markdown
from wimcheck.reports.view_parts import AboutView, PlanRow, about_view, plan_row

if TYPE_CHECKING:
    from wimcheck.assessment.result import CompetenceResult, PersonResult


@record
class GapRow:
    """One competence in "gaps per competence": its bar and its numbers in words."""

    id: str
    title: str
    scored: bool
    level: float | None
    target: float
    numbers: str
    bar_label: str


@record
class GapGroup:
    """The competences of one area in "gaps per competence"."""

    title: str
    rows: tuple[GapRow, ...]


@record
class PriorityRow:
    """A row of the top priorities: gap x weight = priority."""

    rank: int
    id: str
    title: str
    gap: str
    weight: str
    priority: str


@record
class Reading:
    """The plain-language reading of one area."""

    title: str
    sentences: tuple[str, ...]


@record
class AnswerRow:
    """A statement as read and the answer given, in words."""

    id: str
    text: str
    answer: str
    reverse: bool


@record
class AnswerGroup:
    """The statements of one competence and their answers."""

    title: str
    id: str
    rows: tuple[AnswerRow, ...]


@record
class PersonView:
    """Everything the person report says, as plain (unescaped) strings and numbers."""

    subject: str
    easy_read: bool
    lang: str
    doc_title: str
    heading: str
    facts: tuple[tuple[str, str], ...]
    assisted: str
    self_assessed: str
    readiness: str | None
    readiness_line: str
    summary: tuple[str, ...]
    readiness_explain: str
    scale_line: str
    charts: tuple[Chart, ...]
    gap_groups: tuple[GapGroup, ...]
    minimum: float
    maximum: float
    priorities: tuple[PriorityRow, ...]
    plan: tuple[PlanRow, ...]
    plan_note: str
    open_gaps: tuple[str, ...]
    no_gaps: str
    next_step: str
    readings: tuple[Reading, ...]
    answer_groups: tuple[AnswerGroup, ...]
    answers_explain: str
    about: AboutView
    t: Mapping[str, str]
    kind: str = "person"


# --- the parts of the view ----------------------------------------------------------------


def _competence_titles(result: PersonResult) -> dict[str, str]:
    return {c.id: c.title or c.id for c in result.competences}


def _facts(result: PersonResult, subject: str) -> tuple[tuple[str, str], ...]:
    started, finished = format_moment(result.started), format_moment(result.finished)
    if started and finished and started != finished:
        dates = TEXT["dates.range"].format(started=started, finished=finished)
    else:
        dates = finished or started or TEXT["dates.none"]
    return (
        (TEXT["label.respondent"], shown_respondent(result.respondent)),
        (text("label.role", subject), result.role_title or result.role),
        (
            TEXT["label.framework"],
            framework_line(result.framework_title, result.framework, result.framework_version),
        ),
        (TEXT["label.answered"], dates),
    )


def _summary(result: PersonResult, subject: str) -> tuple[str, ...]:
    total, scored = len(result.competences), result.scored_competences
    if total and scored < total:
        return (text("scored.some", subject, scored=scored, total=total),)
    return ()


def _scale_line(labels: Mapping[int, str]) -> str:
    if not labels:
        return ""
    lo, hi = min(labels), max(labels)
    return TEXT["scale.line"].format(min=lo, min_label=labels[lo], max=hi, max_label=labels[hi])


def _charts(result: PersonResult, subject: str) -> tuple[Chart, ...]:
    """The areas chart, and the competences chart when it stays readable."""
    minimum, maximum = float(result.scale.min), float(result.scale.max)
    level_name = text("series.level", subject)
    target_name = text("series.target", subject)
    areas = result.areas
    charts: list[Chart] = []
    if areas:
        charts.append(
            _chart(
                "areas",
                text("h.areas-chart", subject),
                TEXT["chart.areas.title"],
                TEXT["col.area"],
                [a.title or a.id for a in areas],
                [
                    Series(level_name, [a.level for a in areas], "level"),
                    Series(target_name, [a.target for a in areas], "target"),
                ],
                minimum,
                maximum,
            )
        )
    scored = [c for c in result.competences if c.level is not None]
    if RADAR_MIN_AXES <= len(scored) <= RADAR_MAX_COMPETENCES:
        charts.append(
            _chart(
                "competences",
                text("h.competences-chart", subject),
                text("chart.competences.title", subject),
                text("col.competence", subject),
                [c.title or c.id for c in scored],
                [
                    Series(level_name, [c.level for c in scored], "level"),
                    Series(target_name, [c.target for c in scored], "target"),
                ],
                minimum,
                maximum,
                numbered=True,
            )
        )
    return tuple(charts)


def _gap_row(comp: CompetenceResult, minimum: float, maximum: float) -> GapRow:
    scored = comp.level is not None and comp.status == "scored"
    if scored:
        bar_label = TEXT["gap.bar-label"].format(
            level=_num(comp.level), target=_num(comp.target), min=_num(minimum), max=_num(maximum)
        )
    else:
        bar_label = TEXT["gap.bar-label.missing"].format(target=_num(comp.target))
    return GapRow(
        id=comp.id,
        title=comp.title or comp.id,
        scored=scored,
        level=comp.level,
        target=comp.target,
        numbers=_gap_state(comp) if scored else _not_enough(comp),
        bar_label=bar_label,
    )


def _gap_groups(result: PersonResult) -> tuple[GapGroup, ...]:
    """The competences grouped by area, in the order their areas first appear."""
    minimum, maximum = float(result.scale.min), float(result.scale.max)
    area_titles = {a.id: a.title or a.id for a in result.areas}
    return tuple(
        GapGroup(
            area_titles.get(area_id, area_id),
            tuple(_gap_row(c, minimum, maximum) for c in result.competences if c.area == area_id),
        )
        for area_id in dict.fromkeys(c.area for c in result.competences)
    )


def _with_gap(result: PersonResult) -> list[CompetenceResult]:
    return [c for c in result.competences if (c.gap or 0) > 0]


def _priorities(result: PersonResult) -> tuple[PriorityRow, ...]:
    ranked = sorted(_with_gap(result), key=lambda c: -(c.priority or 0))[:TOP_PRIORITIES]
    return tuple(
        PriorityRow(rank, c.id, c.title or c.id, _num(c.gap), _num(c.weight), _num(c.priority))
        for rank, c in enumerate(ranked, start=1)
    )


def _plan_note(result: PersonResult) -> str:
    budget = result.hours_budget
    return " ".join(
        [
            TEXT["plan.total"].format(hours=_num(result.plan_hours)),
            TEXT["plan.budget"].format(hours=_num(budget))
            if budget is not None
            else TEXT["plan.no-budget"],
        ]
    )


def _no_gaps(result: PersonResult, subject: str) -> tuple[str, str]:
    """With no gaps: what to say instead of a plan, and the next step (or "")."""
    if _with_gap(result):
        return "", ""
    no_gaps = text("no-gaps", subject) if result.scored_competences else TEXT["no-scores"]
    step = result.next_step
    if step is None:
        return no_gaps, ""
    next_step = TEXT["next-step"].format(
        title=step.title or step.competence, level=_num(step.level), label=step.label
    )
    return no_gaps, next_step


def _readings(result: PersonResult, subject: str) -> tuple[Reading, ...]:
    return tuple(
        Reading(
            (a.easy_title if result.easy_read else a.title) or a.id,
            tuple(_reading(a, subject, result.easy_read, result.scale)),
        )
        for a in result.areas
    )


def _answer_groups(result: PersonResult) -> tuple[AnswerGroup, ...]:
    """The answers grouped by competence, in questionnaire order."""
    titles = _competence_titles(result)
    labels = result.scale.labels
    return tuple(
        AnswerGroup(
            titles.get(comp_id, comp_id),
            comp_id,
            tuple(
                AnswerRow(a.statement, a.text, _answer_text(a.answer, labels), a.reverse)
                for a in result.answers
                if a.competence == comp_id
            ),
        )
        for comp_id in dict.fromkeys(a.competence for a in result.answers)
    )


def _readiness(result: PersonResult) -> tuple[str | None, str]:
    """The readiness figure (or ``None``) and its sentence."""
    if result.readiness is None:
        return None, TEXT["readiness.none"]
    figure = format_percent(result.readiness)
    return figure, TEXT["readiness.value"].format(value=figure)


def person_view(result: PersonResult) -> PersonView:
    """Everything the person report says, as plain (unescaped) strings and numbers."""
    subject = result.subject
    titles = _competence_titles(result)
    readiness, readiness_line = _readiness(result)
    no_gaps, next_step = _no_gaps(result, subject)
    role_title = result.role_title or result.role
    return PersonView(
        subject=subject,
        easy_read=result.easy_read,
        lang=_language(result.language),
        doc_title=TEXT["person.doc-title"].format(
            respondent=shown_respondent(result.respondent), role=role_title
        ),
        heading=TEXT["person.heading"],
        facts=_facts(result, subject),
        assisted=TEXT["assisted"].format(name=result.assisted_by) if result.assisted_by else "",
        self_assessed=text("self-assessed", subject),
        readiness=readiness,
        readiness_line=readiness_line,
        summary=_summary(result, subject),
        readiness_explain=text("readiness.explain", subject),
        scale_line=_scale_line(result.scale.labels),
        charts=_charts(result, subject),
        gap_groups=_gap_groups(result),
        minimum=float(result.scale.min),
        maximum=float(result.scale.max),
        priorities=_priorities(result),
        plan=tuple(plan_row(p, result.plan, titles, delivery=p.delivery) for p in result.plan),
        plan_note=_plan_note(result),
        open_gaps=tuple(titles.get(g, g) for g in result.open_gaps),
        no_gaps=no_gaps,
        next_step=next_step,
        readings=_readings(result, subject),
        answer_groups=_answer_groups(result),
        answers_explain=TEXT["answers.explain"].format(scale=result.scale.title),
        about=about_view(result.provenance, result.framework_licence),
        t=_subject_texts(subject),
    )


def person_html(result: PersonResult) -> str:
    """One person's (or organisation's) result as a self-contained HTML page."""
    return _render("person.html", person_view(result))


def person_markdown(result: PersonResult) -> str:
    """One person's (or organisation's) result as Markdown."""
    return person_view_markdown(person_view(result))
