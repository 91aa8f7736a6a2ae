"""The readable summary of ``wimcheck score`` (``--format table``)."""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wimcheck.batch.inputs import Scored


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

    from wimcheck.messages import t

    if not scored:
        return t("score.none") + "\n"
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
    table = Table(title=t("score.respondents", count=len(scored)), title_justify="left")
    for header in t("score.columns").split("|"):
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
        title = t(
            "score.group",
            id=group["framework"],
            role=group["role"],
            role_title=group["role_title"],
            count=group["respondents"],
        )
        console.print(Text(title, style="bold"))
        if not group["shown"]:
            console.print(Text(f"  {group['note']}"))
            continue
        console.print(Text(t("score.mean-readiness", value=_n(group["readiness_mean"]))))
        comp_table = Table(show_edge=False)
        for header in t("score.group.columns").split("|"):
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
            console.print(Text(t("score.group.plan"), style="bold"))
            for item in group["plan"]:
                console.print(
                    Text(
                        t(
                            "score.group.module",
                            id=item["module"],
                            title=item["title"],
                            hours=_n(item["hours"]),
                            eqf=item["eqf"],
                            covers=", ".join(item["covers"]) or t("report.plan.first"),
                        )
                    )
                )
        if group["reliability"]:
            console.print(Text(t("score.reliability"), style="bold"))
            for area in group["reliability"]:
                alpha = _n(area["alpha"]) if area["alpha"] is None else area["alpha"]
                line = t(
                    "score.alpha",
                    title=area["title"],
                    alpha=alpha,
                    items=area["items"],
                    count=area["respondents"],
                )
                if area["warning"]:
                    line += f" - {area['warning']}"
                console.print(Text(line))
    return buffer.getvalue()
