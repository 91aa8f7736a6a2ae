"""Reports as Markdown, for pasting into documents and e-mails: headings, short tables, lists.

The Markdown says what the HTML reports say: both render the views built by
:mod:`wimcheck.reports.html`. There are no charts; their data is given as tables.

Every text from the data is untrusted and escaped with :func:`md`, so that it renders
as plain text: no emphasis, links, images, HTML or table breaks can be smuggled in.
Links are written only for ``http://`` and ``https://`` addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from wimcheck import __version__
from wimcheck.reports.html import (
    TEXT,
    Chart,
    compare_view,
    group_view,
    person_view,
    safe_url,
)

__all__ = [
    "compare_markdown",
    "group_markdown",
    "md",
    "md_block",
    "person_markdown",
]

# characters that start or end Markdown syntax anywhere in a line
_INLINE = re.compile(r"([\\`*_\[\]<>|#~])")
# an HTML entity or character reference, which Markdown would turn into a character
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# what makes a line a list item, a heading underline, a quote or a code block
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md(text: Any) -> str:
    """``text`` as inline Markdown that renders as the plain text it is (one line)."""
    flat = " ".join(str(text).split())
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))


def md_block(text: Any) -> str:
    """``text`` as a paragraph: :func:`md`, and a leading list or heading marker escaped."""
    escaped = md(text)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    marker = match.group(2)
    if marker.isdigit():
        # "1." or "1)" would start a numbered list: escape the punctuation after the digits
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]


def _url(url: str) -> str:
    """A link destination that cannot end the link early."""
    return re.sub(r"[()<>\s\\\[\]\"]", lambda m: f"%{ord(m.group(0)):02X}", url)


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int) -> list[str]:
    """A GFM table; columns from ``numeric_from`` on are right-aligned."""
    align = ["---:" if i >= numeric_from else "---" for i in range(len(columns))]
    lines = [
        "| " + " | ".join(md(c) for c in columns) + " |",
        "| " + " | ".join(align) + " |",
    ]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    return lines


def _chart_table(chart: Chart) -> list[str]:
    lines = [f"### {md(chart.heading)}", ""]
    lines += _table(chart.columns, chart.rows, 2 if chart.numbered else 1)
    return [*lines, ""]


def _facts(facts: Sequence[tuple[str, str]]) -> list[str]:
    return [f"- **{md(label)}:** {md(value)}" for label, value in facts]


def _about(about: Mapping[str, Any], heading: str) -> list[str]:
    lines = [f"## {md(heading)}", ""]
    if about["published"]:
        lines += [f"**{md(TEXT['about.published'])}** {md(about['published'])}", ""]
    if about["authored"]:
        lines += [f"**{md(TEXT['about.authored'])}** {md(about['authored'])}", ""]
    if about["sources"]:
        lines += [f"### {md(TEXT['about.sources'])}", ""]
        for source in about["sources"]:
            href = safe_url(source["url"])
            if href:
                lines.append(f"- [{md(source['title'])}]({_url(href)})")
            elif source["url"] and source["url"] != source["title"]:
                lines.append(f"- {md(source['title'])} ({md(source['url'])})")
            else:
                lines.append(f"- {md(source['title'])}")
        lines.append("")
    if about["licence"]:
        lines += [md_block(TEXT["about.licence"].format(licence=about["licence"])), ""]
    return lines


def _plan(rows: Sequence[Mapping[str, Any]], group: bool) -> list[str]:
    lines = []
    for number, row in enumerate(rows, start=1):
        facts = [
            f"{row['hours']} h",
            f"{TEXT['col.eqf']} {row['eqf']}",
        ]
        if group:
            facts.append(f"{TEXT['col.group-priority']} {row['group_priority']}")
            facts.append(f"{TEXT['col.per-hour']} {row['per_hour']}")
        else:
            facts.append(row["delivery"])
        lines.append(
            f"{number}. **{md(row['module'])} {md(row['title'])}** ({md(', '.join(facts))})  "
        )
        lines.append(f"   {md(TEXT['col.addresses'])}: {md('; '.join(row['covers']))}")
        if row["notes"]:
            lines[-1] += "  "
            lines.append(f"   {md(' '.join(row['notes']))}")
    return lines


def _footer() -> list[str]:
    return ["---", "", md_block(TEXT["about.generated"].format(version=__version__)), ""]


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
