"""Survey tools' exports in a batch: told apart from wimcheck's own sheets, read through
:mod:`wimcheck.sheets.surveys` into a sheet, or refused with every reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wimcheck.batch.issues import BatchIssue
from wimcheck.errors import WimcheckError
from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.model import Framework
from wimcheck.sheets.reader import Sheet
from wimcheck.sheets.surveys.tools import OTHER, detect_tool
from wimcheck.sheets.xlsform_text import FORM_ROLE

if TYPE_CHECKING:
    from wimcheck.batch.inputs import Batch
    from wimcheck.sheets.surveys.reading import SurveyOptions, SurveyReading

__all__ = ["is_survey_export", "read_export", "survey_options", "survey_sheet"]


def is_survey_export(batch: Batch, sheet: Sheet) -> bool:
    """Whether a sheet is a survey tool's export, not one of wimcheck's sheets: it is not
    a template, and it has no ``respondent`` column, or a tool's own columns or the
    ``wimcheck_role`` column of wimcheck's XLSForm, or a mapping file was given."""
    if sheet.info is not None:
        return False
    if batch.mapping_given or detect_tool(sheet.header) is not OTHER:
        return True
    headings = {cell.strip().lower() for cell in sheet.header}
    # wimcheck's own XLSForm's column: an export, even when the tool's columns were cut
    return FORM_ROLE in headings or "respondent" not in headings


def survey_options(batch: Batch) -> SurveyOptions:
    """What the batch's options and catalogue tell the reading of an export."""
    # imported when an export is read: scoring wimcheck's own sheets does without it
    from wimcheck.sheets.surveys.reading import SurveyOptions  # noqa: PLC0415

    def framework_by_id(framework_id: str) -> Framework | None:
        try:
            return load_framework(framework_id, batch.catalog)
        except WimcheckError:
            return None

    return SurveyOptions(
        frameworks=[entry.framework for entry in batch.catalog.entries.values()],
        forced=batch.forced,
        role_id=batch.role_id,
        respondent_column=batch.respondent_column,
        mapping=batch.mapping,
        framework_by_id=framework_by_id,
    )


def read_export(batch: Batch, sheet: Sheet) -> SurveyReading:
    """An export read whole (the file is closed after)."""
    from wimcheck.sheets.surveys.reading import read_survey  # noqa: PLC0415 - as above

    try:
        return read_survey(sheet, survey_options(batch))
    finally:
        sheet.close()


def survey_sheet(batch: Batch, sheet: Sheet, *, quiet: bool = False) -> Sheet | None:
    """The export as a sheet to score; None (and every problem reported) if it cannot be
    read safely."""
    reading = read_export(batch, sheet)
    if not reading.problems:
        return reading.sheet(sheet)
    if not quiet:
        for problem in reading.problems:
            batch.report(BatchIssue(str(sheet.path), None, problem))
    return None
