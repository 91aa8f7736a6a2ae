"""Helpers of the ``wimcheck serve`` tests: a workshop app, and a phone that fills its forms."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from wimcheck.frameworks.catalog import load_framework
from wimcheck.web.app import create_app
from wimcheck.web.context import ServeContext
from wimcheck.web.security import Limits
from wimcheck.web.workshop import Workshop, WorkshopSettings

FIELD = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


def settings(
    folder: Path,
    roles: tuple[str, ...] = ("team-leader",),
    min_group: int = 3,
    languages: tuple[str, ...] = ("en", "de", "it", "el", "sl", "hu", "bg"),
    framework: str = "wim",
) -> WorkshopSettings:
    loaded = load_framework(framework)
    return WorkshopSettings(
        framework_name=framework,
        framework=loaded,
        roles=tuple(loaded.roles[r] for r in roles),
        languages=languages,
        folder=folder,
        min_group=min_group,
    )


def context(folder: Path, **kwargs: Any) -> ServeContext:
    return ServeContext(Workshop(settings(folder, **kwargs)), "en")


def client(ctx: ServeContext, limits: Limits | None = None) -> TestClient:
    return TestClient(create_app(ctx, limits or Limits(rate=1000, burst=1000)))


def fields(page: str) -> dict[str, str]:
    """The hidden fields of the first form of ``page``."""
    return {name: html.unescape(value) for name, value in FIELD.findall(page)}


class Phone:
    """One participant's browser: its cookies, and the forms it sends."""

    def __init__(self, ctx: ServeContext, limits: Limits | None = None) -> None:
        self.ctx = ctx
        self.http = client(ctx, limits)

    def join(self, name: str = "", role: str | None = None, lang: str = "en") -> Any:
        code = self.ctx.workshop.keys.join_code
        page = self.http.get(f"/?code={code}&lang={lang}")
        assert page.status_code == 200, page.text
        form = fields(page.text)
        form.update(name=name, lang=lang)
        if role is not None:
            form["role"] = role
        return self.http.post("/join", data=form)

    def page(self) -> Any:
        return self.http.get("/q")

    def send(self, do: str = "answer", answer: str | None = None) -> Any:
        form = fields(self.page().text)
        form["do"] = do
        if answer is not None:
            form["answer"] = answer
        return self.http.post("/q", data=form)

    def finish(self) -> Any:
        return self.http.post("/finish", data={"csrf": fields(self.page().text)["csrf"]})
