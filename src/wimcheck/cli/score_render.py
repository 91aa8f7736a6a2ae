"""The readable summary of ``wimcheck score`` (``--format table``)."""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wimcheck.batch import Scored


def _n(value: Any) -> str:
    from wimcheck.numbers import shown

    return shown(value, 1)


def render_table(
    scored: list[Scored], groups: list[dict[str, Any]] | None, *, no_color: bool = False
) -> str:
    """Respondents (and group profiles) as text tables."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if not scored:
        return "No respondent could be scored.\n"
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
    table = Table(title=f"Respondents ({len(scored)})", title_justify="left")
    for header in ("respondent", "framework", "role", "readiness %", "gaps", "largest gap"):
        table.add_column(header, overflow="fold")
    for item in scored:
        competences = item.framework.role_competences(item.role)
        gaps = [(g, c) for g, c in zip(item.row.gaps, competences, strict=True) if g]
        largest = max(gaps, key=lambda gc: gc[0], default=None)
        table.add_row(
            Text(item.respondent),
            Text(item.framework.id),
            Text(item.role.id),
            Text(_n(None if item.row.readiness is None else round(item.row.readiness, 1))),
            Text(str(len(gaps))),
            Text(f"{largest[1].title.en} ({_n(largest[0])})" if largest else "-"),
        )
    console.print(table)
    for group in groups or []:
        console.print()
        title = (
            f"Group: {group['framework']} / {group['role']} ({group['role_title']}), "
            f"{group['respondents']} respondents"
        )
        console.print(Text(title, style="bold"))
        if not group["shown"]:
            console.print(Text(f"  {group['note']}"))
            continue
        console.print(Text(f"  Mean readiness: {_n(group['readiness_mean'])} %"))
        comp_table = Table(show_edge=False)
        for header in (
            "competence",
            "target",
            "mean",
            "min",
            "median",
            "max",
            "below target",
            "mean gap",
        ):
            comp_table.add_column(header, overflow="fold")
        for row in group["competences"]:
            below = "-" if row["below_target"] is None else f"{round(100 * row['below_target'])} %"
            comp_table.add_row(
                Text(f"{row['id']} {row['title']}"),
                Text(_n(row["target"])),
                Text(_n(row["mean"])),
                Text(_n(row["min"])),
                Text(_n(row["median"])),
                Text(_n(row["max"])),
                Text(below),
                Text(_n(row["mean_gap"])),
            )
        console.print(comp_table)
        if group["plan"]:
            console.print(Text("  Modules that close the most group gap per hour:", style="bold"))
            for item in group["plan"]:
                console.print(
                    Text(
                        f"    {item['module']}  {item['title']} ({_n(item['hours'])} h, EQF {item['eqf']}): "
                        f"{', '.join(item['covers']) or 'needed first'}"
                    )
                )
        if group["reliability"]:
            console.print(Text("  Reliability per area (Cronbach's alpha):", style="bold"))
            for area in group["reliability"]:
                line = f"    {area['title']}: alpha {_n(area['alpha']) if area['alpha'] is None else area['alpha']}"
                line += f" ({area['items']} items, {area['respondents']} complete answer sets)"
                if area["warning"]:
                    line += f" - {area['warning']}"
                console.print(Text(line))
    return buffer.getvalue()
