"""Results on a real terminal of 80 x 24: wrapped at word boundaries, nothing wider than
the terminal, and the easy-read result first, the supporter's details after Enter."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import pytest

from test_tty_screens import PROMPT, assert_fits, recorded, words
from wimcheck.frameworks.catalog import load_framework
from wimcheck.messages import EN

pexpect = pytest.importorskip("pexpect")
BWISE = Path(__file__).parent.parent / "frameworks" / "bwise.toml"


def _spawn(cwd: Path, *args: str) -> pexpect.spawn:
    """``wimcheck ARGS`` in ``cwd`` on a pseudo-terminal of 24 x 80."""
    env = {
        **os.environ,
        "WIMCHECK_DATA_DIR": str(cwd / "data"),
        "WIMCHECK_CACHE_DIR": str(cwd / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "TERM": "xterm",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "wimcheck", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
        cwd=str(cwd),
    )


def _responses(folder: Path, role: str, respondent: str) -> Path:
    """A response file of ``role`` in bwise: every statement answered 1."""
    framework = load_framework(BWISE)
    lines = [
        "format_version = 1",
        'framework = "bwise"',
        f'framework_version = "{framework.version}"',
        f'role = "{role}"',
        f'respondent = "{respondent}"',
        "",
        "[answers]",
    ]
    lines += [f'"{s.id}" = 1' for s in framework.questionnaire(framework.roles[role])]
    path = folder / f"{role}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _vocabulary(*extra: str) -> set[str]:
    return words(" ".join(EN.values())) | words(BWISE.read_text(encoding="utf-8")) | set(extra)


def _finished(child: pexpect.spawn) -> str:
    transcript = recorded(child)
    try:
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    return transcript.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("plain", [False, True])
def test_report_fits_80_columns_and_splits_no_word(tmp_path: Path, plain: bool) -> None:
    path = _responses(tmp_path, "ena-founder", "Pat")
    shown = _finished(_spawn(tmp_path, "report", path.name, *(["--plain"] if plain else [])))
    assert "Framework: B-WISE: digital and green skills in work integration social" in shown
    assert_fits(shown, 80, _vocabulary("Pat"))
    # continuation lines keep the indentation of the line they continue
    lines = [line for line in shown.replace("\r", "").split("\n") if line.strip()]
    continued = [b for a, b in itertools.pairwise(lines) if a.startswith("  1. ")]
    assert continued and continued[0].startswith("  ")


@pytest.mark.slow
def test_easy_read_report_waits_for_enter_before_the_supporter_part(tmp_path: Path) -> None:
    path = _responses(tmp_path, "wsn-starter", "Sam")
    child = _spawn(tmp_path, "report", path.name)
    transcript = recorded(child)
    try:
        child.expect_exact("Press Enter to show the details for your supporter.")
        assert "Your result, Sam" in child.before
        assert "Result for Sam" not in child.before
        child.sendline("")
        child.expect_exact("Result for Sam: Digital starter")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert_fits(transcript.getvalue(), 80, _vocabulary("Sam"))


@pytest.mark.slow
def test_the_assess_result_fits_80_columns(tmp_path: Path) -> None:
    child = _spawn(
        tmp_path, "assess", "bwise", "--role", "wsn-starter", "--respondent", "Sam", "-o", "s.toml"
    )
    transcript = recorded(child)
    try:
        while child.expect_exact([PROMPT, "Press Enter to show the details"]) == 0:
            child.sendline("1")
        child.sendline("")
        child.expect_exact("wimcheck report s.toml --format html -o s.html")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    result = transcript.getvalue().split("Your result, Sam")[1]
    assert "Details for your supporter" in result
    assert_fits(result, 80, _vocabulary("Sam", "s", "o", "toml", "html"))
