"""``wimcheck serve`` as a process: announcing, Ctrl-C, and kill -9 with a restart.

The kill test is not timed: participants answer concurrently, the server is killed with
SIGKILL at a moment nobody chose, and every answer that was acknowledged (the server
answered 303) must be in the workshop folder when it starts again.
"""

from __future__ import annotations

import html
import re
import signal
import threading
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from serve_process import Server
from wimcheck.assessment.sessions import load_session
from wimcheck.frameworks.catalog import load_framework
from wimcheck.web.workshop_files import STATE_FOLDER, read_access

pytestmark = pytest.mark.slow

FIELD = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
STATEMENTS = [
    s.id for s in load_framework("wim").questionnaire(load_framework("wim").roles["team-leader"])
]


def _fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in FIELD.findall(page)}


def _join(http: httpx.Client, code: str, name: str) -> None:
    form = _fields(http.get(f"/?code={code}").text)
    joined = http.post("/join", data={**form, "name": name})
    assert joined.status_code == 303, joined.text


def test_serve_announces_and_ctrl_c_exits_130_saying_where_the_answers_are(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Server(folder) as server:
        text = "".join(server.output)
        assert "Workshop: Workplace Innovation Manager" in text
        assert f"join code {server.code}" in text
        assert "▀" in text or "█" in text  # the QR code
        assert "Facilitator page (keep this address to yourself)" in text
        assert "Listening on every network" not in text  # --host 127.0.0.1
        assert httpx.get(server.base + "/").status_code == 200
        assert httpx.get(server.facilitator).status_code == 200
        code, err = server.stop(signal.SIGINT)
    assert code == 130
    assert f"Stopped. The answers are in {folder}" in err
    assert "Traceback" not in err


def test_the_served_file_scores_as_the_same_answers_typed_into_assess(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    """The issue's test: `wimcheck serve wim --role team-leader`, a phone answers (with a
    skip offered again and left out, one taken up again, and n/a), and `wimcheck score`
    gives the served file the numbers it gives `wimcheck assess`'s for the same answers."""
    from test_serve_http import _without_sources

    folder = tmp_path / "ws"
    typed = []  # what the same person types into `wimcheck assess`, one line a statement
    with Server(folder) as server, httpx.Client(base_url=server.base, timeout=10) as http:
        _join(http, server.code, "Ana")
        while int((form := _fields(http.get("/q").text))["pos"]) < 2 * len(STATEMENTS) + 1:
            position = int(form["pos"])
            if position in (3, 9) or position == len(STATEMENTS) + 1 + 9:
                move = {"do": "skip"}  # 4 and 10 skipped; 10 skipped again in the review
            elif position == 6:
                move = {"do": "answer", "answer": "na"}
            else:
                move = {"do": "answer", "answer": str(position % 6)}
            assert http.post("/q", data={**form, **move}).status_code == 303
            if position < len(STATEMENTS):
                typed.append(move.get("answer", "s").replace("na", "n"))
        typed[3] = str((len(STATEMENTS) + 1 + 3) % 6)  # statement 4, answered in the review
        assert http.post("/finish", data={"csrf": form["csrf"]}).status_code == 303
        server.stop()
    (served,) = folder.glob("Ana-*.toml")
    assessed = tmp_path / "assessed.toml"
    done = cli(
        "assess",
        "wim",
        "--role",
        "team-leader",
        "--respondent",
        "Ana",
        "-o",
        str(assessed),
        input="\n".join(typed) + "\n",
    )
    assert done.exit_code == 0, done
    mine = tomllib.loads(served.read_text(encoding="utf-8"))["answers"]
    assert mine == tomllib.loads(assessed.read_text(encoding="utf-8"))["answers"]
    assert len(mine) == len(STATEMENTS) - 1 and mine[STATEMENTS[6]] == "n/a"
    scores = [cli("score", str(path), "--format", "json") for path in (served, assessed)]
    assert [s.exit_code for s in scores] == [0, 0]
    assert _without_sources(scores[0].stdout) == _without_sources(scores[1].stdout)
    assert '"readiness"' in scores[0].stdout


def test_stopped_where_sigint_was_ignored_it_still_says_where_the_answers_are(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "ws"
    with Server(folder, background=True) as server:
        assert httpx.get(server.base + "/").status_code == 200
        code, err = server.stop(signal.SIGINT)  # uvicorn stops and returns
    assert code == 130
    assert f"Stopped. The answers are in {folder}" in err


def _participant(
    base: str,
    code: str,
    name: str,
    acked: dict[str, int],
    stop: threading.Event,
    cookies: dict[str, str],
) -> None:
    """Answer statement after statement; note each acknowledged answer."""
    with httpx.Client(base_url=base, timeout=10) as http:
        try:
            _join(http, code, name)
            cookies[name] = http.cookies["wimcheck_p"]
            while not stop.is_set():
                form = _fields(http.get("/q").text)
                if "pos" not in form or int(form["pos"]) >= len(STATEMENTS):
                    return
                position = int(form["pos"])
                value = 1 + (position + len(name)) % 4
                sent = http.post("/q", data={**form, "do": "answer", "answer": str(value)})
                if sent.status_code == 303:
                    acked[STATEMENTS[position]] = value
        except httpx.HTTPError:
            return  # the server is gone


def test_kill_9_and_restart_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    people = [f"P{i:02d}" for i in range(8)]
    acked: dict[str, dict[str, int]] = {name: {} for name in people}
    cookies: dict[str, str] = {}
    stop = threading.Event()
    with Server(folder) as server:
        threads = [
            threading.Thread(
                target=_participant, args=(server.base, server.code, n, acked[n], stop, cookies)
            )
            for n in people
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while sum(map(len, acked.values())) < 60 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.process.kill()  # SIGKILL, in the middle of answers
        server.process.wait()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    total = sum(map(len, acked.values()))
    assert total >= 60
    # every acknowledged answer is in the participant's saved session
    saved = {}
    for path in (folder / STATE_FOLDER / "access").glob("*.json"):
        record = read_access(path)
        assert record is not None
        saved[record.respondent] = load_session(
            record.session_id, folder=folder / STATE_FOLDER / "sessions"
        ).answers
    joined = [name for name in people if name in cookies]  # a join cut off by the kill may not be
    assert len(joined) >= 6 and set(joined) <= set(saved)
    for name in joined:
        missing = {k: v for k, v in acked[name].items() if saved[name].get(k) != v}
        assert missing == {}, name
    # the server starts again on the same folder, and everyone finishes where they were
    with Server(folder) as again:
        for name in joined:
            with httpx.Client(
                base_url=again.base, timeout=10, cookies={"wimcheck_p": cookies[name]}
            ) as http:
                page = http.get("/q").text
                answered = len(saved[name])
                assert f"Statement {answered + 1} of {len(STATEMENTS)}" in page
                while "pos" in (form := _fields(http.get("/q").text)) and int(form["pos"]) < len(
                    STATEMENTS
                ):
                    http.post("/q", data={**form, "do": "answer", "answer": "2"})
                finished = http.post("/finish", data={"csrf": form["csrf"]})
                assert finished.status_code == 303
        again.stop()
    files = sorted(folder.glob("*.toml"))
    assert len(files) == len(joined)
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        mine = acked[data["respondent"]]
        assert {k: data["answers"][k] for k in mine} == mine
        assert len(data["answers"]) == len(STATEMENTS)
