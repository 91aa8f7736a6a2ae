"""Typed pieces shared by the report views: plan rows and the "About" part.

A view is what a report says, as plain (unescaped) strings; the HTML templates and the
Markdown renderers only lay it out and escape it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from wimcheck.messages import REPORT_TEXTS as TEXT
from wimcheck.messages import delivery_word
from wimcheck.records import record
from wimcheck.reports.charts import format_number

if TYPE_CHECKING:
    from wimcheck.assessment.result import Provenance, TranslationNote

__all__ = [
    "AboutView",
    "PlanItem",
    "PlanRow",
    "SourceView",
    "about_view",
    "format_value",
    "plan_row",
    "safe_url",
]


def format_value(value: float | None, digits: int = 2) -> str:
    """A number of a report, at most ``digits`` decimals; "–" for none."""
    return TEXT["none"] if value is None else format_number(float(value), digits)


def safe_url(url: object) -> str | None:
    """``url`` when it is a plain http(s) address, else ``None`` (then it is shown as text)."""
    if not isinstance(url, str):
        return None
    cleaned = url.strip()
    # no whitespace, quotes or angle brackets: a real address has them percent-encoded
    if re.fullmatch(r"https?://[^\s\"'<>`\\]+", cleaned, flags=re.IGNORECASE) is None:
        return None
    return cleaned


class PlanItem(Protocol):
    """A module of a plan, a person's or a group's."""

    @property
    def module(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def hours(self) -> float | None: ...
    @property
    def eqf(self) -> float | None: ...
    @property
    def covers(self) -> Sequence[str]: ...
    @property
    def prerequisite_for(self) -> Sequence[str]: ...


@record
class PlanRow:
    """A module of a plan as shown: numbers formatted, competences by title, notes."""

    module: str
    title: str
    hours: str
    eqf: str
    delivery: str
    covers: tuple[str, ...]
    notes: tuple[str, ...]
    group_priority: str
    per_hour: str


def plan_row(
    item: PlanItem,
    plan: Sequence[PlanItem],
    titles: Mapping[str, str],
    *,
    delivery: str | None = None,
    group_priority: float | None = None,
) -> PlanRow:
    """``item`` of ``plan`` with the competence titles it addresses and prerequisite notes."""
    module_titles = {p.module: p.title for p in plan}

    def named(ids: Sequence[str]) -> str:
        return ", ".join(f"{i} ({module_titles[i]})" if module_titles.get(i) else i for i in ids)

    requires = [p.module for p in plan if item.module in p.prerequisite_for]
    notes = []
    if requires:
        notes.append(TEXT["plan.requires"].format(modules=named(requires)))
    if item.prerequisite_for:
        notes.append(TEXT["plan.prerequisite-for"].format(modules=named(item.prerequisite_for)))
    covers = tuple(titles.get(c, c) for c in item.covers)
    hours = item.hours
    return PlanRow(
        module=item.module,
        title=item.title,
        hours=format_value(hours),
        eqf=format_value(item.eqf),
        delivery=delivery_word(delivery) if delivery else TEXT["none"],
        covers=covers or (TEXT["plan.needed-first"],),
        notes=tuple(notes),
        group_priority=format_value(group_priority),
        per_hour=format_value(round(group_priority / hours, 2))
        if group_priority and hours
        else "–",
    )


@record
class SourceView:
    """A source as shown: its title, its address, and the address as a link if it is safe."""

    title: str
    url: str
    href: str | None


@record
class AboutView:
    """Where a framework comes from, as the "About" part of a report shows it."""

    published: str
    authored: str
    sources: tuple[SourceView, ...]
    licence: str
    translation: tuple[str, ...] = ()  # sentences on the translation of the report's language


def about_view(provenance: Provenance, licence: str) -> AboutView:
    """The "About" part of a report from a result's provenance and licence."""
    sources = tuple(
        SourceView(s.title or s.url or "", s.url or "", safe_url(s.url or ""))
        for s in provenance.sources
    )
    translation = translation_lines(provenance.translation)
    return AboutView(provenance.published, provenance.authored, sources, licence, translation)


def translation_lines(note: TranslationNote | None) -> tuple[str, ...]:
    """Who translated the framework's texts, whether reviewed, what is official or English."""
    if note is None:
        return ()
    from wimcheck.i18n.formats import language_name  # noqa: PLC0415

    language = language_name(note.lang)
    lines = [
        TEXT["about.translation"].format(language=language, by=note.translated_by)
        if note.translated_by
        else TEXT["about.translation.in-file"].format(language=language)
    ]
    if note.reviewed:
        lines.append(
            TEXT["about.translation.reviewed-by"].format(name=note.reviewed_by)
            if note.reviewed_by
            else TEXT["about.translation.reviewed"]
        )
    elif note.translated_by:
        lines.append(TEXT["about.translation.not-reviewed"])
    if note.official:
        official = format_number(float(note.official))
        lines.append(TEXT["about.translation.official"].format(count=official))
    if note.english_shown:
        lines.append(TEXT["about.english-shown"])
    return tuple(lines)
