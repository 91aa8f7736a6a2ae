"""Microsoft Forms, "Open results in Excel" (XLSX).

One header row: ``ID``, ``Start time``, ``Completion time``, ``Email``, ``Name`` (and
``Total points``, ``Quiz feedback``, ``Last modified time`` where the form has them),
then one column per question; a Likert question gives one column per statement, headed
by the statement (perhaps after the question title). Answers are the option labels.
"""

from __future__ import annotations

from wimcheck.sheets.surveys.tool import SurveyTool, names

__all__ = ["TOOL"]

TOOL = SurveyTool(
    id="microsoft-forms",
    name="Microsoft Forms",
    markers=names("Start time", "Completion time", "Last modified time", "Quiz feedback"),
    metadata=names(
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Total points",
        "Quiz feedback",
        "Last modified time",
    ),
)
