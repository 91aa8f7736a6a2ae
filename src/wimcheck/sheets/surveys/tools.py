"""The survey tools wimcheck reads, and which one wrote a file (told from its headings).

Telling the tool is inference: a mapping file's ``tool`` overrides it.
"""

from __future__ import annotations

from collections.abc import Sequence

from wimcheck.sheets.surveys import (
    google_forms,
    kobotoolbox,
    limesurvey,
    microsoft_forms,
    odk_central,
    qualtrics,
)
from wimcheck.sheets.surveys.normal import normal_text
from wimcheck.sheets.surveys.tool import SurveyTool, names
from wimcheck.sheets.xlsform_text import FORM_ROLE

__all__ = ["ALL_METADATA", "OTHER", "TOOLS", "detect_tool", "tool_by_id"]

TOOLS: tuple[SurveyTool, ...] = (
    limesurvey.TOOL,
    kobotoolbox.TOOL,
    odk_central.TOOL,
    microsoft_forms.TOOL,
    google_forms.TOOL,
    qualtrics.TOOL,
)
OTHER = SurveyTool(id="other", name="other", markers=frozenset(), metadata=frozenset())
# every tool's own columns, and the framework and role wimcheck's own XLSForm records:
# ignored whichever tool is detected (never a problem)
ALL_METADATA = frozenset().union(*(tool.metadata for tool in TOOLS)) | names(FORM_ROLE)
_MARKERS_NEEDED = 2  # Google Forms: one (its time stamp or e-mail heading) is enough


def tool_by_id(tool_id: str) -> SurveyTool:
    """The tool with this id (``other`` when none has it)."""
    return next((tool for tool in TOOLS if tool.id == tool_id), OTHER)


def detect_tool(header: Sequence[str]) -> SurveyTool:
    """The tool whose own headings the header holds most of, or ``other``."""
    headings = {normal_text(cell) for cell in header}
    best = max(TOOLS, key=lambda tool: tool.fits(headings))
    needed = 1 if best is google_forms.TOOL else _MARKERS_NEEDED
    return best if best.fits(headings) >= needed else OTHER
