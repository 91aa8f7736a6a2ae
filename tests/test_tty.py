"""Drives the real terminal UI of ``wimcheck assess`` through a pseudo-terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from wimcheck.assessment.responses import read_response_file

pexpect = pytest.importorskip("pexpect")
MINI = str(Path(__file__).parent / "data" / "frameworks" / "mini.toml")


def spawn(
    tmp_path: Path, *args: str, timeout: int = 20, size: tuple[int, int] = (40, 100)
) -> pexpect.spawn:
    """``wimcheck ARGS`` on a real pseudo-terminal of ``size`` (rows, columns; 40 x 100
    unless given), with its own data folder."""
    rows, columns = size
    env = {
        **os.environ,
        "WIMCHECK_DATA_DIR": str(tmp_path / "data"),
        "NO_COLOR": "1",
        "COLUMNS": str(columns),
        "TERM": "xterm",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "wimcheck", *args],
        env=env,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(rows, columns),
    )


@pytest.mark.slow
def test_full_questionnaire_with_back_and_not_applicable(tmp_path: Path) -> None:
    out = tmp_path / "tty.toml"
    child = spawn(tmp_path, "assess", MINI, "--role", "facilitator", "-o", str(out))
    try:
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        child.sendline("Pat")
        child.expect_exact("Statement 1 of 5 · Area 1 of 2: Preparing meetings")
        child.expect_exact("I can write the goal of a meeting in one sentence.")
        child.expect_exact(
            "3  I can teach it: I can do this in difficult situations and show others how."
        )
        child.expect_exact("Your answer: ")
        child.sendline("2")
        child.expect_exact("Statement 2 of 5")
        child.expect_exact("Your answer: ")
        child.sendline("b")  # back to the first statement, which keeps its answer
        child.expect_exact("Statement 1 of 5")
        child.expect_exact("Your answer so far: 2 (press Enter to keep it)")
        child.expect_exact("Your answer: ")
        child.sendline("")
        child.expect_exact("Statement 2 of 5")
        child.expect_exact("Your answer: ")
        child.sendline("9")
        child.expect_exact("9 is not on the scale: type 0, 1, 2, 3, or n for not applicable")
        child.expect_exact("Your answer: ")
        child.sendline("?")
        child.expect_exact("n  not applicable: the statement does not apply to your work")
        child.expect_exact("Your answer: ")
        child.sendline("0")
        child.expect_exact("Statement 3 of 5 · Area 2 of 2: Running meetings")
        child.expect_exact("Your answer: ")
        child.sendline("n")
        child.expect_exact("Statement 4 of 5")
        child.expect_exact("Your answer: ")
        child.sendline("3")
        child.expect_exact("Statement 5 of 5")
        child.expect_exact("Your answer: ")
        child.sendline("1")
        child.expect_exact("Result for Pat: Meeting facilitator")
        child.expect_exact("Top priorities (gap x importance)")
        child.expect_exact(f"Your answers are saved in {out}")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    saved = read_response_file(out)
    assert dict(saved.answers) == {
        "MINI.PREP.1.a": 2,
        "MINI.PREP.1.b": 0,
        "MINI.RUN.1.a": "n/a",
        "MINI.RUN.1.b": 3,
        "MINI.RUN.2.a": 1,
    }


@pytest.mark.slow
def test_newcomer_is_guided_through_menus_and_can_pause(tmp_path: Path) -> None:
    child = spawn(tmp_path, "assess", "--plain")
    try:
        child.expect_exact("Which framework do you want to use?")
        bundled = sorted(
            p.stem for p in (Path(__file__).parent.parent / "frameworks").glob("*.toml")
        )
        number, count = bundled.index("wim") + 1, len(bundled)
        child.expect_exact(f"{number}. Workplace Innovation Manager (WIN)")
        child.expect_exact("Languages: en, de, it, el, sl, hu, bg")
        child.expect_exact(f"Choose 1 to {count}: ")
        child.sendline(str(count + 5))
        child.expect_exact(f"Please type a number from 1 to {count}.")
        child.sendline(str(number))
        child.expect_exact("Which role fits you best?")
        child.expect_exact("Choose 1 to 4: ")
        child.sendline("2")
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        child.sendline("")
        child.expect_exact("Statement 1 of ")
        child.expect_exact("Your answer: ")
        child.sendline("4")
        child.expect_exact("Statement 2 of ")
        child.expect_exact("Your answer: ")
        child.sendline("q")
        child.expect_exact("Stopped after 1 of ")
        child.expect_exact("Continue with: wimcheck assess --resume ")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    sessions = list((tmp_path / "data" / "sessions").glob("*.toml"))
    assert len(sessions) == 1
    assert 'role = "owner-manager"' in sessions[0].read_text(encoding="utf-8")


@pytest.mark.slow
def test_closed_terminal_leaves_a_resumable_session(tmp_path: Path) -> None:
    child = spawn(tmp_path, "assess", MINI, "--role", "facilitator", "--respondent", "H")
    child.expect_exact("Your answer: ")
    child.sendline("2")
    child.expect_exact("Statement 2 of 5")
    child.expect_exact("Your answer: ")
    child.close(force=True)  # the terminal goes away: SIGHUP, then SIGKILL if needed
    from wimcheck.assessment.sessions import list_sessions

    os.environ["WIMCHECK_DATA_DIR"] = str(tmp_path / "data")
    (session,) = list_sessions()
    assert session.answers == {"MINI.PREP.1.a": 2}
    assert session.position == 1


@pytest.mark.slow
def test_progress_is_shown_only_on_a_terminal(tmp_path: Path) -> None:
    from wimcheck.frameworks.catalog import load_framework

    wim = load_framework("wim")
    ids = [s.id for s in wim.questionnaire(wim.roles["team-leader"])]
    sheet = tmp_path / "big.csv"
    rows = [",".join(["respondent", "role", *ids])]
    rows += [",".join([f"R{i}", "team-leader", *(["3"] * len(ids))]) for i in range(20000)]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    env = {**os.environ, "WIMCHECK_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm"}
    args = ["-m", "wimcheck", "score", str(sheet), "--format", "csv", "-o", str(tmp_path / "o.csv")]
    child = pexpect.spawn(sys.executable, args, env=env, encoding="utf-8", timeout=60)
    child.expect_exact("respondents from 1 file")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    import subprocess

    piped = subprocess.run(
        [sys.executable, *args, "--force"], capture_output=True, text=True, env=env, timeout=60
    )
    assert piped.returncode == 0
    assert piped.stderr == f"wrote {tmp_path / 'o.csv'}\n"


@pytest.mark.slow
def test_a_name_that_cannot_be_kept_is_asked_for_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name typed at the prompt that shows nothing, or holds a control character, is
    refused with the reason; the prompt comes back instead of the questionnaire ending."""
    child = spawn(tmp_path, "assess", MINI, "--role", "facilitator")
    try:
        for refused, reason in (
            ("\u200b\u200b", "the name has no visible character (only spaces or invisible ones)"),
            ("P\x01t", "the name contains control characters"),
        ):
            child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
            child.sendline(refused)
            child.expect_exact(f"error: {reason}")
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        child.sendline("Pat")
        child.expect_exact("Statement 1 of 5")
        child.expect_exact("Your answer: ")
        child.sendline("2")
        child.expect_exact("Statement 2 of 5")
    finally:
        child.close(force=True)
    from wimcheck.assessment.sessions import list_sessions

    monkeypatch.setenv("WIMCHECK_DATA_DIR", str(tmp_path / "data"))
    (session,) = list_sessions()
    assert session.respondent == "Pat"
