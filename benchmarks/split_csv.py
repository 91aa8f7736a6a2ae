"""Benchmark: would two processes score a large CSV sheet faster than one?

One command:  python benchmarks/split_csv.py  [--sizes 100000 1000000] [--runs 3]

For each size it writes one CSV sheet of synthetic respondents (as
``benchmarks/score_csv.py`` does), splits it at the row boundary nearest its middle
(a ``csv.reader`` pass over the first half, timed on its own: the part of the work a
split costs before both halves can start) and runs, alternating:

- ``wimcheck score SHEET --format csv`` (one process);
- two ``wimcheck score HALF --format csv`` processes at the same time, their outputs
  then joined in order (the header once): the most a split into two processes can gain,
  before any cost of finding duplicate respondents across the halves or of putting the
  error reports back in order.

- ``wimcheck score SHEET --format csv`` as built now (two processes for a sheet this
  large, :mod:`wimcheck.batch.split`), against the same command with the split turned
  off (``SPLIT_MIN_BYTES`` raised in the process: one process).

It prints the wall times, the ratio of each to the single run and the peak memory
of the largest process, and checks that both outputs equal the single one.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from batch_common import DEFAULT_TIMEOUT, Run, machine, measure, median_run, role_meta, write_sheet

# Starts both halves at once, waits for both, joins their outputs (header once).
_PAIR = r"""
import subprocess, sys
first, second, out = sys.argv[1:4]
score = [sys.executable, "-m", "wimcheck", "score", "--format", "csv", "--force"]
runs = [subprocess.Popen([*score, half, "-o", half + ".out"]) for half in (first, second)]
if any(run.wait() for run in runs):
    sys.exit(1)
with open(out, "w", encoding="utf-8", newline="") as joined:
    for number, half in enumerate((first, second)):
        with open(half + ".out", encoding="utf-8", newline="") as part:
            if number:
                part.readline()
            joined.writelines(part)
"""

# wimcheck with the built-in split turned off: one process, as before it.
_ONE = r"""
from wimcheck.batch import split
split.SPLIT_MIN_BYTES = 1 << 62
from wimcheck.cli.app import main
main()
"""


def split(sheet: Path, first: Path, second: Path) -> float:
    """Split ``sheet`` into two sheets with its header at the row boundary nearest the
    middle; the seconds the boundary took to find."""
    start = time.perf_counter()
    middle = sheet.stat().st_size // 2
    consumed = 0

    def lines(handle: BinaryIO) -> Iterator[str]:
        nonlocal consumed
        for raw in handle:
            consumed += len(raw)
            yield raw.decode("utf-8")

    with sheet.open("rb") as handle:
        reader = csv.reader(lines(handle))
        next(reader)
        header_end = consumed
        # the reader asks for lines only as a row needs them: after a whole row,
        # ``consumed`` is a boundary that no quoted line break can straddle
        while consumed < middle:
            next(reader)
        boundary = consumed
    seconds = time.perf_counter() - start
    data = sheet.read_bytes()
    first.write_bytes(data[:boundary])
    second.write_bytes(data[:header_end] + data[boundary:])
    return seconds


def run_size(work: Path, meta: dict[str, object], size: int, args: argparse.Namespace) -> None:
    sheet = work / f"respondents-{size}.csv"
    write_sheet(sheet, meta, size)
    first, second = work / "first.csv", work / "second.csv"
    split_seconds = split(sheet, first, second)
    score = [sys.executable, "-m", "wimcheck", "score", "--format", "csv", "--force"]
    single = [sys.executable, "-c", _ONE, "score", "--format", "csv", "--force"]
    todo = {
        "one process": [*single, str(sheet), "-o", str(work / "one.csv")],
        "built in (two processes)": [*score, str(sheet), "-o", str(work / "built.csv")],
        "two processes, joined": [
            *(sys.executable, "-c", _PAIR, str(first), str(second), str(work / "two.csv"))
        ],
    }
    runs: dict[str, list[Run]] = {name: [] for name in todo}
    for _ in range(args.runs):
        for name, command in todo.items():
            runs[name].append(measure(command, args.timeout))
    results = {name: median_run(found) for name, found in runs.items()}
    base = results["one process"]
    print(f"\n{size:,} respondents ({sheet.stat().st_size / 2**20:.0f} MiB of CSV)")
    print(f"{'':30} {'seconds':>9} {'x one':>8} {'peak MiB':>8}")
    for name, result in results.items():
        print(f"{name:30} {result.cells(base)}")
    print(f"finding the row boundary: {split_seconds:.2f} s (not in the times above)")
    same = (work / "one.csv").read_bytes() == (work / "two.csv").read_bytes()
    print(f"joined output equals the single run: {same}")
    built = (work / "one.csv").read_bytes() == (work / "built.csv").read_bytes()
    print(f"built-in split output equals the single run: {built}")
    for leftover in work.iterdir():
        leftover.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3, help="alternating runs (median shown)")
    parser.add_argument("--role", default="wim")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    args = parser.parse_args()
    meta = role_meta("wim", args.role)
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            run_size(Path(folder), meta, size, args)


if __name__ == "__main__":
    main()
