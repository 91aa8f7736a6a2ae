"""Benchmark: start-up of everyday commands against Python's and typer's own floor.

One command:  python benchmarks/startup.py  [--runs 15] [--instructions]

Every command runs as a new process. The runs are interleaved (one run of each command
in turn, repeated), so a busy machine slows all of them alike, and the median is taken.
Baselines measured in the same run: ``python -c pass``, ``python -c "import typer"`` and
a minimal two-command typer app (``benchmarks/minimal_typer_app.py``). wimcheck's
commands run twice: with a cold framework cache (emptied before every run) and a warm
one. Each line prints the median and its ratio to each baseline, twice: wall-clock time,
and CPU time (user + system of the process, from ``getrusage``), which a machine shared
with other work disturbs far less.

``--instructions`` counts instead the instructions each command executes, once each under
valgrind's callgrind (which must be installed): a count that the machine's load does not
move. OpenSSL's SHA-256, which under valgrind cannot use the processor's SHA instructions,
inflates the cold runs (they hash the frameworks' sources).

wimcheck's modules are byte-compiled first (``compileall``), as installing a wheel does:
with ``PYTHONDONTWRITEBYTECODE`` set, an editable install would otherwise compile every
module of wimcheck from source on every run, while typer's were compiled when installed.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
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


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one run of ``argv``."""
    cpu = _cpu_of_children()
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    wall = (time.perf_counter() - start) * 1000
    return wall, (_cpu_of_children() - cpu) * 1000


def _wimcheck(args: list[str], folder: Path) -> list[str]:
    if args[-1] == "xlsx":
        args = [*args, "--force", "-o", str(folder / "template.xlsx")]
    return [sys.executable, "-m", "wimcheck", *args]


def measure(runs: int, folder: Path) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU times of every baseline and command, cold and warm, interleaved."""
    env = {**os.environ, "WIMCHECK_DATA_DIR": str(folder / "data"), "NO_COLOR": "1"}
    cold_env = {**env, "WIMCHECK_CACHE_DIR": str(folder / "cold-cache")}
    warm_env = {**env, "WIMCHECK_CACHE_DIR": str(folder / "warm-cache")}
    subprocess.run(_wimcheck(["frameworks", "list"], folder), env=warm_env, capture_output=True)
    times: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        for name, argv in BASELINES.items():
            times.setdefault(name, []).append(_run(argv, env))
        for name, args in COMMANDS.items():
            shutil.rmtree(folder / "cold-cache", ignore_errors=True)
            times.setdefault(f"{name} (cold)", []).append(_run(_wimcheck(args, folder), cold_env))
            times.setdefault(f"{name} (warm)", []).append(_run(_wimcheck(args, folder), warm_env))
    return times


def _instructions(argv: list[str], env: dict[str, str]) -> float:
    """Millions of instructions ``argv`` executes (valgrind's callgrind)."""
    tool = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*tool, *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    counted = [line for line in done.stderr.splitlines() if "Collected :" in line]
    return int(counted[-1].split()[-1]) / 1e6


def count(folder: Path) -> dict[str, list[tuple[float, float]]]:
    """Instructions of every baseline and command, cold and warm (in both columns)."""
    env = {**os.environ, "WIMCHECK_DATA_DIR": str(folder / "data"), "NO_COLOR": "1"}
    cold_env = {**env, "WIMCHECK_CACHE_DIR": str(folder / "cold-cache")}
    warm_env = {**env, "WIMCHECK_CACHE_DIR": str(folder / "warm-cache")}
    for args in COMMANDS.values():  # the warm cache has seen every command
        subprocess.run(_wimcheck(args, folder), env=warm_env, capture_output=True)
    counts: dict[str, list[tuple[float, float]]] = {}
    for name, argv in BASELINES.items():
        number = _instructions(argv, env)
        counts[name] = [(number, number)]
    for name, args in COMMANDS.items():
        shutil.rmtree(folder / "cold-cache", ignore_errors=True)
        cold = _instructions(_wimcheck(args, folder), cold_env)
        warm = _instructions(_wimcheck(args, folder), warm_env)
        counts[f"{name} (cold)"], counts[f"{name} (warm)"] = [(cold, cold)], [(warm, warm)]
    return counts


def _table(title: str, medians: dict[str, float], unit: str = "median ms") -> None:
    floor = [medians[name] for name in BASELINES]
    print(f"{title:34} {unit:>9} {'× pass':>7} {'× typer':>8} {'× app':>6}")
    for name, value in medians.items():
        ratios = " ".join(f"{value / base:>7.2f}" for base in floor)
        print(f"{name:34} {value:>9.0f} {ratios}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    args = parser.parse_args()
    import wimcheck

    compileall.compile_dir(Path(wimcheck.__file__).parent, quiet=1)
    if args.instructions:
        with tempfile.TemporaryDirectory() as folder:
            counts = count(Path(folder))
        _table("instructions", {name: v[0][0] for name, v in counts.items()}, "millions")
        return
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        times = measure(args.runs, Path(folder))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for index, title in enumerate(("wall-clock", "CPU (user + system)")):
        medians = {
            name: statistics.median(v[index] for v in values) for name, values in times.items()
        }
        _table(title, medians)


if __name__ == "__main__":
    main()
