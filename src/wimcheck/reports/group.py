"""The report of a group: the view of a :class:`GroupResult`, rendered as HTML and Markdown.

The view is built from the typed result into frozen view objects holding plain
(unescaped) strings; the template and :func:`group_markdown` escape them.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import replace

from wimcheck.assessment.responses import shown_respondent
from wimcheck.assessment.result import PersonResult
from wimcheck.batch.group_model import (
    AreaReliability,
    CohortGroup,
    GroupCompetence,
    GroupModule,
    GroupProfile,
    GroupResult,
)
from wimcheck.batch.inputs import BatchIssue
from wimcheck.messages import tn
from wimcheck.records import record
from wimcheck.reports.charts import Series
from wimcheck.reports.html_common import (
    RADAR_MAX_COMPETENCES,
    RADAR_MIN_AXES,
    TEXT,
    Chart,
    _chart,
    _language,
    _num,
    _render,
    _share,
    _subject_texts,
    format_percent,
    framework_line,
    text,
)
from wimcheck.reports.markdown_common import (
    _chart_table,
    _footer,
    _plan,
    _table,
    about_lines,
    md,
    md_block,
)
from wimcheck.reports.people_table import PeopleTable, people_table, people_table_markdown
from wimcheck.reports.view_parts import AboutView, PlanRow, about_view, plan_row

__all__ = [
    "FrameworkAbout",
    "GroupRow",
    "GroupSection",
    "GroupView",
    "ReliabilityRow",
    "group_html",
    "group_markdown",
    "group_view",
]


@record
class GroupRow:
    """One competence of a group, as shown, with its distribution chart's data."""

    id: str
    title: str
    area: str
    target: str
    scored: str
    mean: str
    min: str
    median: str
    max: str
    below: str
    mean_gap: str
    counts: tuple[tuple[str, int], ...]
    dist_label: str
    target_value: float


@record
class ReliabilityRow:
    """Cronbach's alpha of one area, as shown."""

    title: str
    item_count: str
    respondents: str
    alpha: str
    item_total: tuple[tuple[str, str], ...]
    warning: str


@record
class GroupSection:
    """One group (framework and role); a group that is not shown has only its ``note``."""

    index: int
    subject: str
    title: str
    framework_line: str
    size: str
    shown: bool
    t: Mapping[str, str]
    note: str = ""
    readiness: str = ""
    charts: tuple[Chart, ...] = ()
    table_explain: str = ""
    rows: tuple[GroupRow, ...] = ()
    plan: tuple[PlanRow, ...] = ()
    plan_total: str = ""
    reliability: tuple[ReliabilityRow, ...] = ()
    members: tuple[str, ...] = ()
    members_heading: str = ""
    people: PeopleTable | None = None


@record
class FrameworkAbout:
    """The "About" part of one framework of the groups shown."""

    framework: str  # its title
    about: AboutView


@record
class GroupView:
    """Everything the group report says."""

    lang: str
    doc_title: str
    heading: str
    summary: str
    self_assessed: str
    no_cohort: str
    sections: tuple[GroupSection, ...]
    errors: tuple[str, ...]
    abouts: tuple[FrameworkAbout, ...]
    t: Mapping[str, str]
    kind: str = "group"


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


# --- charts -------------------------------------------------------------------------------


def _area_points(
    competences: Sequence[GroupCompetence],
) -> tuple[list[str], list[float | None], list[float | None]]:
    """Area ids in order, the mean of their competences' means and of their targets."""
    area_ids = list(dict.fromkeys(c.area for c in competences))
    means: list[float | None] = []
    targets: list[float | None] = []
    for area_id in area_ids:
        in_area = [c for c in competences if c.area == area_id]
        with_mean = [c for c in in_area if c.mean is not None]
        means.append(_mean([c.mean for c in with_mean if c.mean is not None]))
        targets.append(_mean([c.target for c in with_mean or in_area]))
    return area_ids, means, targets


def _group_series(levels: list[float | None], targets: list[float | None]) -> list[Series]:
    return [
        Series(TEXT["series.group"], levels, "level"),
        Series(TEXT["series.group-target"], targets, "target"),
    ]


def _group_charts(
    index: int, profile: GroupProfile, area_titles: Mapping[str, str], subject: str
) -> tuple[Chart, ...]:
    """The areas chart, and the competences chart when it stays readable."""
    bounds = (float(profile.scale_min), float(profile.scale_max))
    area_ids, means, targets = _area_points(profile.competences)
    charts = []
    if area_ids:
        labels = [area_titles.get(a, a) for a in area_ids]
        charts.append(
            _chart(
                f"group{index}-areas",
                TEXT["h.group-chart"],
                TEXT["chart.group.title"],
                TEXT["col.area"],
                labels,
                _group_series(means, targets),
                *bounds,
                level_heading=TEXT["col.mean"],
                gap_column=False,
            )
        )
    with_mean = [c for c in profile.competences if c.mean is not None]
    if RADAR_MIN_AXES <= len(with_mean) <= RADAR_MAX_COMPETENCES:
        charts.append(
            _chart(
                f"group{index}-competences",
                text("h.group-competence-chart", subject),
                TEXT["chart.group-competences.title"],
                text("col.competence", subject),
                [c.title or c.id for c in with_mean],
                _group_series([c.mean for c in with_mean], [c.target for c in with_mean]),
                *bounds,
                numbered=True,
                level_heading=TEXT["col.mean"],
                gap_column=False,
            )
        )
    return tuple(charts)


# --- tables -------------------------------------------------------------------------------


def _group_row(item: GroupCompetence, area_titles: Mapping[str, str]) -> GroupRow:
    counts = tuple((str(level.value), level.count) for level in item.distribution)
    counts = tuple(sorted(counts, key=lambda kv: float(kv[0])))
    title = item.title or item.id
    return GroupRow(
        id=item.id,
        title=title,
        area=area_titles.get(item.area, item.area),
        target=_num(item.target),
        scored=_num(item.scored),
        mean=_num(item.mean),
        min=_num(item.min),
        median=_num(item.median),
        max=_num(item.max),
        below=_share(item.below_target),
        mean_gap=_num(item.mean_gap),
        counts=counts,
        dist_label=TEXT["dist.label"].format(
            title=title,
            counts=", ".join(TEXT["dist.count"].format(value=v, count=n) for v, n in counts),
            target=_num(item.target),
        ),
        target_value=item.target,
    )


def _reliability_row(item: AreaReliability, area_titles: Mapping[str, str]) -> ReliabilityRow:
    return ReliabilityRow(
        title=area_titles.get(item.area, item.title),
        item_count=_num(item.items),
        respondents=_num(item.respondents),
        alpha=_num(item.alpha, 3),
        item_total=tuple((it.statement, _num(it.r, 3)) for it in item.item_total),
        warning=item.warning or "",
    )


def _plan_rows(plan: Sequence[GroupModule], titles: Mapping[str, str]) -> tuple[PlanRow, ...]:
    """Plan modules with the competence titles they address, notes and gap closed per hour."""
    return tuple(plan_row(m, plan, titles, group_priority=m.group_priority) for m in plan)


# --- sections and the whole view ----------------------------------------------------------


def _area_titles(profile: GroupProfile, members: Sequence[PersonResult]) -> dict[str, str]:
    """Area titles from the first member's result, else from the reliability table."""
    titles = {a.id: a.title or a.id for a in members[0].areas} if members else {}
    for item in profile.reliability:
        titles.setdefault(item.area, item.title or item.area)
    return titles


def _shown_section(
    section: GroupSection, profile: GroupProfile, members: Sequence[PersonResult]
) -> GroupSection:
    area_titles = _area_titles(profile, members)
    titles = {c.id: c.title or c.id for c in profile.competences}
    readiness = profile.readiness_mean
    return replace(
        section,
        readiness=TEXT["readiness.none"]
        if readiness is None
        else TEXT["group.readiness"].format(value=format_percent(readiness)),
        charts=_group_charts(section.index, profile, area_titles, section.subject),
        table_explain=TEXT["group.table.explain"].format(
            min=_num(profile.scale_min), max=_num(profile.scale_max)
        ),
        rows=tuple(_group_row(c, area_titles) for c in profile.competences),
        plan=_plan_rows(profile.plan, titles),
        plan_total=TEXT["plan.total"].format(hours=_num(profile.plan_hours)),
        reliability=tuple(_reliability_row(r, area_titles) for r in profile.reliability),
        members=tuple(shown_respondent(m.respondent) for m in members),
        members_heading=TEXT["group.respondents"].format(count=len(members)),
        people=people_table(profile.competences, members, (profile.scale_min, profile.scale_max)),
    )


def _group_section(index: int, group: CohortGroup, result: GroupResult) -> GroupSection:
    heading = group.heading
    subject = "organisation" if heading.subject == "organisation" else "person"
    section = GroupSection(
        index=index,
        subject=subject,
        title=TEXT["group.title"].format(
            role=heading.role_title or heading.role,
            framework=heading.framework_title or heading.framework,
        ),
        framework_line=framework_line(
            heading.framework_title, heading.framework, heading.framework_version
        ),
        size=TEXT["group.size"].format(count=_num(group.respondents)),
        shown=group.shown,
        t=_subject_texts(subject),
    )
    if group.profile is None:
        return replace(section, note=TEXT["group.hidden"].format(note=group.note or ""))
    # only for a group that is shown: look at its members' results for names and titles
    return _shown_section(section, group.profile, result.members(group))


def _error_line(issue: BatchIssue) -> str:
    where = f"{issue.file}:{issue.where}" if issue.where else issue.file
    return TEXT["error.line"].format(where=where, reason=issue.reason)


def _abouts(result: GroupResult) -> tuple[FrameworkAbout, ...]:
    """Where each framework of a group that is shown comes from, once per framework."""
    shown = {g.heading.framework for g in result.cohort or () if g.shown}
    abouts: dict[str, FrameworkAbout] = {}
    for person in result.respondents:
        if person.framework in shown and person.framework not in abouts:
            about = about_view(person.provenance, person.framework_licence)
            title = person.framework_title or person.framework
            abouts[person.framework] = FrameworkAbout(title, about)
    return tuple(abouts.values())


def group_view(result: GroupResult) -> GroupView:
    """Everything the group report says, as plain (unescaped) strings."""
    groups = result.cohort or ()
    frameworks = ", ".join(
        dict.fromkeys(g.heading.framework_title or g.heading.framework for g in groups)
    )
    lang = next((p.language for p in result.respondents if p.language), "en")
    return GroupView(
        lang=_language(lang),
        doc_title=TEXT["group.doc-title"].format(frameworks=frameworks),
        heading=TEXT["group.heading"],
        summary=TEXT["group.summary"].format(
            people=tn("count.scored-respondents", len(result.respondents)),
            groups=tn("count.groups", len(groups)),
        ),
        self_assessed=TEXT["group.self-assessed"],
        no_cohort=TEXT["group.no-cohort"] if result.cohort is None else "",
        sections=tuple(_group_section(i, g, result) for i, g in enumerate(groups, start=1)),
        errors=tuple(_error_line(issue) for issue in result.errors),
        abouts=_abouts(result),
        t=_subject_texts("person"),
    )


def group_html(result: GroupResult) -> str:
    """The group report of ``wimcheck score --cohort`` as HTML."""
    return _render("group.html", group_view(result))


# --- Markdown -----------------------------------------------------------------------------


def _competence_table(section: GroupSection, t: Mapping[str, str]) -> list[str]:
    columns = [section.t["col.competence"]]
    columns += [t[f"col.{key}"] for key in ("target", "mean", "min", "median", "max")]
    columns += [t["col.below"], t["col.mean-gap"], t["col.distribution"]]
    rows = [
        [
            f"{r.title} ({r.id})",
            r.target,
            r.mean,
            r.min,
            r.median,
            r.max,
            r.below,
            r.mean_gap,
            " · ".join(f"{value}: {count}" for value, count in r.counts),
        ]
        for r in section.rows
    ]
    return [*_table(columns, rows, 1), ""]


def _plan_markdown(section: GroupSection, t: Mapping[str, str]) -> list[str]:
    out = [f"### {md(t['h.group-plan'])}", ""]
    if not section.plan:
        return [*out, md_block(t["plan.empty"]), ""]
    out += [md_block(t["group.plan.explain"]), ""]
    out += _plan(section.plan, group=True)
    return [*out, "", f"**{md(section.plan_total)}**", ""]


def _reliability_markdown(section: GroupSection, t: Mapping[str, str]) -> list[str]:
    if not section.reliability:
        return []
    out = [f"### {md(t['h.reliability'])}", "", md_block(t["reliability.explain"]), ""]
    columns = [t[f"col.{key}"] for key in ("area", "items", "complete", "alpha", "warning")]
    out += _table(
        columns,
        [[r.title, r.item_count, r.respondents, r.alpha, r.warning] for r in section.reliability],
        1,
    )
    out += ["", f"{md(t['col.item-total'])}:", ""]
    for r in section.reliability:
        pairs = ", ".join(f"{statement} {value}" for statement, value in r.item_total)
        out.append(f"- {md(r.title)}: {md(pairs)}")
    return [*out, ""]


def _section_markdown(section: GroupSection, t: Mapping[str, str]) -> list[str]:
    out = [f"## {md(section.title)}", ""]
    out += [md_block(section.framework_line) + "  ", md_block(section.size), ""]
    if not section.shown:
        return [*out, f"> {md(section.note)}", ""]
    out += [f"**{md(section.readiness)}**", ""]
    for chart in section.charts:
        if not chart.numbered:
            out += _chart_table(chart)
    out += [f"### {md(section.t['h.group-table'])}", "", md_block(section.table_explain), ""]
    out += _competence_table(section, t)
    if section.people is not None:
        out += [f"### {md(section.t['h.people-table'])}", ""]
        out += people_table_markdown(section.people, t["col.respondent"])
    out += _plan_markdown(section, t)
    out += _reliability_markdown(section, t)
    if section.members:
        names = md(", ".join(section.members))
        out += [f"**{md(section.members_heading)}:** {names}", ""]
    return out


def group_markdown(result: GroupResult) -> str:
    """The group report of ``wimcheck score --cohort`` as Markdown."""
    view = group_view(result)
    t = view.t
    out = [f"# {md(view.heading)}", "", md_block(view.summary), ""]
    out += [f"> {md(view.self_assessed)}", ""]
    if view.no_cohort:
        out += [md_block(view.no_cohort), ""]
    for section in view.sections:
        out += _section_markdown(section, t)
    if view.errors:
        out += [f"## {md(t['h.errors'])}", "", md_block(t["errors.explain"]), ""]
        out += [f"- {md(e)}" for e in view.errors]
        out.append("")
    for about in view.abouts:
        out += about_lines(about.about, f"{t['h.about']}: {about.framework}")
    out += _footer()
    return "\n".join(out)
