"""The participants' pages: join, answer one statement a page, finish, see the result.

Addresses name no participant: who is asking is the cookie's unguessable token, and a
short resume code continues on another device. Every form carries its CSRF token; a form
for another statement than the current one (an old page, a replay) gets a clear page.
"""

from __future__ import annotations

from markupsafe import escape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from wimcheck.errors import WimcheckError
from wimcheck.frameworks.model import Role
from wimcheck.i18n.language import use_language
from wimcheck.messages import t, t_for
from wimcheck.reports.person import person_html
from wimcheck.web.context import (
    COOKIE_AGE,
    PARTICIPANT_COOKIE,
    VISITOR_COOKIE,
    ServeContext,
    form_text,
    message_page,
)
from wimcheck.web.pages import JoinView, LanguageLink, ResumeView, RoleChoice, render
from wimcheck.web.questions import done_view, statement_view
from wimcheck.web.security import REPORT_CSP, csrf_ok, csrf_token, same_secret
from wimcheck.web.workshop import Move, Participant, Stale
from wimcheck.web.workshop_files import hash_token, new_token, normal_code

__all__ = ["participant_routes"]


def _see_other(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _with_participant_cookie(response: Response, token: str) -> Response:
    response.set_cookie(
        PARTICIPANT_COOKIE, token, max_age=COOKIE_AGE, httponly=True, samesite="lax"
    )
    return response


class ParticipantPages:
    """The routes of participants, on one workshop."""

    def __init__(self, ctx: ServeContext) -> None:
        self.ctx = ctx
        self.workshop = ctx.workshop

    def _me(self, request: Request) -> tuple[Participant | None, str]:
        token = request.cookies.get(PARTICIPANT_COOKIE, "")
        return self.workshop.participant(token), token

    def _csrf(self, subject: str) -> str:
        return csrf_token(self.workshop.keys.secret, subject)

    def _visitor(self, request: Request) -> tuple[str, bool]:
        visitor = request.cookies.get(VISITOR_COOKIE, "")
        if 20 <= len(visitor) <= 100:
            return visitor, False
        return new_token(), True

    # --- start ---------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        me, _ = self._me(request)
        if me is not None:
            return _see_other("/result" if me.finished else "/q")
        lang = self.ctx.language(request)
        if self.workshop.closed:
            return message_page(lang, 403, "serve.closed", link=None)
        code = form_text(request.query_params.get("code", ""), 20)
        return self._join_page(request, lang, code, None, 200)

    def _join_page(
        self, request: Request, lang: str, code: str, error: str | None, status: int
    ) -> Response:
        settings = self.workshop.settings
        framework = settings.framework
        visitor, fresh = self._visitor(request)
        known = same_secret(normal_code(code), self.workshop.keys.join_code)
        links = tuple(
            LanguageLink(
                c, _native(c), f"/?lang={c}" + (f"&code={code}" if known else ""), c == lang
            )
            for c in self.ctx.languages
        )
        roles = tuple(
            RoleChoice(r.id, r.title.get(lang), r.description.get(lang)) for r in settings.roles
        )
        view = JoinView(
            framework_title=framework.title.get(lang),
            languages=links,
            roles=roles,
            role_question=t(f"assess.choose-role.{framework.subject}", lang),
            code_known=known,
            code=code if known else "",
            csrf=self._csrf("v:" + visitor),
            error=error,
        )
        title = framework.title.get(lang)
        response = HTMLResponse(render("join.html", lang, title, view), status_code=status)
        if fresh:
            response.set_cookie(VISITOR_COOKIE, visitor, httponly=True, samesite="lax")
        return response

    async def join(self, request: Request) -> Response:
        form = await request.form()
        lang = self.ctx.language(request, form_text(form.get("lang"), 10))
        visitor = request.cookies.get(VISITOR_COOKIE, "")
        if not csrf_ok(self.workshop.keys.secret, "v:" + visitor, form_text(form.get("csrf"))):
            return message_page(lang, 403, "serve.expired")
        if self.workshop.closed:
            return message_page(lang, 403, "serve.closed", link=None)
        client = _client(request)
        if self.ctx.attempts.blocked(client):
            return message_page(lang, 429, "serve.too-many")
        code = form_text(form.get("code"), 20)
        if not same_secret(normal_code(code), self.workshop.keys.join_code):
            self.ctx.attempts.failed(client)
            return self._join_page(request, lang, "", t("serve.wrong-code", lang), 400)
        roles = {r.id: r for r in self.workshop.settings.roles}
        role = roles.get(form_text(form.get("role"), 100))
        if role is None:
            return message_page(lang, 400, "serve.bad-role")
        name = form_text(form.get("name"), 1000).strip()
        try:
            _, token = await run_in_threadpool(self._join_speaking, role, lang, name)
        except WimcheckError as exc:
            return self._join_page(request, lang, code, exc.message, 400)
        return _with_participant_cookie(_see_other("/q"), token)

    def _join_speaking(self, role: Role, lang: str, name: str) -> tuple[Participant, str]:
        """Join, with any refusal in the participant's language."""
        with use_language(lang):
            return self.workshop.join(role, lang, name)

    # --- answering -----------------------------------------------------------------------

    async def question(self, request: Request) -> Response:
        me, token = self._me(request)
        if me is None:
            return _see_other("/")
        if me.finished:
            return _see_other("/result")
        review = request.query_params.get("review") == "1"
        return self._question_page(me, token, None, 200, announce_review=review)

    def _question_page(
        self,
        me: Participant,
        token: str,
        error: str | None,
        status: int,
        *,
        announce_review: bool = False,
    ) -> Response:
        q = self.workshop.questionnaire(me)
        csrf = self._csrf("p:" + hash_token(token))
        lang = me.access.language
        if q.done:
            view = done_view(q, csrf, me.access.resume_code, lang)
            page = render("done.html", lang, t("serve.done.title", lang), view)
        else:
            item_view = statement_view(
                q, csrf, me.access.resume_code, lang, error, announce_review=announce_review
            )
            page = render("statement.html", lang, item_view.progress, item_view)
        return HTMLResponse(page, status_code=status)

    async def answer(self, request: Request) -> Response:
        me, token = self._me(request)
        lang = self.ctx.language(request) if me is None else me.access.language
        if me is None:
            return message_page(lang, 403, "serve.unknown-participant")
        form = await request.form()
        if not csrf_ok(
            self.workshop.keys.secret, "p:" + hash_token(token), form_text(form.get("csrf"))
        ):
            return message_page(lang, 403, "serve.expired", link="/q", link_key="serve.continue")
        if self.workshop.closed:
            return message_page(lang, 403, "serve.closed", link="/q", link_key="serve.continue")
        position = form_text(form.get("pos"), 10)
        move = form_text(form.get("do"), 10) or "answer"
        if not position.isdigit() or move not in ("answer", "skip", "back"):
            return message_page(lang, 400, "serve.bad-form", link="/q", link_key="serve.continue")
        chosen = self._move(me, token, move, form_text(form.get("answer"), 10))
        if isinstance(chosen, Response):
            return chosen
        try:
            q = await run_in_threadpool(
                self.workshop.record, me, int(position), chosen[0], chosen[1]
            )
        except Stale:
            return message_page(lang, 409, "serve.stale", link="/q", link_key="serve.continue")
        # the review of skipped statements starts: its first page says so
        review_starts = int(position) < len(q.items) < q.position and not q.done
        return _see_other("/q?review=1" if review_starts else "/q")

    def _move(
        self, me: Participant, token: str, move: str, answer: str
    ) -> tuple[Move, int | None] | Response:
        """What the form asks for, or the page that refuses it."""
        lang = me.access.language
        if move in ("skip", "back"):
            return ("skip" if move == "skip" else "back"), None
        if answer == "na":
            return "na", None
        if answer == "":
            q = self.workshop.questionnaire(me)
            previous = q.current_answer()
            if previous is None or previous == "skip":
                easy = self.workshop.role_of(me).easy_read
                return self._question_page(me, token, _choose(lang, easy), 400)
            return "keep", None
        scale = self.workshop.settings.framework.scale_for(self.workshop.role_of(me))
        if not answer.isdigit() or not scale.has(int(answer)):
            return message_page(lang, 400, "serve.off-scale", link="/q", link_key="serve.continue")
        return "answer", int(answer)

    async def finish(self, request: Request) -> Response:
        me, token = self._me(request)
        lang = self.ctx.language(request) if me is None else me.access.language
        if me is None:
            return message_page(lang, 403, "serve.unknown-participant")
        form = await request.form()
        if not csrf_ok(
            self.workshop.keys.secret, "p:" + hash_token(token), form_text(form.get("csrf"))
        ):
            return message_page(lang, 403, "serve.expired", link="/q", link_key="serve.continue")
        if not me.finished and not self.workshop.questionnaire(me).done:
            return message_page(lang, 409, "serve.stale", link="/q", link_key="serve.continue")
        await run_in_threadpool(self.workshop.finish, me)
        return _see_other("/result")

    # --- the result ----------------------------------------------------------------------

    async def result(self, request: Request) -> Response:
        return await self._result(request, download=False)

    async def download(self, request: Request) -> Response:
        return await self._result(request, download=True)

    async def _result(self, request: Request, *, download: bool) -> Response:
        me, _ = self._me(request)
        if me is None:
            return _see_other("/")
        if not me.finished:
            return _see_other("/q")
        lang = me.access.language
        result = await run_in_threadpool(self.workshop.result, me)
        with use_language(lang):
            page = person_html(result)
        headers = {"content-security-policy": REPORT_CSP}
        if download:
            headers["content-disposition"] = 'attachment; filename="wimcheck-result.html"'
        else:
            page = _with_download_link(page, t("serve.download", lang))
        return HTMLResponse(page, headers=headers)

    # --- continuing on another device ------------------------------------------------------

    async def resume_form(self, request: Request) -> Response:
        return self._resume_page(request, self.ctx.language(request), None, 200)

    def _resume_page(self, request: Request, lang: str, error: str | None, status: int) -> Response:
        visitor, fresh = self._visitor(request)
        view = ResumeView(csrf=self._csrf("v:" + visitor), error=error)
        page = render("resume.html", lang, t("serve.resume.title", lang), view)
        response = HTMLResponse(page, status_code=status)
        if fresh:
            response.set_cookie(VISITOR_COOKIE, visitor, httponly=True, samesite="lax")
        return response

    async def resume(self, request: Request) -> Response:
        form = await request.form()
        lang = self.ctx.language(request, form_text(form.get("lang"), 10))
        visitor = request.cookies.get(VISITOR_COOKIE, "")
        if not csrf_ok(self.workshop.keys.secret, "v:" + visitor, form_text(form.get("csrf"))):
            return message_page(lang, 403, "serve.expired")
        client = _client(request)
        if self.ctx.attempts.blocked(client):
            return message_page(lang, 429, "serve.too-many")
        me = self.workshop.by_resume_code(form_text(form.get("resume"), 40))
        if me is None:
            self.ctx.attempts.failed(client)
            return self._resume_page(request, lang, t("serve.resume.wrong", lang), 400)
        token = await run_in_threadpool(self.workshop.new_token_for, me)
        return _with_participant_cookie(_see_other("/"), token)


def _choose(lang: str, easy: bool) -> str:
    with use_language(lang):
        return t_for("serve.choose-answer", easy_read=easy)


def _native(code: str) -> str:
    """The language's name in itself; Babel's for a language added after these seven."""
    from wimcheck.i18n.language_names import native_name  # noqa: PLC0415

    return native_name(code)


def _with_download_link(page: str, label: str) -> str:
    """The report with a download link at its top (the report itself stays as it is)."""
    link = f'<p><a href="/result/download" download>{escape(label)}</a></p>\n'
    marker = '<main class="page">\n'
    return page.replace(marker, marker + link, 1) if marker in page else page


def participant_routes(ctx: ServeContext) -> list[Route]:
    """The participants' routes."""
    pages = ParticipantPages(ctx)
    return [
        Route("/", pages.home, methods=["GET"]),
        Route("/join", pages.join, methods=["POST"]),
        Route("/q", pages.question, methods=["GET"]),
        Route("/q", pages.answer, methods=["POST"]),
        Route("/finish", pages.finish, methods=["POST"]),
        Route("/result", pages.result, methods=["GET"]),
        Route("/result/download", pages.download, methods=["GET"]),
        Route("/resume", pages.resume_form, methods=["GET"]),
        Route("/resume", pages.resume, methods=["POST"]),
    ]
