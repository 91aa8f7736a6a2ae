"""The pages of ``wimcheck serve``: typed views rendered by Jinja2 templates (autoescaped).

Every text on a page is either wimcheck's own (a key of :mod:`wimcheck.messages`, in the
page's language) or a framework's or participant's, escaped by the templates.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from wimcheck.i18n.language import SUPPORTED_LANGUAGES, language_of
from wimcheck.messages import t
from wimcheck.records import record

__all__ = [
    "Choice",
    "DoneView",
    "FacilitatorView",
    "JoinView",
    "LanguageLink",
    "MessageView",
    "PersonRow",
    "ResumeView",
    "RoleChoice",
    "StatementView",
    "pick_language",
    "render",
]


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("wimcheck.web", "templates"),
        auto_reload=False,  # the packaged templates do not change while serving
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(
    template: str,
    lang: str,
    title: str,
    view: Any,
    *,
    facilitator: bool = False,
) -> str:
    """The page ``template`` showing ``view``, with wimcheck's texts in ``lang``."""

    def text(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    return (
        _environment()
        .get_template(template)
        .render(
            lang=lang,
            title=title,
            view=view,
            t=text,
            body_class="facilitator" if facilitator else "participant",
        )
    )


def pick_language(asked: str | None, accept: str | None, allowed: tuple[str, ...]) -> str:
    """The page language: ``asked`` (a ``lang`` field), else the browser's, else the first."""
    chosen = language_of(asked)
    if chosen in allowed:
        return chosen
    for part in (accept or "").split(","):
        candidate = language_of(part.split(";")[0])
        if candidate in allowed:
            return candidate
    return allowed[0] if allowed else SUPPORTED_LANGUAGES[0]


@record
class LanguageLink:
    """A link that shows the start page in another language."""

    code: str
    name: str
    href: str
    current: bool


@record
class RoleChoice:
    """A role a participant may choose."""

    id: str
    title: str
    description: str


@record
class JoinView:
    """The start page: language, join code, role, name."""

    framework_title: str
    languages: tuple[LanguageLink, ...]
    roles: tuple[RoleChoice, ...]
    role_question: str
    code_known: bool
    code: str
    csrf: str
    error: str | None = None


@record
class ResumeView:
    """The page to type a resume code on."""

    csrf: str
    error: str | None = None


@record
class Choice:
    """One answer of the scale (or not applicable)."""

    value: str
    label: str
    descriptor: str
    checked: bool


@record
class StatementView:
    """One statement with its answers."""

    progress: str
    number: int
    total: int
    competence: str | None
    text: str
    scale_title: str
    choices: tuple[Choice, ...]
    can_go_back: bool
    csrf: str
    pos: int
    resume_note: str
    resume_code: str
    error: str | None = None
    review_note: str | None = None  # on the first page of the review of skipped ones


@record
class DoneView:
    """The end of the questionnaire, before the result."""

    summary: str
    csrf: str
    pos: int
    resume_note: str
    resume_code: str


@record
class MessageView:
    """A page that says one thing: an error, a closed workshop, an expired form."""

    heading: str
    text: str
    link_href: str | None = None
    link_text: str = ""


@record
class PersonRow:
    """A participant in the facilitator's table."""

    name: str
    role: str
    state: str


@record
class FacilitatorView:
    """The facilitator's page."""

    title: str
    base: str
    joined: int
    joined_text: str
    finished: int
    finished_text: str
    join_line: str
    join_code: str
    group_ready: bool
    group_waiting: str
    people: tuple[PersonRow, ...]
    folder_line: str
    closed: bool
    csrf: str
