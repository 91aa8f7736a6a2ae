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
    out: list[tuple[str, str]] = [("bold", f"Your result, {result['respondent']}"), ("", "")]
    if result.get("assisted_by"):
        out.append(("", f"{result['assisted_by']} helped you to answer."))
    out.append(("", "These are your own answers."))
    out.append(("", ""))
    reached = [c for c in result["competences"] if c["level"] is not None and not c["gap"]]
    learn = [c for c in result["competences"] if c["gap"]]
    unknown = [c for c in result["competences"] if c["level"] is None]
    if reached:
        out.append(("bold", "You can do this well enough:"))
        for comp in reached:
            out.append(
                ("", f"  + {comp['title']}. You said: {_nearest_label(result, comp['level'])}.")
            )
        out.append(("", ""))
    if learn:
        out.append(("bold", "You can learn more here:"))
        for comp in learn:
            out.append(
                (
                    "",
                    f"  > {comp['title']}. You said: {_nearest_label(result, comp['level'])}. "
                    f"Your goal: {_nearest_label(result, comp['target'])}.",
                )
            )
        out.append(("", ""))
    if unknown:
        out.append(("", "We do not know yet:"))
        for comp in unknown:
            out.append(("", f"  ? {comp['title']}. Not enough answers."))
        out.append(("", ""))
    if result["plan"]:
        out.append(("bold", "Training for you:"))
        for item in result["plan"]:
            out.append(("", f"  - {item['title']}. It takes {_n(item['hours'])} hours."))
    elif not learn and reached:
        out.append(("bold", "Well done. You reach all your goals."))
    return out


def report_lines(result: dict[str, Any], plain: bool = False) -> list[tuple[str, str]]:
    """The report as (style, text) lines; style is "" or a rich style name.

    Easy-read roles get :func:`easy_read_lines` first, then the detailed figures for
    the supporter.
    """
    if result.get("easy_read"):
        detail = _detailed_lines(result, plain)
        return [
            *easy_read_lines(result),
            ("", ""),
            ("dim", "Details for the supporter:"),
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
    title = f"Result for {result['respondent']}: {result['role_title']}"
    out.append(("bold", title))
    out.append(
        (
            "",
            f"Framework: {result['framework_title']} ({result['framework']} {result['framework_version']})",
        )
    )
    if result.get("assisted_by"):
        out.append(("", f"Answered with the help of: {result['assisted_by']}"))
    out.append(("dim", t(f"report.self-assessed.{subject}")))
    out.append(("", ""))
    if result["readiness"] is None:
        out.append(("bold", "Readiness: not enough answers to score."))
    else:
        total = len(result["competences"])
        scored = result["scored_competences"]
        note = (
            ""
            if scored == total
            else f" ({scored} of {total} {competences_word} had enough answers)"
        )
        out.append(
            (
                "bold",
                f"Readiness: {_n(float(result['readiness']))} % of the target levels reached{note}.",
            )
        )
    out.append(
        (
            "",
            f"Scale: {scale['min']} ({scale['labels'][str(scale['min'])]}) to {scale['max']} ({scale['labels'][str(scale['max'])]}).",
        )
    )
    out.append(("", ""))

    out.append(("bold", "Areas"))
    for area in result["areas"]:
        if area["level"] is None:
            out.append(("", f"  {area['title']}: not enough answers"))
            continue
        level, target = float(area["level"]), float(area["target"])
        gap = max(0.0, target - level)
        numbers = f"level {_n(level)} of {scale['max']}, target {_n(target)}, gap {_n(gap)}"
        if plain:
            out.append(("", f"  {area['title']}: {numbers}."))
        else:
            out.append(("", f"  {area['title']}"))
            out.append(("", f"    {_bar(level, target, scale['max'], scale['min'])}  {numbers}"))
    out.append(("", ""))

    out.append(("bold", competences_word.capitalize()))
    for comp in result["competences"]:
        answered = f"{comp['answered']} of {comp['statements']} answered"
        if comp["not_applicable"]:
            answered += f", {comp['not_applicable']} not applicable"
        if comp["level"] is None:
            out.append(("", f"  {comp['id']}  {comp['title']}: not enough answers ({answered})"))
            continue
        level, target = float(comp["level"]), float(comp["target"])
        if comp["gap"]:
            state = f"gap {_n(float(comp['gap']))}"
        elif comp["surplus"]:
            state = f"above target by {_n(float(comp['surplus']))}"
        else:
            state = "target reached"
        numbers = f"level {_n(level)}, target {_n(target)}, {state} ({answered})"
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
        out.append(("bold", "Top priorities (gap x importance)"))
        for rank, comp in enumerate(gaps[:5], start=1):
            out.append(
                (
                    "",
                    f"  {rank}. {comp['title']} ({comp['id']}): gap {_n(float(comp['gap']))} x weight "
                    f"{_n(comp['weight'])} = priority {_n(float(comp['priority']))}",
                )
            )
        out.append(("", ""))
        budget = result["hours_budget"]
        within = f" within {_n(budget)} hours" if budget is not None else ""
        out.append(("bold", f"{t(f'report.plan.{subject}')}{within}"))
        if not result["plan"]:
            out.append(("", "  No module fits the hours available. Allow more hours with --hours."))
        for item in result["plan"]:
            reason = f"addresses {', '.join(item['covers'])}" if item["covers"] else "needed first"
            if item["prerequisite_for"]:
                reason += f"; needed before {', '.join(item['prerequisite_for'])}"
            out.append(
                (
                    "",
                    f"  {item['module']}  {item['title']} ({_n(item['hours'])} h, EQF {item['eqf']}, "
                    f"{item['delivery']}): {reason}",
                )
            )
        if result["plan"]:
            out.append(("bold", f"  Total: {_n(result['plan_hours'])} hours"))
        if result["open_gaps"]:
            out.append(("", f"  Not covered within the hours: {', '.join(result['open_gaps'])}"))
    elif result["readiness"] is not None:
        word = t(f"word.competence.{subject}")
        out.append(("bold", f"No gaps: every scored {word} reaches its target."))
        step = result.get("next_step")
        if step:
            out.append(
                (
                    "",
                    f"  Next level worth aiming for: {step['title']} ({step['competence']}) at "
                    f"{step['level']} ({step['label']}).",
                )
            )
    return out


def print_report(console: Console, result: dict[str, Any], plain: bool = False) -> None:
    """Print the report to ``console``."""
    from rich.text import Text

    for style, line in report_lines(result, plain):
        console.print(Text(line, style="" if plain else style))
