"""Benchmark: group statistics and JSON of 100,000 and 1,000,000 respondents.

One command:  python benchmarks/score_cohort.py  [--sizes 100000 1000000] [--runs 1]

For each size it writes one CSV sheet of synthetic respondents (as
``benchmarks/score_csv.py`` does) and runs, each as its own process and alternating:

- ``wimcheck score SHEET --format csv`` (the streaming path, for comparison);
- ``wimcheck score SHEET --cohort --format json`` (group profile and every respondent).

It prints wall time, the ratio of the JSON run to the CSV run and the peak memory
(maximum resident set size, measured through an intermediate process). Each run is
stopped after ``--timeout`` seconds and may use at most ``--memory-limit`` GiB of
address space, so a run that would take the machine's memory fails instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from batch_common import (
    DEFAULT_TIMEOUT,
    Run,
    machine,
    measure,
    median_run,
    role_meta,
    statement_ids,
    write_sheet,
)


def commands(work: Path, sheet: Path) -> dict[str, list[str]]:
    """The two wimcheck commands for one sheet."""
    score = [sys.executable, "-m", "wimcheck", "score", str(sheet), "--force"]
    return {
        "score --format csv": [*score, "--format", "csv", "-o", str(work / "out.csv")],
        "score --cohort --format json": [
            *(*score, "--cohort", "--format", "json"),
            *("-o", str(work / "out.json")),
        ],
    }


def run_size(work: Path, meta: dict[str, object], size: int, args: argparse.Namespace) -> None:
    """Measure both commands on one sheet of ``size`` respondents and print the table."""
    sheet = work / f"respondents-{size}.csv"
    write_sheet(sheet, meta, size)
    limit = int(args.memory_limit * 2**30)
    todo = commands(work, sheet)
    runs: dict[str, list[Run]] = {name: [] for name in todo}
    for _ in range(args.runs):
        for name, command in todo.items():
            runs[name].append(measure(command, args.timeout, limit))
    results = {name: median_run(found) for name, found in runs.items()}
    base = results["score --format csv"]
    print(f"\n{size:,} respondents ({sheet.stat().st_size / 2**20:.0f} MiB of CSV)")
    print(f"{'':30} {'seconds':>9} {'x csv':>8} {'peak MiB':>8}")
    for name, result in results.items():
        print(f"{name:30} {result.cells(base)}")
    json_out = work / "out.json"
    if json_out.exists():
        print(f"JSON written: {json_out.stat().st_size / 2**20:,.0f} MiB")
    for leftover in (sheet, work / "out.csv", json_out):
        leftover.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=1, help="alternating runs (median shown)")
    parser.add_argument("--role", default="wim")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--memory-limit", type=float, default=4.0, help="GiB per run")
    args = parser.parse_args()
    meta = role_meta("wim", args.role)
    print(machine())
    print(
        f"role wim/{args.role}: {len(meta['competences'])} competences, "  # type: ignore[arg-type]
        f"{len(statement_ids(meta))} statements per respondent"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            run_size(Path(folder), meta, size, args)


if __name__ == "__main__":
    main()
