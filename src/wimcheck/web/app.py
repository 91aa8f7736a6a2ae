"""The Starlette application of ``wimcheck serve``: routes, limits, headers, error pages.

Nothing a participant sends can make a server error: unknown addresses, wrong methods,
forged and stale forms each get a page in the participant's language with a 4xx status.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from wimcheck.web.context import ServeContext, message_page
from wimcheck.web.facilitator import facilitator_routes
from wimcheck.web.pages import pick_language
from wimcheck.web.participant import participant_routes
from wimcheck.web.security import Limits, LimitsMiddleware, Scope, SecurityHeadersMiddleware

__all__ = ["create_app"]

STATIC = Path(__file__).resolve().parent / "static"

# The page said for each status a request can be refused with.
STATUS_PAGES = {
    400: "serve.bad-form",
    403: "serve.expired",
    404: "serve.not-found",
    405: "serve.not-found",
    411: "serve.bad-form",
    413: "serve.too-large",
    429: "serve.too-many",
    500: "serve.internal",
}


def create_app(ctx: ServeContext, limits: Limits | None = None) -> Starlette:
    """The application serving ``ctx``'s workshop."""
    languages = ctx.languages

    def refuse(scope: Scope, status: int) -> bytes:
        accept = ""
        for name, value in scope.get("headers", []):
            if name == b"accept-language":
                accept = value.decode("latin-1")
        lang = pick_language(None, accept, languages)
        page = message_page(lang, status, STATUS_PAGES.get(status, "serve.bad-form"))
        return bytes(page.body)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        lang = ctx.language(request)
        return message_page(lang, status, STATUS_PAGES.get(status, "serve.bad-form"))

    routes = [
        *participant_routes(ctx),
        *facilitator_routes(ctx),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeadersMiddleware),
            Middleware(
                LimitsMiddleware,
                limits=limits or Limits(),
                refuse=refuse,
            ),
        ],
        exception_handlers={HTTPException: http_error, Exception: http_error},
    )
