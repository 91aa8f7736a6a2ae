"""Benchmark: score 100,000 and 1,000,000 respondents CSV to CSV, side by side.

One command:  python benchmarks/score_csv.py  [--sizes 100000 1000000] [--runs 1]

For each size it writes one CSV sheet of synthetic respondents for one role of the
``wim`` framework and runs, each as its own process, in turn:

- the floor: a ``csv.reader`` pass that converts every answer cell to an integer and
  sums them (what any CSV scorer in CPython has to do at least);
- ``csv.reader`` alone (parsing without converting, for orientation);
- ``wimcheck score SHEET --format csv -o OUT``;
- the same scoring written with pandas, and with polars (lazy, streaming to CSV).
  Both are installed into this environment if missing; wimcheck never needs them.

It prints wall time, the ratio to the floor measured in the same run, and peak memory
(maximum resident set size, measured through an intermediate process; polars' figure
is its one process, which uses every core). With ``--runs N`` the commands alternate N
times and the median is shown. Finally it checks that wimcheck, pandas and polars give
the same numbers for every respondent (within one unit of the last decimal shown: the
libraries round halves differently). Every run is stopped after ``--timeout`` seconds.

Beside wall-clock time it prints CPU time (user + system) and its ratio, medians of each,
and the spread of the per-run ratios to the floor measured beside them. wimcheck is
byte-compiled first, as installing a wheel does. ``--baseline CHECKOUT`` also runs the
``src/`` of another checkout of wimcheck (for example
``git archive main src frameworks | tar -x -C /tmp/before``),
alternating with the others, and checks that both wrote the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import tempfile
from pathlib import Path

from batch_common import (
    DEFAULT_TIMEOUT,
    Run,
    compile_wimcheck,
    ensure_installed,
    load_average,
    machine,
    measure,
    median_run,
    role_meta,
    spread,
    statement_ids,
    wimcheck_command,
    write_meta,
    write_sheet,
)

FLOOR = r"""
import csv, sys
total = 0
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    reader = csv.reader(handle)
    next(reader)
    for row in reader:
        total += sum([int(cell) for cell in row[2:] if cell.isdigit()])
print(total)
"""

PARSE = r"""
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    for row in csv.reader(handle):
        pass
"""

PANDAS = r"""
import json, sys
import pandas as pd

meta = json.load(open(sys.argv[1]))
df = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
ids = [sid for comp in meta["competences"] for sid in comp["statements"]]
raw = df[ids].apply(lambda col: col.str.strip().str.lower())
values = raw.replace({"n/a": "-1", "": None}).apply(pd.to_numeric, errors="raise")
del raw
out = pd.DataFrame({"respondent": df["respondent"], "framework": meta["framework"], "role": df["role"]})
reached = pd.Series(0.0, index=df.index)
total_target = pd.Series(0.0, index=df.index)
scored = pd.Series(False, index=df.index)
flip = meta["min"] + meta["max"]
for comp in meta["competences"]:
    v = values[comp["statements"]].copy()
    for sid, rev in zip(comp["statements"], comp["reverse"]):
        if rev:
            v[sid] = v[sid].where(~(v[sid] >= 0), flip - v[sid])
    answered = (v >= 0).sum(axis=1)
    na = (v == -1).sum(axis=1)
    total = v.where(v >= 0).sum(axis=1)
    ok = (answered >= 1) & (2 * answered >= len(comp["statements"]) - na)
    level = (total / answered).where(ok)
    target = comp["target"]
    out[comp["id"] + " level"] = level.round(2)
    out[comp["id"] + " gap"] = (target - level).clip(lower=0).round(2)
    reached += level.clip(upper=target).fillna(0)
    total_target += target * ok
    scored |= ok
readiness = (100 * reached / total_target).where(total_target > 0, 100.0).where(scored)
out.insert(3, "readiness", readiness.round(1))
out.to_csv(sys.argv[3], index=False)
"""

POLARS = r"""
import json, sys
import polars as pl

meta = json.load(open(sys.argv[1]))
flip = meta["min"] + meta["max"]
columns, reached, targets, scored = [], [], [], []
for comp in meta["competences"]:
    values, not_applicable = [], []
    for sid, rev in zip(comp["statements"], comp["reverse"]):
        text = pl.col(sid).str.strip_chars().str.to_lowercase()
        number = text.cast(pl.Float64, strict=False)
        values.append(flip - number if rev else number)
        not_applicable.append((text == "n/a").fill_null(False).cast(pl.Int32))
    answered = pl.sum_horizontal([v.is_not_null().cast(pl.Int32) for v in values])
    na = pl.sum_horizontal(not_applicable)
    total = pl.sum_horizontal([v.fill_null(0.0) for v in values])
    ok = (answered >= 1) & (2 * answered >= len(values) - na)
    level = pl.when(ok).then(total / answered)
    target = comp["target"]
    columns.append(level.round(2).alias(comp["id"] + " level"))
    columns.append((target - level).clip(lower_bound=0).round(2).alias(comp["id"] + " gap"))
    reached.append(pl.when(ok).then(pl.min_horizontal(level, pl.lit(target))).otherwise(0.0))
    targets.append(pl.when(ok).then(pl.lit(float(target))).otherwise(0.0))
    scored.append(ok)
total_target = pl.sum_horizontal(targets)
readiness = (
    pl.when(total_target > 0).then(100 * pl.sum_horizontal(reached) / total_target)
    .when(pl.any_horizontal(scored)).then(100.0)
)
(
    pl.scan_csv(sys.argv[2], infer_schema=False)
    .select(
        pl.col("respondent"),
        pl.lit(meta["framework"]).alias("framework"),
        pl.col("role"),
        readiness.round(1).alias("readiness"),
        *columns,
    )
    .sink_csv(sys.argv[3])
)
"""


FLOOR_NAME = "floor (csv.reader + int per cell)"


def commands(work: Path, sheet: Path, size: int, baseline: Path | None) -> dict[str, list[str]]:
    """Every implementation's command line for one sheet."""
    python = sys.executable
    meta = str(work / "meta.json")
    score = [str(sheet), "--format", "csv", "--force", "-o"]
    found = {
        FLOOR_NAME: [python, "-c", FLOOR, str(sheet)],
        "csv.reader alone": [python, "-c", PARSE, str(sheet)],
        "wimcheck score": [
            *wimcheck_command(None),
            "score",
            *score,
            str(work / f"wimcheck-{size}.csv"),
        ],
        "pandas": [python, "-c", PANDAS, meta, str(sheet), str(work / f"pandas-{size}.csv")],
        "polars": [python, "-c", POLARS, meta, str(sheet), str(work / f"polars-{size}.csv")],
    }
    if baseline is not None:
        found["wimcheck score, baseline"] = [
            *wimcheck_command(baseline),
            *("score", *score, str(work / f"baseline-{size}.csv")),
        ]
    return found


def _differs(ours: dict[str, str], theirs: dict[str, str], columns: list[str]) -> bool:
    for column in columns:
        x, y = ours[column], theirs[column]
        if (x == "") != (y == ""):
            return True
        unit = 0.1 if column == "readiness" else 0.01  # one unit of the last decimal shown
        if x and abs(float(x) - float(y)) > unit + 1e-9:
            return True
    return False


def disagreements(ours: Path, theirs: Path) -> int:
    """Respondents whose numbers differ between two result files (read side by side)."""
    with ours.open(newline="") as a, theirs.open(newline="") as b:
        left, right = csv.DictReader(a), csv.DictReader(b)
        columns = [
            c for c in right.fieldnames or [] if c == "readiness" or c.endswith(("level", "gap"))
        ]
        differ = 0
        for mine, other in itertools.zip_longest(left, right):
            same_person = mine and other and mine["respondent"] == other["respondent"]
            if not same_person or _differs(mine, other, columns):
                differ += 1
    return differ


def run_size(work: Path, meta: dict[str, object], size: int, args: argparse.Namespace) -> None:
    """Measure every implementation on one sheet of ``size`` respondents and print the table."""
    sheet = work / f"respondents-{size}.csv"
    write_sheet(sheet, meta, size)
    todo = {
        k: v for k, v in commands(work, sheet, size, args.baseline).items() if k not in args.skip
    }
    runs: dict[str, list[Run]] = {name: [] for name in todo}
    print(f"\n{size:,} respondents ({sheet.stat().st_size / 2**20:.0f} MiB of CSV)")
    print(f"load average before: {load_average()}")
    for _ in range(args.runs):
        for name, command in todo.items():
            runs[name].append(measure(command, args.timeout))
    print(f"load average after: {load_average()}")
    results = {name: median_run(found) for name, found in runs.items()}
    floor = results.get(FLOOR_NAME)
    print(f"{'':36} {Run.HEADING}  spread (x floor)")
    for name, result in results.items():
        print(f"{name:36} {result.cells(floor)}  {spread(runs[name], runs[FLOOR_NAME])}")
    ours = work / f"wimcheck-{size}.csv"
    theirs = work / f"baseline-{size}.csv"
    if ours.exists() and theirs.exists():
        same = ours.read_bytes() == theirs.read_bytes()
        print(f"wimcheck and the baseline wrote {'the same bytes' if same else 'DIFFERENT files'}")
    for other in ("pandas", "polars"):
        theirs = work / f"{other}-{size}.csv"
        if ours.exists() and theirs.exists():
            print(f"respondents where wimcheck and {other} disagree: {disagreements(ours, theirs)}")
    for leftover in work.glob(f"*-{size}.csv"):
        leftover.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=1, help="alternating runs (median shown)")
    parser.add_argument("--role", default="wim")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--skip", nargs="*", default=[], choices=["pandas", "polars"])
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of wimcheck (its src/ is run too, alternating, for before/after)",
    )
    args = parser.parse_args()
    compile_wimcheck(args.baseline)
    ensure_installed(*(name for name in ("pandas", "polars") if name not in args.skip))
    meta = role_meta("wim", args.role)
    print(machine())
    print(
        f"role wim/{args.role}: {len(meta['competences'])} competences, "  # type: ignore[arg-type]
        f"{len(statement_ids(meta))} statements per respondent"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_meta(work / "meta.json", meta)
        for size in args.sizes:
            run_size(work, meta, size, args)


if __name__ == "__main__":
    main()
