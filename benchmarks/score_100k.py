"""Benchmark: batch-score 100,000 synthetic respondents, wimcheck against pandas.

One command:  python benchmarks/score_100k.py  [--respondents N] [--role wim]

It writes one CSV of N respondents for one role of the ``wim`` framework, scores it
to a CSV of results with ``wimcheck score --format csv``, then with a straightforward
pandas implementation of the same scoring (pandas is installed for this if missing;
wimcheck itself never needs it), and prints wall time and peak memory (maximum resident
set size) of each, measured on separate processes. It also scores N/4 and N/2 rows to
show that wimcheck's memory stays flat as respondents grow (streaming).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

PANDAS_SCORER = r"""
import json, sys
import pandas as pd

meta = json.load(open(sys.argv[1]))
df = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
ids = [sid for comp in meta["competences"] for sid in comp["statements"]]
raw = df[ids].apply(lambda col: col.str.strip().str.lower())
values = raw.replace({"n/a": "-1", "": None}).apply(pd.to_numeric, errors="raise")
out = pd.DataFrame({"respondent": df["respondent"], "framework": meta["framework"], "role": df["role"]})
reached = pd.Series(0.0, index=df.index)
total_target = pd.Series(0.0, index=df.index)
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
out.insert(3, "readiness", (100 * reached / total_target).round(1))
out.to_csv(sys.argv[3], index=False)
"""


def generate(path: Path, meta: dict[str, object], count: int, role: str) -> None:
    rng = random.Random(42)
    ids = [sid for comp in meta["competences"] for sid in comp["statements"]]  # type: ignore[index, union-attr]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent", "role", *ids])
        for number in range(count):
            base = rng.randint(0, 5)
            row = []
            for _ in ids:
                roll = rng.random()
                if roll < 0.03:
                    row.append("n/a")
                elif roll < 0.06:
                    row.append("")
                else:
                    row.append(str(max(0, min(5, base + rng.randint(-1, 1)))))
            writer.writerow([f"R{number:06d}", role, *row])


MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stderr)
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(command: list[str]) -> tuple[float, float]:
    """Run ``command``; return (seconds, peak resident memory in MiB).

    A small intermediate Python process runs the command and reports its children's
    peak memory: measured directly from this (larger) process, Linux would count the
    memory this process had when it forked.
    """
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{done.stderr}")
    elapsed, peak_kib = done.stdout.split()
    return float(elapsed), int(peak_kib) / 1024


def ensure_pandas() -> None:
    import importlib.util

    if importlib.util.find_spec("pandas") is None:
        print("installing pandas for the comparison ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pandas"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--role", default="wim")
    args = parser.parse_args()

    from wimcheck.frameworks.catalog import load_framework

    framework = load_framework("wim")
    role = framework.roles[args.role]
    scale = framework.scale_for(role)
    meta = {
        "framework": framework.id,
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
    ensure_pandas()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "meta.json").write_text(json.dumps(meta))
        sizes = sorted({args.respondents // 4, args.respondents // 2, args.respondents})
        results = []
        for size in sizes:
            data = work / f"respondents-{size}.csv"
            generate(data, meta, size, role.id)
            ours = measure(
                [
                    sys.executable,
                    "-m",
                    "wimcheck",
                    "score",
                    str(data),
                    "--format",
                    "csv",
                    "-o",
                    str(work / f"ours-{size}.csv"),
                    "--force",
                ]
            )
            theirs = measure(
                [
                    sys.executable,
                    "-c",
                    PANDAS_SCORER,
                    str(work / "meta.json"),
                    str(data),
                    str(work / f"pandas-{size}.csv"),
                ]
            )
            results.append((size, ours, theirs))
        # the two implementations must agree
        size = sizes[-1]
        with (work / f"ours-{size}.csv").open() as a, (work / f"pandas-{size}.csv").open() as b:
            ours_rows = list(csv.reader(a))
            pandas_rows = list(csv.reader(b))
        ours_header = ours_rows[0]
        wanted = ["readiness"] + [h for h in pandas_rows[0] if h.endswith((" level", " gap"))]
        differ = 0
        for mine, theirs_row in zip(ours_rows[1:], pandas_rows[1:], strict=True):
            row_ours = dict(zip(ours_header, mine, strict=True))
            row_theirs = dict(zip(pandas_rows[0], theirs_row, strict=True))
            for column in wanted:
                x, y = row_ours[column], row_theirs[column]
                if (x == "") != (y == "") or (x and abs(float(x) - float(y)) > 0.011):
                    differ += 1
                    break
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"role {framework.id}/{role.id}: {len(meta['competences'])} competences, "
        f"{sum(len(c['statements']) for c in meta['competences'])} statements per respondent"
    )
    print(
        f"{'respondents':>12} {'wimcheck s':>11} {'wimcheck MiB':>13} {'pandas s':>9} {'pandas MiB':>11}"
    )
    for size, (our_time, our_mem), (their_time, their_mem) in results:
        print(
            f"{size:>12,} {our_time:>11.2f} {our_mem:>13.0f} {their_time:>9.2f} {their_mem:>11.0f}"
        )
    print(f"rows where the two disagree: {differ}")


if __name__ == "__main__":
    main()
