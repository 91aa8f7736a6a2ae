"""What every route needs: the workshop, the languages, the limits, and the common replies."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import HTMLResponse

from wimcheck.messages import t
from wimcheck.web.pages import MessageView, pick_language, render
from wimcheck.web.security import AttemptLimiter
from wimcheck.web.workshop import Workshop

__all__ = ["PARTICIPANT_COOKIE", "VISITOR_COOKIE", "ServeContext", "form_text", "message_page"]

PARTICIPANT_COOKIE = "wimcheck_p"
VISITOR_COOKIE = "wimcheck_v"
COOKIE_AGE = 7 * 24 * 3600  # a week: a workshop and its follow-up


@dataclass
class ServeContext:
    """The workshop being served and the settings of this run."""

    workshop: Workshop
    facilitator_lang: str
    attempts: AttemptLimiter = field(default_factory=AttemptLimiter)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages participants may choose."""
        return self.workshop.settings.languages

    def language(self, request: Request, asked: str | None = None) -> str:
        """The language of a page for someone not yet known (``lang``, the browser's)."""
        return pick_language(
            asked or request.query_params.get("lang"),
            request.headers.get("accept-language"),
            self.languages,
        )


def message_page(
    lang: str,
    status: int,
    key: str,
    link: str | None = "/",
    link_key: str = "serve.back-to-start",
    **values: str,
) -> HTMLResponse:
    """A page that says one thing (``key``: heading; ``key.text``: the sentence)."""
    view = MessageView(
        heading=t(key, lang),
        text=t(f"{key}.text", lang, **values),
        link_href=link,
        link_text=t(link_key, lang) if link else "",
    )
    return HTMLResponse(render("message.html", lang, view.heading, view), status_code=status)


def form_text(value: object, limit: int = 400) -> str:
    """A form field as text (a file sent instead is nothing), at most ``limit`` long."""
    return value[:limit] if isinstance(value, str) else ""
