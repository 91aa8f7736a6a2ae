"""What ``frameworks list`` shows of a framework, kept apart so listing reads no more.

A :class:`FrameworkSummary` is made from a validated framework (:func:`summary_of`) and
kept in its cache entry beside the whole framework (:mod:`wimcheck.frameworks.cache`), so
listing every framework decodes a few lines of JSON per framework instead of each one in
full. Standard library only: neither the framework model nor validation is imported to
read a summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from wimcheck.records import record

if TYPE_CHECKING:
    from wimcheck.frameworks.model import Framework, LocalText

__all__ = [
    "FrameworkSummary",
    "RoleSummary",
    "SummaryFormatError",
    "decode_summary",
    "encode_summary",
    "listed_facts",
    "summary_of",
]


class SummaryFormatError(ValueError):
    """A summary that does not have the shape this version of wimcheck writes."""


def _in(texts: Mapping[str, str], lang: str) -> str:
    """The text in ``lang``, or in English when it has no such translation (as LocalText)."""
    return texts.get(lang, texts["en"])


@record
class RoleSummary:
    """A role's id and its title in every language it has (``"en"`` always)."""

    id: str
    titles: Mapping[str, str]

    def title(self, lang: str = "en") -> str:
        """The title in ``lang``, else in English."""
        return _in(self.titles, lang)


@record
class FrameworkSummary:
    """The facts of a framework that ``frameworks list`` shows."""

    id: str
    version: str
    subject: str
    languages: tuple[str, ...]
    statement_count: int
    titles: Mapping[str, str]
    roles: tuple[RoleSummary, ...]

    def title(self, lang: str = "en") -> str:
        """The title in ``lang``, else in English."""
        return _in(self.titles, lang)


def _texts(text: LocalText) -> dict[str, str]:
    return {"en": text.en, **dict(text.other)}


def summary_of(framework: Framework) -> FrameworkSummary:
    """The summary of a (validated) framework."""
    return FrameworkSummary(
        id=framework.id,
        version=framework.version,
        subject=framework.subject,
        languages=tuple(framework.languages),
        statement_count=framework.statement_count,
        titles=_texts(framework.title),
        roles=tuple(RoleSummary(r.id, _texts(r.title)) for r in framework.roles.values()),
    )


def listed_facts(summary: FrameworkSummary) -> dict[str, Any]:
    """The facts ``frameworks list --format json`` gives of a framework."""
    return {
        "id": summary.id,
        "title": summary.titles["en"],
        "version": summary.version,
        "languages": list(summary.languages),
        "roles": [role.id for role in summary.roles],
        "statements": summary.statement_count,
    }


def encode_summary(summary: FrameworkSummary) -> dict[str, Any]:
    """The summary as JSON-ready data."""
    return {
        "id": summary.id,
        "version": summary.version,
        "subject": summary.subject,
        "languages": list(summary.languages),
        "statements": summary.statement_count,
        "title": dict(summary.titles),
        "roles": [[role.id, dict(role.titles)] for role in summary.roles],
    }


def _str(value: object) -> str:
    if type(value) is not str:
        raise SummaryFormatError(f"expected str, found {type(value).__name__}")
    return value


def _texts_of(value: object) -> dict[str, str]:
    if type(value) is not dict or "en" not in value:
        raise SummaryFormatError("expected texts with English")
    return {_str(lang): _str(text) for lang, text in value.items()}


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise SummaryFormatError(f"expected list, found {type(value).__name__}")
    return value


def _role(value: object) -> RoleSummary:
    items = _list(value)
    if len(items) != 2:
        raise SummaryFormatError("expected a role id and its titles")
    return RoleSummary(_str(items[0]), _texts_of(items[1]))


def decode_summary(data: object) -> FrameworkSummary:
    """The summary :func:`encode_summary` wrote; ``SummaryFormatError`` if not."""
    if type(data) is not dict:
        raise SummaryFormatError("expected an object")
    try:
        count = data["statements"]
        if type(count) is not int:
            raise SummaryFormatError("expected a count of statements")
        return FrameworkSummary(
            id=_str(data["id"]),
            version=_str(data["version"]),
            subject=_str(data["subject"]),
            languages=tuple(_str(lang) for lang in _list(data["languages"])),
            statement_count=count,
            titles=_texts_of(data["title"]),
            roles=tuple(_role(role) for role in _list(data["roles"])),
        )
    except KeyError as exc:
        raise SummaryFormatError(f"missing {exc}") from None
