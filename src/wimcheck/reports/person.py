"""The report of one person: the view of a result, rendered as HTML and as Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wimcheck.reports.charts import (
    Series,
)
from wimcheck.reports.html_common import (
    RADAR_MAX_COMPETENCES,
    RADAR_MIN_AXES,
    TEXT,
    TOP_PRIORITIES,
    Chart,
    _answer_text,
    _chart,
    _date,
    _float,
    _framework_line,
    _gap_state,
    _labels,
    _language,
    _not_enough,
    _num,
    _plan_rows,
    _provenance,
    _reading,
    _render,
    _subject_texts,
    format_percent,
    text,
)
from wimcheck.reports.markdown_common import (
    _about,
    _chart_table,
    _facts,
    _footer,
    _plan,
    _table,
    md,
    md_block,
)


def person_view(result: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the person report says, as plain (unescaped) strings and numbers."""
    subject = "organisation" if result.get("subject") == "organisation" else "person"
    easy = bool(result.get("easy_read"))
    scale = result.get("scale") or {}
    labels = _labels(scale)
    descriptors = _labels(scale, "descriptors")
    smin = _float(scale.get("min"))
    smax = _float(scale.get("max"))
    minimum = smin if smin is not None else float(min(labels, default=0))
    maximum = smax if smax is not None else float(max(labels, default=1))
    competences: list[Mapping[str, Any]] = list(result.get("competences") or [])
    areas: list[Mapping[str, Any]] = list(result.get("areas") or [])
    titles = {str(c.get("id")): str(c.get("title") or c.get("id") or "") for c in competences}
    respondent = str(result.get("respondent") or "")
    role_title = str(result.get("role_title") or result.get("role") or "")

    started, finished = _date(result.get("started")), _date(result.get("finished"))
    if started and finished and started != finished:
        dates = TEXT["dates.range"].format(started=started, finished=finished)
    else:
        dates = finished or started or TEXT["dates.none"]

    readiness = _float(result.get("readiness"))
    scored = int(result.get("scored_competences") or 0)
    readiness_line = (
        TEXT["readiness.value"].format(value=format_percent(readiness))
        if readiness is not None
        else TEXT["readiness.none"]
    )
    summary = []
    if competences and scored < len(competences):
        summary.append(text("scored.some", subject, scored=scored, total=len(competences)))
    scale_line = ""
    if labels:
        lo, hi = min(labels), max(labels)
        scale_line = TEXT["scale.line"].format(
            min=lo, min_label=labels[lo], max=hi, max_label=labels[hi]
        )

    level_name = text("series.level", subject)
    target_name = text("series.target", subject)
    charts: list[Chart] = []
    if areas:
        charts.append(
            _chart(
                "areas",
                text("h.areas-chart", subject),
                TEXT["chart.areas.title"],
                TEXT["col.area"],
                [str(a.get("title") or a.get("id") or "") for a in areas],
                [
                    Series(level_name, [_float(a.get("level")) for a in areas], "level"),
                    Series(target_name, [_float(a.get("target")) for a in areas], "target"),
                ],
                minimum,
                maximum,
            )
        )
    scored_comps = [c for c in competences if _float(c.get("level")) is not None]
    if RADAR_MIN_AXES <= len(scored_comps) <= RADAR_MAX_COMPETENCES:
        charts.append(
            _chart(
                "competences",
                text("h.competences-chart", subject),
                text("chart.competences.title", subject),
                text("col.competence", subject),
                [str(c.get("title") or c.get("id") or "") for c in scored_comps],
                [
                    Series(level_name, [_float(c.get("level")) for c in scored_comps], "level"),
                    Series(target_name, [_float(c.get("target")) for c in scored_comps], "target"),
                ],
                minimum,
                maximum,
                numbered=True,
            )
        )

    gap_groups = []
    area_titles = {str(a.get("id")): str(a.get("title") or a.get("id") or "") for a in areas}
    for area_id in dict.fromkeys(str(c.get("area")) for c in competences):
        rows = []
        for comp in (c for c in competences if str(c.get("area")) == area_id):
            level, target = _float(comp.get("level")), _float(comp.get("target"))
            scored_here = level is not None and comp.get("status", "scored") == "scored"
            rows.append(
                {
                    "id": str(comp.get("id") or ""),
                    "title": str(comp.get("title") or comp.get("id") or ""),
                    "scored": scored_here,
                    "level": level,
                    "target": target,
                    "numbers": _gap_state(comp) if scored_here else _not_enough(comp),
                    "bar_label": TEXT["gap.bar-label"].format(
                        level=_num(level),
                        target=_num(target),
                        min=_num(minimum),
                        max=_num(maximum),
                    )
                    if scored_here
                    else TEXT["gap.bar-label.missing"].format(target=_num(target)),
                }
            )
        gap_groups.append({"title": area_titles.get(area_id, area_id), "rows": rows})

    with_gap = [c for c in competences if (_float(c.get("gap")) or 0) > 0]
    priorities = [
        {
            "rank": rank,
            "id": str(c.get("id") or ""),
            "title": str(c.get("title") or c.get("id") or ""),
            "gap": _num(c.get("gap")),
            "weight": _num(c.get("weight")),
            "priority": _num(c.get("priority")),
        }
        for rank, c in enumerate(
            sorted(with_gap, key=lambda c: -(_float(c.get("priority")) or 0))[:TOP_PRIORITIES],
            start=1,
        )
    ]

    plan_items: list[Mapping[str, Any]] = list(result.get("plan") or [])
    plan = _plan_rows(plan_items, titles)
    budget = result.get("hours_budget")
    plan_note = " ".join(
        [
            TEXT["plan.total"].format(hours=_num(result.get("plan_hours") or 0)),
            TEXT["plan.budget"].format(hours=_num(budget))
            if budget is not None
            else TEXT["plan.no-budget"],
        ]
    )
    open_gaps = [titles.get(str(g), str(g)) for g in result.get("open_gaps") or []]

    no_gaps = ""
    next_step = ""
    if not with_gap:
        no_gaps = text("no-gaps", subject) if scored else TEXT["no-scores"]
        step = result.get("next_step")
        if step:
            next_step = TEXT["next-step"].format(
                title=str(step.get("title") or step.get("competence") or ""),
                level=_num(step.get("level")),
                label=str(step.get("label") or ""),
            )

    readings = [
        {
            "title": str(a.get("title") or a.get("id") or ""),
            "sentences": _reading(a, subject, easy, labels, descriptors),
        }
        for a in areas
    ]

    answer_groups = []
    answers: list[Mapping[str, Any]] = list(result.get("answers") or [])
    for comp_id in dict.fromkeys(str(a.get("competence")) for a in answers):
        answer_groups.append(
            {
                "title": titles.get(comp_id, comp_id),
                "id": comp_id,
                "rows": [
                    {
                        "id": str(a.get("statement") or ""),
                        "text": str(a.get("text") or ""),
                        "answer": _answer_text(a.get("answer"), labels),
                        "reverse": bool(a.get("reverse")),
                    }
                    for a in answers
                    if str(a.get("competence")) == comp_id
                ],
            }
        )

    return {
        "kind": "person",
        "subject": subject,
        "easy_read": easy,
        "lang": _language(result.get("language")),
        "doc_title": TEXT["person.doc-title"].format(respondent=respondent, role=role_title),
        "heading": TEXT["person.heading"],
        "facts": [
            (TEXT["label.respondent"], respondent),
            (text("label.role", subject), role_title),
            (
                TEXT["label.framework"],
                _framework_line(result),
            ),
            (TEXT["label.answered"], dates),
        ],
        "assisted": TEXT["assisted"].format(name=str(result["assisted_by"]))
        if result.get("assisted_by")
        else "",
        "self_assessed": text("self-assessed", subject),
        "readiness": format_percent(readiness) if readiness is not None else None,
        "readiness_line": readiness_line,
        "summary": summary,
        "readiness_explain": text("readiness.explain", subject),
        "scale_line": scale_line,
        "charts": charts,
        "gap_groups": gap_groups,
        "minimum": minimum,
        "maximum": maximum,
        "priorities": priorities,
        "plan": plan,
        "plan_note": plan_note,
        "open_gaps": open_gaps,
        "no_gaps": no_gaps,
        "next_step": next_step,
        "readings": readings,
        "answer_groups": answer_groups,
        "answers_explain": TEXT["answers.explain"].format(scale=str(scale.get("title") or "")),
        "about": _provenance(result),
        "t": _subject_texts(subject),
    }


def person_html(result: dict[str, Any]) -> str:
    """One person's (or organisation's) result as a self-contained HTML page."""
    return _render("person.html", person_view(result))


def person_markdown(result: dict[str, Any]) -> str:
    """One person's (or organisation's) result as Markdown."""
    view = person_view(result)
    t = view["t"]
    out = [f"# {md(view['heading'])}", ""]
    out += _facts(view["facts"])
    if view["assisted"]:
        out.append(f"- {md(view['assisted'])}")
    out += ["", f"> {md(view['self_assessed'])}", ""]

    def reading() -> list[str]:
        lines = [f"## {md(t['h.reading'])}", ""]
        lines += [f"- {md(' '.join(r['sentences']))}" for r in view["readings"]]
        return [*lines, ""]

    if view["easy_read"] and view["readings"]:
        out += reading()
    out += [f"## {md(t['h.summary'])}", ""]
    readiness = (
        f"**{md(t['readiness.label'])}: {md(view['readiness'])} %** {md(t['readiness.figure'])}"
        if view["readiness"] is not None
        else f"**{md(view['readiness_line'])}**"
    )
    out += [readiness, ""]
    out += [md_block(line) + "  " for line in view["summary"]]
    out.append(md_block(view["readiness_explain"]) + ("  " if view["scale_line"] else ""))
    if view["scale_line"]:
        out.append(md_block(view["scale_line"]))
    out.append("")
    for chart in view["charts"]:
        out += _chart_table(chart)
    if not view["easy_read"] and view["readings"]:
        out += reading()

    out += [f"## {md(t['h.gaps'])}", ""]
    for group in view["gap_groups"]:
        out += [f"### {md(group['title'])}", ""]
        out += [
            f"- **{md(row['title'])}** ({md(row['id'])}): {md(row['numbers'])}"
            for row in group["rows"]
        ]
        out.append("")

    if view["priorities"]:
        out += [f"## {md(t['h.priorities'])}", "", md_block(t["priorities.explain"]), ""]
        out += _table(
            [t["col.rank"], t["col.competence"], t["col.gap"], t["col.weight"], t["col.priority"]],
            [
                [str(p["rank"]), f"{p['title']} ({p['id']})", p["gap"], p["weight"], p["priority"]]
                for p in view["priorities"]
            ],
            2,
        )
        out += ["", f"## {md(t['h.plan'])}", ""]
        if view["plan"]:
            out += [md_block(t["plan.explain"]), ""]
            out += _plan(view["plan"], group=False)
            out.append("")
        else:
            out += [md_block(t["plan.empty"]), ""]
        out += [f"**{md(view['plan_note'])}**", ""]
        if view["open_gaps"]:
            out += [md_block(t["plan.open-gaps"]), ""]
            out += [f"- {md(g)}" for g in view["open_gaps"]]
            out.append("")
    else:
        out += [f"## {md(t['h.plan'])}", "", f"**{md(view['no_gaps'])}**", ""]
        if view["next_step"]:
            out += [md_block(view["next_step"]), ""]

    if view["answer_groups"]:
        out += [f"## {md(t['h.answers'])}", "", md_block(view["answers_explain"]), ""]
        for group in view["answer_groups"]:
            out += [f"### {md(group['title'])}", ""]
            for answer in group["rows"]:
                reverse = f" ({md(t['answer.reverse'])})" if answer["reverse"] else ""
                out.append(f"- {md(answer['text'])}{reverse} — **{md(answer['answer'])}**")
            out.append("")
    out += _about(view["about"], t["h.about"])
    out += _footer()
    return "\n".join(out)
