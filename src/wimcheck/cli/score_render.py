"""The readable summary of ``wimcheck score`` (``--format table``)."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wimcheck.cli.output import safe_text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from wimcheck.batch.group_model import CohortGroup, GroupProfile
    from wimcheck.batch.inputs import Scored


def _n(value: float | None) -> str:
    from wimcheck.i18n.formats import format_number

    return format_number(value, digits=1)


def render_table(
    scored: list[Scored], groups: Sequence[CohortGroup] | None, *, no_color: bool = False
) -> str:
    """Respondents (and group profiles) as text tables (``scored`` is not empty)."""
    from rich.console import Console

    buffer = io.StringIO()
    width = int(os.environ.get("COLUMNS", "0") or 0) or 110
    console = Console(
        file=buffer,
        width=width,
        no_color=no_color,
        highlight=False,
        emoji=False,
        force_terminal=not no_color and None,
    )
    console.print(_respondents_table(scored))
    for group in groups or ():
        console.print()
        _print_group(console, group)
    return buffer.getvalue()


def _respondents_table(scored: list[Scored]) -> Table:
    from rich.table import Table
    from rich.text import Text

    from wimcheck.assessment.responses import shown_respondent
    from wimcheck.i18n.formats import format_count
    from wimcheck.i18n.language import current_language
    from wimcheck.messages import t

    lang = current_language()  # the framework's texts too, as in every other format
    title = t("score.respondents", count=format_count(len(scored)))
    table = Table(title=title, title_justify="left")
    for header in t("score.columns").split("|"):
        table.add_column(header, overflow="fold")
    for item in scored:
        competences = item.framework.role_competences(item.role)
        gaps = [(g, c) for g, c in zip(item.row.gaps, competences, strict=True) if g]
        largest = max(gaps, key=lambda gc: gc[0], default=None)
        table.add_row(
            safe_text(shown_respondent(item.respondent)),
            safe_text(item.framework.id),
            safe_text(item.role.id),
            Text(_n(None if item.row.readiness is None else round(item.row.readiness, 1))),
            Text(str(len(gaps))),
            safe_text(f"{largest[1].title.get(lang)} ({_n(largest[0])})" if largest else "-"),
        )
    return table


def _print_group(console: Console, group: CohortGroup) -> None:
    from rich.text import Text

    from wimcheck.i18n.formats import format_count, format_percent
    from wimcheck.messages import t

    heading = group.heading
    title = t(
        "score.group",
        id=heading.framework,
        role=heading.role,
        role_title=heading.role_title,
        count=format_count(group.respondents),
    )
    console.print(safe_text(title, style="bold"))
    profile = group.profile
    if profile is None:
        console.print(safe_text(f"  {group.note}"))
        return
    mean = format_percent(profile.readiness_mean)
    console.print(Text(t("score.mean-readiness", value=mean)))
    console.print(_competence_table(profile))
    _print_plan(console, profile)
    _print_reliability(console, profile)


def _competence_table(profile: GroupProfile) -> Table:
    from rich.table import Table
    from rich.text import Text

    from wimcheck.i18n.formats import format_percent
    from wimcheck.messages import t

    table = Table(show_edge=False)
    for header in t("score.group.columns").split("|"):
        table.add_column(header, overflow="fold")
    for row in profile.competences:
        below = format_percent(
            None if row.below_target is None else 100 * row.below_target, digits=0
        )
        table.add_row(
            safe_text(f"{row.id} {row.title}"),
            Text(_n(row.target)),
            Text(_n(row.mean)),
            Text(_n(row.min)),
            Text(_n(row.median)),
            Text(_n(row.max)),
            Text(below),
            Text(_n(row.mean_gap)),
        )
    return table


def _print_plan(console: Console, profile: GroupProfile) -> None:
    from rich.text import Text

    from wimcheck.messages import t

    if not profile.plan:
        return
    console.print(Text(t("score.group.plan"), style="bold"))
    for item in profile.plan:
        line = t(
            "score.group.module",
            id=item.module,
            title=item.title,
            hours=_n(item.hours),
            eqf=item.eqf,
            covers=", ".join(item.covers) or t("report.plan.first"),
        )
        console.print(safe_text(line))


def _print_reliability(console: Console, profile: GroupProfile) -> None:
    from rich.text import Text

    from wimcheck.i18n.formats import format_count, format_number
    from wimcheck.messages import t

    if not profile.reliability:
        return
    console.print(Text(t("score.reliability"), style="bold"))
    for area in profile.reliability:
        line = t(
            "score.alpha",
            title=area.title,
            alpha=format_number(area.alpha, digits=3),
            items=format_count(area.items),
            count=format_count(area.respondents),
        )
        if area.warning:
            line += f" - {area.warning}"
        console.print(safe_text(line))
