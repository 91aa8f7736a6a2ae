"""KoboToolbox (KPI and formpack) exports, XLSX or CSV.

One header row: question labels in the export's language (with "Include groups in
headers", ``Group label/Question label``) or XML names (``WIM_FND_1_a``, ``group/name``).
The CSV is UTF-8 without BOM, ``;`` between fields, every field quoted. Answers are
choice labels, or choice names in XML mode. The form's ``start`` and ``end`` come first,
the submission's own columns (``_id``, ``_uuid``, ``_submission_time`` ...) last.
"""

from __future__ import annotations

from wimcheck.sheets.surveys.tool import SurveyTool, names

__all__ = ["TOOL"]

_OWN = (
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
    "meta/rootUuid",
    "meta/instanceID",
)

TOOL = SurveyTool(
    id="kobotoolbox",
    name="KoboToolbox",
    markers=names("_uuid", "_submission_time", "_validation_status", "__version__", "_index"),
    metadata=names(*_OWN, "start", "end", "today", "deviceid", "username", "audit"),
)
