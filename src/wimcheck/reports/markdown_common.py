"""Shared pieces of the Markdown reports: escaping, tables, facts, plans.

Every text from the data is untrusted and escaped with :func:`md`
(:mod:`wimcheck.markdown_text`), so that it renders as plain text: no emphasis, links,
autolinked addresses, images, HTML or table breaks can be smuggled in.
Links are written only for ``http://`` and ``https://`` addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from wimcheck import __version__
from wimcheck.markdown_text import md as md
from wimcheck.markdown_text import md_block as md_block
from wimcheck.reports.html_common import TEXT, Chart
from wimcheck.reports.view_parts import AboutView, PlanRow, SourceView, safe_url


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


def _source_line(source: SourceView) -> str:
    href = safe_url(source.url)
    if href:
        return f"- [{md(source.title)}]({_url(href)})"
    if source.url and source.url != source.title:
        return f"- {md(source.title)} ({md(source.url)})"
    return f"- {md(source.title)}"


def about_lines(about: AboutView, heading: str) -> list[str]:
    """The "About" part of a report: what was published, what was written, sources, licence."""
    lines = [f"## {md(heading)}", ""]
    if about.published:
        lines += [f"**{md(TEXT['about.published'])}** {md(about.published)}", ""]
    if about.authored:
        lines += [f"**{md(TEXT['about.authored'])}** {md(about.authored)}", ""]
    lines += [line for text in about.translation for line in (md_block(text), "")]
    if about.sources:
        lines += [f"### {md(TEXT['about.sources'])}", ""]
        lines += [_source_line(source) for source in about.sources]
        lines.append("")
    if about.licence:
        lines += [md_block(TEXT["about.licence"].format(licence=about.licence)), ""]
    return lines


def _plan(rows: Sequence[PlanRow], group: bool) -> list[str]:
    lines = []
    for number, row in enumerate(rows, start=1):
        facts = [f"{row.hours} h", f"{TEXT['col.eqf']} {row.eqf}"]
        if group:
            facts.append(f"{TEXT['col.group-priority']} {row.group_priority}")
            facts.append(f"{TEXT['col.per-hour']} {row.per_hour}")
        else:
            facts.append(row.delivery)
        lines.append(f"{number}. **{md(row.module)} {md(row.title)}** ({md(', '.join(facts))})  ")
        lines.append(f"   {md(TEXT['col.addresses'])}: {md('; '.join(row.covers))}")
        if row.notes:
            lines[-1] += "  "
            lines.append(f"   {md(' '.join(row.notes))}")
    return lines


def _footer() -> list[str]:
    return ["---", "", md_block(TEXT["about.generated"].format(version=__version__)), ""]
