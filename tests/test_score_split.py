"""One CSV sheet scored by two processes (wimcheck.batch.split) gives the bytes, messages
and exit code of one process. The split is forced on small sheets: ``SPLIT_MIN_BYTES``
and the boundary's place are patched here (tests only)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wimcheck.batch import split
from wimcheck.batch.inputs import Batch
from wimcheck.cli.app import app

DATA = Path(__file__).parent / "data"
MINI = str(DATA / "frameworks" / "mini.toml")
HEADER = "respondent;role;MINI.PREP.1.a;MINI.PREP.1.b;MINI.RUN.1.a;MINI.RUN.1.b;MINI.RUN.2.a"


def _run(args: list[str]) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


def _score(
    sheet: Path,
    out: Path | None,
    *,
    forced: bool,
    fraction: float,
    extra: tuple[str, ...] = (),
    child_may_fail: bool = False,
) -> tuple:
    """Exit code, output bytes (file or stdout) and stderr; the split forced or not. The
    second process must do its part (no fallback here) unless ``child_may_fail``."""
    patch = pytest.MonkeyPatch()
    try:
        if not child_may_fail:
            patch.setattr(split, "record_part", _no_fallback)
        patch.setattr(split, "SPLIT_MIN_BYTES", 0 if forced else 1 << 62)
        patch.setattr(split, "usable_cpus", lambda: 2)
        patch.setattr(split, "_boundary_target", lambda size: int(size * fraction))
        args = ["score", str(sheet), "--framework", MINI, "--format", "csv", *extra]
        if out is not None:
            out.unlink(missing_ok=True)
            args += ["-o", str(out)]
        code, stdout, stderr = _run(args)
        written = out.read_bytes() if out is not None else stdout
        return code, written, stderr.replace(str(out), "OUT") if out else stderr
    finally:
        patch.undo()


def _no_fallback(job: dict) -> None:
    raise AssertionError("the second process failed")


def _assert_same(sheet: Path, tmp_path: Path, fraction: float = 0.5) -> tuple:
    """Split and unsplit agree, to a file and to standard output; the split happens."""
    batch = Batch(framework_name=MINI)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(split, "SPLIT_MIN_BYTES", 0)
        patch.setattr(split, "usable_cpus", lambda: 2)
        patch.setattr(split, "_boundary_target", lambda size: int(size * fraction))
        plan = split.split_plan(batch, sheet)
    assert plan is not None
    for out in (tmp_path / "out.csv", None):
        one = _score(sheet, out, forced=False, fraction=fraction)
        two = _score(sheet, out, forced=True, fraction=fraction)
        assert two == one
    return one


def _sheet(tmp_path: Path, rows: list[str], *, name: str = "s.csv", end: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(end.join([HEADER, *rows, ""]).encode("utf-8"))
    return path


def test_clean_sheet(tmp_path: Path) -> None:
    rows = [f"P{n};facilitator;{n % 4};{(n + 1) % 4};1;2;n/a" for n in range(40)]
    code, out, err = _assert_same(_sheet(tmp_path, rows), tmp_path)
    assert (code, err) == (0, "")
    assert out.count(b"\n") == 41


def test_duplicates_within_and_across_halves(tmp_path: Path) -> None:
    rows = [f"P{n % 7};facilitator;1;2;3;0;1" for n in range(30)]
    rows += ["Q1;facilitator;1;1;1;1;1", "Q1;facilitator;2;2;2;2;2"]
    code, out, err = _assert_same(_sheet(tmp_path, rows), tmp_path)
    assert code == 1
    assert out.count(b"\n") == 9
    assert err.count("duplicate respondent") == 24


def test_bad_cells_and_rows_in_both_halves(tmp_path: Path) -> None:
    rows = []
    for n in range(30):
        cell = "x" if n % 5 == 0 else str(n % 4)
        role = "nobody" if n % 11 == 3 else "facilitator"
        name = "" if n % 13 == 4 else f"P{n}"
        rows.append(f"{name};{role};{cell};1;2;3;1")
    code, _, err = _assert_same(_sheet(tmp_path, rows), tmp_path)
    assert code == 1
    assert "line 5: unknown role" in err and "line 19: no respondent" in err
    assert "line 27: unknown role" in err


def test_respondent_repeated_at_the_boundary(tmp_path: Path) -> None:
    rows = [f"P{n};facilitator;1;2;3;0;1" for n in range(10)]
    rows += ["Z;facilitator;1;1;1;1;1", "Z;facilitator;2;2;2;2;2"]
    rows += [f"R{n};facilitator;1;2;3;0;1" for n in range(10)]
    sheet = _sheet(tmp_path, rows)
    text = sheet.read_text(encoding="utf-8")
    fraction = text.index("Z;facilitator;2") / len(text)
    code, _, err = _assert_same(sheet, tmp_path, fraction)
    assert code == 1
    assert "line 13" in err and "line 12" in err


def test_quoted_line_breaks_near_the_boundary(tmp_path: Path) -> None:
    rows = [f'"P{n}\nsecond\r\nthird";facilitator;1;2;3;0;1' for n in range(20)]
    rows[10] = '"P3\nsecond\r\nthird";facilitator;0;0;0;0;0'  # a duplicate of row 4
    sheet = _sheet(tmp_path, rows)
    for fraction in (0.3, 0.47, 0.5, 0.53, 0.7):
        code, _, err = _assert_same(sheet, tmp_path, fraction)
        assert code == 1
        assert "line 34: duplicate respondent" in err and "line 13)" in err


def test_windows_1250_and_crlf(tmp_path: Path) -> None:
    rows = [f"Dvořák Šťastný Łuków ůř{n % 9};facilitator;1;2;3;0;1" for n in range(30)]
    sheet = tmp_path / "cp.csv"
    sheet.write_bytes("\r\n".join([HEADER, *rows, ""]).encode("cp1250"))
    code, out, err = _assert_same(sheet, tmp_path)
    assert code == 1
    assert "Dvořák Šťastný Łuków ůř0".encode() in out
    assert err.count("duplicate respondent") == 21


def test_crlf_line_ends(tmp_path: Path) -> None:
    rows = [f"P{n};facilitator;1;{n % 4};3;0;1" for n in range(30)] + ["P1;facilitator;x;;;;"]
    code, _, err = _assert_same(_sheet(tmp_path, rows, end="\r\n"), tmp_path)
    assert code == 1
    assert "line 32" in err


def test_broken_csv_in_the_second_half(tmp_path: Path) -> None:
    rows = [f"P{n};facilitator;1;2;3;0;1" for n in range(30)] + ['"open;facilitator;1']
    code, out, err = _assert_same(_sheet(tmp_path, rows), tmp_path)
    assert code == 1
    assert out.count(b"\n") == 31
    assert "s.csv:line 32: no role" in err


def test_undecodable_sheet_is_not_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The encoding is checked on the whole file before any row: one process names it."""
    rows = [f"P{n};facilitator;1;2;3;0;1" for n in range(300)]
    sheet = _sheet(tmp_path, rows)
    sheet.write_bytes(sheet.read_bytes() + b"Q\xff;facilitator;1;1;1;1;1\n")
    monkeypatch.setattr(split, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(split, "usable_cpus", lambda: 2)
    assert split.split_plan(Batch(framework_name=MINI, encoding="utf-8"), sheet) is None
    assert split.split_plan(Batch(framework_name=MINI), sheet) is None


def test_messages_in_the_run_language(tmp_path: Path) -> None:
    """The second process reports in the language of the run (its words in line numbers)."""
    rows = [f"P{n % 9};facilitator;x;2;3;0;1" for n in range(30)]
    sheet = _sheet(tmp_path, rows)
    out = tmp_path / "de.csv"
    one = _score(sheet, out, forced=False, fraction=0.5, extra=("--lang", "de"))
    two = _score(sheet, out, forced=True, fraction=0.5, extra=("--lang", "de"))
    assert two == one
    assert "Zeile 31: doppelte befragte Person 'P2' (zuerst in" in two[2]
    assert two[2].count("Warnung: ") == 9


def test_small_file_or_one_cpu_is_not_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = _sheet(tmp_path, [f"P{n};facilitator;1;2;3;0;1" for n in range(30)])
    batch = Batch(framework_name=MINI)
    assert split.split_plan(batch, sheet) is None  # under SPLIT_MIN_BYTES
    monkeypatch.setattr(split, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(split, "usable_cpus", lambda: 1)
    assert split.split_plan(batch, sheet) is None
    monkeypatch.setattr(split, "usable_cpus", lambda: 2)
    assert split.split_plan(batch, sheet) is not None


def test_the_second_process_records_its_part(tmp_path: Path) -> None:
    """The child really runs (a failed one would be hidden by the fallback)."""
    rows = [f"P{n % 9};facilitator;1;2;x;0;1" for n in range(30)]
    sheet = _sheet(tmp_path, rows)
    events = tmp_path / "events.jsonl"
    job = {"path": str(sheet), "after": 20, "events": str(events), "framework": MINI}
    job |= {"role": None, "encoding": None, "respondent_column": None, "lang": "en"}
    done = subprocess.run([sys.executable, "-m", "wimcheck.batch.split", json.dumps(job)])
    assert done.returncode == 0
    kinds = [json.loads(line)[0] for line in events.read_text(encoding="utf-8").splitlines()]
    assert kinds == ["row", "warn", "out"] * 11


def test_a_failed_second_process_is_done_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [f"P{n % 9};facilitator;1;2;x;0;1" for n in range(30)]
    sheet = _sheet(tmp_path, rows)
    one = _score(sheet, None, forced=False, fraction=0.5)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(split.sys, "executable", "/bin/false")
    assert _score(sheet, None, forced=True, fraction=0.5, child_may_fail=True) == one
    assert list(temp.iterdir()) == []
    monkeypatch.setattr(split.sys, "executable", str(tmp_path / "no-such-python"))
    assert _score(sheet, None, forced=True, fraction=0.5, child_may_fail=True) == one
    assert list(temp.iterdir()) == []


def test_interrupt_stops_the_child_and_removes_its_file(tmp_path: Path) -> None:
    """Ctrl-C while both run: no output file, no temporary file, no process left."""
    rows = [f"P{n};facilitator;1;2;3;0;1" for n in range(200_000)]
    sheet = _sheet(tmp_path, rows)
    temp = tmp_path / "tmp"
    temp.mkdir()
    out = tmp_path / "out.csv"
    code = (
        "import sys; from wimcheck.batch import split; split.SPLIT_MIN_BYTES = 0\n"
        "from wimcheck.cli.app import main; sys.argv[1:] = sys.argv[1:]; main()\n"
    )
    env = {**os.environ, "TMPDIR": str(temp)}
    args = [sys.executable, "-c", code, "score", str(sheet), "--framework", MINI]
    process = subprocess.Popen([*args, "--format", "csv", "-o", str(out)], env=env)
    deadline = time.monotonic() + 60
    while not list(temp.glob("wimcheck-split-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(temp.glob("wimcheck-split-*"))
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    assert not out.exists()
    assert not list(temp.glob("wimcheck-split-*"))


_NAMES = st.sampled_from(["A", "B", "C", "D", "E", "F", "G", '"H;I"', '"J\nK"', "Ž"])
_CELLS = st.sampled_from(["0", "1", "2", "3", "", "n/a", "x", "9"])
_ROLES = st.sampled_from(["facilitator", "facilitator", "participant", "nobody", ""])


@st.composite
def _rows(draw: st.DrawFn) -> list[str]:
    rows = []
    for _ in range(draw(st.integers(2, 25))):
        name = draw(st.one_of(_NAMES, st.integers(0, 30).map(lambda n: f"P{n}")))
        cells = draw(st.lists(_CELLS, min_size=5, max_size=5))
        rows.append(";".join([name, draw(_ROLES), *cells]))
    return rows


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_rows(), fraction=st.floats(0.05, 0.95), crlf=st.booleans())
def test_random_sheets_split_anywhere(
    tmp_path: Path, rows: list[str], fraction: float, crlf: bool
) -> None:
    sheet = _sheet(tmp_path, rows, name="h.csv", end="\r\n" if crlf else "\n")
    batch = Batch(framework_name=MINI)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(split, "SPLIT_MIN_BYTES", 0)
        patch.setattr(split, "_boundary_target", lambda size: int(size * fraction))
        patch.setattr(split, "usable_cpus", lambda: 2)
        plan = split.split_plan(batch, sheet)
    event("split" if plan is not None else "one process (the boundary fell on the last row)")
    if plan is None:
        return
    out = tmp_path / "h.out"
    assert _score(sheet, out, forced=True, fraction=fraction) == _score(
        sheet, out, forced=False, fraction=fraction
    )
