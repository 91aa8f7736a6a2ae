"""The report of a group: the view of a cohort, rendered as HTML and as Markdown."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from wimcheck.reports.charts import (
    Series,
)
from wimcheck.reports.html_common import (
    RADAR_MAX_COMPETENCES,
    RADAR_MIN_AXES,
    TEXT,
    _chart,
    _float,
    _framework_line,
    _labels,
    _language,
    _num,
    _plan_rows,
    _provenance,
    _render,
    _share,
    _subject_texts,
    format_percent,
    text,
)
from wimcheck.reports.markdown_common import (
    _about,
    _chart_table,
    _footer,
    _plan,
    _table,
    md,
    md_block,
)


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _group_section(
    index: int, group: Mapping[str, Any], people: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    subject = "organisation" if group.get("subject") == "organisation" else "person"
    section: dict[str, Any] = {
        "index": index,
        "subject": subject,
        "title": TEXT["group.title"].format(
            role=str(group.get("role_title") or group.get("role") or ""),
            framework=str(group.get("framework_title") or group.get("framework") or ""),
        ),
        "framework_line": _framework_line(group),
        "size": TEXT["group.size"].format(count=_num(group.get("respondents"))),
        "shown": bool(group.get("shown")),
        "t": _subject_texts(subject),
    }
    if not section["shown"]:
        section["note"] = TEXT["group.hidden"].format(note=str(group.get("note") or ""))
        return section

    # only for a group that is shown: look at its members' results for names and titles
    members = [
        p
        for p in people
        if p.get("framework") == group.get("framework") and p.get("role") == group.get("role")
    ]
    scale = group.get("scale") or {}
    labels = _labels(members[0].get("scale") or {}) if members else {}
    minimum = _float(scale.get("min"))
    maximum = _float(scale.get("max"))
    minimum = minimum if minimum is not None else float(min(labels, default=0))
    maximum = maximum if maximum is not None else float(max(labels, default=1))

    competences: list[Mapping[str, Any]] = list(group.get("competences") or [])
    area_titles: dict[str, str] = {}
    for member in members[:1]:
        for area in member.get("areas") or []:
            area_titles[str(area.get("id"))] = str(area.get("title") or area.get("id") or "")
    for rel in group.get("reliability") or []:
        area_titles.setdefault(str(rel.get("area")), str(rel.get("title") or rel.get("area")))
    titles = {str(c.get("id")): str(c.get("title") or c.get("id") or "") for c in competences}

    area_ids = list(dict.fromkeys(str(c.get("area")) for c in competences))
    area_means: list[float | None] = []
    area_targets: list[float | None] = []
    for area_id in area_ids:
        members_here = [c for c in competences if str(c.get("area")) == area_id]
        with_mean = [c for c in members_here if _float(c.get("mean")) is not None]
        area_means.append(_mean([float(c["mean"]) for c in with_mean]))
        basis = with_mean or members_here
        area_targets.append(_mean([t for c in basis if (t := _float(c.get("target"))) is not None]))
    charts = []
    area_labels = [area_titles.get(a, a) for a in area_ids]
    if area_ids:
        charts.append(
            _chart(
                f"group{index}-areas",
                TEXT["h.group-chart"],
                TEXT["chart.group.title"],
                TEXT["col.area"],
                area_labels,
                [
                    Series(TEXT["series.group"], area_means, "level"),
                    Series(TEXT["series.group-target"], area_targets, "target"),
                ],
                minimum,
                maximum,
                level_heading=TEXT["col.mean"],
                gap_column=False,
            )
        )
    with_mean = [c for c in competences if _float(c.get("mean")) is not None]
    if RADAR_MIN_AXES <= len(with_mean) <= RADAR_MAX_COMPETENCES:
        charts.append(
            _chart(
                f"group{index}-competences",
                text("h.group-competence-chart", subject),
                TEXT["chart.group-competences.title"],
                text("col.competence", subject),
                [str(c.get("title") or c.get("id") or "") for c in with_mean],
                [
                    Series(
                        TEXT["series.group"], [_float(c.get("mean")) for c in with_mean], "level"
                    ),
                    Series(
                        TEXT["series.group-target"],
                        [_float(c.get("target")) for c in with_mean],
                        "target",
                    ),
                ],
                minimum,
                maximum,
                numbered=True,
                level_heading=TEXT["col.mean"],
                gap_column=False,
            )
        )
    rows = []
    for comp in competences:
        distribution = comp.get("distribution") or {}
        counts = sorted(
            ((str(k), int(v)) for k, v in distribution.items()),
            key=lambda kv: _float(kv[0]) or 0.0,
        )
        title = str(comp.get("title") or comp.get("id") or "")
        rows.append(
            {
                "id": str(comp.get("id") or ""),
                "title": title,
                "area": area_titles.get(str(comp.get("area")), str(comp.get("area") or "")),
                "target": _num(comp.get("target")),
                "scored": _num(comp.get("scored")),
                "mean": _num(comp.get("mean")),
                "min": _num(comp.get("min")),
                "median": _num(comp.get("median")),
                "max": _num(comp.get("max")),
                "below": _share(comp.get("below_target")),
                "mean_gap": _num(comp.get("mean_gap")),
                "counts": counts,
                "dist_label": TEXT["dist.label"].format(
                    title=title,
                    counts=", ".join(
                        TEXT["dist.count"].format(value=v, count=n) for v, n in counts
                    ),
                    target=_num(comp.get("target")),
                ),
                "target_value": _float(comp.get("target")),
            }
        )

    reliability = []
    for rel in group.get("reliability") or []:
        reliability.append(
            {
                "title": area_titles.get(str(rel.get("area")), str(rel.get("title") or "")),
                "item_count": _num(rel.get("items")),
                "respondents": _num(rel.get("respondents")),
                "alpha": _num(rel.get("alpha"), 3),
                "item_total": [
                    (str(it.get("statement") or ""), _num(it.get("r"), 3))
                    for it in rel.get("item_total") or []
                ],
                "warning": str(rel.get("warning") or ""),
            }
        )

    plan = _plan_rows(list(group.get("plan") or []), titles)
    readiness = group.get("readiness_mean")
    section.update(
        {
            "readiness": TEXT["group.readiness"].format(value=format_percent(readiness))
            if readiness is not None
            else TEXT["readiness.none"],
            "charts": charts,
            "table_explain": TEXT["group.table.explain"].format(
                min=_num(minimum), max=_num(maximum)
            ),
            "rows": rows,
            "plan": plan,
            "plan_total": TEXT["plan.total"].format(hours=_num(group.get("plan_hours") or 0)),
            "reliability": reliability,
            "members": [str(m.get("respondent") or "") for m in members],
            "members_heading": TEXT["group.respondents"].format(count=len(members)),
        }
    )
    return section


def group_view(data: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the group report says, as plain (unescaped) strings and numbers."""
    people: list[Mapping[str, Any]] = list(data.get("respondents") or [])
    groups: list[Mapping[str, Any]] = list(data.get("cohort") or [])
    sections = [_group_section(i, g, people) for i, g in enumerate(groups, start=1)]
    frameworks = ", ".join(
        dict.fromkeys(str(g.get("framework_title") or g.get("framework") or "") for g in groups)
    )
    errors = []
    for issue in data.get("errors") or []:
        if isinstance(issue, Mapping):
            where = str(issue.get("file") or "")
            if issue.get("where"):
                where = f"{where}:{issue['where']}"
            errors.append(TEXT["error.line"].format(where=where, reason=str(issue.get("reason"))))
        else:
            errors.append(str(issue))
    abouts = []
    seen: set[str] = set()
    for person in people:
        framework = str(person.get("framework") or "")
        if framework in seen or not any(
            g.get("framework") == framework and g.get("shown") for g in groups
        ):
            continue
        seen.add(framework)
        about = _provenance(person)
        about["framework"] = str(person.get("framework_title") or framework)
        abouts.append(about)
    lang = next((str(p["language"]) for p in people if p.get("language")), "en")
    return {
        "kind": "group",
        "lang": _language(lang),
        "doc_title": TEXT["group.doc-title"].format(frameworks=frameworks),
        "heading": TEXT["group.heading"],
        "summary": TEXT["group.summary"].format(people=len(people), groups=len(groups)),
        "self_assessed": TEXT["group.self-assessed"],
        "no_cohort": TEXT["group.no-cohort"] if data.get("cohort") is None else "",
        "sections": sections,
        "errors": errors,
        "abouts": abouts,
        "t": _subject_texts("person"),
    }


def group_html(data: dict[str, Any]) -> str:
    """The group report of ``wimcheck score --cohort --format json`` output as HTML."""
    return _render("group.html", group_view(data))


def group_markdown(data: dict[str, Any]) -> str:
    """The group report of ``wimcheck score --cohort --format json`` output as Markdown."""
    view = group_view(data)
    t = view["t"]
    out = [f"# {md(view['heading'])}", "", md_block(view["summary"]), ""]
    out += [f"> {md(view['self_assessed'])}", ""]
    if view["no_cohort"]:
        out += [md_block(view["no_cohort"]), ""]
    for section in view["sections"]:
        st = section["t"]
        out += [f"## {md(section['title'])}", ""]
        out += [md_block(section["framework_line"]) + "  ", md_block(section["size"]), ""]
        if not section["shown"]:
            out += [f"> {md(section['note'])}", ""]
            continue
        out += [f"**{md(section['readiness'])}**", ""]
        for chart in section["charts"]:
            if not chart.numbered:
                out += _chart_table(chart)
        out += [f"### {md(st['h.group-table'])}", "", md_block(section["table_explain"]), ""]
        out += _table(
            [
                st["col.competence"],
                t["col.target"],
                t["col.mean"],
                t["col.min"],
                t["col.median"],
                t["col.max"],
                t["col.below"],
                t["col.mean-gap"],
                t["col.distribution"],
            ],
            [
                [
                    f"{r['title']} ({r['id']})",
                    r["target"],
                    r["mean"],
                    r["min"],
                    r["median"],
                    r["max"],
                    r["below"],
                    r["mean_gap"],
                    " · ".join(f"{value}: {count}" for value, count in r["counts"]),
                ]
                for r in section["rows"]
            ],
            1,
        )
        out.append("")
        out += [f"### {md(t['h.group-plan'])}", ""]
        if section["plan"]:
            out += [md_block(t["group.plan.explain"]), ""]
            out += _plan(section["plan"], group=True)
            out += ["", f"**{md(section['plan_total'])}**", ""]
        else:
            out += [md_block(t["plan.empty"]), ""]
        if section["reliability"]:
            out += [f"### {md(t['h.reliability'])}", "", md_block(t["reliability.explain"]), ""]
            out += _table(
                [
                    t["col.area"],
                    t["col.items"],
                    t["col.complete"],
                    t["col.alpha"],
                    t["col.warning"],
                ],
                [
                    [r["title"], r["item_count"], r["respondents"], r["alpha"], r["warning"]]
                    for r in section["reliability"]
                ],
                1,
            )
            out += ["", f"{md(t['col.item-total'])}:", ""]
            for r in section["reliability"]:
                pairs = ", ".join(f"{statement} {value}" for statement, value in r["item_total"])
                out.append(f"- {md(r['title'])}: {md(pairs)}")
            out.append("")
        if section["members"]:
            out += [
                f"**{md(section['members_heading'])}:** {md(', '.join(section['members']))}",
                "",
            ]
    if view["errors"]:
        out += [f"## {md(t['h.errors'])}", "", md_block(t["errors.explain"]), ""]
        out += [f"- {md(e)}" for e in view["errors"]]
        out.append("")
    for about in view["abouts"]:
        out += _about(about, f"{t['h.about']}: {about['framework']}")
    out += _footer()
    return "\n".join(out)
