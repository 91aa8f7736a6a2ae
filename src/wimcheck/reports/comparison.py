"""The before/after report: the view of a comparison, rendered as HTML and as Markdown."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from wimcheck.reports.html_common import (
    RADAR_MAX_COMPETENCES,
    RADAR_MIN_AXES,
    TEXT,
    _before_after_chart,
    _date,
    _float,
    _framework_line,
    _labels,
    _language,
    _num,
    _render,
    _subject_texts,
    format_change,
    format_percent,
    text,
)
from wimcheck.reports.markdown_common import _chart_table, _facts, _footer, _table, md, md_block


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


def compare_view(comparison: Mapping[str, Any]) -> dict[str, Any]:
    """Everything a comparison report says, as plain (unescaped) strings and numbers."""
    subject = "organisation" if comparison.get("subject") == "organisation" else "person"
    kind = "group" if comparison.get("kind") == "group" else "person"
    role_title = str(comparison.get("role_title") or comparison.get("role") or "")
    competences: list[Mapping[str, Any]] = list(comparison.get("competences") or [])
    titles = {str(c.get("id")): str(c.get("title") or c.get("id") or "") for c in competences}
    scale = comparison.get("scale") or {}
    labels = _labels(scale)
    before_name, after_name = TEXT["series.before"], TEXT["series.after"]
    framework_line = _framework_line(comparison)

    def scale_bounds(values: Sequence[float | None]) -> tuple[float, float]:
        smin, smax = _float(scale.get("min")), _float(scale.get("max"))
        known = [v for v in values if v is not None]
        lo = smin if smin is not None else float(min(labels, default=0))
        hi = smax if smax is not None else float(max(labels, default=max(known, default=1)))
        if smax is None and known:
            hi = max(hi, float(math.ceil(max(known))))
        return lo, hi

    view: dict[str, Any] = {
        "kind": f"compare-{kind}",
        "compare_kind": kind,
        "subject": subject,
        "lang": _language(comparison.get("language")),
        "framework_line": framework_line,
        "role_title": role_title,
        "t": _subject_texts(subject),
        "self_assessed": text("self-assessed", subject)
        if kind == "person"
        else TEXT["group.self-assessed"],
    }

    if kind == "person":
        respondent = str(comparison.get("respondent") or "")
        before = comparison.get("before") or {}
        after = comparison.get("after") or {}
        areas: list[Mapping[str, Any]] = list(comparison.get("areas") or [])
        all_values = [_float(a.get(k)) for a in areas for k in ("before", "after")]
        all_values += [_float(c.get(k)) for c in competences for k in ("before", "after")]
        minimum, maximum = scale_bounds(all_values)
        charts = []
        if areas:
            charts.append(
                _before_after_chart(
                    "compare-areas",
                    TEXT["h.compare-chart"],
                    TEXT["chart.compare.title"],
                    TEXT["col.area"],
                    areas,
                    (before_name, after_name),
                    ("before", "after", "change"),
                    minimum,
                    maximum,
                )
            )
        comparable = [
            c
            for c in competences
            if _float(c.get("before")) is not None or _float(c.get("after")) is not None
        ]
        if RADAR_MIN_AXES <= len(comparable) <= RADAR_MAX_COMPETENCES:
            charts.append(
                _before_after_chart(
                    "compare-competences",
                    text("h.compare-competence-chart", subject),
                    TEXT["chart.compare-competences.title"],
                    text("col.competence", subject),
                    comparable,
                    (before_name, after_name),
                    ("before", "after", "change"),
                    minimum,
                    maximum,
                    numbered=True,
                )
            )
        change = comparison.get("readiness_change")
        view.update(
            {
                "doc_title": TEXT["compare.doc-title"].format(who=respondent, role=role_title),
                "heading": TEXT["compare.heading"],
                "facts": [
                    (TEXT["label.respondent"], respondent),
                    (text("label.role", subject), role_title),
                    (TEXT["label.framework"], framework_line),
                ],
                "sides": [
                    (
                        TEXT["label.respondent"],
                        str(before.get("respondent") or respondent),
                        str(after.get("respondent") or respondent),
                    ),
                    (
                        TEXT["compare.file"],
                        str(before.get("file") or TEXT["none"]),
                        str(after.get("file") or TEXT["none"]),
                    ),
                    (
                        TEXT["compare.finished"],
                        _date(before.get("finished")) or TEXT["none"],
                        _date(after.get("finished")) or TEXT["none"],
                    ),
                    (
                        TEXT["compare.readiness"],
                        f"{format_percent(before.get('readiness'))} %"
                        if before.get("readiness") is not None
                        else TEXT["none"],
                        f"{format_percent(after.get('readiness'))} %"
                        if after.get("readiness") is not None
                        else TEXT["none"],
                    ),
                ],
                "readiness_change": TEXT["compare.readiness-change"].format(
                    change=format_change(round(float(change), 1))
                )
                if change is not None
                else TEXT["compare.readiness-none"],
                "charts": charts,
                "rows": [
                    {
                        "id": str(c.get("id") or ""),
                        "title": str(c.get("title") or c.get("id") or ""),
                        "target": _num(c.get("target")),
                        "before": _num(c.get("before")),
                        "after": _num(c.get("after")),
                        "change": format_change(c.get("change")),
                        "status": TEXT.get(f"status.{c.get('status')}", str(c.get("status") or "")),
                    }
                    for c in competences
                ],
                "gaps_closed": [
                    titles.get(str(i), str(i)) for i in comparison.get("gaps_closed") or []
                ],
                "new_gaps": [titles.get(str(i), str(i)) for i in comparison.get("new_gaps") or []],
                "shown": True,
            }
        )
        return view

    shown = bool(comparison.get("shown", True))
    readiness = comparison.get("readiness") or {}
    view.update(
        {
            "doc_title": TEXT["compare.doc-title"].format(
                who=TEXT["group.heading"], role=role_title
            ),
            "heading": TEXT["compare.group-heading"],
            "facts": [
                (text("label.role", subject), role_title),
                (TEXT["label.framework"], framework_line),
            ],
            "pairs": TEXT["compare.pairs"].format(pairs=_num(comparison.get("pairs"))),
            "shown": shown,
        }
    )
    if not shown:
        view["note"] = TEXT["compare.hidden"].format(note=str(comparison.get("note") or ""))
        return view
    means = [_float(c.get(k)) for c in competences for k in ("before_mean", "after_mean")]
    minimum, maximum = scale_bounds(means)
    with_values = [
        c
        for c in competences
        if _float(c.get("before_mean")) is not None or _float(c.get("after_mean")) is not None
    ]
    charts = []
    if with_values:
        numbered = len(with_values) >= RADAR_MIN_AXES
        charts.append(
            _before_after_chart(
                "compare-group",
                text("h.compare-competence-chart", subject),
                TEXT["chart.compare-competences.title"],
                text("col.competence", subject),
                with_values,
                (before_name, after_name),
                ("before_mean", "after_mean", "mean_change"),
                minimum,
                maximum,
                numbered=numbered,
            )
        )
    view.update(
        {
            "readiness_line": TEXT["compare.group-readiness"].format(
                before=format_percent(readiness.get("before_mean")),
                after=format_percent(readiness.get("after_mean")),
                change=format_change(readiness.get("mean_change")),
            )
            if readiness
            else "",
            "charts": charts,
            "unpaired_before": [str(r) for r in comparison.get("unpaired_before") or []],
            "unpaired_after": [str(r) for r in comparison.get("unpaired_after") or []],
            "rows": [
                {
                    "id": str(c.get("id") or ""),
                    "title": str(c.get("title") or c.get("id") or ""),
                    "pairs": _num(c.get("pairs")),
                    "before": _num(c.get("before_mean")),
                    "after": _num(c.get("after_mean")),
                    "change": format_change(c.get("mean_change")),
                    "sd": _num(c.get("sd_change")),
                    "effect": _num(c.get("effect_size")),
                    "effect_word": _effect_word(_float(c.get("effect_size"))),
                }
                for c in competences
            ],
            "effect_explain": TEXT["effect.explain"],
        }
    )
    return view


def compare_html(comparison: dict[str, Any]) -> str:
    """A before/after comparison (of one person or of a group) as HTML."""
    return _render("compare.html", compare_view(comparison))


def compare_markdown(comparison: dict[str, Any]) -> str:
    """A before/after comparison (of one person or of a group) as Markdown."""
    view = compare_view(comparison)
    t = view["t"]
    out = [f"# {md(view['heading'])}", ""]
    out += _facts(view["facts"])
    out += ["", f"> {md(view['self_assessed'])}", ""]
    out += [f"## {md(t['h.summary'])}", ""]
    if view["compare_kind"] == "person":
        out += _table(
            [t["col.when"].strip() or "–", t["col.before"], t["col.after"]], view["sides"], 9
        )
        out += ["", f"**{md(view['readiness_change'])}**", ""]
        for chart in view["charts"]:
            if not chart.numbered:
                out += _chart_table(chart)
        out += [f"## {md(t['h.compare-table'])}", ""]
        out += _table(
            [
                t["col.competence"],
                t["col.target"],
                t["col.before"],
                t["col.after"],
                t["col.change"],
                t["col.status"],
            ],
            [
                [
                    f"{r['title']} ({r['id']})",
                    r["target"],
                    r["before"],
                    r["after"],
                    r["change"],
                    r["status"],
                ]
                for r in view["rows"]
            ],
            1,
        )
        out.append("")
        for key, items in (
            ("compare.gaps-closed", "gaps_closed"),
            ("compare.new-gaps", "new_gaps"),
        ):
            if view[items]:
                out += [md_block(t[key]), ""]
                out += [f"- {md(item)}" for item in view[items]]
                out.append("")
    else:
        out += [md_block(view["pairs"]), ""]
        if not view["shown"]:
            out += [f"> {md(view['note'])}", ""]
        else:
            if view["readiness_line"]:
                out += [f"**{md(view['readiness_line'])}**", ""]
            out += [f"## {md(t['h.compare-table'])}", "", md_block(view["effect_explain"]), ""]
            out += _table(
                [
                    t["col.competence"],
                    t["col.pairs"],
                    t["col.before-mean"],
                    t["col.after-mean"],
                    t["col.mean-change"],
                    t["col.sd-change"],
                    t["col.effect"],
                ],
                [
                    [
                        f"{r['title']} ({r['id']})",
                        r["pairs"],
                        r["before"],
                        r["after"],
                        r["change"],
                        r["sd"],
                        f"{r['effect']} ({r['effect_word']})" if r["effect_word"] else r["effect"],
                    ]
                    for r in view["rows"]
                ],
                1,
            )
            out.append("")
            if view["unpaired_before"]:
                out.append(
                    f"{md(t['compare.unpaired-before'])} {md(', '.join(view['unpaired_before']))}  "
                )
            if view["unpaired_after"]:
                out.append(
                    f"{md(t['compare.unpaired-after'])} {md(', '.join(view['unpaired_after']))}"
                )
            out.append("")
    out += _footer()
    return "\n".join(out)
