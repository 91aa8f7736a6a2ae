"""``wimcheck serve`` over HTTP: the participant flow, the facilitator, and security.

Starlette's TestClient (httpx) drives the application in-process; the answers land in
a real workshop folder under tmp_path.
"""

from __future__ import annotations

import html
import io
import re
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from serve_helpers import Phone, client, context, fields
from wimcheck.web.security import Limits
from wimcheck.web.workshop_files import STATE_FOLDER

STATEMENTS = 35  # the team leader's questionnaire in wim


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Phone, str]:
    """A joined participant (shared by the property test's examples) and its form token."""
    ctx = context(tmp_path_factory.mktemp("ws"))
    phone = Phone(ctx)
    phone.join("Hyp")
    return phone, fields(phone.page().text)["csrf"]


def _finished_file(folder: Path) -> Path:
    files = sorted(folder.glob("*.toml"))
    assert len(files) == 1, files
    return files[0]


def test_a_participant_answers_everything_and_the_file_scores_as_assess_does(
    tmp_path: Path, cli: Callable[..., object]
) -> None:
    ctx = context(tmp_path / "ws")
    phone = Phone(ctx)
    first = phone.join("Ana")
    assert first.status_code == 200 and "Statement 1 of 35" in first.text
    typed = []  # what the same person types into `wimcheck assess`
    for index in range(STATEMENTS):
        if index == 4:
            assert phone.send("answer", "na").status_code == 200
            typed.append("n")
        elif index in (7, 12):
            assert phone.send("skip").status_code == 200
            typed.append("s")
        else:
            value = str(1 + index % 4)
            assert phone.send("answer", value).status_code == 200
            typed.append(value)
    # the skipped statements come again before the end, as in `assess` on a terminal
    review = phone.page()
    assert "Statement 8 of 35, skipped before" in review.text
    assert phone.send("answer", "2").status_code == 200
    typed[7] = "2"
    assert "Statement 13 of 35, skipped before" in phone.page().text
    assert phone.send("skip").status_code == 200
    done = phone.page()
    assert "You answered 34 of 35 statements." in done.text
    result = phone.finish()
    assert result.status_code == 200
    assert "Download this result" in result.text and "Ana" in result.text
    served = _finished_file(tmp_path / "ws")
    out = tmp_path / "assessed.toml"
    assessed = cli(
        "assess",
        "wim",
        "--role",
        "team-leader",
        "--respondent",
        "Ana",
        "-o",
        str(out),
        input="\n".join(typed) + "\n",
    )
    assert assessed.exit_code == 0, assessed  # type: ignore[attr-defined]
    mine = tomllib.loads(served.read_text(encoding="utf-8"))
    theirs = tomllib.loads(out.read_text(encoding="utf-8"))
    assert mine["answers"] == theirs["answers"] and len(mine["answers"]) == 34
    assert mine["respondent"] == "Ana" and mine["role"] == "team-leader"
    score_served = cli("score", str(served), "--format", "json")
    score_assessed = cli("score", str(out), "--format", "json")
    assert score_served.exit_code == score_assessed.exit_code == 0  # type: ignore[attr-defined]
    assert _without_sources(score_served.stdout) == _without_sources(score_assessed.stdout)  # type: ignore[attr-defined]
    # the workshop folder as a whole: its state folder is not an input
    folder = cli("score", str(tmp_path / "ws"), "--cohort", "--min-group", "1")
    assert folder.exit_code == 0, folder  # type: ignore[attr-defined]
    assert folder.stderr == ""  # type: ignore[attr-defined]
    assert cli("report", str(served)).exit_code == 0  # type: ignore[attr-defined]


def _without_sources(text: str) -> str:
    import json

    data = json.loads(text)

    def strip(node: object) -> object:
        if isinstance(node, dict):
            return {
                k: strip(v) for k, v in node.items() if k not in ("source", "started", "finished")
            }
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return json.dumps(strip(data), sort_keys=True)


def test_back_shows_the_earlier_answer_checked_and_the_end_page_goes_back(tmp_path: Path) -> None:
    phone = Phone(context(tmp_path))
    phone.join("Bo")
    phone.send("answer", "3")
    page = phone.send("back")
    assert "Statement 1 of 35" in page.text
    assert 'value="3" checked' in page.text
    kept = phone.send("answer")  # Next without a choice keeps the earlier answer
    assert "Statement 2 of 35" in kept.text
    refused = phone.send("answer")  # nothing chosen and nothing before: asked again
    assert refused.status_code == 400
    assert "Please choose an answer, or press Skip." in refused.text
    for _ in range(2 * (STATEMENTS - 1)):  # skipped, then skipped again when offered again
        phone.send("skip")
    assert "You answered 1 of 35 statements." in phone.page().text
    back = phone.send("back")
    assert "Statement 35 of 35" in back.text


def test_skipped_statements_come_again_before_the_end_as_in_assess(tmp_path: Path) -> None:
    phone = Phone(context(tmp_path))
    phone.join("Ben", lang="de")
    for index in range(STATEMENTS):
        phone.send(
            "skip" if index in (1, 3, 34) else "answer", None if index in (1, 3, 34) else "2"
        )
    first = phone.http.get("/q?review=1")
    assert "Aussage 2 von 35, zuvor übersprungen" in first.text
    assert "Sie haben 3 Aussagen übersprungen. Sie kommen jetzt noch einmal" in first.text
    assert fields(first.text)["pos"] == str(STATEMENTS + 1 + 1)
    assert "Sie haben 3 Aussagen" not in phone.page().text  # the note only on the first page
    refused = phone.send("answer")  # Next without a choice: answer, or Skip again
    assert refused.status_code == 400
    assert "Bitte wählen Sie eine Antwort oder tippen Sie auf Überspringen." in refused.text
    old = fields(phone.page().text)
    assert phone.http.post("/q", data={**old, "do": "answer", "answer": "4"}).status_code == 200
    again = phone.http.post("/q", data={**old, "do": "answer", "answer": "4"})  # a retry
    assert again.status_code == 200 and "Aussage 4 von 35, zuvor übersprungen" in again.text
    stale = phone.http.post("/q", data={**old, "do": "answer", "answer": "1"})
    assert stale.status_code == 409
    back = phone.send("back")  # back in the review: the statement before, its answer kept
    assert "Aussage 3 von 35" in back.text and 'value="2" checked' in back.text
    phone.send("answer")
    phone.send("skip")  # statement 4 skipped again
    assert "Aussage 35 von 35, zuvor übersprungen" in phone.page().text
    phone.send("answer", "na")
    done = phone.page()
    assert "Sie haben 34 von 35 Aussagen beantwortet." in done.text
    (me,) = phone.ctx.workshop.participants()
    assert me.session is not None
    answers = me.session.answers
    statements = [i.statement.id for i in phone.ctx.workshop.questionnaire(me).items]
    assert answers[statements[1]] == 4 and answers[statements[3]] == "skip"
    assert answers[statements[34]] == "n/a"
    phone.finish()
    saved = tomllib.loads(_finished_file(tmp_path).read_text(encoding="utf-8"))["answers"]
    assert len(saved) == 34 and statements[3] not in saved and saved[statements[1]] == 4


def test_the_review_starts_with_its_note_and_resumes_after_a_restart(tmp_path: Path) -> None:
    phone = Phone(context(tmp_path))
    phone.join("Cai")
    for _ in range(STATEMENTS - 1):
        phone.send("answer", "3")
    last = phone.send("skip")  # the end of the first pass: the review begins with its note
    assert str(last.url).endswith("/q?review=1")
    assert "You skipped 1 statement. It comes again now" in last.text
    assert "Statement 35 of 35, skipped before" in last.text
    again = context(tmp_path)  # a restart: the participant is still in the review
    phone.ctx = again
    cookies = phone.http.cookies
    phone.http = client(again)
    phone.http.cookies = cookies
    assert "Statement 35 of 35, skipped before" in phone.page().text
    phone.send("skip")
    assert "You answered 34 of 35 statements." in phone.page().text
    back = phone.send("back")  # from the end page: the last statement
    assert "Statement 35 of 35 ·" in back.text


def test_security_headers_and_csp_on_every_page(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    http = client(ctx)
    for path in ("/", "/resume", "/static/serve.css", "/nowhere"):
        response = http.get(path)
        headers = response.headers
        assert headers["content-security-policy"].startswith("default-src 'none'"), path
        assert "script-src" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers
    assert http.get("/nowhere").status_code == 404
    assert "Page not found" in http.get("/nowhere").text
    assert http.put("/q", content=b"").status_code == 405


def test_forms_without_or_with_a_forged_csrf_token_are_refused(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    phone = Phone(ctx)
    page = phone.http.get(f"/?code={ctx.workshop.keys.join_code}")
    form = fields(page.text)
    real = form["csrf"]
    altered = real[:-1] + ("1" if real.endswith("0") else "0")  # one character changed
    for csrf in ("", "0" * 64, altered):
        refused = phone.http.post("/join", data={**form, "csrf": csrf})
        assert refused.status_code == 403
        assert "This form has expired" in refused.text
    phone.join("Cy")
    statement = fields(phone.page().text)
    forged = phone.http.post("/q", data={**statement, "csrf": "x" * 64, "answer": "2"})
    assert forged.status_code == 403
    other = Phone(ctx)
    other.join("Di")
    # one participant's form token is no good for another
    stolen = other.http.post("/q", data={**statement, "answer": "2"})
    assert stolen.status_code == 403
    assert "Statement 1 of 35" in phone.page().text


def test_stale_replayed_and_forged_answers_get_clear_pages(tmp_path: Path) -> None:
    phone = Phone(context(tmp_path))
    phone.join("Ed")
    old = fields(phone.page().text)
    assert phone.http.post("/q", data={**old, "do": "answer", "answer": "2"}).status_code == 200
    # the same answer sent again (a retry) is taken once, without complaint
    again = phone.http.post("/q", data={**old, "do": "answer", "answer": "2"})
    assert again.status_code == 200 and "Statement 2 of 35" in again.text
    # an old form with another answer is out of date
    stale = phone.http.post("/q", data={**old, "do": "answer", "answer": "4"})
    assert stale.status_code == 409 and "This page was out of date" in stale.text
    now = fields(phone.page().text)
    for bad in ({"answer": "7"}, {"answer": "-1"}, {"answer": "2.5"}, {"answer": "<b>"}):
        response = phone.http.post("/q", data={**now, "do": "answer", **bad})
        assert response.status_code == 400, bad
        assert "This answer is not on the scale" in response.text
    for bad_form in ({"pos": "x"}, {"pos": ""}, {"do": "delete"}, {"pos": "99999999999"}):
        response = phone.http.post("/q", data={**now, "answer": "2", **bad_form})
        assert response.status_code in (400, 409), bad_form
    assert "Statement 2 of 35" in phone.page().text
    answers = phone.ctx.workshop.participants()[0].session
    assert answers is not None and answers.answers == {"WIM.FND.1.a": 2}


def test_request_size_and_rate_limits(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    http = client(ctx)
    huge = http.post(
        "/join",
        content=b"a=" + b"x" * 20_000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert huge.status_code == 413 and "too large" in huge.text
    limited = client(ctx, Limits(rate=0.001, burst=5))
    codes = [limited.get("/").status_code for _ in range(8)]
    assert codes == [200] * 5 + [429] * 3
    assert limited.get("/").headers["retry-after"] == "5"


def test_wrong_join_codes_are_limited(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    http = client(ctx)
    form = fields(http.get("/").text)
    assert 'name="code"' in http.get("/").text  # without the code in the address, asked
    statuses = []
    for _ in range(11):
        response = http.post("/join", data={**form, "code": "WRONG1", "role": "team-leader"})
        statuses.append(response.status_code)
    assert statuses == [400] * 10 + [429]
    assert ctx.workshop.participants() == []


def test_a_closed_workshop_takes_no_more_answers(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    phone = Phone(ctx)
    phone.join("Flo")
    facilitator = client(ctx)
    base = f"/f/{ctx.workshop.keys.facilitator_token}"
    csrf = fields(facilitator.get(base).text)["csrf"]
    assert facilitator.post(base + "/close", data={"csrf": "no"}).status_code == 403
    closed = facilitator.post(base + "/close", data={"csrf": csrf})
    assert closed.status_code == 200 and "The workshop is closed" in closed.text
    refused = phone.send("answer", "2")
    assert refused.status_code == 403 and "The workshop is closed" in refused.text
    newcomer = Phone(ctx)
    assert newcomer.http.get("/").status_code == 403


def test_the_facilitator_page_needs_its_token_and_shows_names_escaped(tmp_path: Path) -> None:
    ctx = context(tmp_path / "ws")
    token = ctx.workshop.keys.facilitator_token
    http = client(ctx)
    for wrong in (
        "/f/x",
        f"/f/{token[:-1]}",
        f"/f/{token}x/group",
        "/f/",
        "/f/%ff",
        "/f/%ED%A0%80",
    ):
        assert http.get(wrong).status_code == 404, wrong
    names = ["<script>alert(1)</script>", "Gia", "Hal"]
    for name in names:
        phone = Phone(ctx)
        phone.join(name)
        for _ in range(STATEMENTS):
            phone.send("answer", "3")
        if name != "Hal":
            phone.finish()
    page = http.get(f"/f/{token}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert "35 of 35 answered" in page
    assert http.get(f"/f/{token}/group").status_code == 409
    (hal,) = [p for p in ctx.workshop.participants() if p.access.respondent == "Hal"]
    ctx.workshop.finish(hal)
    group = http.get(f"/f/{token}/group")
    assert group.status_code == 200 and "<svg" in group.text
    assert "'unsafe-inline'" in group.headers["content-security-policy"]
    archive = zipfile.ZipFile(io.BytesIO(http.get(f"/f/{token}/responses.zip").content))
    assert len(archive.namelist()) == 3
    assert not any(STATE_FOLDER in n for n in archive.namelist())
    download = http.get(f"/f/{token}/group.html")
    assert download.headers["content-disposition"].startswith("attachment")


def test_resume_code_on_another_device_and_after_a_restart(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    phone = Phone(ctx)
    phone.join("Ida")
    phone.send("answer", "2")
    phone.send("answer", "3")
    code = ctx.workshop.participants()[0].access.resume_code
    assert code in phone.page().text
    laptop = Phone(ctx)
    wrong = laptop.http.post(
        "/resume", data={**fields(laptop.http.get("/resume").text), "resume": "AAAA-AAAA"}
    )
    assert wrong.status_code == 400 and "not known" in wrong.text
    form = fields(laptop.http.get("/resume").text)
    resumed = laptop.http.post("/resume", data={**form, "resume": code.lower().replace("-", " ")})
    assert "Statement 3 of 35" in resumed.text
    # the server restarts on the same folder: both devices continue where they were
    again = context(tmp_path)
    for device in (phone, laptop):
        device.ctx = again
        cookies = device.http.cookies
        device.http = client(again)
        device.http.cookies = cookies
        assert "Statement 3 of 35" in device.page().text
    laptop.send("answer", "4")
    assert "Statement 4 of 35" in phone.page().text


def test_pages_speak_the_chosen_language(tmp_path: Path) -> None:
    phone = Phone(context(tmp_path))
    page = phone.join("Jo", lang="de")
    assert '<html lang="de">' in page.text and "Weiter" in page.text
    assert "Aussage 1 von 35" in page.text


def test_without_a_cookie_there_is_nothing_to_see(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    phone = Phone(ctx)
    phone.join("Kim")
    stranger = client(ctx)
    assert stranger.get("/result", follow_redirects=False).headers["location"] == "/"
    assert stranger.get("/q", follow_redirects=False).headers["location"] == "/"
    stranger.cookies.set("wimcheck_p", "guess")
    assert stranger.get("/q", follow_redirects=False).headers["location"] == "/"
    posted = stranger.post("/q", data={"csrf": "x", "pos": "0", "answer": "2"})
    assert posted.status_code == 403


@pytest.mark.parametrize("path", ["/join", "/q", "/finish", "/resume"])
def test_posts_with_nonsense_never_make_a_server_error(tmp_path: Path, path: str) -> None:
    http = client(context(tmp_path))
    for body in (b"", b"%%%", b"csrf=&pos=&answer=", b"\xff\xfe", b"a=1&a=2&" * 50):
        response = http.post(
            path, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        )
        assert 400 <= response.status_code < 500, (path, body, response.status_code)
    multipart = http.post(path, files={"csrf": ("x.txt", b"data")})
    assert 400 <= multipart.status_code < 500


def test_an_easy_read_role_reads_easy_read_wording_and_its_own_scale(tmp_path: Path) -> None:
    from wimcheck.frameworks.catalog import load_framework

    framework = load_framework("bwise")
    role = framework.roles["wsn-starter"]
    assert role.easy_read
    ctx = context(tmp_path, framework="bwise", roles=("wsn-starter", "wsn-smartphone"))
    phone = Phone(ctx)
    page = phone.join("Lu", role="wsn-starter")
    first = framework.questionnaire(role)[0]
    total = len(framework.questionnaire(role))
    assert f"Question 1 of {total}" in page.text
    assert html.escape(" ".join(framework.wording(first, role).split())) in page.text
    assert "This is not part of my work" in page.text
    scale = framework.scale_for(role)
    for value in scale.values:
        assert html.escape(value.label.get("en")) in page.text
    assert fields(page.text)["pos"] == "0"
    refused = phone.send("answer")
    assert "Please choose an answer. Or press Skip." in refused.text
    phone.send("skip")
    for _ in range(total - 1):
        last = phone.send("answer", str(scale.values[0].value))
    assert "Some questions have no answer yet: 1. Here they are again." in last.text
    assert f"Question 1 of {total}. You skipped it before." in last.text


def test_the_join_page_offers_the_allowed_roles_and_refuses_others(tmp_path: Path) -> None:
    ctx = context(tmp_path, roles=("team-leader", "owner-manager"))
    http = client(ctx)
    page = http.get(f"/?code={ctx.workshop.keys.join_code}").text
    assert page.count('type="radio" name="role"') == 2
    assert "Which role fits you best?" in page
    form = fields(page)
    refused = http.post("/join", data={**form, "role": "wim-manager", "name": "Mo"})
    assert refused.status_code == 400 and "Unknown role" in refused.text
    too_long = http.post("/join", data={**form, "role": "owner-manager", "name": "x" * 201})
    assert too_long.status_code == 400 and ctx.workshop.participants() == []
    joined = http.post("/join", data={**form, "role": "owner-manager", "name": "Mo"})
    assert joined.status_code == 200
    assert ctx.workshop.participants()[0].access.role == "owner-manager"


@settings_(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["csrf", "pos", "do", "answer", "code", "role", "name", "lang", "resume"]),
        st.text(max_size=30),
        max_size=6,
    ),
    st.sampled_from(["/join", "/q", "/finish", "/resume"]),
)
def test_any_form_gets_a_page_never_a_server_error(
    served: tuple[Phone, str], form: dict[str, str], path: str
) -> None:
    phone, csrf = served
    for data in (form, {**form, "csrf": csrf}):
        response = phone.http.post(path, data=data)
        assert response.status_code < 500, (path, data)


def test_one_name_one_person_and_anonymous_participants_get_codes(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    assert Phone(ctx).join("Ana").status_code == 200
    taken = Phone(ctx).join(" ANA ", lang="de")
    assert taken.status_code == 400
    assert "Diesen Namen verwendet in diesem Workshop schon jemand." in taken.text
    for _ in range(2):
        assert Phone(ctx).join("").status_code == 200
    names = [p.access.respondent for p in ctx.workshop.participants()]
    anonymous = sorted(n for n in names if n != "Ana")
    assert len(names) == 3 and len(set(anonymous)) == 2
    assert all(re.fullmatch(r"anon-[A-Z2-9]{4}", n) for n in anonymous)
    again = context(tmp_path)  # after a restart the names are still taken
    assert Phone(again).join("ana").status_code == 400


def test_a_kill_between_the_response_file_and_its_record_is_recovered(tmp_path: Path) -> None:
    from dataclasses import replace

    from wimcheck.web.workshop_files import write_access

    ctx = context(tmp_path)
    phone = Phone(ctx)
    phone.join("Nel")
    for _ in range(STATEMENTS):
        phone.send("answer", "1")
    phone.finish()
    (me,) = ctx.workshop.participants()
    saved = me.access.finished
    assert saved is not None and (tmp_path / saved).is_file()
    # as if the server died after writing the response file, before updating the record
    write_access(ctx.workshop.access, replace(me.access, finished=None, answered=0), replace=True)
    again = context(tmp_path)
    (recovered,) = again.workshop.participants()
    assert recovered.finished and recovered.access.finished == saved
    phone.ctx = again
    cookies = phone.http.cookies
    phone.http = client(again)
    phone.http.cookies = cookies
    result = phone.http.get("/result")
    assert result.status_code == 200 and "Nel" in result.text
    assert len(list(tmp_path.glob("*.toml"))) == 1
