"""Response sheets (spreadsheets with one respondent per row)."""

from __future__ import annotations

import csv
import io

from wimcheck.framework import Framework, Role

__all__ = ["sheet_header", "template_csv"]


def sheet_header(framework: Framework, role: Role) -> list[str]:
    """The columns of a response sheet: respondent, role, then statement ids in order."""
    return ["respondent", "role", *(s.id for s in framework.questionnaire(role))]


def template_csv(framework: Framework, role: Role) -> str:
    """A blank CSV response sheet for ``role`` (header only)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(sheet_header(framework, role))
    return buffer.getvalue()
