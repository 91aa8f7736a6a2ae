"""Rendering an assessment result (:class:`PersonResult`) for the terminal.

Text from frameworks and response files is never interpreted as markup: lines are
built as ``rich.text.Text`` objects. Meaning never depends on colour: every bar has
its numbers beside it, and ``--plain`` drops bars and tables for screen readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

    from rich.console import Console

    from wimcheck.assessment.result import (
        AreaResult,
        CompetenceResult,
        PersonResult,
        PlannedModuleResult,
        ResultScale,
    )

BAR_WIDTH = 20

Line = tuple[str, str]  # (rich style or "", text)

BLANK: Line = ("", "")


def _n(value: float | None) -> str:
    from wimcheck.i18n.formats import format_number

    return format_number(value, digits=1)


def _bar(level: float, target: float, maximum: float, minimum: float) -> str:
    span = max(maximum - minimum, 1e-9)
    filled = round(BAR_WIDTH * (level - minimum) / span)
    mark = round(BAR_WIDTH * (target - minimum) / span)
    cells = ["█" if i < filled else "░" for i in range(BAR_WIDTH)]
    # the target is marked by a bar after its cell: "████░░│░░"
    cells.insert(max(0, min(mark, BAR_WIDTH)), "│")
    return "".join(cells)


def _scale_bar(scale: ResultScale, level: float, target: float) -> str:
    return _bar(level, target, scale.max, scale.min)


def _level_words(scale: ResultScale, level: float) -> str:
    from wimcheck.assessment.level_words import level_point, point_words

    return point_words(level_point(scale, level))


def _goal_words(scale: ResultScale, target: float) -> str:
    from wimcheck.assessment.level_words import goal_point, point_words

    return point_words(goal_point(scale, target))


# --- easy read ----------------------------------------------------------------------------


def _easy_reached(result: PersonResult, reached: list[CompetenceResult]) -> list[Line]:
    from wimcheck.messages import t

    out: list[Line] = [("bold", t("easy.reached"))]
    for comp in reached:
        said = _level_words(result.scale, comp.level or 0.0)
        out.append(("", t("easy.reached.item", title=comp.easy_title, said=said)))
    return [*out, BLANK]


def _easy_learn(result: PersonResult, learn: list[CompetenceResult]) -> list[Line]:
    from wimcheck.messages import t

    out: list[Line] = [("bold", t("easy.learn"))]
    for comp in learn:
        said = _level_words(result.scale, comp.level or 0.0)
        goal = _goal_words(result.scale, comp.target)
        out.append(("", t("easy.learn.item", title=comp.easy_title, said=said, goal=goal)))
    return [*out, BLANK]


def _easy_unknown(unknown: list[CompetenceResult]) -> list[Line]:
    from wimcheck.messages import t

    out: list[Line] = [("", t("easy.unknown"))]
    out += [("", t("easy.unknown.item", title=comp.easy_title)) for comp in unknown]
    return [*out, BLANK]


def easy_read_lines(result: PersonResult) -> list[Line]:
    """The report in easy-read wording: short sentences, one idea each, easy-read titles."""
    from wimcheck.assessment.responses import shown_respondent
    from wimcheck.messages import t

    out: list[Line] = [("bold", t("easy.title", name=shown_respondent(result.respondent))), BLANK]
    if result.assisted_by:
        out.append(("", t("easy.helped", name=result.assisted_by)))
    out += [("", t("easy.own-answers")), BLANK]
    reached = [c for c in result.competences if c.level is not None and not c.gap]
    learn = [c for c in result.competences if c.gap]
    unknown = [c for c in result.competences if c.level is None]
    if reached:
        out += _easy_reached(result, reached)
    if learn:
        out += _easy_learn(result, learn)
    if unknown:
        out += _easy_unknown(unknown)
    if result.plan:
        out.append(("bold", t("easy.training")))
        for item in result.plan:
            line = t("easy.training.item", title=item.easy_title, hours=_n(item.hours))
            out.append(("", line))
    elif not learn and reached:
        out.append(("bold", t("easy.all-reached")))
    return out


# --- the detailed report ------------------------------------------------------------------


def report_parts(result: PersonResult, plain: bool = False) -> list[list[Line]]:
    """The report as parts of (style, text) lines; style is "" or a rich style name.

    One part, or for easy-read roles two: :func:`easy_read_lines`, then the detailed
    figures for the supporter under their own heading.
    """
    from wimcheck.messages import t

    detail = _detailed_lines(result, plain)
    if not result.easy_read:
        return [detail]
    return [easy_read_lines(result), [("bold", t("easy.details")), BLANK, *detail]]


def report_lines(result: PersonResult, plain: bool = False) -> list[Line]:
    """The whole report as (style, text) lines, its parts one after the other."""
    parts = report_parts(result, plain)
    return [line for part in _separated(parts) for line in part]


def _separated(parts: list[list[Line]]) -> list[list[Line]]:
    """``parts`` with a blank line between them."""
    out: list[list[Line]] = []
    for part in parts:
        out += [[BLANK], part] if out else [part]
    return out


def _detailed_lines(result: PersonResult, plain: bool) -> list[Line]:
    out = _header_lines(result)
    out += _area_lines(result, plain)
    out += _competence_lines(result, plain)
    if any(c.gap for c in result.competences):
        out += _priority_lines(result)
        out += _plan_lines(result)
    elif result.readiness is not None:
        out += _no_gap_lines(result)
    return out


def _header_lines(result: PersonResult) -> list[Line]:
    from wimcheck.assessment.responses import shown_respondent
    from wimcheck.messages import report_text, t

    name = shown_respondent(result.respondent)
    out: list[Line] = [
        ("bold", t("report.title", name=name, role=result.role_title)),
        (
            "",
            t(
                "report.framework",
                title=result.framework_title,
                id=result.framework,
                version=result.framework_version,
            ),
        ),
    ]
    if result.assisted_by:
        out.append(("", t("report.assisted", name=result.assisted_by)))
    note = result.provenance.translation
    if note is not None and note.english_shown:
        out.append(("", report_text("about.english-shown")))
    out += [("dim", t(f"report.self-assessed.{result.subject}")), BLANK]
    out.append(("bold", _readiness_line(result)))
    scale = result.scale
    labels = scale.labels
    scale_line = t(
        "report.scale",
        min=scale.min,
        min_label=labels[scale.min],
        max=scale.max,
        max_label=labels[scale.max],
    )
    return [*out, ("", scale_line), BLANK]


def _readiness_line(result: PersonResult) -> str:
    from wimcheck.messages import t

    if result.readiness is None:
        return t("report.readiness.none")
    total = len(result.competences)
    scored = result.scored_competences
    word = t(f"word.competences.{result.subject}")
    note = (
        ""
        if scored == total
        else t("report.readiness.partial", scored=scored, total=total, word=word)
    )
    from wimcheck.i18n.formats import format_percent

    return t("report.readiness", readiness=format_percent(result.readiness), note=note)


def _area_lines(result: PersonResult, plain: bool) -> list[Line]:
    from wimcheck.messages import t

    out: list[Line] = [("bold", t("report.areas"))]
    for area in result.areas:
        out += _area_line(result.scale, area, plain)
    return [*out, BLANK]


def _area_line(scale: ResultScale, area: AreaResult, plain: bool) -> list[Line]:
    from wimcheck.messages import t

    if area.level is None:
        return [("", t("report.area.none", title=area.title))]
    level, target = area.level, area.target
    gap = max(0.0, target - level)
    numbers = t(
        "report.area.numbers", level=_n(level), max=scale.max, target=_n(target), gap=_n(gap)
    )
    if plain:
        return [("", f"  {area.title}: {numbers}.")]
    return [
        ("", f"  {area.title}"),
        ("", f"    {_scale_bar(scale, level, target)}  {numbers}"),
    ]


def _competence_lines(result: PersonResult, plain: bool) -> list[Line]:
    from wimcheck.messages import t

    out: list[Line] = [("bold", t(f"word.competences.{result.subject}").capitalize())]
    for comp in result.competences:
        out += _competence_line(result.scale, comp, plain)
    return [*out, BLANK]


def _competence_line(scale: ResultScale, comp: CompetenceResult, plain: bool) -> list[Line]:
    from wimcheck.messages import t

    answered = t("report.answered", answered=comp.answered, statements=comp.statements)
    if comp.not_applicable:
        answered += t("report.not-applicable", count=comp.not_applicable)
    if comp.level is None:
        line = t("report.competence.none", id=comp.id, title=comp.title, answered=answered)
        return [("", line)]
    if comp.gap:
        state = t("report.state.gap", gap=_n(comp.gap))
    elif comp.surplus:
        state = t("report.state.surplus", surplus=_n(comp.surplus))
    else:
        state = t("report.state.reached")
    numbers = t(
        "report.competence.numbers",
        level=_n(comp.level),
        target=_n(comp.target),
        state=state,
        answered=answered,
    )
    if plain:
        return [("", f"  {comp.id}  {comp.title}: {numbers}.")]
    style = "yellow" if comp.gap else "green"
    return [
        ("", f"  {comp.id}  {comp.title}"),
        (style, f"    {_scale_bar(scale, comp.level, comp.target)}  {numbers}"),
    ]


def _priority_lines(result: PersonResult) -> list[Line]:
    from wimcheck.messages import t

    gaps = sorted((c for c in result.competences if c.gap), key=lambda c: -(c.priority or 0.0))
    out: list[Line] = [("bold", t("report.priorities"))]
    for rank, comp in enumerate(gaps[:5], start=1):
        line = t(
            "report.priority",
            rank=rank,
            title=comp.title,
            id=comp.id,
            gap=_n(comp.gap),
            weight=_n(comp.weight),
            priority=_n(comp.priority),
        )
        out.append(("", line))
    return [*out, BLANK]


def _plan_lines(result: PersonResult) -> list[Line]:
    from wimcheck.messages import t

    budget = result.hours_budget
    within = t("report.plan.within", hours=_n(budget)) if budget is not None else ""
    out: list[Line] = [("bold", f"{t(f'report.plan.{result.subject}')}{within}")]
    if not result.plan:
        out.append(("", t("report.plan.nothing-fits")))
    out += [("", _plan_item_line(item)) for item in result.plan]
    if result.plan:
        out.append(("bold", t("report.plan.total", hours=_n(result.plan_hours))))
    if result.open_gaps:
        out.append(("", t("report.plan.open", ids=", ".join(result.open_gaps))))
    return out


def _plan_item_line(item: PlannedModuleResult) -> str:
    from wimcheck.messages import delivery_word, t

    reason = (
        t("report.plan.addresses", ids=", ".join(item.covers))
        if item.covers
        else t("report.plan.first")
    )
    if item.prerequisite_for:
        reason += t("report.plan.before", ids=", ".join(item.prerequisite_for))
    return t(
        "report.plan.item",
        id=item.module,
        title=item.title,
        hours=_n(item.hours),
        eqf=item.eqf,
        delivery=delivery_word(item.delivery),
        reason=reason,
    )


def _no_gap_lines(result: PersonResult) -> list[Line]:
    from wimcheck.messages import t

    out: list[Line] = [("bold", t("report.no-gaps", word=t(f"word.competence.{result.subject}")))]
    step = result.next_step
    if step:
        line = t(
            "report.next",
            title=step.title,
            id=step.competence,
            level=step.level,
            label=step.label,
        )
        out.append(("", line))
    return out


def report_text(result: PersonResult, plain: bool = False) -> str:
    """The report as plain text lines (for ``--output``), with a final newline."""
    return "\n".join(line for _, line in report_lines(result, plain)) + "\n"


def print_report(
    console: Console,
    result: PersonResult,
    plain: bool = False,
    pause: Callable[[], None] | None = None,
) -> None:
    """Print the report to ``console``, wrapped to its width when it is a terminal.

    ``pause`` is called between the easy-read part and the supporter's details (an
    interactive "press Enter"); without it both parts follow each other. Control
    characters in names and texts are shown, never sent to the terminal.
    """
    parts = report_parts(result, plain)
    for index, part in enumerate(parts):
        if index:
            _print_lines(console, [BLANK], plain)
            if pause is not None:
                pause()
        _print_lines(console, part, plain)


def write_report(stream: TextIO, result: PersonResult, plain: bool = False) -> None:
    """What :func:`print_report` prints to a console that is no terminal, without rich.

    Such a console writes each line as it is (no styles, no wrapping, no pause):
    ``tests/test_report_plain.py`` compares the two.
    """
    from wimcheck.cli.output import terminal_safe
    from wimcheck.cli.wrapping import wrapped

    out = []
    for index, part in enumerate(report_parts(result, plain)):
        for _, line in [BLANK, *part] if index else part:
            out += wrapped(terminal_safe(line), None)
    stream.write("".join(f"{line}\n" for line in out))


def _print_lines(console: Console, lines: list[Line], plain: bool) -> None:
    from rich.text import Text

    from wimcheck.cli.output import terminal_safe
    from wimcheck.cli.wrapping import wrapped

    width = console.width if console.is_terminal else None
    for style, line in lines:
        for part in wrapped(terminal_safe(line), width):
            console.print(Text(part, style="" if plain else style), soft_wrap=True)


def supporter_pause(console: Console, plain: bool) -> Callable[[], None] | None:
    """A "press Enter" step before the supporter's details, when someone is at the terminal.

    None when piped or with ``--plain``: then both parts are printed one after the other.
    """
    import contextlib
    import sys

    if plain or not console.is_terminal or not sys.stdin.isatty():
        return None

    def pause() -> None:
        from wimcheck.messages import t

        _print_lines(console, [("bold", t("easy.details.press"))], plain)
        with contextlib.suppress(EOFError):
            input()

    return pause
