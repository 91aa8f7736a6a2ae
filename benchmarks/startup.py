"""Benchmark: start-up of everyday commands against Python's and typer's own floor.

One command:  python benchmarks/startup.py  [--runs 15]

Every command runs as a new process. The runs are interleaved (one run of each command
in turn, repeated), so a busy machine slows all of them alike, and the median is taken.
Baselines measured in the same run: ``python -c pass``, ``python -c "import typer"`` and
a minimal two-command typer app (``benchmarks/minimal_typer_app.py``). wimcheck's
commands run twice: with a cold framework cache (emptied before every run) and a warm
one. Each line prints the median and its ratio to each baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
SHEET = ROOT / "tests" / "data" / "trainer" / "P05.toml"
BASELINES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "minimal typer app": [sys.executable, str(HERE / "minimal_typer_app.py"), "hello"],
}
COMMANDS = {
    "--version": ["--version"],
    "--help": ["--help"],
    "frameworks list": ["frameworks", "list"],
    "frameworks show wim": ["frameworks", "show", "wim"],
    "report FILE": ["report", str(SHEET)],
    "template --format xlsx": ["template", "wim", "--role", "team-leader", "--format", "xlsx"],
}


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return (time.perf_counter() - start) * 1000


def _wimcheck(args: list[str], folder: Path) -> list[str]:
    if args[-1] == "xlsx":
        args = [*args, "--force", "-o", str(folder / "template.xlsx")]
    return [sys.executable, "-m", "wimcheck", *args]


def measure(runs: int, folder: Path) -> dict[str, list[float]]:
    """Median-ready timings of every baseline and command, cold and warm, interleaved."""
    env = {**os.environ, "WIMCHECK_DATA_DIR": str(folder / "data"), "NO_COLOR": "1"}
    cold_env = {**env, "WIMCHECK_CACHE_DIR": str(folder / "cold-cache")}
    warm_env = {**env, "WIMCHECK_CACHE_DIR": str(folder / "warm-cache")}
    subprocess.run(_wimcheck(["frameworks", "list"], folder), env=warm_env, capture_output=True)
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, argv in BASELINES.items():
            times.setdefault(name, []).append(_run(argv, env))
        for name, args in COMMANDS.items():
            shutil.rmtree(folder / "cold-cache", ignore_errors=True)
            times.setdefault(f"{name} (cold)", []).append(_run(_wimcheck(args, folder), cold_env))
            times.setdefault(f"{name} (warm)", []).append(_run(_wimcheck(args, folder), warm_env))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        times = measure(args.runs, Path(folder))
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = [medians[name] for name in BASELINES]
    print(f"{'':34} {'median ms':>9} {'× pass':>7} {'× typer':>8} {'× app':>6}")
    for name, value in medians.items():
        ratios = " ".join(f"{value / base:>7.2f}" for base in floor)
        print(f"{name:34} {value:>9.0f} {ratios}")


if __name__ == "__main__":
    main()
