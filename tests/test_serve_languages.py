"""``wimcheck serve`` in each language: no English sentence of wimcheck's own on any page.

A participant who chooses a language gets every page in it (join, statement, the end,
the result, the pages that refuse a form); the facilitator gets the language the server
was started in. The check is ``tests/test_languages.py``'s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from serve_helpers import Phone, client, fields
from serve_helpers import settings as workshop_settings
from test_languages import LANGUAGES, leaks
from wimcheck.web.context import ServeContext
from wimcheck.web.workshop import Workshop


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_speaks_the_participants_language(lang: str, tmp_path: Path) -> None:
    ctx = ServeContext(
        Workshop(workshop_settings(tmp_path, roles=("team-leader", "owner-manager"))), lang
    )
    phone = Phone(ctx)
    pages = [phone.http.get(f"/?lang={lang}").text]  # the join page, asking for the code
    joined = phone.join("Ana", role="team-leader", lang=lang)
    assert f'<html lang="{lang}">' in joined.text
    pages.append(joined.text)
    pages.append(phone.send("answer").text)  # nothing chosen: asked again
    pages.append(phone.send("answer", "9").text)  # off the scale
    stale = fields(phone.page().text)
    phone.send("answer", "2")
    pages.append(phone.http.post("/q", data={**stale, "answer": "3"}).text)  # out of date
    pages.append(phone.http.post("/q", data={**stale, "csrf": "x"}).text)  # expired form
    while "pos" in (form := fields(phone.page().text)) and int(form["pos"]) < 35:
        phone.http.post("/q", data={**form, "do": "answer", "answer": "2"})
    pages.append(phone.page().text)  # the end
    pages.append(phone.finish().text)  # the result
    resume = client(ctx)
    pages.append(resume.get(f"/resume?lang={lang}").text)
    facilitator = client(ctx)
    pages.append(facilitator.get(f"/f/{ctx.workshop.keys.facilitator_token}").text)
    pages.append(facilitator.get(f"/f/{ctx.workshop.keys.facilitator_token}/group").text)
    pages.append(facilitator.get("/nowhere", headers={"accept-language": lang}).text)
    for number, page in enumerate(pages):
        assert leaks(page, lang) == [], number
