"""Rendering an assessment result for the terminal, from the result data.

Text from frameworks and response files is never interpreted as markup: lines are
built as ``rich.text.Text`` objects. Meaning never depends on colour: every bar has
its numbers beside it, and ``--plain`` drops bars and tables for screen readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

BAR_WIDTH = 20


def _n(value: Any) -> str:
    from wimcheck.numbers import shown

    return shown(value, 1)


def _bar(level: float, target: float, maximum: float, minimum: float) -> str:
    span = max(maximum - minimum, 1e-9)
    filled = round(BAR_WIDTH * (level - minimum) / span)
    mark = round(BAR_WIDTH * (target - minimum) / span)
    cells = ["█" if i < filled else "░" for i in range(BAR_WIDTH)]
    # the target is marked by a bar after its cell: "████░░│░░"
    cells.insert(max(0, min(mark, BAR_WIDTH)), "│")
    return "".join(cells)


def _nearest_label(result: dict[str, Any], level: float) -> str:
    labels = result["scale"]["labels"]
    value = min((int(v) for v in labels), key=lambda v: (abs(v - level), v))
    return f"{labels[str(value)]} ({value})"


def easy_read_lines(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The report in easy-read wording: short sentences, one idea each."""
    from wimcheck.messages import t

    out: list[tuple[str, str]] = [("bold", t("easy.title", name=result["respondent"])), ("", "")]
    if result.get("assisted_by"):
        out.append(("", t("easy.helped", name=result["assisted_by"])))
    out.append(("", t("easy.own-answers")))
    out.append(("", ""))
    reached = [c for c in result["competences"] if c["level"] is not None and not c["gap"]]
    learn = [c for c in result["competences"] if c["gap"]]
    unknown = [c for c in result["competences"] if c["level"] is None]
    if reached:
        out.append(("bold", t("easy.reached")))
        for comp in reached:
            said = _nearest_label(result, comp["level"])
            out.append(("", t("easy.reached.item", title=comp["title"], said=said)))
        out.append(("", ""))
    if learn:
        out.append(("bold", t("easy.learn")))
        for comp in learn:
            said = _nearest_label(result, comp["level"])
            goal = _nearest_label(result, comp["target"])
            out.append(("", t("easy.learn.item", title=comp["title"], said=said, goal=goal)))
        out.append(("", ""))
    if unknown:
        out.append(("", t("easy.unknown")))
        for comp in unknown:
            out.append(("", t("easy.unknown.item", title=comp["title"])))
        out.append(("", ""))
    if result["plan"]:
        out.append(("bold", t("easy.training")))
        for item in result["plan"]:
            out.append(("", t("easy.training.item", title=item["title"], hours=_n(item["hours"]))))
    elif not learn and reached:
        out.append(("bold", t("easy.all-reached")))
    return out


def report_lines(result: dict[str, Any], plain: bool = False) -> list[tuple[str, str]]:
    """The report as (style, text) lines; style is "" or a rich style name.

    Easy-read roles get :func:`easy_read_lines` first, then the detailed figures for
    the supporter.
    """
    from wimcheck.messages import t

    if result.get("easy_read"):
        detail = _detailed_lines(result, plain)
        return [
            *easy_read_lines(result),
            ("", ""),
            ("dim", t("easy.details")),
            ("", ""),
            *detail,
        ]
    return _detailed_lines(result, plain)


def _detailed_lines(result: dict[str, Any], plain: bool) -> list[tuple[str, str]]:
    from wimcheck.messages import t

    out: list[tuple[str, str]] = []
    scale = result["scale"]
    subject = result["subject"]
    competences_word = t(f"word.competences.{subject}")
    out.append(("bold", t("report.title", name=result["respondent"], role=result["role_title"])))
    out.append(
        (
            "",
            t(
                "report.framework",
                title=result["framework_title"],
                id=result["framework"],
                version=result["framework_version"],
            ),
        )
    )
    if result.get("assisted_by"):
        out.append(("", t("report.assisted", name=result["assisted_by"])))
    out.append(("dim", t(f"report.self-assessed.{subject}")))
    out.append(("", ""))
    if result["readiness"] is None:
        out.append(("bold", t("report.readiness.none")))
    else:
        total = len(result["competences"])
        scored = result["scored_competences"]
        note = (
            ""
            if scored == total
            else t("report.readiness.partial", scored=scored, total=total, word=competences_word)
        )
        readiness = _n(float(result["readiness"]))
        out.append(("bold", t("report.readiness", readiness=readiness, note=note)))
    low, high = str(scale["min"]), str(scale["max"])
    out.append(
        (
            "",
            t(
                "report.scale",
                min=low,
                min_label=scale["labels"][low],
                max=high,
                max_label=scale["labels"][high],
            ),
        )
    )
    out.append(("", ""))

    out.append(("bold", t("report.areas")))
    for area in result["areas"]:
        if area["level"] is None:
            out.append(("", t("report.area.none", title=area["title"])))
            continue
        level, target = float(area["level"]), float(area["target"])
        gap = max(0.0, target - level)
        numbers = t(
            "report.area.numbers",
            level=_n(level),
            max=scale["max"],
            target=_n(target),
            gap=_n(gap),
        )
        if plain:
            out.append(("", f"  {area['title']}: {numbers}."))
        else:
            out.append(("", f"  {area['title']}"))
            out.append(("", f"    {_bar(level, target, scale['max'], scale['min'])}  {numbers}"))
    out.append(("", ""))

    out.append(("bold", competences_word.capitalize()))
    for comp in result["competences"]:
        answered = t("report.answered", answered=comp["answered"], statements=comp["statements"])
        if comp["not_applicable"]:
            answered += t("report.not-applicable", count=comp["not_applicable"])
        if comp["level"] is None:
            out.append(
                (
                    "",
                    t(
                        "report.competence.none",
                        id=comp["id"],
                        title=comp["title"],
                        answered=answered,
                    ),
                )
            )
            continue
        level, target = float(comp["level"]), float(comp["target"])
        if comp["gap"]:
            state = t("report.state.gap", gap=_n(float(comp["gap"])))
        elif comp["surplus"]:
            state = t("report.state.surplus", surplus=_n(float(comp["surplus"])))
        else:
            state = t("report.state.reached")
        numbers = t(
            "report.competence.numbers",
            level=_n(level),
            target=_n(target),
            state=state,
            answered=answered,
        )
        if plain:
            out.append(("", f"  {comp['id']}  {comp['title']}: {numbers}."))
        else:
            out.append(("", f"  {comp['id']}  {comp['title']}"))
            style = "yellow" if comp["gap"] else "green"
            out.append((style, f"    {_bar(level, target, scale['max'], scale['min'])}  {numbers}"))
    out.append(("", ""))

    gaps = sorted(
        (c for c in result["competences"] if c["gap"]),
        key=lambda c: -float(c["priority"]),
    )
    if gaps:
        out.append(("bold", t("report.priorities")))
        for rank, comp in enumerate(gaps[:5], start=1):
            line = t(
                "report.priority",
                rank=rank,
                title=comp["title"],
                id=comp["id"],
                gap=_n(float(comp["gap"])),
                weight=_n(comp["weight"]),
                priority=_n(float(comp["priority"])),
            )
            out.append(("", line))
        out.append(("", ""))
        budget = result["hours_budget"]
        within = t("report.plan.within", hours=_n(budget)) if budget is not None else ""
        out.append(("bold", f"{t(f'report.plan.{subject}')}{within}"))
        if not result["plan"]:
            out.append(("", t("report.plan.nothing-fits")))
        for item in result["plan"]:
            reason = (
                t("report.plan.addresses", ids=", ".join(item["covers"]))
                if item["covers"]
                else t("report.plan.first")
            )
            if item["prerequisite_for"]:
                reason += t("report.plan.before", ids=", ".join(item["prerequisite_for"]))
            line = t(
                "report.plan.item",
                id=item["module"],
                title=item["title"],
                hours=_n(item["hours"]),
                eqf=item["eqf"],
                delivery=item["delivery"],
                reason=reason,
            )
            out.append(("", line))
        if result["plan"]:
            out.append(("bold", t("report.plan.total", hours=_n(result["plan_hours"]))))
        if result["open_gaps"]:
            out.append(("", t("report.plan.open", ids=", ".join(result["open_gaps"]))))
    elif result["readiness"] is not None:
        out.append(("bold", t("report.no-gaps", word=t(f"word.competence.{subject}"))))
        step = result.get("next_step")
        if step:
            line = t(
                "report.next",
                title=step["title"],
                id=step["competence"],
                level=step["level"],
                label=step["label"],
            )
            out.append(("", line))
    return out


def print_report(console: Console, result: dict[str, Any], plain: bool = False) -> None:
    """Print the report to ``console``."""
    from rich.text import Text

    for style, line in report_lines(result, plain):
        console.print(Text(line, style="" if plain else style))
