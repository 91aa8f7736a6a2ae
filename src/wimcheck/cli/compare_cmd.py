"""``wimcheck compare``: before and after, for one person or a group."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli.output import (
    EncodingOption,
    ForceOption,
    MappingOption,
    OutputOption,
    RespondentColumnOption,
    message,
    terminal_safe_lines,
)
from wimcheck.records import record

if TYPE_CHECKING:
    from wimcheck.assessment.responses import ResponseSet
    from wimcheck.batch.comparison_model import Comparison, GroupComparison, PersonComparison
    from wimcheck.batch.inputs import Scored
    from wimcheck.batch.issues import BatchIssue
    from wimcheck.frameworks.model import Framework, Role


class CompareFormat(StrEnum):
    """Output formats of ``compare``."""

    text = "text"
    json = "json"
    html = "html"
    markdown = "markdown"


def compare(
    before: Annotated[Path, typer.Argument(help="help.compare.before")],
    after: Annotated[Path, typer.Argument(help="help.compare.after")],
    fmt: Annotated[
        CompareFormat, typer.Option("--format", help="help.option.format")
    ] = CompareFormat.text,
    output: OutputOption = None,
    framework: Annotated[
        str | None, typer.Option("--framework", help="help.compare.framework")
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help="help.compare.role")] = None,
    min_group: Annotated[
        int, typer.Option("--min-group", min=1, help="help.compare.min-group")
    ] = 3,
    force: ForceOption = False,
    encoding: EncodingOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="help.score.strict")] = False,
    mapping: MappingOption = None,
    respondent_column: RespondentColumnOption = None,
) -> None:
    """Show what changed between two assessments of one person, or of a group.

    Its help text is ``help.compare`` in :mod:`wimcheck.messages`.
    """
    from wimcheck.cli.inputs import require_existing
    from wimcheck.cli.output import output_file
    from wimcheck.tomlio import refuse_overwrite

    require_existing([before, after] if mapping is None else [before, after, mapping])
    output = output_file(output)  # -o -: standard output
    if output is not None:
        refuse_overwrite(output, force)
    reading = _Reading(framework, role, encoding, strict, mapping, respondent_column)
    sides = _read_sides(before, after, reading)
    loaded, chosen = _framework_and_role(sides.first + sides.second, role)
    result = _comparison(before, after, sides.first, sides.second, loaded, chosen, min_group)
    _emit(result, fmt, output, force)
    if sides.issues or sides.warnings:
        from wimcheck.errors import ExitCode
        from wimcheck.messages import t, tn

        problems = tn("count.problems", len(sides.issues))
        warnings = tn("count.unreadable", len(sides.warnings))
        message(t("compare.summary", problems=problems, warnings=warnings))
        raise typer.Exit(int(ExitCode.FINDINGS))


@record
class _Sides:
    """Both sides scored, and what was not scored (``issues``) or read in part."""

    first: list[Scored]
    second: list[Scored]
    issues: list[BatchIssue]
    warnings: list[BatchIssue]


@record
class _Reading:
    """How both sides are read: the options that apply to each."""

    framework: str | None
    role: str | None
    encoding: str | None
    strict: bool
    mapping: Path | None
    respondent_column: str | None


def _read_sides(before: Path, after: Path, reading: _Reading) -> _Sides:
    """Both sides scored, each as its own batch; every problem is named on stderr and the
    rest compared (``strict``: the first problem ends the command)."""
    from wimcheck.batch.inputs import Batch, BatchStopped, expand_paths
    from wimcheck.cli.score_cmd import report_problems
    from wimcheck.errors import ExitCode, UsageError
    from wimcheck.frameworks.catalog import discover
    from wimcheck.messages import t

    catalog = discover()
    scored: list[list[Scored]] = []
    issues: list[BatchIssue] = []
    warnings: list[BatchIssue] = []
    for side in (before, after):
        # each side is its own batch: the same respondent appears once on each side
        batch = Batch(
            framework_name=reading.framework,
            keep_answers=True,
            catalog=catalog,
            encoding=reading.encoding,
            strict=reading.strict,
            mapping_path=reading.mapping,
            respondent_column=reading.respondent_column,
            role_id=reading.role,
        )
        try:
            scored.append(list(batch.run(expand_paths([side], batch.report))))
        except BatchStopped as stop:
            message(t("cli.error", message=stop.issue.format()))
            message(t("score.strict"))
            raise typer.Exit(int(ExitCode.FINDINGS)) from None
        issues += batch.issues
        warnings += batch.warnings
    report_problems(issues, warnings)
    for side, found in zip((before, after), scored, strict=True):
        if not found:
            raise UsageError(t("compare.empty-side"), path=side, hint=t("compare.empty-side.hint"))
    return _Sides(scored[0], scored[1], issues, warnings)


def _framework_and_role(everyone: list[Scored], role: str | None) -> tuple[Framework, Role]:
    """The one framework of the inputs, and the role named or the only one they have."""
    from wimcheck.errors import RejectedInputError, UsageError
    from wimcheck.frameworks.catalog import find_role
    from wimcheck.messages import t

    frameworks = sorted({s.framework.id for s in everyone})
    if len(frameworks) > 1:
        raise RejectedInputError(
            t("compare.frameworks", ids=", ".join(frameworks)), hint=t("compare.frameworks.hint")
        )
    loaded = everyone[0].framework
    roles = sorted({s.role.id for s in everyone})
    role_id = role or (roles[0] if len(roles) == 1 else None)
    if role_id is None:
        raise UsageError(t("compare.roles", ids=", ".join(roles)), hint=t("compare.roles.hint"))
    return loaded, find_role(loaded, role_id)


def _comparison(
    before: Path,
    after: Path,
    first_side: list[Scored],
    second_side: list[Scored],
    framework: Framework,
    role: Role,
    min_group: int,
) -> Comparison:
    """One person when two files hold one respondent each, else a group; the framework's
    texts in the run's language (English where the framework lacks one)."""
    from wimcheck.assessment.responses import respondent_key
    from wimcheck.batch.compare import compare_groups, compare_people
    from wimcheck.i18n.language import current_language
    from wimcheck.messages import t

    lang = current_language()
    first: list[ResponseSet] = [s.responses for s in first_side if s.responses is not None]
    second: list[ResponseSet] = [s.responses for s in second_side if s.responses is not None]
    person = before.is_file() and after.is_file() and len(first) == 1 and len(second) == 1
    if not person:
        return compare_groups(framework, role, first, second, min_group, lang)
    if respondent_key(first[0].respondent) != respondent_key(second[0].respondent):
        message(t("compare.other-person", before=first[0].respondent, after=second[0].respondent))
    return compare_people(framework, role, first[0], second[0], lang)


def _emit(result: Comparison, fmt: CompareFormat, output: Path | None, force: bool) -> None:
    from wimcheck.cli.output import write_output

    if fmt is CompareFormat.json:
        from wimcheck.batch.comparison_model import comparison_json

        text = json.dumps(comparison_json(result), indent=2, ensure_ascii=False) + "\n"
    elif fmt is CompareFormat.html:
        from wimcheck.reports.comparison import compare_html

        text = compare_html(result)
    elif fmt is CompareFormat.markdown:
        from wimcheck.reports.comparison import compare_markdown

        text = compare_markdown(result)
    else:
        text = compare_text(result)
        if output is None:  # to the terminal: control characters in names made visible
            text = terminal_safe_lines(text)
    write_output(text, output, force)


def _n(value: float | None, signed: bool = False) -> str:
    from wimcheck.i18n.formats import format_number

    return format_number(value, digits=2, signed=signed)


def _percent(value: float | None) -> str:
    from wimcheck.i18n.formats import format_percent

    return format_percent(value, digits=2)


def _english_shown(result: Comparison) -> list[str]:
    """The line that says some framework texts are shown in English, if they are."""
    from wimcheck.messages import report_text

    return [report_text("about.english-shown")] if result.english_shown else []


def _person_text(result: PersonComparison) -> list[str]:
    from wimcheck.assessment.responses import shown_respondent
    from wimcheck.messages import report_text, t

    heading = result.heading
    lines = [
        t(
            "compare.person.title",
            name=shown_respondent(result.respondent),
            role=heading.role_title,
            id=heading.framework,
        ),
        *_english_shown(result),
        t(
            "compare.readiness",
            before=_percent(result.before.readiness),
            after=_percent(result.after.readiness),
            change=_n(result.readiness_change, True),
        ),
        "",
    ]
    for comp in result.competences:
        lines.append(
            t(
                "compare.person.item",
                id=comp.id,
                title=comp.title,
                before=_n(comp.before),
                after=_n(comp.after),
                change=_n(comp.change, True),
                target=_n(comp.target),
                status=report_text(f"status.{comp.status}"),
            )
        )
    none = t("compare.none")
    lines.append("")
    lines.append(t("compare.closed", ids=", ".join(result.gaps_closed) or none))
    lines.append(t("compare.new", ids=", ".join(result.new_gaps) or none))
    return lines


def _group_text(result: GroupComparison) -> list[str]:
    from wimcheck.messages import t

    heading = result.heading
    lines = [
        t("compare.group.title", role=heading.role_title, id=heading.framework, pairs=result.pairs),
        *_english_shown(result),
    ]
    if result.unpaired_before or result.unpaired_after:
        lines.append(
            t(
                "compare.unpaired",
                before=len(result.unpaired_before),
                after=len(result.unpaired_after),
            )
        )
    if not result.shown or result.readiness is None:
        return [*lines, result.note or ""]
    ready = result.readiness
    lines.append(
        t(
            "compare.group.readiness",
            before=_percent(ready.before_mean),
            after=_percent(ready.after_mean),
            change=_n(ready.mean_change, True),
        )
    )
    lines.append("")
    for comp in result.competences:
        lines.append(
            t(
                "compare.group.item",
                id=comp.id,
                title=comp.title,
                before=_n(comp.before_mean),
                after=_n(comp.after_mean),
                change=_n(comp.mean_change, True),
                effect=_n(comp.effect_size),
                pairs=comp.pairs,
            )
        )
    return lines


def compare_text(result: Comparison) -> str:
    """The comparison as plain text."""
    from wimcheck.batch.comparison_model import PersonComparison

    if isinstance(result, PersonComparison):
        return "\n".join(_person_text(result)) + "\n"
    return "\n".join(_group_text(result)) + "\n"
