"""The person report as Markdown: the layout of a :class:`~wimcheck.reports.person.PersonView`.

Every text from the view is escaped with :func:`~wimcheck.reports.markdown_common.md`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from wimcheck.reports.markdown_common import (
    _chart_table,
    _facts,
    _footer,
    _plan,
    _table,
    about_lines,
    md,
    md_block,
)

if TYPE_CHECKING:
    from wimcheck.reports.person import AnswerGroup, GapGroup, PersonView


def _header(view: PersonView) -> list[str]:
    out = [f"# {md(view.heading)}", ""]
    out += _facts(view.facts)
    if view.assisted:
        out.append(f"- {md(view.assisted)}")
    return [*out, "", f"> {md(view.self_assessed)}", ""]


def _reading(view: PersonView) -> list[str]:
    if not view.readings:
        return []
    lines = [f"## {md(view.t['h.reading'])}", ""]
    lines += [f"- {md(' '.join(r.sentences))}" for r in view.readings]
    return [*lines, ""]


def _summary(view: PersonView) -> list[str]:
    t = view.t
    out = [f"## {md(t['h.summary'])}", ""]
    readiness = (
        f"**{md(t['readiness.label'])}: {md(view.readiness)}** {md(t['readiness.figure'])}"
        if view.readiness is not None
        else f"**{md(view.readiness_line)}**"
    )
    out += [readiness, ""]
    out += [md_block(line) + "  " for line in view.summary]
    out.append(md_block(view.readiness_explain) + ("  " if view.scale_line else ""))
    if view.scale_line:
        out.append(md_block(view.scale_line))
    out.append("")
    for chart in view.charts:
        out += _chart_table(chart)
    return out


def _gap_group(group: GapGroup) -> list[str]:
    out = [f"### {md(group.title)}", ""]
    out += [f"- **{md(row.title)}** ({md(row.id)}): {md(row.numbers)}" for row in group.rows]
    return [*out, ""]


def _gaps(view: PersonView) -> list[str]:
    out = [f"## {md(view.t['h.gaps'])}", ""]
    for group in view.gap_groups:
        out += _gap_group(group)
    return out


def _priorities(view: PersonView, t: Mapping[str, str]) -> list[str]:
    out = [f"## {md(t['h.priorities'])}", "", md_block(t["priorities.explain"]), ""]
    return out + _table(
        [t["col.rank"], t["col.competence"], t["col.gap"], t["col.weight"], t["col.priority"]],
        [
            [str(p.rank), f"{p.title} ({p.id})", p.gap, p.weight, p.priority]
            for p in view.priorities
        ],
        2,
    )


def _plan_part(view: PersonView, t: Mapping[str, str]) -> list[str]:
    out = [f"## {md(t['h.plan'])}", ""]
    if view.plan:
        out += [md_block(t["plan.explain"]), ""]
        out += _plan(view.plan, group=False)
        out.append("")
    else:
        out += [md_block(t["plan.empty"]), ""]
    out += [f"**{md(view.plan_note)}**", ""]
    if view.open_gaps:
        out += [md_block(t["plan.open-gaps"]), ""]
        out += [f"- {md(g)}" for g in view.open_gaps]
        out.append("")
    return out


def _no_gaps(view: PersonView, t: Mapping[str, str]) -> list[str]:
    out = [f"## {md(t['h.plan'])}", "", f"**{md(view.no_gaps)}**", ""]
    if view.next_step:
        out += [md_block(view.next_step), ""]
    return out


def _answer_group(group: AnswerGroup, reverse_word: str) -> list[str]:
    out = [f"### {md(group.title)}", ""]
    for answer in group.rows:
        reverse = f" ({md(reverse_word)})" if answer.reverse else ""
        out.append(f"- {md(answer.text)}{reverse} — **{md(answer.answer)}**")
    return [*out, ""]


def _answers(view: PersonView) -> list[str]:
    if not view.answer_groups:
        return []
    t = view.t
    out = [f"## {md(t['h.answers'])}", "", md_block(view.answers_explain), ""]
    for group in view.answer_groups:
        out += _answer_group(group, t["answer.reverse"])
    return out


def person_view_markdown(view: PersonView) -> str:
    """The person report of ``view`` as Markdown."""
    t = view.t
    out = _header(view)
    if view.easy_read:
        out += _reading(view)
    out += _summary(view)
    if not view.easy_read:
        out += _reading(view)
    out += _gaps(view)
    if view.priorities:
        out += [*_priorities(view, t), ""]
        out += _plan_part(view, t)
    else:
        out += _no_gaps(view, t)
    out += _answers(view)
    out += about_lines(view.about, t["h.about"])
    out += _footer()
    return "\n".join(out)
