"""What every group and comparison result starts with: the framework and role it is about."""

from __future__ import annotations

from typing import Literal

from wimcheck.frameworks.model import Framework, Role
from wimcheck.records import record

__all__ = ["ResultHeading", "result_heading"]


@record
class ResultHeading:
    """Which framework and role a result is about, with their titles."""

    framework: str
    framework_title: str
    framework_version: str
    role: str
    role_title: str
    subject: Literal["person", "organisation"]


def result_heading(framework: Framework, role: Role, lang: str = "en") -> ResultHeading:
    """The heading of a result about ``role`` of ``framework``, titles in ``lang``."""
    return ResultHeading(
        framework=framework.id,
        framework_title=framework.title.get(lang),
        framework_version=framework.version,
        role=role.id,
        role_title=role.title.get(lang),
        subject=framework.subject,
    )
