"""Shared by the batch benchmarks: synthetic sheets, measured runs, the machine.

Not a benchmark itself; ``score_csv.py`` and ``score_cohort.py`` import it.
"""

from __future__ import annotations

import compileall
import csv
import importlib.util
import io
import json
import os
import platform
import random
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

POOL_SIZE = 4096  # distinct answer rows; respondents draw from them (generation stays fast)
DEFAULT_TIMEOUT = 600.0  # seconds one run may take before it is stopped


def role_meta(framework_id: str, role_id: str) -> dict[str, object]:
    """What every implementation needs to score one role, as JSON-ready data."""
    from wimcheck.frameworks.catalog import load_framework

    framework = load_framework(framework_id)
    role = framework.roles[role_id]
    scale = framework.scale_for(role)
    return {
        "framework": framework.id,
        "role": role.id,
        "min": scale.min,
        "max": scale.max,
        "competences": [
            {
                "id": c.id,
                "statements": [s.id for s in c.statements],
                "reverse": [s.reverse for s in c.statements],
                "target": role.targets[c.id].level,
            }
            for c in framework.role_competences(role)
        ],
    }


def statement_ids(meta: dict[str, object]) -> list[str]:
    """Every statement of the role, in questionnaire order."""
    return [sid for comp in meta["competences"] for sid in comp["statements"]]  # type: ignore[attr-defined]


def _answer_pool(count: int, rng: random.Random) -> list[list[str]]:
    """Answer rows like real ones: answers near a person's level, ~3 % "n/a", ~3 % empty."""
    pool = []
    for _ in range(POOL_SIZE):
        base = rng.randint(0, 5)
        row = []
        for _ in range(count):
            roll = rng.random()
            if roll < 0.03:
                row.append("n/a")
            elif roll < 0.06:
                row.append("")
            else:
                row.append(str(max(0, min(5, base + rng.randint(-1, 1)))))
        pool.append(row)
    return pool


def write_sheet(path: Path, meta: dict[str, object], respondents: int) -> None:
    """A CSV sheet of ``respondents`` rows: respondent, role, one column per statement.

    The answers are drawn from a pool of rows written as CSV text once, so a million
    rows take seconds, not minutes.
    """
    rng = random.Random(42)
    ids = statement_ids(meta)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_answer_pool(len(ids), rng))
    lines = buffer.getvalue().splitlines(keepends=True)
    prefix = f",{meta['role']},"
    with path.open("w", newline="", encoding="utf-8") as handle:
        handle.write(",".join(["respondent", "role", *ids]) + "\n")
        picks = rng.choices(lines, k=respondents)
        handle.writelines(f"R{number:07d}{prefix}{line}" for number, line in enumerate(picks))


def write_meta(path: Path, meta: dict[str, object]) -> None:
    """The role's description for the pandas and polars scorers."""
    path.write_text(json.dumps(meta), encoding="utf-8")


# Runs the command given as arguments and prints its wall time and its peak memory (the
# children's maximum resident set size). Started as a small process of its own, because
# Linux counts the memory a parent had when it forked as part of the child's peak. The
# command is stopped after a time limit, and may be given an address-space limit.
_MEASURE = r"""
import resource, subprocess, sys, time
timeout, limit = float(sys.argv[1]), int(sys.argv[2])
def bounded():
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.perf_counter()
try:
    done = subprocess.run(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, timeout=timeout, preexec_fn=bounded)
except subprocess.TimeoutExpired:
    print("timeout")
    sys.exit(0)
elapsed = time.perf_counter() - start
if done.returncode:
    lines = done.stderr.strip().splitlines() or ["exit code %d" % done.returncode]
    print("failed", lines[-1][:200])
    sys.exit(0)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


@dataclass(frozen=True)
class Run:
    """One measured run: seconds (wall-clock and CPU) and peak MiB, or why it has none."""

    seconds: float = 0.0
    mebibytes: float = 0.0
    failure: str | None = None
    cpu: float = 0.0  # user + system seconds of the command

    HEADING = f"{'seconds':>9} {'x':>8} {'CPU s':>7} {'CPU x':>7} {'peak MiB':>8}"

    def cells(self, floor: Run | None = None) -> str:
        """Time, ratio to ``floor``, CPU time and its ratio, peak memory, aligned for a table."""
        if self.failure is not None:
            return f"{self.failure:>43}"
        ratio = f"{self.seconds / floor.seconds:>7.2f}x" if floor and floor.seconds else " " * 8
        cpu_ratio = f"{self.cpu / floor.cpu:>6.2f}x" if floor and floor.cpu else " " * 7
        return f"{self.seconds:>9.2f} {ratio} {self.cpu:>7.2f} {cpu_ratio} {self.mebibytes:>8.0f}"


def measure(command: list[str], timeout: float = DEFAULT_TIMEOUT, memory_limit: int = 0) -> Run:
    """Run ``command`` through the intermediate process, within ``timeout`` seconds and
    ``memory_limit`` bytes of address space (0: no limit)."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(timeout), str(memory_limit), *command],
        capture_output=True,
        text=True,
        check=False,
    )
    answer = done.stdout.strip()
    if done.returncode or not answer:
        raise SystemExit(f"measuring {' '.join(command[:6])} failed:\n{done.stderr}")
    if answer == "timeout":
        return Run(failure=f"over {timeout:.0f} s")
    if answer.startswith("failed"):
        print(f"  {' '.join(command[:6])}: {answer}", file=sys.stderr)
        return Run(failure="failed" if not memory_limit else "failed (memory limit?)")
    elapsed, peak_kib, cpu = answer.split()
    return Run(float(elapsed), int(peak_kib) / 1024, cpu=float(cpu))


def median_run(runs: list[Run]) -> Run:
    """The median of the runs: wall-clock time, CPU time and peak memory each the median
    of its own (the first failure when any failed)."""
    failed = [run for run in runs if run.failure is not None]
    if failed:
        return failed[0]
    return Run(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.mebibytes for run in runs),
        cpu=statistics.median(run.cpu for run in runs),
    )


def spread(runs: list[Run], floors: list[Run]) -> str:
    """The lowest and highest ratio of each run to the floor measured beside it (wall-clock)."""
    ratios = [run.seconds / floor.seconds for run, floor in zip(runs, floors, strict=True)]
    if not ratios or any(run.failure for run in runs):
        return ""
    return f"{min(ratios):.2f}-{max(ratios):.2f}x"


def wimcheck_command(baseline: Path | None) -> list[str]:
    """``python -m wimcheck``, or the same run on the sources of ``baseline`` (a checkout)."""
    python = [sys.executable, "-m", "wimcheck"]
    if baseline is None:
        return python
    return ["env", f"PYTHONPATH={baseline / 'src'}", *python]


def compile_wimcheck(baseline: Path | None) -> None:
    """Byte-compile wimcheck (and the baseline's sources) first, as installing a wheel does:
    with ``PYTHONDONTWRITEBYTECODE`` set, an editable install would otherwise compile
    every module from source on every run."""
    import wimcheck

    compileall.compile_dir(Path(wimcheck.__file__).parent, quiet=1)
    if baseline is not None:
        compileall.compile_dir(baseline / "src" / "wimcheck", quiet=1)


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def ensure_installed(*packages: str) -> None:
    """Install missing comparison libraries into this environment (wimcheck never needs them)."""
    missing = [name for name in packages if importlib.util.find_spec(name) is None]
    if missing:
        print(f"installing {', '.join(missing)} for the comparison ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing], check=True)


def machine() -> str:
    """One line naming the machine and the Python."""
    memory = ""
    try:
        with Path("/proc/meminfo").open() as handle:
            kib = int(handle.readline().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    try:
        with Path("/proc/cpuinfo").open() as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
