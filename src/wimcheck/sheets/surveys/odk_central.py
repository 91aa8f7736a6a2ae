"""ODK Central, ``submissions.csv``: ``,`` between fields, quotes only where needed.

One header row: ``SubmissionDate``, the form's fields in form order (with group paths
``grp-name``, or bare names when "Remove group names" was chosen), then Central's own
columns (``KEY``, ``SubmitterID`` ... ``FormVersion``). Answers are choice names, never
labels, so statement columns are found by statement id (the question names).
"""

from __future__ import annotations

from wimcheck.sheets.surveys.tool import SurveyTool, names

__all__ = ["TOOL"]

_OWN = (
    "SubmissionDate",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
    "meta-instanceID",
    "instanceID",
)

TOOL = SurveyTool(
    id="odk-central",
    name="ODK Central",
    markers=names("SubmissionDate", "SubmitterID", "SubmitterName", "ReviewState", "FormVersion"),
    metadata=names(*_OWN, "start", "end", "today", "deviceid"),
)
