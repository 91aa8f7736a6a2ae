"""Benchmark: group statistics and JSON of 100,000 and 1,000,000 respondents.

One command:  python benchmarks/score_cohort.py  [--sizes 100000 1000000] [--runs 1]

For each size it writes one CSV sheet of synthetic respondents (as
``benchmarks/score_csv.py`` does) and runs, each as its own process and alternating:

- ``wimcheck score SHEET --format csv`` (plain scoring, the streaming path);
- ``wimcheck score SHEET --cohort --format csv`` (the group profiles only);
- ``wimcheck score SHEET --cohort --format json`` (group profiles and every respondent).

Issue 12's target, "``score --cohort --format json``: at 100k respondents at most 2x the
time of ``--format csv``", names one command in two formats, so its ratio is the JSON
run's time over ``score --cohort --format csv``; the ratio to plain scoring is printed
too. It prints wall time, CPU time (user + system), both ratios, the spread of the
per-run wall-clock ratios and the peak memory (maximum resident set size, measured
through an intermediate process); medians of ``--runs N`` alternating runs. wimcheck is
byte-compiled first, as installing a wheel does. Each run is stopped after
``--timeout`` seconds and may use at most ``--memory-limit`` GiB of address space, so a
run that would take the machine's memory fails instead. ``--baseline CHECKOUT`` runs the
two ``--cohort`` commands of another checkout's ``src/`` too, and checks that both
versions wrote the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import tempfile
from pathlib import Path

from batch_common import (
    DEFAULT_TIMEOUT,
    Run,
    compile_wimcheck,
    load_average,
    machine,
    measure,
    median_run,
    role_meta,
    spread,
    statement_ids,
    wimcheck_command,
    write_sheet,
)

PLAIN = "score --format csv"
COHORT_CSV = "score --cohort --format csv"
COHORT_JSON = "score --cohort --format json"


def commands(work: Path, sheet: Path, baseline: Path | None) -> dict[str, list[str]]:
    """The wimcheck commands for one sheet (and the baseline's ``--cohort`` ones)."""
    found = {}
    for suffix, source in (("", None), (", baseline", baseline)):
        if suffix and source is None:
            continue
        score = [*wimcheck_command(source), "score", str(sheet), "--force"]
        name = "baseline" if suffix else "out"
        if not suffix:
            found[PLAIN] = [*score, "--format", "csv", "-o", str(work / "out.csv")]
        found[COHORT_CSV + suffix] = [
            *(*score, "--cohort", "--format", "csv", "-o", str(work / f"{name}-cohort.csv"))
        ]
        found[COHORT_JSON + suffix] = [
            *(*score, "--cohort", "--format", "json", "-o", str(work / f"{name}.json"))
        ]
    return found


def _same_outputs(work: Path) -> str:
    """Whether the baseline wrote the same bytes (when it ran)."""
    pairs = [("out-cohort.csv", "baseline-cohort.csv"), ("out.json", "baseline.json")]
    verdicts = []
    for ours, theirs in pairs:
        if (work / ours).exists() and (work / theirs).exists():
            same = filecmp.cmp(work / ours, work / theirs, shallow=False)
            verdicts.append(f"{ours}: {'same bytes' if same else 'DIFFERENT'}")
    return "; ".join(verdicts)


def run_size(work: Path, meta: dict[str, object], size: int, args: argparse.Namespace) -> None:
    """Measure the commands on one sheet of ``size`` respondents and print the table."""
    sheet = work / f"respondents-{size}.csv"
    write_sheet(sheet, meta, size)
    limit = int(args.memory_limit * 2**30)
    todo = commands(work, sheet, args.baseline)
    runs: dict[str, list[Run]] = {name: [] for name in todo}
    print(f"\n{size:,} respondents ({sheet.stat().st_size / 2**20:.0f} MiB of CSV)")
    print(f"load average before: {load_average()}")
    for _ in range(args.runs):
        for name, command in todo.items():
            runs[name].append(measure(command, args.timeout, limit))
    print(f"load average after: {load_average()}")
    results = {name: median_run(found) for name, found in runs.items()}
    print(f"{'':40} {Run.HEADING}")
    for name, result in results.items():
        print(f"{name:40} {result.cells()}")
    for suffix in ("", ", baseline"):
        pairs = [(COHORT_JSON, COHORT_CSV)] + ([] if suffix else [(COHORT_JSON, PLAIN)])
        for top, bottom in pairs:
            top_runs, bottom_runs = runs.get(top + suffix), runs.get(bottom + suffix)
            if top_runs is None or bottom_runs is None:
                continue
            over, under = results[top + suffix], results[bottom + suffix]
            if over.failure or under.failure:
                continue
            print(
                f"{top}{suffix} / {bottom}{suffix}: {over.seconds / under.seconds:.2f}x wall"
                f" (runs {spread(top_runs, bottom_runs)}), {over.cpu / under.cpu:.2f}x CPU"
            )
    json_out = work / "out.json"
    if json_out.exists():
        print(f"JSON written: {json_out.stat().st_size / 2**20:,.0f} MiB")
    verdict = _same_outputs(work)
    if verdict:
        print(f"the baseline against this version: {verdict}")
    for leftover in (sheet, *work.glob("*.csv"), *work.glob("*.json")):
        leftover.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=1, help="alternating runs (median shown)")
    parser.add_argument("--role", default="wim")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--memory-limit", type=float, default=4.0, help="GiB per run")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of wimcheck (its src/ is run too, alternating, for before/after)",
    )
    args = parser.parse_args()
    compile_wimcheck(args.baseline)
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
