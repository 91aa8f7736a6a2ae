"""The before/after report: the view of a comparison, rendered as HTML and as Markdown.

The view is built from the typed :data:`~wimcheck.batch.comparison_model.Comparison`
into frozen view objects holding plain (unescaped) strings; the template and
:func:`compare_markdown` escape them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from wimcheck.assessment.responses import shown_respondent
from wimcheck.batch.comparison_model import (
    Comparison,
    CompetenceChange,
    GroupComparison,
    GroupCompetenceChange,
    PersonComparison,
    Side,
)
from wimcheck.records import record
from wimcheck.reports.charts import Series
from wimcheck.reports.html_common import (
    RADAR_MAX_COMPETENCES,
    RADAR_MIN_AXES,
    TEXT,
    Chart,
    _chart,
    _date,
    _language,
    _num,
    _render,
    _subject_texts,
    format_change,
    format_percent,
    framework_line,
    text,
)
from wimcheck.reports.markdown_common import _chart_table, _facts, _footer, _table, md, md_block

__all__ = [
    "GroupChangeRow",
    "GroupCompareView",
    "PersonChangeRow",
    "PersonCompareView",
    "compare_html",
    "compare_markdown",
    "compare_view",
]

# one point of a before/after chart: label, before, after, change
_Point = tuple[str, float | None, float | None, float | None]


@record
class _CompareViewBase:
    kind: str
    subject: str
    lang: str
    doc_title: str
    heading: str
    facts: tuple[tuple[str, str], ...]
    self_assessed: str
    english_shown: str  # the note that some framework texts are in English, or ""
    t: Mapping[str, str]


@record
class PersonChangeRow:
    """One competence of a person comparison, as shown."""

    id: str
    title: str
    target: str
    before: str
    after: str
    change: str
    status: str


@record
class PersonCompareView(_CompareViewBase):
    """Everything a person comparison report says."""

    sides: tuple[tuple[str, str, str], ...]
    readiness_change: str
    charts: tuple[Chart, ...]
    rows: tuple[PersonChangeRow, ...]
    gaps_closed: tuple[str, ...]
    new_gaps: tuple[str, ...]
    compare_kind: str = "person"


@record
class GroupChangeRow:
    """One competence of a group comparison, as shown."""

    id: str
    title: str
    pairs: str
    before: str
    after: str
    change: str
    sd: str
    effect: str
    effect_word: str


@record
class GroupCompareView(_CompareViewBase):
    """Everything a group comparison report says; a hidden group only its ``note``."""

    pairs: str
    shown: bool
    note: str = ""
    readiness_line: str = ""
    charts: tuple[Chart, ...] = ()
    rows: tuple[GroupChangeRow, ...] = ()
    unpaired_before: tuple[str, ...] = ()
    unpaired_after: tuple[str, ...] = ()
    effect_explain: str = ""
    compare_kind: str = "group"


CompareView = PersonCompareView | GroupCompareView


def _effect_word(value: float | None) -> str:
    if value is None:
        return ""
    size = abs(value)
    if size < 0.2:
        return TEXT["effect.negligible"]
    if size < 0.5:
        return TEXT["effect.small"]
    if size < 0.8:
        return TEXT["effect.medium"]
    return TEXT["effect.large"]


def _change_chart(
    chart_id: str,
    headings: tuple[str, str, str],
    points: Sequence[_Point],
    bounds: tuple[float, float],
    numbered: bool = False,
) -> Chart:
    """A before/after chart; ``headings`` are the chart's heading, title and label column."""
    heading, title, label_heading = headings
    return _chart(
        chart_id,
        heading,
        title,
        label_heading,
        [label for label, _, _, _ in points],
        [
            Series(TEXT["series.before"], [before for _, before, _, _ in points], "before"),
            Series(TEXT["series.after"], [after for _, _, after, _ in points], "after"),
        ],
        bounds[0],
        bounds[1],
        numbered=numbered,
        changes=[change for _, _, _, change in points],
    )


def _subject(comparison: Comparison) -> str:
    return "organisation" if comparison.heading.subject == "organisation" else "person"


def _person_charts(comparison: PersonComparison, subject: str) -> tuple[Chart, ...]:
    bounds = (float(comparison.scale.min), float(comparison.scale.max))
    charts = []
    if comparison.areas:
        points = [(a.title or a.id, a.before, a.after, a.change) for a in comparison.areas]
        headings = (TEXT["h.compare-chart"], TEXT["chart.compare.title"], TEXT["col.area"])
        charts.append(_change_chart("compare-areas", headings, points, bounds))
    comparable = [c for c in comparison.competences if c.before is not None or c.after is not None]
    if RADAR_MIN_AXES <= len(comparable) <= RADAR_MAX_COMPETENCES:
        points = [(c.title or c.id, c.before, c.after, c.change) for c in comparable]
        headings = (
            text("h.compare-competence-chart", subject),
            TEXT["chart.compare-competences.title"],
            text("col.competence", subject),
        )
        charts.append(_change_chart("compare-competences", headings, points, bounds, True))
    return tuple(charts)


def _sides(comparison: PersonComparison) -> tuple[tuple[str, str, str], ...]:
    def readiness(side: Side) -> str:
        return format_percent(side.readiness)

    before, after, respondent = comparison.before, comparison.after, comparison.respondent
    return (
        (
            TEXT["label.respondent"],
            shown_respondent(before.respondent or respondent),
            shown_respondent(after.respondent or respondent),
        ),
        (TEXT["compare.file"], before.file or TEXT["none"], after.file or TEXT["none"]),
        (
            TEXT["compare.finished"],
            _date(before.finished) or TEXT["none"],
            _date(after.finished) or TEXT["none"],
        ),
        (TEXT["compare.readiness"], readiness(before), readiness(after)),
    )


def _english_shown(comparison: Comparison) -> str:
    return TEXT["about.english-shown"] if comparison.english_shown else ""


def _person_row(item: CompetenceChange) -> PersonChangeRow:
    return PersonChangeRow(
        id=item.id,
        title=item.title or item.id,
        target=_num(item.target),
        before=_num(item.before),
        after=_num(item.after),
        change=format_change(item.change),
        status=TEXT.get(f"status.{item.status}", item.status),
    )


def _person_view(comparison: PersonComparison) -> PersonCompareView:
    subject = _subject(comparison)
    who = shown_respondent(comparison.respondent)
    heading = comparison.heading
    framework_line_text = framework_line(
        heading.framework_title, heading.framework, heading.framework_version
    )
    titles = {c.id: c.title or c.id for c in comparison.competences}
    change = comparison.readiness_change
    return PersonCompareView(
        kind="compare-person",
        subject=subject,
        lang=_language(comparison.language),
        doc_title=TEXT["compare.doc-title"].format(who=who, role=heading.role_title),
        heading=TEXT["compare.heading"],
        facts=(
            (TEXT["label.respondent"], who),
            (text("label.role", subject), heading.role_title),
            (TEXT["label.framework"], framework_line_text),
        ),
        self_assessed=text("self-assessed", subject),
        english_shown=_english_shown(comparison),
        t=_subject_texts(subject),
        sides=_sides(comparison),
        readiness_change=TEXT["compare.readiness-none"]
        if change is None
        else TEXT["compare.readiness-change"].format(change=format_change(round(change, 1))),
        charts=_person_charts(comparison, subject),
        rows=tuple(_person_row(c) for c in comparison.competences),
        gaps_closed=tuple(titles.get(i, i) for i in comparison.gaps_closed),
        new_gaps=tuple(titles.get(i, i) for i in comparison.new_gaps),
    )


def _group_row(item: GroupCompetenceChange) -> GroupChangeRow:
    return GroupChangeRow(
        id=item.id,
        title=item.title or item.id,
        pairs=_num(item.pairs),
        before=_num(item.before_mean),
        after=_num(item.after_mean),
        change=format_change(item.mean_change),
        sd=_num(item.sd_change),
        effect=_num(item.effect_size),
        effect_word=_effect_word(item.effect_size),
    )


def _group_chart(comparison: GroupComparison, subject: str) -> tuple[Chart, ...]:
    with_values = [
        c for c in comparison.competences if c.before_mean is not None or c.after_mean is not None
    ]
    if not with_values:
        return ()
    points = [(c.title or c.id, c.before_mean, c.after_mean, c.mean_change) for c in with_values]
    headings = (
        text("h.compare-competence-chart", subject),
        TEXT["chart.compare-competences.title"],
        text("col.competence", subject),
    )
    bounds = (float(comparison.scale.min), float(comparison.scale.max))
    numbered = len(with_values) >= RADAR_MIN_AXES
    return (_change_chart("compare-group", headings, points, bounds, numbered),)


def _group_readiness_line(comparison: GroupComparison) -> str:
    readiness = comparison.readiness
    if readiness is None:
        return ""
    return TEXT["compare.group-readiness"].format(
        before=format_percent(readiness.before_mean),
        after=format_percent(readiness.after_mean),
        change=format_change(readiness.mean_change),
    )


def _group_view(comparison: GroupComparison) -> GroupCompareView:
    subject = _subject(comparison)
    heading = comparison.heading
    framework_line_text = framework_line(
        heading.framework_title, heading.framework, heading.framework_version
    )
    view = GroupCompareView(
        kind="compare-group",
        subject=subject,
        lang=_language(comparison.language),
        doc_title=TEXT["compare.doc-title"].format(
            who=TEXT["group.heading"], role=heading.role_title
        ),
        heading=TEXT["compare.group-heading"],
        facts=(
            (text("label.role", subject), heading.role_title),
            (TEXT["label.framework"], framework_line_text),
        ),
        self_assessed=TEXT["group.self-assessed"],
        english_shown=_english_shown(comparison),
        t=_subject_texts(subject),
        pairs=TEXT["compare.pairs"].format(pairs=_num(comparison.pairs)),
        shown=comparison.shown,
    )
    if not comparison.shown:
        return replace(view, note=TEXT["compare.hidden"].format(note=comparison.note or ""))
    return replace(
        view,
        readiness_line=_group_readiness_line(comparison),
        charts=_group_chart(comparison, subject),
        rows=tuple(_group_row(c) for c in comparison.competences),
        unpaired_before=comparison.unpaired_before,
        unpaired_after=comparison.unpaired_after,
        effect_explain=TEXT["effect.explain"],
    )


def compare_view(comparison: Comparison) -> CompareView:
    """Everything a comparison report says, as plain (unescaped) strings."""
    if isinstance(comparison, PersonComparison):
        return _person_view(comparison)
    return _group_view(comparison)


def compare_html(comparison: Comparison) -> str:
    """A before/after comparison (of one person or of a group) as HTML."""
    return _render("compare.html", compare_view(comparison))


def _person_markdown(view: PersonCompareView) -> list[str]:
    t = view.t
    out = _table([t["col.when"].strip() or "–", t["col.before"], t["col.after"]], view.sides, 9)
    out += ["", f"**{md(view.readiness_change)}**", ""]
    for chart in view.charts:
        if not chart.numbered:
            out += _chart_table(chart)
    out += [f"## {md(t['h.compare-table'])}", ""]
    columns = ["col.competence", "col.target", "col.before", "col.after", "col.change"]
    out += _table(
        [t[key] for key in [*columns, "col.status"]],
        [
            [f"{r.title} ({r.id})", r.target, r.before, r.after, r.change, r.status]
            for r in view.rows
        ],
        1,
    )
    out.append("")
    for key, items in (
        ("compare.gaps-closed", view.gaps_closed),
        ("compare.new-gaps", view.new_gaps),
    ):
        if items:
            out += [md_block(t[key]), ""]
            out += [f"- {md(item)}" for item in items]
            out.append("")
    return out


def _group_table(view: GroupCompareView) -> list[str]:
    t = view.t
    columns = ["col.competence", "col.pairs", "col.before-mean", "col.after-mean"]
    columns += ["col.mean-change", "col.sd-change", "col.effect"]
    return _table(
        [t[key] for key in columns],
        [
            [
                f"{r.title} ({r.id})",
                r.pairs,
                r.before,
                r.after,
                r.change,
                r.sd,
                f"{r.effect} ({r.effect_word})" if r.effect_word else r.effect,
            ]
            for r in view.rows
        ],
        1,
    )


def _group_markdown(view: GroupCompareView) -> list[str]:
    t = view.t
    out = [md_block(view.pairs), ""]
    if not view.shown:
        return [*out, f"> {md(view.note)}", ""]
    if view.readiness_line:
        out += [f"**{md(view.readiness_line)}**", ""]
    out += [f"## {md(t['h.compare-table'])}", "", md_block(view.effect_explain), ""]
    out += [*_group_table(view), ""]
    if view.unpaired_before:
        names = md(", ".join(view.unpaired_before))
        out.append(f"{md(t['compare.unpaired-before'])} {names}  ")
    if view.unpaired_after:
        out.append(f"{md(t['compare.unpaired-after'])} {md(', '.join(view.unpaired_after))}")
    out.append("")
    return out


def compare_markdown(comparison: Comparison) -> str:
    """A before/after comparison (of one person or of a group) as Markdown."""
    view = compare_view(comparison)
    out = [f"# {md(view.heading)}", ""]
    out += _facts(view.facts)
    out += ["", f"> {md(view.self_assessed)}", ""]
    if view.english_shown:
        out += [md_block(view.english_shown), ""]
    out += [f"## {md(view.t['h.summary'])}", ""]
    if isinstance(view, PersonCompareView):
        out += _person_markdown(view)
    else:
        out += _group_markdown(view)
    out += _footer()
    return "\n".join(out)
