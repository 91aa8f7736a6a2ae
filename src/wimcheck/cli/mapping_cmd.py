"""``wimcheck mapping``: what wimcheck infers from a survey tool's export, as a mapping file
ready to edit (``show``), and the mapping file's JSON Schema (``schema``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli.output import (
    EncodingOption,
    ForceOption,
    MappingOption,
    OutputOption,
    RespondentColumnOption,
    echo,
    message,
)

if TYPE_CHECKING:
    from wimcheck.batch.inputs import Batch
    from wimcheck.sheets.reader import Sheet

app = typer.Typer(help="help.mapping", no_args_is_help=True, add_completion=False)


@app.command("show", help="help.mapping.show")
def show(
    export: Annotated[Path, typer.Argument(help="help.mapping.export")],
    framework: Annotated[
        str | None, typer.Option("--framework", help="help.score.framework")
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help="help.report.role")] = None,
    mapping: MappingOption = None,
    respondent_column: RespondentColumnOption = None,
    encoding: EncodingOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the mapping inferred from ``export`` (exit code 1 when something is missing)."""
    from wimcheck.batch.inputs import Batch
    from wimcheck.batch.survey_inputs import is_survey_export, read_export
    from wimcheck.cli.inputs import require_existing, require_file
    from wimcheck.cli.output import output_file, write_output
    from wimcheck.errors import ExitCode, RejectedInputError
    from wimcheck.messages import t, tn
    from wimcheck.sheets.surveys.mapping_text import mapping_text
    from wimcheck.tomlio import refuse_overwrite

    require_file(export)
    if mapping is not None:
        require_existing([mapping])
    output = output_file(output)  # -o -: standard output
    if output is not None:
        refuse_overwrite(output, force)
    batch = Batch(
        framework_name=framework,
        role_id=role,
        encoding=encoding,
        mapping_path=mapping,
        respondent_column=respondent_column,
    )
    sheet = _open_export(export, batch)
    if not is_survey_export(batch, sheet):
        sheet.close()
        hint = t("mapping.not-survey.hint", path=export)
        raise RejectedInputError(t("mapping.not-survey"), path=export, hint=hint)
    reading = read_export(batch, sheet)
    write_output(mapping_text(reading, export, batch.mapping), output, force)
    if reading.problems:
        message(tn("mapping.problems", len(reading.problems)))
        raise typer.Exit(int(ExitCode.FINDINGS))


def _open_export(export: Path, batch: Batch) -> Sheet:
    """The export opened as a sheet; an empty or unreadable one named with what is needed."""
    from wimcheck.errors import InputFileError
    from wimcheck.messages import t
    from wimcheck.sheets.reader import open_sheet

    try:
        return open_sheet(export, encoding=batch.encoding, header_ok=batch.header_ok)
    except InputFileError as exc:
        if exc.hint is None:
            exc.hint = t("mapping.export.hint")
        raise


@app.command("schema", help="help.mapping.schema")
def schema() -> None:
    """Print the JSON Schema of the mapping file format (for editors and tools)."""
    from wimcheck.sheets.surveys.mapping_model import MappingFileModel

    echo(json.dumps(MappingFileModel.model_json_schema(), indent=2, ensure_ascii=False))
