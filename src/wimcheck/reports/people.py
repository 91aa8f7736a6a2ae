"""A report for every respondent of a batch, and an index page that links them.

``wimcheck score … --format html|markdown`` without ``--cohort`` writes these files into
a folder: :func:`people_reports` builds them (names and texts, nothing is written here).
Each person's report is the one ``wimcheck report`` gives; its file name is made from the
respondent's name with :func:`wimcheck.paths.file_name_part`, unique in the folder even
on file systems that ignore case, and never the index's own name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal
from urllib.parse import quote

from wimcheck.assessment.responses import shown_respondent
from wimcheck.assessment.result import PersonResult
from wimcheck.batch.group_model import GroupResult
from wimcheck.messages import tn
from wimcheck.paths import file_name_part
from wimcheck.records import record
from wimcheck.reports.group import _error_line
from wimcheck.reports.html_common import (
    TEXT,
    _language,
    _render,
    _subject_texts,
    format_percent,
)
from wimcheck.reports.markdown_common import _footer, _table, md, md_block
from wimcheck.reports.person import person_html, person_markdown

__all__ = [
    "INDEX_STEM",
    "IndexEntry",
    "PeopleIndexView",
    "ReportFile",
    "ReportFormat",
    "people_reports",
]

ReportFormat = Literal["html", "markdown"]

INDEX_STEM = "index"

_SUFFIX: dict[ReportFormat, str] = {"html": ".html", "markdown": ".md"}


@record
class ReportFile:
    """One file of the folder: its name (no folder part) and its text."""

    name: str
    text: str


@record
class IndexEntry:
    """One respondent in the index: the link to their report and what it is about."""

    respondent: str
    file: str
    href: str
    role: str
    framework: str
    readiness: str
    source: str


@record
class PeopleIndexView:
    """Everything the index page says, as plain (unescaped) strings."""

    lang: str
    doc_title: str
    heading: str
    summary: str
    entries: tuple[IndexEntry, ...]
    errors: tuple[str, ...]
    t: dict[str, str]
    kind: str = "people"


def unique_stems(respondents: Sequence[str]) -> list[str]:
    """A file name stem per respondent: safe, unique ignoring case, never the index's."""
    taken = {INDEX_STEM}
    stems = []
    for respondent in respondents:
        base = file_name_part(respondent) or "respondent"
        stem, number = base, 1
        while stem.casefold() in taken:
            number += 1
            stem = f"{base}-{number}"
        taken.add(stem.casefold())
        stems.append(stem)
    return stems


def _entry(person: PersonResult, file: str) -> IndexEntry:
    readiness = format_percent(person.readiness)
    return IndexEntry(
        respondent=shown_respondent(person.respondent),
        file=file,
        href=quote(file),
        role=person.role_title or person.role,
        framework=person.framework_title or person.framework,
        readiness=readiness,
        source=person.source or "",
    )


def index_view(result: GroupResult, files: Sequence[str]) -> PeopleIndexView:
    """The index of the reports ``files`` (one per respondent, in order)."""
    people = result.respondents
    lang = next((p.language for p in people if p.language), "en")
    return PeopleIndexView(
        lang=_language(lang),
        doc_title=tn("people.doc-title", len(people)),
        heading=TEXT["people.heading"],
        summary=tn("people.summary", len(people)),
        entries=tuple(_entry(p, f) for p, f in zip(people, files, strict=True)),
        errors=tuple(_error_line(issue) for issue in result.errors),
        t=_subject_texts("person"),
    )


def _index_markdown(view: PeopleIndexView) -> str:
    t = view.t
    out = [f"# {md(view.heading)}", "", md_block(view.summary), ""]
    columns = [t["label.respondent"], t["people.col.report"], t["label.role"]]
    columns += [t["label.framework"], t["people.col.source"], t["people.col.readiness"]]
    lines = _table(columns, [], 5)
    for e in view.entries:
        link = f"[{md(e.file)}](<{e.href}>)"  # the text escaped, the target percent-encoded
        cells = [md(e.respondent), link, *(md(c) for c in (e.role, e.framework))]
        cells += [md(e.source), md(e.readiness)]
        lines.append("| " + " | ".join(cells) + " |")
    out += [*lines, ""]
    if view.errors:
        out += [f"## {md(t['h.errors'])}", "", md_block(t["errors.explain"]), ""]
        out += [*(f"- {md(e)}" for e in view.errors), ""]
    return "\n".join([*out, *_footer()])


def people_reports(result: GroupResult, fmt: ReportFormat) -> tuple[ReportFile, ...]:
    """Every respondent's own report, then the index (named ``index`` + the suffix)."""
    suffix = _SUFFIX[fmt]
    render = person_html if fmt == "html" else person_markdown
    people = result.respondents
    names = [stem + suffix for stem in unique_stems([p.respondent for p in people])]
    files = [ReportFile(name, render(person)) for name, person in zip(names, people, strict=True)]
    view = index_view(result, names)
    index = _render("people.html", view) if fmt == "html" else _index_markdown(view)
    return (*files, ReportFile(INDEX_STEM + suffix, index))
