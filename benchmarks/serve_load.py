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
import urllib.parse
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass(frozen=True)
class Reply:
    status: int
    text: str


class Phone:
    """One phone's connection: HTTP/1.1 with keep-alive over asyncio streams, cookies kept.

    Much lighter than a general client (httpx took 1.7 ms of CPU a request, more than
    the server's 1 ms): on a 2-core laptop the 60 simulated phones must not take the CPU
    the server needs, since real phones bring their own.
    """

    def __init__(self, base: str, cookies: dict[str, str]) -> None:
        address = urllib.parse.urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.cookies = dict(cookies)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Reply:
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            head += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        if self.streams is not None and self.streams[0].at_eof():
            self.close()  # the server closed the idle connection (after its keep-alive time)
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await writer.drain()
        return await asyncio.wait_for(self._reply(reader), 30)

    async def _reply(self, reader: asyncio.StreamReader) -> Reply:
        lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status, length, close = int(lines[0].split()[1]), 0, False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value.lower() == "close":
                close = True
            elif name == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        text = (await reader.readexactly(length)).decode("utf-8") if length else ""
        if close:
            self.close()
        return Reply(status, text)

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def timed(p: Participant, request: Awaitable[Reply], kind: str = "") -> Reply:
    start = time.perf_counter()
    response = await request
    elapsed = time.perf_counter() - start
    p.times.append(elapsed)
    if kind == "answer":
        p.answer_times.append(elapsed)
    elif kind == "page":
        p.page_times.append(elapsed)
    return response


async def run_participant(
    p: Participant,
    base: str,
    code: str,
    statements: list[str],
    stop: asyncio.Event,
    think: float = 0.0,
) -> None:
    """Join (unless the cookie is known), answer until the end or ``stop``, finish."""
    http = Phone(base, {"wimcheck_p": p.cookie} if p.cookie else {})
    try:
        if not p.cookie:
            form = fields((await timed(p, http.request("GET", f"/?code={code}"))).text)
            joined = await timed(p, http.request("POST", "/join", {**form, "name": p.name}))
            if joined.status != 303:
                return
            p.cookie = http.cookies["wimcheck_p"]
        while not stop.is_set():
            form = fields((await timed(p, http.request("GET", "/q"), "page")).text)
            position = int(form["pos"])
            if position >= len(statements):
                finished = await timed(p, http.request("POST", "/finish", {"csrf": form["csrf"]}))
                p.finished = finished.status == 303
                return
            if think:
                await asyncio.sleep(think * random.uniform(0.5, 1.5))
            value = intended(p.name, position)
            sent = await timed(
                p, http.request("POST", "/q", {**form, "answer": str(value)}), "answer"
            )
            if sent.status == 303:
                p.acked[statements[position]] = value
    except (TimeoutError, OSError, asyncio.IncompleteReadError, KeyError, ValueError):
        return  # the server went away
    finally:
        http.close()


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
