"""The facilitator's pages, under an address with the facilitator's secret token.

Progress of everyone who joined (names or codes only, never answers); the group profile
for the projector once ``--min-group`` people have finished; the response files as a zip
and the group report to download; closing the workshop to new answers. A wrong token
gets the same page as an address that does not exist.
"""

from __future__ import annotations

import io
import zipfile

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from wimcheck.i18n.language import use_language
from wimcheck.messages import t
from wimcheck.reports.group import group_html
from wimcheck.web.context import ServeContext, form_text, message_page
from wimcheck.web.pages import FacilitatorView, PersonRow, render
from wimcheck.web.security import REPORT_CSP, csrf_ok, csrf_token, same_secret
from wimcheck.web.workshop import Progress

__all__ = ["facilitator_routes"]


class FacilitatorPages:
    """The facilitator's routes, on one workshop."""

    def __init__(self, ctx: ServeContext) -> None:
        self.ctx = ctx
        self.workshop = ctx.workshop
        self.lang = ctx.facilitator_lang

    def _allowed(self, request: Request) -> bool:
        sent = str(request.path_params.get("token", ""))
        return same_secret(sent, self.workshop.keys.facilitator_token)

    def _not_found(self) -> Response:
        return message_page(self.lang, 404, "serve.not-found")

    def _base(self) -> str:
        return f"/f/{self.workshop.keys.facilitator_token}"

    def _group_ready(self) -> bool:
        return len(self.workshop.finished_files()) >= self.workshop.settings.min_group

    async def overview(self, request: Request) -> Response:
        if not self._allowed(request):
            return self._not_found()
        view = self._view(self.workshop.progress())
        page = render(
            "facilitator.html",
            self.lang,
            view.title,
            view,
            facilitator=True,
        )
        return HTMLResponse(page)

    def _view(self, people: list[Progress]) -> FacilitatorView:
        settings, lang = self.workshop.settings, self.lang
        finished = sum(1 for p in people if p.finished)
        rows = tuple(
            PersonRow(
                p.respondent,
                settings.framework.roles[p.role].title.get(lang),
                t("serve.f.finished", lang)
                if p.finished
                else t("serve.f.answered", lang, count=p.answered, total=p.total),
            )
            for p in people
        )
        return FacilitatorView(
            title=t("serve.f.title", lang, framework=settings.framework.title.get(lang)),
            base=self._base(),
            joined=len(people),
            joined_text=t("serve.f.joined", lang),
            finished=finished,
            finished_text=t("serve.f.finished-count", lang),
            join_line=t("serve.f.join-code", lang),
            join_code=self.workshop.keys.join_code,
            group_ready=finished >= settings.min_group,
            group_waiting=t("serve.f.group-waiting", lang, count=settings.min_group),
            people=rows,
            folder_line=t("serve.f.folder", lang, folder=str(settings.folder)),
            closed=self.workshop.closed,
            csrf=csrf_token(self.workshop.keys.secret, "f:" + self.workshop.keys.facilitator_token),
        )

    async def group(self, request: Request) -> Response:
        return await self._group(request, download=False)

    async def group_download(self, request: Request) -> Response:
        return await self._group(request, download=True)

    async def _group(self, request: Request, *, download: bool) -> Response:
        if not self._allowed(request):
            return self._not_found()
        if not self._group_ready():
            count = str(self.workshop.settings.min_group)
            return message_page(
                self.lang,
                409,
                "serve.f.too-few",
                link=self._base(),
                link_key="serve.continue",
                count=count,
            )
        result = await run_in_threadpool(self.workshop.group_result)
        with use_language(self.lang):
            page = group_html(result)
        headers = {"content-security-policy": REPORT_CSP}
        if download:
            headers["content-disposition"] = 'attachment; filename="wimcheck-group.html"'
        return HTMLResponse(page, headers=headers)

    async def responses(self, request: Request) -> Response:
        if not self._allowed(request):
            return self._not_found()
        data = await run_in_threadpool(self._zip)
        return Response(
            data,
            media_type="application/zip",
            headers={"content-disposition": 'attachment; filename="wimcheck-responses.zip"'},
        )

    def _zip(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in self.workshop.finished_files():
                archive.write(path, arcname=path.name)
        return buffer.getvalue()

    async def close(self, request: Request) -> Response:
        if not self._allowed(request):
            return self._not_found()
        form = await request.form()
        subject = "f:" + self.workshop.keys.facilitator_token
        if not csrf_ok(self.workshop.keys.secret, subject, form_text(form.get("csrf"))):
            return message_page(
                self.lang, 403, "serve.expired", link=self._base(), link_key="serve.continue"
            )
        await run_in_threadpool(self.workshop.close)
        return RedirectResponse(self._base(), status_code=303)


def facilitator_routes(ctx: ServeContext) -> list[Route]:
    """The facilitator's routes."""
    pages = FacilitatorPages(ctx)
    return [
        Route("/f/{token}", pages.overview, methods=["GET"]),
        Route("/f/{token}/group", pages.group, methods=["GET"]),
        Route("/f/{token}/group.html", pages.group_download, methods=["GET"]),
        Route("/f/{token}/responses.zip", pages.responses, methods=["GET"]),
        Route("/f/{token}/close", pages.close, methods=["POST"]),
    ]
