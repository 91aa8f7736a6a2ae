"""``wimcheck serve`` as a real process on a free loopback port, for the tests that need
a real server: Ctrl-C, kill -9 and restart, and the browser."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

URL = re.compile(r"(http://127\.0\.0\.1:\d+)/\?code=(\w+)")
FACILITATOR = re.compile(r"(http://127\.0\.0\.1:\d+/f/[\w-]+)")
START_TIMEOUT = 60.0


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Server:
    """A ``wimcheck serve`` process; ``base``, ``code`` and ``facilitator`` once started."""

    def __init__(self, folder: Path, *args: str, background: bool = False) -> None:
        """``background``: started as a shell starts ``command &``, ignoring SIGINT."""
        command = [
            sys.executable,
            "-m",
            "wimcheck",
            "serve",
            *(args or ("wim", "--role", "team-leader")),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--workshop",
            str(folder),
        ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            preexec_fn=_ignore_interrupt if background else None,
        )
        self.output: list[str] = []
        self.base = self.code = self.facilitator = ""
        deadline = time.monotonic() + START_TIMEOUT
        assert self.process.stdout is not None
        while not self.facilitator and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("serve ended: " + "".join(self.output) + self._stderr())
            self.output.append(line)
            if found := URL.search(line):
                self.base, self.code = found.group(1), found.group(2)
            if found := FACILITATOR.search(line):
                self.facilitator = found.group(1)
        if not self.facilitator:
            raise RuntimeError("serve did not start in time: " + "".join(self.output))

    def _stderr(self) -> str:
        if self.process.poll() is None or self.process.stderr is None:
            return ""
        return self.process.stderr.read()

    def stop(self, sig: int = signal.SIGINT, timeout: float = 30.0) -> tuple[int, str]:
        """Send ``sig`` and wait; returns the exit code and what was written on stderr."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            _, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return self.process.returncode, err

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.stop(signal.SIGKILL)
