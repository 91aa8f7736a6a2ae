"""Benchmark: how long common commands take to start and finish (best of N runs).

One command:  python benchmarks/startup.py  [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["--version"],
    ["frameworks", "list"],
    ["frameworks", "validate", str(ROOT / "frameworks")],
    ["report", str(ROOT / "tests" / "data" / "trainer" / "P05.toml")],
    ["report", str(ROOT / "tests" / "data" / "trainer" / "P05.toml"), "--format", "html"],
    ["score", str(ROOT / "tests" / "data" / "trainer"), "--cohort", "--format", "json"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "WIMCHECK_DATA_DIR": folder, "NO_COLOR": "1"}
        print(f"{'command':<60} {'best ms':>8} {'median ms':>10}")
        for command in COMMANDS:
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "wimcheck", *command],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    check=True,
                )
                times.append((time.perf_counter() - start) * 1000)
            shown = " ".join(Path(c).name if "/" in c else c for c in command)
            print(f"wimcheck {shown:<51} {min(times):>8.0f} {statistics.median(times):>10.0f}")


if __name__ == "__main__":
    main()
