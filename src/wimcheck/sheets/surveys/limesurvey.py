"""LimeSurvey (CE 3.x to 6.x), *Responses → Export → Export responses*, CSV or XLSX.

One header row. Headings are question codes (``G02Q01[SQ001]``, or ``G02Q01_SQ001`` with
ExpressionScript codes), full texts (``Question text [Subquestion text]``, the default),
or code and text (``G02Q01[SQ001]. Question [Subquestion]``); the subquestion in square
brackets is the statement. Answers are codes (``AO01``) or full answer texts (the
default). A response whose ``submitdate`` is empty is incomplete and left out.
"""

from __future__ import annotations

from wimcheck.sheets.surveys.tool import DropRule, SurveyTool, names

__all__ = ["TOOL"]

_CODES = ("id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate")
_CODES_MORE = ("datestamp", "ipaddr", "refurl")
_TEXTS = (
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
    "Seed",
    "Access code",
    "Date started",
    "Date last action",
    "IP address",
    "Referrer URL",
)

TOOL = SurveyTool(
    id="limesurvey",
    name="LimeSurvey",
    markers=names("submitdate", "lastpage", "startlanguage", "seed", *_TEXTS[1:4]),
    metadata=names(*_CODES, *_CODES_MORE, *_TEXTS),
    drop=(DropRule.of(["submitdate", "Date submitted"], [""]),),
)
