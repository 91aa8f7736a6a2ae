"""``wimcheck report`` on a survey tool's export holding one person's answers.

A wimcheck sheet is refused (``score`` reads sheets); an export of one respondent is read
as ``score`` reads it and reported like a response file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wimcheck.records import record

if TYPE_CHECKING:
    from wimcheck.assessment.result import PersonResult


@record
class SheetOptions:
    """The options of ``report`` that read an export."""

    framework: str | None
    role: str | None
    mapping: Path | None
    respondent_column: str | None


def sheet_result(
    path: Path, options: SheetOptions, hours: float | None, lang: str | None = None
) -> PersonResult:
    """The result of the one respondent of a survey export (its texts in ``lang`` if given).

    Raises:
        UsageError: a wimcheck sheet, or an export of several respondents.
        RejectedInputError: the export cannot be read safely.
    """
    from wimcheck.assessment.result import person_result
    from wimcheck.batch.inputs import Batch
    from wimcheck.batch.survey_inputs import is_survey_export
    from wimcheck.cli.inputs import require_existing
    from wimcheck.errors import RejectedInputError, UsageError, WimcheckError
    from wimcheck.messages import t
    from wimcheck.sheets.reader import open_sheet

    if options.mapping is not None:
        require_existing([options.mapping])
    batch = Batch(
        framework_name=options.framework,
        role_id=options.role,
        keep_answers=True,
        mapping_path=options.mapping,
        respondent_column=options.respondent_column,
    )
    not_export = UsageError(t("report.sheet", path=path), hint=t("report.sheet.hint", path=path))
    try:
        opened = open_sheet(path, encoding=None, header_ok=batch.header_ok)
    except WimcheckError:
        raise not_export from None  # score names what is wrong with it
    opened.close()
    if not is_survey_export(batch, opened):
        raise not_export
    scored = list(batch.run([path]))
    if batch.issues:
        first = batch.issues[0]
        more = t("batch.more", count=len(batch.issues) - 1) if len(batch.issues) > 1 else ""
        raise RejectedInputError(first.reason + more, path=path)
    if len(scored) != 1 or scored[0].responses is None:
        people = t("survey.report-people", path=path, count=len(scored))
        raise UsageError(people, hint=t("report.sheet.hint", path=path))
    item = scored[0]
    assert item.responses is not None
    return person_result(item.framework, item.role, item.responses, hours, lang)
