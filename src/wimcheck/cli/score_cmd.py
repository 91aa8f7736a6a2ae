"""``wimcheck score``: batch scoring of response files and sheets."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wimcheck.cli.output import (
    EncodingOption,
    ForceOption,
    MappingOption,
    NoColorOption,
    OutputOption,
    RespondentColumnOption,
    check_hours,
    message,
)
from wimcheck.records import record

if TYPE_CHECKING:
    from collections.abc import Sequence

    from wimcheck.batch.group_model import GroupResult
    from wimcheck.batch.inputs import Batch, BatchIssue, Scored


class ScoreFormat(StrEnum):
    """Output formats of ``score``."""

    table = "table"
    csv = "csv"
    json = "json"
    html = "html"
    markdown = "markdown"


FrameworkOption = Annotated[str | None, typer.Option("--framework", help="help.score.framework")]
RoleOption = Annotated[str | None, typer.Option("--role", help="help.score.role")]
FormatOption = Annotated[ScoreFormat, typer.Option("--format", help="help.option.format")]
CohortOption = Annotated[bool, typer.Option("--cohort", help="help.score.cohort")]
HoursOption = Annotated[
    float | None, typer.Option("--hours", callback=check_hours, help="help.score.hours")
]
MinGroupOption = Annotated[int, typer.Option("--min-group", min=1, help="help.score.min-group")]
StrictOption = Annotated[bool, typer.Option("--strict", help="help.score.strict")]


@record
class ScoreRequest:
    """What ``score`` is asked to write, and where."""

    fmt: ScoreFormat
    output: Path | None
    force: bool
    cohort: bool
    hours: float | None
    min_group: int
    no_color: bool


def score(
    paths: Annotated[list[Path], typer.Argument(help="help.score.paths")],
    framework: FrameworkOption = None,
    role: RoleOption = None,
    fmt: FormatOption = ScoreFormat.table,
    output: OutputOption = None,
    cohort: CohortOption = False,
    hours: HoursOption = None,
    min_group: MinGroupOption = 3,
    strict: StrictOption = False,
    force: ForceOption = False,
    no_color: NoColorOption = False,
    encoding: EncodingOption = None,
    mapping: MappingOption = None,
    respondent_column: RespondentColumnOption = None,
) -> None:
    """Score many response files and sheets at once, with an optional group profile.

    Its help text is ``help.score`` in :mod:`wimcheck.messages`.
    """
    from wimcheck.batch.inputs import Batch
    from wimcheck.cli.inputs import require_existing
    from wimcheck.cli.output import output_file

    require_existing(paths if mapping is None else [*paths, mapping])
    # -o -: standard output (for the reports of each respondent it names no folder)
    request = ScoreRequest(fmt, output_file(output), force, cohort, hours, min_group, no_color)
    _check_output(request)
    batch = Batch(
        framework_name=framework,
        role_id=role,
        strict=strict,
        keep_answers=cohort or fmt in (ScoreFormat.json, ScoreFormat.html, ScoreFormat.markdown),
        keep_details=fmt is ScoreFormat.json or (cohort and fmt is ScoreFormat.csv),
        encoding=encoding,
        mapping_path=mapping,
        respondent_column=respondent_column,
    )
    _run(batch, paths, request)
    _exit_on_problems(batch)


def _check_output(request: ScoreRequest) -> None:
    """Before scoring: a folder for per-respondent reports, else a file that may be written."""
    from wimcheck.tomlio import refuse_overwrite

    if _per_person(request.fmt, request.cohort):
        _check_folder(request.output, request.fmt)
    elif request.output is not None:
        refuse_overwrite(request.output, request.force)


def _run(batch: Batch, paths: Sequence[Path], request: ScoreRequest) -> None:
    """Score every input and write the result; with ``--strict`` the first problem stops
    the run (exit code 1)."""
    from wimcheck.batch.inputs import BatchStopped, expand_paths
    from wimcheck.errors import ExitCode
    from wimcheck.messages import t

    try:
        files = expand_paths(list(paths), batch.report)
        if request.fmt is ScoreFormat.csv and not request.cohort:
            _stream_csv(batch, files, request.output, request.force, split=not batch.mapping_given)
        elif request.fmt is ScoreFormat.json:
            _stream_json(batch, files, request)
        else:
            _collect(batch, files, request)
    except BatchStopped as stop:
        message(t("cli.error", message=stop.issue.format()))
        message(t("score.strict"))
        raise typer.Exit(int(ExitCode.FINDINGS)) from None


def _exit_on_problems(batch: Batch) -> None:
    """Every input not scored or read in part named, a summary, and exit code 1."""
    from wimcheck.errors import ExitCode

    if batch.issues or batch.warnings:
        report_problems(batch.issues, batch.warnings)
        message(_summary(len(batch.issues), len(batch.warnings), batch.scored))
        raise typer.Exit(int(ExitCode.FINDINGS))


def report_problems(issues: Sequence[BatchIssue], warnings: Sequence[BatchIssue]) -> None:
    """Each input not scored (``rejected:``) and each read in part (``warning:``), on stderr."""
    from wimcheck.messages import t

    for issue in issues:
        message(t("cli.rejected", message=issue.format()))
    for warning in warnings:
        message(t("cli.warning", message=warning.format()))


def _summary(problems: int, warnings: int, scored: int) -> str:
    from wimcheck.messages import t, tn

    done = tn("count.scored", scored)
    if not warnings:
        return t("score.summary", problems=tn("count.problems", problems), scored=done)
    unreadable = tn("count.unreadable", warnings)
    if not problems:
        return t("score.summary.warnings", warnings=unreadable, scored=done)
    return t(
        "score.summary.both",
        problems=tn("count.problems", problems),
        warnings=unreadable,
        scored=done,
    )


def _per_person(fmt: ScoreFormat, cohort: bool) -> bool:
    """Whether the output is a folder of reports, one per respondent."""
    return not cohort and fmt in (ScoreFormat.html, ScoreFormat.markdown)


def _check_folder(output: Path | None, fmt: ScoreFormat) -> None:
    """Before scoring: the reports of the respondents need a folder (new or existing)."""
    from wimcheck.errors import OutputError, UsageError
    from wimcheck.messages import t

    if output is None:
        raise UsageError(
            t("score.people.folder-needed", format=fmt.value),
            hint=t("score.people.folder-needed.hint"),
        )
    # a name like report.html is meant as a file: never turn it into a folder
    looks_like_a_file = output.suffix.lower() in {".html", ".htm", ".md", ".markdown"}
    if (output.exists() and not output.is_dir()) or (looks_like_a_file and not output.is_dir()):
        raise OutputError(
            t("score.people.not-a-folder"), path=output, hint=t("score.people.not-a-folder.hint")
        )


def _write_people(result: GroupResult, fmt: ScoreFormat, folder: Path, force: bool) -> None:
    """Each respondent's report and the index into ``folder``; nothing if one file exists."""
    from wimcheck.errors import OutputError, OutputExistsError
    from wimcheck.messages import t, tn
    from wimcheck.reports.people import people_reports
    from wimcheck.tomlio import atomic_write_text

    files = people_reports(result, "html" if fmt is ScoreFormat.html else "markdown")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            t("output.cannot-write", why=error.strerror or error),
            path=folder,
            hint=t("output.cannot-write.hint"),
        ) from None
    if not force:
        for file in files:
            if (folder / file.name).exists():
                raise OutputExistsError(
                    t("output.exists"), path=folder / file.name, hint=t("output.exists.hint")
                )
    for file in files:
        atomic_write_text(folder / file.name, file.text, replace=force)
    index = folder / files[-1].name
    from wimcheck.cli.output import terminal_safe

    message(terminal_safe(tn("score.people.wrote", len(files) - 1, index=index)))


def _progress(total_files: int) -> Any:
    """A progress display on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from wimcheck.cli.output import console

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        console=console(stderr=True),
        transient=True,
    )
    progress.add_task(progress_line(0, total_files), total=None, files=total_files)
    return progress


def progress_line(scored: int, files: int) -> str:
    """``scored 500 respondents from 3 files``, in the current language."""
    from wimcheck.messages import tn

    return tn("score.progress", scored, files=tn("count.files", files))


def _scored(batch: Batch, files: list[Path]) -> Any:
    progress = _progress(len(files))
    if progress is None:
        yield from batch.run(files)
        return
    with progress:
        task = progress.task_ids[0]
        for count, item in enumerate(batch.run(files), start=1):
            if count % 500 == 0:
                progress.update(task, description=progress_line(count, len(files)))
            yield item


def _stream_csv(
    batch: Batch, files: list[Path], output: Path | None, force: bool, *, split: bool
) -> None:
    """CSV without group statistics: rows are written as they are scored (flat memory).
    One large CSV sheet is scored by two processes where it pays (:mod:`wimcheck.batch.split`)."""
    frameworks = []
    for path in files:
        for fw in batch.frameworks_of(path):
            if fw not in frameworks:
                frameworks.append(fw)
    if output is None:
        _csv_rows(batch, files, frameworks, sys.stdout, split=split)
        return
    from wimcheck.cli.output import wrote
    from wimcheck.tomlio import atomic_writer

    with atomic_writer(output, replace=force) as handle:
        _csv_rows(batch, files, frameworks, handle, split=split)
    wrote(output)


def _csv_rows(
    batch: Batch, files: list[Path], frameworks: list[Any], handle: Any, *, split: bool
) -> None:
    """The header and every row, by one process or (one large CSV sheet) two."""
    from wimcheck.batch.csv_output import CsvResultWriter

    plan = None
    if split and not batch.strict and len(files) == 1:
        from wimcheck.batch.files import input_kind
        from wimcheck.batch.split import split_plan

        plan = split_plan(batch, files[0]) if input_kind(files[0]) == "sheet" else None
    writer = CsvResultWriter(handle, frameworks)
    if plan is None:
        for item in _scored(batch, files):
            writer.write(item)
        return
    from wimcheck.batch.split import second_half
    from wimcheck.sheets.reader import LineRange

    with second_half(batch, plan) as second:
        batch.lines = LineRange(until=plan.boundary)
        for item in _scored(batch, files):
            writer.write(item)
        batch.lines = None
        for text in second.rows(batch, frameworks):
            handle.write(text)


def _stream_json(batch: Batch, files: list[Path], request: ScoreRequest) -> None:
    """JSON (format version 2): each respondent written as it is scored, the group
    profiles from running sums (flat memory). Standard output gets it only when the run
    is complete (it is staged in a temporary file), as a file does."""
    import shutil
    import tempfile

    from wimcheck.batch.group_json import GroupJsonWriter
    from wimcheck.batch.group_result import GroupResultBuilder, whole_result

    output, force, hours = request.output, request.force, request.hours
    builder = GroupResultBuilder(
        cohort=request.cohort, people=False, min_group=request.min_group, hours=hours
    )

    def write(handle: Any) -> None:
        writer = GroupJsonWriter(handle)
        for item in _scored(batch, files):
            builder.add(item)
            if item.details is not None:
                writer.add_row(item)
                continue
            person = whole_result(item, hours)
            if person is not None:
                writer.add(person)
        result = builder.build(batch.issues, batch.warnings)
        writer.finish(result.cohort, result.errors, result.warnings)

    if output is None:
        # surrogatepass: the text read back is the text written (such as a file name
        # that is not UTF-8), and standard output treats it as it always does
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass") as staged:
            write(staged)
            staged.seek(0)
            shutil.copyfileobj(staged, sys.stdout)
        return
    from wimcheck.cli.output import wrote
    from wimcheck.tomlio import atomic_writer

    with atomic_writer(output, replace=force) as handle:
        write(handle)
    wrote(output)


def _collect(batch: Batch, files: list[Path], request: ScoreRequest) -> None:
    """Everything scored first, then written: HTML, Markdown, the table, or CSV (the group
    profiles of ``--cohort --format csv`` keep no respondent)."""
    from wimcheck.batch.group_result import GroupResultBuilder
    from wimcheck.i18n.language import current_language

    fmt, output, force, cohort = request.fmt, request.output, request.force, request.cohort
    people = fmt in (ScoreFormat.html, ScoreFormat.markdown)
    # what people read is in the run's language, the framework's texts too; CSV stays English
    lang = None if fmt is ScoreFormat.csv else current_language()
    builder = GroupResultBuilder(
        cohort=cohort, people=people, min_group=request.min_group, hours=request.hours, lang=lang
    )
    keep_rows = not (cohort and fmt is ScoreFormat.csv)
    scored_items = [item for item in _scored(batch, files) if not builder.add(item) and keep_rows]
    result = builder.build(batch.issues, batch.warnings)
    if _per_person(fmt, cohort) and output is not None:
        _write_people(result, fmt, output, force)
    elif fmt is ScoreFormat.html:
        from wimcheck.reports.group import group_html

        _write(group_html(result), output, force)
    elif fmt is ScoreFormat.markdown:
        from wimcheck.reports.group import group_markdown

        _write(group_markdown(result), output, force)
    elif fmt is ScoreFormat.csv:
        _write_csv(scored_items, result, output, force)
    elif not scored_items:  # a message, not a result: standard output stays empty
        from wimcheck.messages import t

        message(t("score.none"))
    else:
        from wimcheck.cli.score_render import render_table

        no_color = request.no_color or output is not None
        text = render_table(scored_items, result.cohort, no_color=no_color)
        _write(text, output, force)


def _write_csv(
    scored_items: list[Scored], result: GroupResult, output: Path | None, force: bool
) -> None:
    """Collected rows as CSV; with ``--cohort``, the group profiles (one row a competence)."""
    import io

    from wimcheck.batch.csv_output import CsvResultWriter, write_group_csv
    from wimcheck.messages import t

    buffer = io.StringIO()
    if result.cohort is not None:
        write_group_csv(buffer, result.cohort)
        for group in result.cohort:
            if not group.shown:
                heading = group.heading
                note = t(
                    "score.csv-small-group",
                    id=heading.framework,
                    role=heading.role,
                    note=group.note,
                )
                message(note)
    else:
        frameworks = list({item.framework.id: item.framework for item in scored_items}.values())
        writer = CsvResultWriter(buffer, frameworks)
        for item in scored_items:
            writer.write(item)
    _write(buffer.getvalue(), output, force)


def _write(text: str, output: Path | None, force: bool) -> None:
    from wimcheck.cli.output import write_output

    write_output(text, output, force)
