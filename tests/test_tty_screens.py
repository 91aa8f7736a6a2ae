"""The questionnaire's screens on a real terminal: 80 x 24, easy-read, and kiosk mode."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_tty import MINI, spawn
from wimcheck.assessment.responses import read_response_file
from wimcheck.messages import EN, PLURALS

pexpect = pytest.importorskip("pexpect")
CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
PROMPT = "Your answer: "


def lines_of(raw: str) -> list[str]:
    """The lines written, without colour and other terminal controls."""
    return CONTROL.sub("", raw).replace("\r\n", "\n").replace("\r", "").split("\n")


def rows_of(raw: str, columns: int) -> list[str]:
    """The rows a terminal of ``columns`` shows: a longer line takes several rows."""
    rows = []
    for line in lines_of(raw):
        while len(line) > columns:
            rows.append(line[:columns])
            line = line[columns:]
        rows.append(line)
    return rows


def flat(raw: str) -> str:
    """The text written, with every run of spaces and line ends as one space."""
    return " ".join(" ".join(lines_of(raw)).split())


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", text))


def recorded(child: pexpect.spawn) -> io.StringIO:
    transcript = io.StringIO()
    child.logfile_read = transcript
    return transcript


def answer(child: pexpect.spawn, *lines: str) -> None:
    for line in lines:
        child.expect_exact(PROMPT)
        child.sendline(line)


def assert_fits(raw: str, columns: int, vocabulary: set[str]) -> None:
    """No line wider than ``columns``, and every word whole: a word cut at a line end
    leaves pieces that are not words of any text on the screen."""
    lines = lines_of(raw)
    assert [line for line in lines if len(line.rstrip()) > columns] == []
    pieces = {word for line in lines for word in words(line)} - vocabulary
    assert pieces == set()


def test_the_screen_check_finds_cut_words_and_wide_lines() -> None:
    vocabulary = words("Top priorities, gap x weight")
    assert_fits("\x1b[1mTop priorities\x1b[0m\r\ngap x weight\r\n", 14, vocabulary)
    with pytest.raises(AssertionError):
        assert_fits("Top pr\r\niorities\r\n", 14, vocabulary)  # a word cut in two
    with pytest.raises(AssertionError):
        assert_fits("Top priorities, gap x weight\r\n", 14, vocabulary)  # too wide
    assert rows_of("abcdef\r\ngh", 4) == ["abcd", "ef", "gh"]


@pytest.mark.slow
def test_screens_fit_80_by_24_and_help_and_errors_stay_on_screen(tmp_path: Path) -> None:
    child = spawn(tmp_path, "assess", MINI, "--role", "facilitator", size=(24, 80))
    transcript = recorded(child)
    try:
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        child.sendline("Pat")
        answer(child, "?")
        child.expect_exact(PROMPT)
        screen = rows_of(transcript.getvalue(), 80)[-24:]
        help_text = EN["assess.help"].format(na=EN["assess.na-help.person"])
        assert screen[-1] == PROMPT
        for line in help_text.split("\n"):  # every line, whole or wrapped, still on screen
            assert " ".join(line.split()) in flat("\n".join(screen))
        child.sendline("x")
        child.expect_exact(PROMPT)
        screen = rows_of(transcript.getvalue(), 80)[-24:]
        assert screen[-2:] == [
            "'x' is not an answer: type 0, 1, 2, 3, or n for not applicable",
            PROMPT,
        ]
        child.sendline("s")
        answer(child, "2", "s", "1", "0", "3", "s")
        child.expect_exact("Result for Pat")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    questionnaire = transcript.getvalue().split("Result for Pat")[0]
    plurals = " ".join(" ".join(forms) for forms in PLURALS.values())
    vocabulary = words(" ".join(EN.values()) + " " + plurals)
    vocabulary |= words(Path(MINI).read_text(encoding="utf-8"))
    assert_fits(questionnaire, 80, vocabulary | {"Pat"})
    shown = flat(questionnaire)
    assert "5 statements, about 2 minutes. Your answers are saved after each one." in shown
    assert (
        "You skipped 2 statements. They come again now: answer them, or press s to skip "
        "them again. " + "─" * 80 + " Statement 1 of 5, skipped before · Area 1 of 2: "
        "Preparing meetings"
    ) in shown
    assert "Statement 3 of 5, skipped before · Area 2 of 2: Running meetings" in shown


@pytest.mark.slow
def test_easy_read_role_sees_easy_read_screens(tmp_path: Path) -> None:
    out = tmp_path / "sam.toml"
    child = spawn(tmp_path, "assess", MINI, "--role", "participant", "-o", str(out), size=(24, 80))
    transcript = recorded(child)
    try:
        child.expect_exact("Type your name or a code. Then press Enter: ")
        child.sendline("Sam")
        child.expect_exact("There are 2 questions. This takes about 1 minute.")
        child.expect_exact("Question 1 of 2")
        child.expect_exact("  I can say why we meet.")
        child.expect_exact("  n  Not part of my work\r\n")
        child.expect_exact("Keys: n not part of my work · s skip · b back · ? help · q stop")
        answer(child, "?")
        child.expect_exact("Type the number of your answer. Then press Enter.\r\n")
        child.expect_exact("  n  This is not part of my work.\r\n")
        for line in EN["assess.help.easy-read"].split("\n")[2:]:
            child.expect_exact(line + "\r\n")
        answer(child, "7")
        child.expect_exact(PROMPT)
        assert flat(child.before) == (  # the typed 7, then the message
            "7 7 is not one of the answers. Please type 0, 1, 2, 3. Or type n if this is not "
            "part of your work."
        )
        child.sendline("s")
        child.expect_exact("Question 2 of 2")
        answer(child, "1")
        child.expect_exact("Some questions have no answer yet: 1. Here they are again.")
        child.expect_exact("Question 1 of 2. You skipped it before.")
        child.expect_exact("Your answer before: skipped. Press Enter to keep it.")
        answer(child, "n")
        child.expect_exact("Your result, Sam")
        child.expect_exact("Press Enter to show the details for your supporter.")
        child.sendline("")  # the supporter's details come after an explicit step
        child.expect_exact("Details for your supporter")
        child.expect_exact("Your answers are kept in")  # wrapped: the path is one word
        child.expect_exact(str(out))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    questionnaire = transcript.getvalue().split("Your result, Sam")[0]
    vocabulary = words(" ".join(EN.values())) | words(Path(MINI).read_text(encoding="utf-8"))
    assert_fits(questionnaire, 80, vocabulary | {"Sam"})
    for expert in ("Statement", "Area", "applicable", "n/a", "Setting a clear goal"):
        assert expert not in questionnaire
    assert dict(read_response_file(out).answers) == {"MINI.PREP.1.a": "n/a", "MINI.PREP.1.b": 1}


@pytest.mark.slow
def test_a_new_assessment_mentions_the_unfinished_one(tmp_path: Path) -> None:
    first = spawn(tmp_path, "assess", MINI, "--role", "facilitator", "--respondent", "Pat")
    answer(first, "2", "q")
    first.expect(pexpect.EOF)
    first.close()
    (session,) = (tmp_path / "data" / "sessions").glob("*.toml")
    child = spawn(tmp_path, "assess", "--plain", size=(24, 80))
    try:
        child.expect_exact("Which framework do you want to use?")
        assert flat(child.before) == (
            "You have an unfinished assessment (Pat, mini/facilitator, 1 of 5 answered). To "
            "continue it instead, stop here with Ctrl+C and run: wimcheck assess --resume "
            f"{session.stem}"
        )
        assert f"\r\n  wimcheck assess --resume {session.stem}\r\n" in child.before
        child.expect_exact("Choose 1 to ")
        menu = child.before
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    bundled = Path(__file__).parent.parent / "frameworks"
    vocabulary = words(" ".join(EN.values()))
    for framework in bundled.glob("*.toml"):
        vocabulary |= words(framework.read_text(encoding="utf-8"))
    assert_fits(menu, 80, vocabulary)


@pytest.mark.slow
def test_kiosk_mode_one_person_after_another(tmp_path: Path) -> None:
    folder = tmp_path / "workshop"
    child = spawn(tmp_path, "assess", MINI, "--role", "facilitator", "--kiosk", "-o", str(folder))
    try:
        child.expect_exact("Welcome. Please answer the questions of Mini framework")
        assert flat(child.before) == (
            "Kiosk mode: one person after another answers Mini framework for meeting "
            f"facilitation. Each person's answers are saved in {folder}. To end kiosk mode, "
            "press Ctrl+C when a name is asked."
        )
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        child.sendline("Ann")
        answer(child, "1", "2", "3", "2", "1")
        child.expect_exact("Result for Ann: Meeting facilitator")
        child.expect_exact(
            "Press Enter when you have finished reading. The screen is then cleared."
        )
        child.sendline("")
        child.expect_exact(CLEAR)
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        assert "Ann" not in child.before
        child.sendline("Ben")
        answer(child, "2", "q")
        child.expect_exact("Stopped after 1 of 5 statements. Your answers are saved.")
        child.expect_exact("Press Enter when you have finished reading.")
        child.sendline("")
        child.expect_exact(CLEAR)
        child.expect_exact("Your name or a code (press Enter to stay anonymous): ")
        child.sendintr()
        child.expect_exact("Kiosk mode ended: ")
        child.expect(pexpect.EOF)
        assert flat(child.before) == f"1 assessment saved in {folder}"
    finally:
        child.close()
    assert child.exitstatus == 0
    (saved,) = folder.glob("*.toml")
    assert saved.name.startswith("Ann-mini-facilitator-")
    assert read_response_file(saved).respondent == "Ann"
    (session,) = (tmp_path / "data" / "sessions").glob("*.toml")
    assert 'respondent = "Ben"' in session.read_text(encoding="utf-8")
    nobody = subprocess.run(
        [sys.executable, "-m", "wimcheck", "assess", "--resume", "--respondent", "Ann"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "WIMCHECK_DATA_DIR": str(tmp_path / "data")},
        timeout=60,
    )
    assert nobody.returncode == 2
    assert nobody.stderr.splitlines()[0] == "error: no unfinished session for 'Ann'"
