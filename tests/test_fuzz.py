"""Fuzzing through the real command line: whatever the file, wimcheck keeps its contract.

Frameworks, TOML and JSON response files, CSV and XLSX sheets are generated (hypothesis)
or mutated from good files (lines deleted, duplicated or swapped, bytes inserted, huge
numbers, deep nesting, truncation) and given to ``wimcheck``. The contract: exit code 0,
1 or 2; no traceback and no internal error in the output; nothing written anywhere but
the output asked for.

In CI the examples are derandomised (fixed). Another seed: ``WIMCHECK_FUZZ_SEED=7``;
more cases: ``WIMCHECK_FUZZ_EXAMPLES=500`` (each test runs that many).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"
MINI = DATA / "frameworks" / "mini.toml"
HOSTILE = DATA / "hostile"
IDS = ["MINI.PREP.1.a", "MINI.PREP.1.b", "MINI.RUN.1.a", "MINI.RUN.1.b", "MINI.RUN.2.a"]

SEED = os.environ.get("WIMCHECK_FUZZ_SEED")
EXAMPLES = int(os.environ.get("WIMCHECK_FUZZ_EXAMPLES", "0"))
T = TypeVar("T")


def fuzz(examples: int) -> Callable[[T], T]:
    """Hypothesis settings of a fuzz test: fixed examples in CI, a chosen seed on request."""
    chosen = settings(
        max_examples=EXAMPLES or examples,
        deadline=None,
        derandomize=SEED is None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    def apply(test: T) -> T:
        test = chosen(test)  # type: ignore[assignment]
        return seed(int(SEED))(test) if SEED is not None else test  # type: ignore[no-any-return]

    return apply


# --- the contract ----------------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".hypothesis" not in p.parts
    }


@contextmanager
def _workspace() -> Iterator[Path]:
    """A fresh folder to run in; the home and data folders must not change either."""
    watched = [Path(os.environ["HOME"]), Path(os.environ["WIMCHECK_DATA_DIR"])]
    before = [_tree(folder) if folder.exists() else {} for folder in watched]
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(cwd)
    after = [_tree(folder) if folder.exists() else {} for folder in watched]
    assert after == before, "wimcheck wrote into the home or data folder"


def _run(folder: Path, *args: str, output: str | None = None) -> tuple[int, str, str]:
    """Run wimcheck in ``folder``; check the contract; return exit code, stdout, stderr."""
    from wimcheck.cli.app import app

    before = _tree(folder)
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    stdout, stderr = result.stdout, result.stderr
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, stdout[-2000:], stderr[-2000:])
    for text in (stdout, stderr):
        assert "Traceback" not in text, (args, text[-3000:])
        assert "internal error" not in text, (args, text[-3000:])
    after = _tree(folder)
    created = set(after) - set(before)
    changed = {name for name in before if after.get(name) != before[name]}
    allowed = {output} if output is not None else set()
    assert created | changed <= allowed, (args, created, changed)
    return result.exit_code, stdout, stderr


# --- mutations ---------------------------------------------------------------------------

JUNK = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    "\u202e".encode(),
    "é".encode("cp1252"),
    "Ж".encode("cp1251"),
    b"\r",
    b'"""',
    b"'''",
    b"[[",
    b"{",
    b"= ",
    b"#",
    b'"',
    b",",
    b";",
    b"\t",
    b"\\u",
    b"=HYPERLINK(1)",
]
VALUES = [
    b'""',
    b"-1",
    b"0",
    b"1e400",
    b"nan",
    b"-inf",
    b"true",
    b"[]",
    b"{}",
    b'"x"',
    b"1979-05-27T07:32:00Z",
    b"99999999999999999999999",
    b'["a", 1]',
    b'{ en = "x" }',
    b'"\\u0000"',
    b"'''",
]
OPERATIONS = [
    "value",
    "delete_line",
    "duplicate_line",
    "swap_lines",
    "insert",
    "junk",
    "huge_number",
    "deep_nesting",
    "truncate",
]
mutations = st.lists(
    st.tuples(
        st.sampled_from(OPERATIONS),
        st.integers(0, 1 << 16),
        st.integers(0, 1 << 16),
        st.binary(max_size=6),
    ),
    min_size=1,
    max_size=4,
)


def _deep(depth: int, json_like: bool) -> bytes:
    inner = b"[" * depth + b"]" * depth
    return inner if json_like else b"\ndeep = " + inner + b"\n"


def _replace_value(data: bytes, position: int, value: bytes, json_like: bool) -> bytes:
    """``data`` with the value after the first ``=`` (``:`` in JSON) from ``position`` on
    replaced by ``value``, up to the end of the line (the next ``,`` in JSON)."""
    sign = data.find(b":" if json_like else b"=", position)
    if sign < 0:
        return data
    ends = [data.find(b"\n", sign), data.find(b",", sign) if json_like else -1]
    end = min((e for e in ends if e >= 0), default=len(data))
    return data[: sign + 1] + b" " + value + data[end:]


def mutate(data: bytes, operations: list[tuple[str, int, int, bytes]], json_like: bool) -> bytes:
    """``data`` changed by each operation in turn (positions are taken modulo the size)."""
    for name, a, b, payload in operations:
        lines = data.splitlines(keepends=True) or [b""]
        i, j = a % len(lines), b % len(lines)
        position = a % (len(data) + 1)
        if name == "delete_line":
            del lines[i]
        elif name == "duplicate_line":
            lines.insert(i, lines[i])
        elif name == "swap_lines":
            lines[i], lines[j] = lines[j], lines[i]
        if name in ("delete_line", "duplicate_line", "swap_lines"):
            data = b"".join(lines)
        elif name == "insert":
            data = data[:position] + payload + data[position:]
        elif name == "junk":
            data = data[:position] + JUNK[b % len(JUNK)] + data[position:]
        elif name == "huge_number":
            digits = [20, 400, 5000][b % 3]
            data = data[:position] + b"9" * digits + data[position:]
        elif name == "deep_nesting":
            depth = [10, 40, 3000][b % 3]
            data = data[:position] + _deep(depth, json_like) + data[position:]
        elif name == "truncate":
            data = data[:position]
        elif name == "value":
            data = _replace_value(data, position, VALUES[b % len(VALUES)], json_like)
    return data


# --- frameworks ----------------------------------------------------------------------------


@fuzz(60)
@given(mutations)
def test_fuzzed_frameworks(operations: list[tuple[str, int, int, bytes]]) -> None:
    with _workspace() as folder:
        framework = folder / "fw.toml"
        framework.write_bytes(mutate(MINI.read_bytes(), operations, json_like=False))
        code, _, _ = _run(folder, "frameworks", "validate", str(framework))
        _run(folder, "frameworks", "show", str(framework))
        if code == 0:
            _run(folder, "template", str(framework), "--role", "facilitator", "--format", "csv")
            sheet = folder / "sheet.csv"
            sheet.write_text(
                "respondent,role," + ",".join(IDS) + "\nA,facilitator,1,2,3,0,n/a\n",
                encoding="utf-8",
            )
            _run(folder, "score", str(sheet), "--framework", str(framework), "--format", "json")


BUNDLED = sorted((Path(__file__).parent.parent / "frameworks").glob("*.toml"))


@fuzz(8)
@given(st.sampled_from(BUNDLED), mutations)
def test_fuzzed_bundled_frameworks(
    framework_file: Path, operations: list[tuple[str, int, int, bytes]]
) -> None:
    with _workspace() as folder:
        framework = folder / framework_file.name
        framework.write_bytes(mutate(framework_file.read_bytes(), operations, json_like=False))
        _run(folder, "frameworks", "validate", str(framework))
        _run(folder, "frameworks", "show", str(framework), "--format", "json")


# --- response files ------------------------------------------------------------------------

RESPONSE = (HOSTILE / "names" / "zoe-windows.toml").read_bytes()
JSON_RESPONSE = json.dumps(
    {
        "format_version": 1,
        "framework": "mini",
        "framework_version": "1.0.0",
        "role": "facilitator",
        "respondent": "Jo",
        "started": "2026-11-24T10:00:00",
        "answers": {"MINI.PREP.1.a": 1, "MINI.RUN.1.a": "n/a", "MINI.RUN.2.a": ""},
    }
).encode()


@fuzz(60)
@given(mutations, st.booleans())
def test_fuzzed_toml_response_files(
    operations: list[tuple[str, int, int, bytes]], as_json: bool
) -> None:
    base = JSON_RESPONSE if as_json else RESPONSE
    with _workspace() as folder:
        path = folder / ("answers.json" if as_json else "answers.toml")
        path.write_bytes(mutate(base, operations, json_like=as_json))
        _run(folder, "score", str(path), "--framework", str(MINI), "--format", "json")
        if not as_json:
            _run(folder, "report", str(path), "--framework", str(MINI))
        out = folder / "out" / "report.html"
        _run(folder, "score", str(path), "--framework", str(MINI), "--format", "html",
             "-o", str(out), output="out/report.html")  # fmt: skip


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", "n/a", "mini", "facilitator", "2026-11-24T10:00:00", "1.0.0"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from([*IDS, "x", ""]) | st.text(max_size=5), children, max_size=4
        )
    ),
    max_leaves=12,
)
response_keys = st.sampled_from(
    ["format_version", "framework", "framework_version", "role", "respondent", "language",
     "assisted_by", "started", "finished", "answers", "extra"]
)  # fmt: skip


@fuzz(60)
@given(st.lists(st.dictionaries(response_keys, json_values, max_size=11), min_size=1, max_size=3))
def test_generated_json_responses(items: list[dict[str, Any]]) -> None:
    with _workspace() as folder:
        path = folder / "answers.json"
        path.write_text(json.dumps(items if len(items) > 1 else items[0]), encoding="utf-8")
        _run(folder, "score", str(path), "--framework", str(MINI), "--format", "json")
        _run(folder, "score", str(path), "--cohort", "--min-group", "1")


# --- CSV sheets ----------------------------------------------------------------------------

cell_text = st.sampled_from(["3.0", "n/a", "R1", " 2 "]) | st.text(
    alphabet="0123n/aNA ;,\t\"'=+-@\r\n\x00\ufeffßéŁЖΩ\u202e", max_size=6
)
header_cells = st.lists(
    st.sampled_from(["respondent", "role", "Respondent", "", "email", *IDS]), min_size=1, max_size=9
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1250", "cp1251", "cp1252", "mac_roman"]


@fuzz(80)
@given(
    header_cells,
    st.lists(st.lists(cell_text, max_size=9), max_size=6),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(ENCODINGS),
    st.none() | mutations,
    st.sampled_from(["csv", "cohort-csv", "json", "table"]),
)
def test_fuzzed_csv_sheets(
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    encoding: str,
    operations: list[tuple[str, int, int, bytes]] | None,
    output: str,
) -> None:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    data = buffer.getvalue().encode(encoding, errors="replace")
    if operations:
        data = mutate(data, operations, json_like=False)
    with _workspace() as folder:
        path = folder / "sheet.csv"
        path.write_bytes(data)
        args = ["score", str(path), "--framework", str(MINI), "--role", "facilitator"]
        if output == "cohort-csv":
            args += ["--cohort", "--format", "csv", "--min-group", "1"]
        else:
            args += ["--format", output]
        _run(folder, *args)


# --- XLSX sheets ---------------------------------------------------------------------------

WORKBOOK = (HOSTILE / "sheets" / "formulas.xlsx").read_bytes()
SHEET_PART = "xl/worksheets/sheet1.xml"
XML_JUNK = [
    b'<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>',
    b'<c r="XFD9"><v>1</v></c>',
    b'<c r="ZZZZ9"><v>1</v></c>',
    b'<c r="A2" t="s"><v>99999</v></c>',
    b'<c t="e"><v>#DIV/0!</v></c>',
    b"<c><f>1/0</f></c>",
    b'<dimension ref="A1:XFD1048576"/>',
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b"&b;",
    b"</sheetData>",
    b"\xff",
]


def _rezip(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info, change(content) if info.filename == part else content)
    return out.getvalue()


@fuzz(50)
@given(
    st.sampled_from(["bytes", "sheet", "strings", "workbook"]),
    mutations,
    st.lists(st.tuples(st.integers(0, 1 << 16), st.sampled_from(XML_JUNK)), max_size=3),
)
def test_fuzzed_xlsx_sheets(
    where: str,
    operations: list[tuple[str, int, int, bytes]],
    inserts: list[tuple[int, bytes]],
) -> None:
    def change(content: bytes) -> bytes:
        content = mutate(content, operations, json_like=False)
        for position, junk in inserts:
            at = position % (len(content) + 1)
            content = content[:at] + junk + content[at:]
        return content

    if where == "bytes":
        data = change(WORKBOOK)
    else:
        part = {"sheet": SHEET_PART, "strings": "xl/styles.xml", "workbook": "xl/workbook.xml"}
        data = _rezip(WORKBOOK, part[where], change)
    with _workspace() as folder:
        path = folder / "sheet.xlsx"
        path.write_bytes(data)
        _run(folder, "score", str(path), "--framework", str(MINI), "--format", "csv")


# --- compare, and the real program in its own process --------------------------------------


@fuzz(20)
@given(mutations, mutations)
def test_fuzzed_compare(
    first: list[tuple[str, int, int, bytes]], second: list[tuple[str, int, int, bytes]]
) -> None:
    with _workspace() as folder:
        before, after = folder / "before.toml", folder / "after.toml"
        before.write_bytes(mutate(RESPONSE, first, json_like=False))
        after.write_bytes(mutate(RESPONSE, second, json_like=False))
        _run(folder, "compare", str(before), str(after), "--framework", str(MINI))


@pytest.mark.parametrize(
    "name",
    [
        "limits/deep.json",
        "limits/long_number.toml",
        "limits/declared_huge.xlsx",
        "unsupported/renamed.csv",
        "ambiguous/gyozo_cp1250.csv",
    ],
)
def test_the_real_program_keeps_the_contract(name: str, tmp_path: Path) -> None:
    path = HOSTILE / name
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "wimcheck", "score", str(path), "--framework", str(MINI)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=work,
    )
    assert result.returncode == 1
    assert result.stdout == ""  # nobody scored: that is a message, on stderr
    assert result.stderr.startswith(f"No respondent could be scored.\nrejected: {path}")
    assert "Traceback" not in result.stdout + result.stderr
    assert list(work.iterdir()) == []
