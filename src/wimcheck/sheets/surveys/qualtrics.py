"""Qualtrics, *Data & Analysis → Export data*, CSV.

Three header rows: export tags (``StartDate``, ``Q1``, ``Q2_1``), descriptions (``Start
Date``, the question text; a matrix ``Question text - Statement text``) and import ids
(``{"ImportId":"QID2_1"}``); exports made before 2017 have the first two only. Answers
are choice texts, or numeric recodes (by default 1 to n in scale order, which are not
the framework's values: such numbers are only read through a mapping file). Survey
previews, tests, spam and unfinished responses are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from wimcheck.sheets.surveys.tool import DropRule, SurveyTool, names

__all__ = ["TOOL"]

_OWN = (
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
    "Q_RecaptchaScore",
)
_DESCRIPTIONS = (
    "Start Date",
    "End Date",
    "Response Type",
    "IP Address",
    "Recorded Date",
    "Response ID",
    "Recipient Last Name",
    "Recipient First Name",
    "Recipient Email",
    "External Data Reference",
    "Location Latitude",
    "Location Longitude",
    "Distribution Channel",
    "User Language",
)
_NOT_ANSWERS = ("Survey Preview", "Survey Test", "Spam", "1", "2", "8")


def _import_ids(row: Sequence[str]) -> bool:
    return any(cell.lstrip().startswith('{"ImportId"') for cell in row)


def _extra_header_rows(rows: Sequence[Sequence[str]]) -> int:
    """The descriptions row, and the import ids row when there is one."""
    if not rows:
        return 0
    return 2 if len(rows) > 1 and _import_ids(rows[1]) else 1


TOOL = SurveyTool(
    id="qualtrics",
    name="Qualtrics",
    markers=names("ResponseId", "RecordedDate", "DistributionChannel", "Finished", "Progress"),
    metadata=names(*_OWN, *_DESCRIPTIONS),
    drop=(
        DropRule.of(["Status", "Response Type"], _NOT_ANSWERS),
        DropRule.of(["Finished"], ["False", "0"]),
    ),
    extra_header_rows=_extra_header_rows,
)
