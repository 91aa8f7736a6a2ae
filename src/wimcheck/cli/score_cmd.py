"""``wimcheck score``: batch scoring of response files and sheets."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wimcheck.cli.output import ForceOption, NoColorOption, OutputOption, message

if TYPE_CHECKING:
    from wimcheck.batch.inputs import Batch, Scored


class ScoreFormat(StrEnum):
    """Output formats of ``score``."""

    table = "table"
    csv = "csv"
    json = "json"
    html = "html"
    markdown = "markdown"


def score(
    paths: Annotated[
        list[Path], typer.Argument(help="Response files, sheets (CSV, XLSX) or folders.")
    ],
    framework: Annotated[
        str | None, typer.Option("--framework", help="Framework of the sheets (id or .toml path).")
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="Role for sheet rows without one.")
    ] = None,
    fmt: Annotated[
        ScoreFormat, typer.Option("--format", help="Output format.")
    ] = ScoreFormat.table,
    output: OutputOption = None,
    cohort: Annotated[bool, typer.Option("--cohort", help="Add the group profile.")] = False,
    hours: Annotated[
        float | None, typer.Option("--hours", min=0, help="Hours available for training.")
    ] = None,
    min_group: Annotated[
        int, typer.Option("--min-group", min=1, help="Smallest group that is broken down.")
    ] = 3,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first problem.")] = False,
    force: ForceOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Score many response files and sheets at once, with an optional group profile.

    Every problem (unreadable file, unknown framework, role or statement, value off
    the scale, duplicate respondent) is named with its file and row; every good
    respondent is still scored. Exit code 1 when anything was rejected.

    Example: wimcheck score answers/ --cohort --format json -o results.json
    """
    from wimcheck.batch.inputs import Batch, BatchStopped, expand_paths
    from wimcheck.cli.inputs import require_existing
    from wimcheck.errors import ExitCode
    from wimcheck.tomlio import refuse_overwrite

    require_existing(paths)
    if output is not None:
        refuse_overwrite(output, force)
    keep = cohort or fmt in (ScoreFormat.json, ScoreFormat.html, ScoreFormat.markdown)
    batch = Batch(framework_name=framework, role_id=role, strict=strict, keep_answers=keep)
    try:
        files = expand_paths(paths, batch.report)
        if fmt is ScoreFormat.csv and not cohort:
            _stream_csv(batch, files, output, force)
        else:
            _collect(batch, files, fmt, output, force, cohort, hours, min_group, no_color)
    except BatchStopped as stop:
        from wimcheck.messages import t

        message(f"error: {stop.issue.format()}")
        message(t("score.strict"))
        raise typer.Exit(int(ExitCode.FINDINGS)) from None
    if batch.issues:
        for issue in batch.issues:
            message(f"rejected: {issue.format()}")
        from wimcheck.messages import t

        message(t("score.summary", problems=len(batch.issues), scored=batch.scored))
        raise typer.Exit(int(ExitCode.FINDINGS))


def _progress(total_files: int) -> Any:
    """A progress display on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from wimcheck.cli.output import console

    progress = Progress(
        SpinnerColumn(),
        TextColumn("scored {task.completed} respondents from {task.fields[files]} file(s)"),
        console=console(stderr=True),
        transient=True,
    )
    progress.add_task("score", total=None, files=total_files)
    return progress


def _scored(batch: Batch, files: list[Path]) -> Any:
    progress = _progress(len(files))
    if progress is None:
        yield from batch.run(files)
        return
    with progress:
        task = progress.task_ids[0]
        for count, item in enumerate(batch.run(files), start=1):
            if count % 500 == 0:
                progress.update(task, completed=count)
            yield item


def _stream_csv(batch: Batch, files: list[Path], output: Path | None, force: bool) -> None:
    """CSV without group statistics: rows are written as they are scored (flat memory)."""
    from wimcheck.batch.csv_output import CsvResultWriter

    frameworks = []
    for path in files:
        for fw in batch.frameworks_of(path):
            if fw not in frameworks:
                frameworks.append(fw)
    if output is None:
        writer = CsvResultWriter(sys.stdout, frameworks)
        for item in _scored(batch, files):
            writer.write(item)
        return
    from wimcheck.cli.output import wrote
    from wimcheck.tomlio import atomic_writer

    with atomic_writer(output, replace=force) as handle:
        writer = CsvResultWriter(handle, frameworks)
        for item in _scored(batch, files):
            writer.write(item)
    wrote(output)


def _collect(
    batch: Batch,
    files: list[Path],
    fmt: ScoreFormat,
    output: Path | None,
    force: bool,
    cohort: bool,
    hours: float | None,
    min_group: int,
    no_color: bool,
) -> None:
    """Everything scored first, then written: JSON, HTML, Markdown, the table, or CSV."""
    from wimcheck.batch.group_result import GroupResultBuilder

    people = fmt in (ScoreFormat.json, ScoreFormat.html, ScoreFormat.markdown)
    builder = GroupResultBuilder(cohort=cohort, people=people, min_group=min_group, hours=hours)
    scored_items = [item for item in _scored(batch, files) if not builder.add(item)]
    result = builder.build(batch.issues)
    if fmt is ScoreFormat.json:
        from wimcheck.batch.group_model import group_result_to_json

        _write(group_result_to_json(result), output, force)
    elif fmt is ScoreFormat.html:
        from wimcheck.reports.group import group_html

        _write(group_html(result), output, force)
    elif fmt is ScoreFormat.markdown:
        from wimcheck.reports.group import group_markdown

        _write(group_markdown(result), output, force)
    elif fmt is ScoreFormat.csv:
        _write_csv(scored_items, output, force, cohort)
    else:
        from wimcheck.cli.score_render import render_table

        text = render_table(scored_items, result.cohort, no_color=no_color or output is not None)
        _write(text, output, force)


def _write_csv(scored_items: list[Scored], output: Path | None, force: bool, cohort: bool) -> None:
    """Collected rows as CSV (the group profile has no place in it)."""
    import io

    from wimcheck.batch.csv_output import CsvResultWriter
    from wimcheck.messages import t

    buffer = io.StringIO()
    frameworks = list({item.framework.id: item.framework for item in scored_items}.values())
    writer = CsvResultWriter(buffer, frameworks)
    for item in scored_items:
        writer.write(item)
    _write(buffer.getvalue(), output, force)
    if cohort:
        message(t("score.csv-no-group"))


def _write(text: str, output: Path | None, force: bool) -> None:
    from wimcheck.cli.output import write_output

    write_output(text, output, force)
