"""Benchmark: ``wimcheck serve`` under a workshop's load, and killed in the middle of it.

One command:  python benchmarks/serve_load.py  [--participants 60] [--think 1.0] [--timeout 300]

Loopback only; every phase is bounded in time. The server runs as its own process
(``python -m wimcheck serve wim --role team-leader --host 127.0.0.1 --port 0``) on a
fresh workshop folder, with its own data and cache folders.

1. Load: the participants join at once and each answers the whole questionnaire (GET the
   statement, POST the answer, as a phone does without JavaScript), then finishes. Each
   reads a statement for ``--think`` seconds on average (0.5 to 1.5 times it; people take
   about 15 s; ``--think 0`` sends as fast as the server answers, the worst case). It
   prints the 50th and 95th percentile response times (every request, and the answers
   alone), lost answers (acknowledged but not in the participant's response file) and
   duplicated ones (more than one response file a participant, or a saved answer other
   than the one sent).
2. Faults: the participants start again on a new folder; the server is killed with
   SIGKILL in the middle, started again on the same folder, and everyone finishes. It
   prints how many answers had been acknowledged before the kill and how many of them
   were lost.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import httpx

FIELD = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
URL = re.compile(r"(http://127\.0\.0\.1:\d+)/\?code=(\w+)")
FRAMEWORK, ROLE = "wim", "team-leader"


def fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in FIELD.findall(page)}


class Server:
    """``wimcheck serve`` as a process on a free loopback port."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        command = [
            sys.executable,
            "-m",
            "wimcheck",
            "serve",
            FRAMEWORK,
            "--role",
            ROLE,
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--workshop",
            str(folder),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
        assert self.process.stdout is not None
        deadline = time.monotonic() + 60
        self.base = self.code = ""
        while not self.base and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("the server did not start")
            if found := URL.search(line):
                self.base, self.code = found.group(1), found.group(2)

    def stop(self, sig: int = signal.SIGINT) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        self.process.wait(timeout=30)


@dataclass
class Participant:
    """One simulated phone: its cookie, what was acknowledged, how long requests took."""

    name: str
    cookie: str = ""
    acked: dict[str, int] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    answer_times: list[float] = field(default_factory=list)
    page_times: list[float] = field(default_factory=list)
    finished: bool = False


async def timed(p: Participant, request: object, kind: str = "") -> httpx.Response:
    start = time.perf_counter()
    response = await request  # type: ignore[misc]
    elapsed = time.perf_counter() - start
    p.times.append(elapsed)
    if kind == "answer":
        p.answer_times.append(elapsed)
    elif kind == "page":
        p.page_times.append(elapsed)
    return response  # type: ignore[no-any-return]


async def run_participant(
    p: Participant,
    base: str,
    code: str,
    statements: list[str],
    stop: asyncio.Event,
    think: float = 0.0,
) -> None:
    """Join (unless the cookie is known), answer until the end or ``stop``, finish."""
    cookies = {"wimcheck_p": p.cookie} if p.cookie else {}
    async with httpx.AsyncClient(base_url=base, timeout=30, cookies=cookies) as http:
        try:
            if not p.cookie:
                form = fields((await timed(p, http.get(f"/?code={code}"))).text)
                joined = await timed(p, http.post("/join", data={**form, "name": p.name}))
                if joined.status_code != 303:
                    return
                p.cookie = http.cookies["wimcheck_p"]
            while not stop.is_set():
                form = fields((await timed(p, http.get("/q"), "page")).text)
                position = int(form["pos"])
                if position >= len(statements):
                    finished = await timed(p, http.post("/finish", data={"csrf": form["csrf"]}))
                    p.finished = finished.status_code == 303
                    return
                if think:
                    await asyncio.sleep(think * random.uniform(0.5, 1.5))
                value = intended(p.name, position)
                sent = await timed(
                    p, http.post("/q", data={**form, "answer": str(value)}), "answer"
                )
                if sent.status_code == 303:
                    p.acked[statements[position]] = value
        except (httpx.HTTPError, KeyError, ValueError):
            return  # the server went away


def intended(name: str, position: int) -> int:
    """The answer a participant gives at ``position`` (so that a saved one can be checked)."""
    return 1 + (position + len(name)) % 4


def statements_of_role() -> list[str]:
    from wimcheck.frameworks.catalog import load_framework

    framework = load_framework(FRAMEWORK)
    return [s.id for s in framework.questionnaire(framework.roles[ROLE])]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def response_files(folder: Path) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for path in folder.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found.setdefault(str(data["respondent"]), []).append(data)
    return found


def lost_and_duplicated(
    people: list[Participant], folder: Path, statements: list[str]
) -> tuple[int, int, int]:
    """Lost answers, duplicated ones, and ones saved whose reply never came (killed)."""
    files = response_files(folder)
    lost = duplicated = unacknowledged = 0
    for p in people:
        mine = files.get(p.name, [])
        duplicated += max(0, len(mine) - 1)
        answers = mine[0]["answers"] if mine else {}
        assert isinstance(answers, dict)
        lost += sum(1 for sid, value in p.acked.items() if answers.get(sid) != value)
        for sid, value in answers.items():
            if sid not in p.acked:
                unacknowledged += 1
                duplicated += value != intended(p.name, statements.index(sid))
    return lost, duplicated, unacknowledged


async def load_phase(
    count: int, root: Path, env: dict[str, str], statements: list[str], limit: float, think: float
) -> None:
    folder = root / "load"
    server = Server(folder, env)
    people = [Participant(f"P{i:03d}") for i in range(count)]
    stop = asyncio.Event()
    started = time.perf_counter()
    try:
        await asyncio.wait_for(
            asyncio.gather(
                *(
                    run_participant(p, server.base, server.code, statements, stop, think)
                    for p in people
                )
            ),
            timeout=limit,
        )
    finally:
        server.stop()
    seconds = time.perf_counter() - started
    times = [t for p in people for t in p.times]
    answers = [t for p in people for t in p.answer_times]
    pages = [t for p in people for t in p.page_times]
    lost, duplicated, _ = lost_and_duplicated(people, folder, statements)
    finished = sum(p.finished for p in people)
    print(
        f"load: {count} participants x {len(statements)} statements, think {think} s: "
        f"{seconds:.1f} s, {len(times)} requests ({len(times) / seconds:.0f}/s), "
        f"finished {finished}"
    )
    print(
        f"  all requests: p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
    )
    print(
        f"  answers:      p50 {percentile(answers, 0.5):.1f} ms, p95 {percentile(answers, 0.95):.1f} ms"
    )
    print(
        f"  pages:        p50 {percentile(pages, 0.5):.1f} ms, p95 {percentile(pages, 0.95):.1f} ms"
    )
    acked = sum(len(p.acked) for p in people)
    print(f"  acknowledged answers {acked}, lost {lost}, duplicated {duplicated}")


async def fault_phase(
    count: int, root: Path, env: dict[str, str], statements: list[str], limit: float, think: float
) -> None:
    folder = root / "faults"
    server = Server(folder, env)
    people = [Participant(f"K{i:03d}") for i in range(count)]
    stop = asyncio.Event()
    tasks = [
        asyncio.ensure_future(run_participant(p, server.base, server.code, statements, stop, think))
        for p in people
    ]
    target = count * len(statements) // 3
    deadline = time.monotonic() + limit
    while sum(len(p.acked) for p in people) < target and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    server.process.kill()  # SIGKILL, with answers in flight
    server.process.wait()
    stop.set()
    await asyncio.gather(*tasks)
    before = sum(len(p.acked) for p in people)
    again = Server(folder, env)
    stop = asyncio.Event()
    joined = [p for p in people if p.cookie]
    try:
        await asyncio.wait_for(
            asyncio.gather(
                *(run_participant(p, again.base, again.code, statements, stop) for p in joined)
            ),
            timeout=limit,
        )
    finally:
        again.stop()
    lost, duplicated, unacknowledged = lost_and_duplicated(joined, folder, statements)
    print(
        f"faults: SIGKILL after {before} acknowledged answers of {len(joined)} participants; "
        f"restarted on the same folder, {sum(p.finished for p in joined)} finished"
    )
    print(
        f"  acknowledged answers {sum(len(p.acked) for p in joined)}, lost {lost}, duplicated "
        f"{duplicated}; saved but not acknowledged (reply cut by the kill) {unacknowledged}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds per statement")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per phase")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {
            **os.environ,
            "WIMCHECK_DATA_DIR": str(root / "data"),
            "WIMCHECK_CACHE_DIR": str(root / "cache"),
            "PYTHONUNBUFFERED": "1",
        }
        os.environ.update(WIMCHECK_CACHE_DIR=env["WIMCHECK_CACHE_DIR"])
        statements = statements_of_role()
        asyncio.run(load_phase(args.participants, root, env, statements, args.timeout, args.think))
        asyncio.run(fault_phase(args.participants, root, env, statements, args.timeout, args.think))


if __name__ == "__main__":
    main()
