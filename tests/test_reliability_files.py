"""Issue 10: identifiers never become paths, safe file names, nothing lost, permissions."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Result
from wimcheck.assessment.responses import read_response_file

Cli = Callable[..., Result]
MINI = str(Path(__file__).parent / "data" / "frameworks" / "mini.toml")
ANSWERS = "1\n3\n1\n1\n1\n"
EPOCH = "1795000000"  # 2026-11-18 11:06:40 UTC
STAMP = "20261118-110640"
SESSION_ID = "20261118-110640-0a1b"
BAD_ID_HINT = "  hint: see the ids of unfinished sessions with `wimcheck sessions list`\n"


def run(
    args: list[str | bytes], stdin: str, data: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wimcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "WIMCHECK_DATA_DIR": str(data),
            "SOURCE_DATE_EPOCH": EPOCH,
            "NO_COLOR": "1",
            **env,
        },
        timeout=60,
    )


def session_text(session_id: str, stored_id: str | None = None) -> str:
    """A session of the mini framework with one answer, as wimcheck saves it."""
    return (
        f'format_version = 1\nid = "{stored_id or session_id}"\nframework = "mini"\n'
        f'framework_version = "1.0.0"\nrole = "facilitator"\nrespondent = "Kim"\n'
        f'language = "en"\nstarted = 2026-11-18T11:06:40Z\nupdated = 2026-11-18T11:06:40Z\n'
        f'position = 1\ntotal = 5\nframework_path = "{MINI}"\n\n[answers]\n"MINI.PREP.1.a" = 1\n'
    )


@pytest.fixture
def sessions(isolated: Path) -> Path:
    folder = isolated / "data" / "sessions"
    folder.mkdir(parents=True)
    return folder


# --- 1. identifiers never become paths ------------------------------------------------


HOSTILE_IDS = [
    "../../victim",
    "..\\..\\victim",
    "20261118-110640-0a1b/../../../victim",
    "20261118-110640-0a1b.toml",
    "20261118-110640-0A1B",
    " 20261118-110640-0a1b",
    "20261118-110640-0a1b\n",
    "20261118-110640-0a1",
    "",
    "*",
]


@pytest.mark.parametrize("session_id", HOSTILE_IDS)
def test_discard_accepts_only_a_session_id_and_touches_nothing(
    cli: Cli, isolated: Path, sessions: Path, session_id: str
) -> None:
    victim = isolated / "victim.toml"
    victim.write_text("keep me", encoding="utf-8")
    (sessions / f"{SESSION_ID}.toml").write_text(session_text(SESSION_ID), encoding="utf-8")
    done = cli("sessions", "discard", session_id)
    assert done.exit_code == 2
    shown = session_id.replace("\n", "\\x0a")
    assert done.stderr == (
        f"error: '{shown}' is not a session id (they look like 20261123-101500-3fa2)\n"
        + BAD_ID_HINT
    )
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in sessions.iterdir()) == [f"{SESSION_ID}.toml"]


def test_discard_of_an_absolute_path_deletes_nothing(
    cli: Cli, isolated: Path, sessions: Path
) -> None:
    victim = isolated / "victim.toml"
    victim.write_text("keep me", encoding="utf-8")
    done = cli("sessions", "discard", str(isolated / "victim"))
    assert done.exit_code == 2
    assert done.stderr.startswith(f"error: '{isolated / 'victim'}' is not a session id")
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_resume_accepts_only_a_session_id(cli: Cli, isolated: Path, sessions: Path) -> None:
    victim = isolated / "victim.toml"
    victim.write_text(session_text(SESSION_ID), encoding="utf-8")
    before = victim.read_bytes()
    done = cli("assess", "--resume", "../../victim", input="3\n1\n1\n1\n")
    assert done.exit_code == 2
    assert done.stderr == (
        "error: '../../victim' is not a session id (they look like 20261123-101500-3fa2)\n"
        + BAD_ID_HINT
    )
    assert victim.read_bytes() == before
    assert list(sessions.iterdir()) == []
    assert not (isolated / "data" / "responses").exists()


def test_a_stored_id_that_is_a_path_is_never_used(cli: Cli, isolated: Path, sessions: Path) -> None:
    victim = isolated / "victim.toml"
    victim.write_text("keep me", encoding="utf-8")
    odd = sessions / f"{SESSION_ID}.toml"
    odd.write_text(session_text(SESSION_ID, stored_id="../../victim"), encoding="utf-8")
    latest = cli("assess", "--resume", input="3\n1\n1\n1\n")
    assert latest.exit_code == 2
    assert latest.stderr.startswith("error: there is no unfinished session to resume\n")
    assert cli("sessions", "list").stderr == "No unfinished sessions.\n"
    named = cli("assess", "--resume", SESSION_ID, input="3\n1\n1\n1\n")
    assert named.exit_code == 2
    assert named.stderr == (
        f"{odd}: error: the session file is damaged (the file names session "
        f"'../../victim', not '{SESSION_ID}')\n"
        f"  hint: remove it with `wimcheck sessions discard {SESSION_ID}`\n"
    )
    assert cli("sessions", "discard", SESSION_ID).exit_code == 0
    assert list(sessions.iterdir()) == []
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_session_file_with_terminal_commands_in_a_name_is_not_resumed(
    cli: Cli, sessions: Path
) -> None:
    odd = sessions / f"{SESSION_ID}.toml"
    text = session_text(SESSION_ID).replace('"Kim"', '"Kim\\u001b]0;owned\\u0007"')
    odd.write_text(text, encoding="utf-8")
    assert cli("sessions", "list").stderr == "No unfinished sessions.\n"
    done = cli("assess", "--resume", SESSION_ID, input="")
    assert done.exit_code == 2
    assert done.stderr.splitlines()[0] == (
        f"{odd}: error: the session file is damaged (the name contains control characters)"
    )


def test_a_link_in_the_sessions_folder_is_not_followed(
    cli: Cli, isolated: Path, sessions: Path
) -> None:
    outside = isolated / "outside.toml"
    outside.write_text(session_text(SESSION_ID), encoding="utf-8")
    before = outside.read_bytes()
    link = sessions / f"{SESSION_ID}.toml"
    link.symlink_to(outside)
    assert cli("sessions", "list").stderr == "No unfinished sessions.\n"
    resumed = cli("assess", "--resume", SESSION_ID, input="3\n1\n1\n1\n")
    assert resumed.exit_code == 2
    assert resumed.stderr.startswith(f"error: no unfinished session '{SESSION_ID}'\n")
    assert cli("sessions", "discard", SESSION_ID).exit_code == 0
    assert not link.is_symlink()
    assert outside.read_bytes() == before


def test_paused_and_listed_sessions_name_only_real_ids(tmp_path: Path) -> None:
    data = tmp_path / "data"
    stopped = run(["assess", MINI, "--role", "facilitator", "--respondent", "Kim"], "1\n", data)
    assert stopped.returncode == 2
    (session_file,) = (data / "sessions").iterdir()
    session_id = session_file.stem
    assert stopped.stderr.endswith(f"Continue with: wimcheck assess --resume {session_id}\n")
    assert session_id.startswith(f"{STAMP}-")
    assert len(session_id) == len(SESSION_ID)
    assert stat.S_IMODE(session_file.stat().st_mode) == 0o600


# --- file names made from respondents' names --------------------------------------------


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("Kim", "Kim"),
        ("Zoë Ann", "Zoë-Ann"),
        ("Zoe\u0308", "Zoë"),  # decomposed ë becomes one character (NFC)
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Users\\x", "C-Users-x"),
        (".hidden", "hidden"),
        ("...", ""),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("LPT9.x", "_LPT9.x"),
        ("CONSOLE", "CONSOLE"),
        ("a\x1b[31mb\x00c", "a-31mb-c"),
        ("Jos\udce9", "Jos"),  # an undecodable byte of a Latin-1 argument
        ("a" * 300, "a" * 55 + "-9835fa6b"),
    ],
)
def test_file_name_parts(name: str, part: str) -> None:
    from wimcheck.paths import file_name_part

    assert file_name_part(name) == part


@given(st.text(max_size=400))
def test_file_name_parts_are_always_safe(name: str) -> None:
    from wimcheck.paths import file_name_part

    part = file_name_part(name)
    assert part == file_name_part(name)
    assert len(part.encode("utf-8")) <= 64
    assert unicodedata.normalize("NFC", part) == part
    assert not part.startswith((".", "-"))
    assert not part.endswith((".", "-"))
    assert not any(ch in part for ch in '/\\:*?"<>|')
    assert all(unicodedata.category(ch)[0] in "LMN" or ch in "._-" for ch in part)
    assert part.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_two_long_names_that_start_alike_get_different_file_names() -> None:
    from wimcheck.paths import file_name_part

    first, second = "x" * 100 + "first", "x" * 100 + "second"
    assert file_name_part(first) != file_name_part(second)


def test_a_long_respondent_name_still_finishes_with_the_full_name_inside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    name = "x" * 200
    done = run(["assess", MINI, "--role", "facilitator", "--respondent", name], ANSWERS, data)
    assert done.returncode == 0, done.stderr
    (saved,) = (data / "responses").iterdir()
    assert saved.name == f"{'x' * 55}-aa20c23e-mini-facilitator-{STAMP}.toml"
    assert read_response_file(saved).respondent == name
    assert list((data / "sessions").iterdir()) == []


def test_a_respondent_name_keeps_its_letters_in_the_file_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    name = "Юлия Ж" + "ж" * 60
    done = run(["assess", MINI, "--role", "facilitator", "--respondent", name], ANSWERS, data)
    assert done.returncode == 0, done.stderr
    (saved,) = (data / "responses").iterdir()
    assert saved.name.startswith("Юлия-Жжжж")
    assert len(saved.name.encode("utf-8")) < 255
    assert read_response_file(saved).respondent == name


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("y" * 201, "error: the name is longer than 200 characters"),
        ("Kim\x1b]0;owned\x07", "error: the name contains control characters"),
    ],
)
def test_an_impossible_name_is_refused_before_any_answer(
    tmp_path: Path, name: str, first_line: str
) -> None:
    data = tmp_path / "data"
    done = run(["assess", MINI, "--role", "facilitator", "--respondent", name], ANSWERS, data)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == first_line
    assert not (data / "sessions").exists() or list((data / "sessions").iterdir()) == []


# --- 2. no lost answers -----------------------------------------------------------------


def _another_run_writes_first(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """Make ``path`` appear just before wimcheck writes its answers, as a run at the same
    moment would (after any check wimcheck may have made)."""
    import wimcheck.assessment.responses as responses
    import wimcheck.assessment.sessions as sessions

    real = responses.response_file_text

    def racing(*args: object) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(responses, "response_file_text", racing)
    monkeypatch.setattr(sessions, "response_file_text", racing, raising=False)


def test_two_runs_at_the_same_moment_each_keep_their_answers(
    cli: Cli, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    responses = isolated / "data" / "responses"
    theirs = responses / f"Kim-mini-facilitator-{STAMP}.toml"
    _another_run_writes_first(monkeypatch, theirs, "the other run's answers")
    done = cli("assess", MINI, "--role", "facilitator", "--respondent", "Kim", input=ANSWERS)
    assert done.exit_code == 0, done.stderr
    ours = responses / f"Kim-mini-facilitator-{STAMP}-2.toml"
    assert f"Your answers are saved in {ours}\n" in done.stderr
    assert theirs.read_text(encoding="utf-8") == "the other run's answers"
    assert read_response_file(ours).answers["MINI.PREP.1.b"] == 3


def test_an_output_that_appears_during_the_run_is_not_replaced(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.toml"
    _another_run_writes_first(monkeypatch, out, "written meanwhile")
    done = cli("assess", MINI, "--role", "facilitator", "-o", str(out), input=ANSWERS)
    assert done.exit_code == 2
    (session,) = (tmp_path / "data" / "sessions").iterdir()
    assert done.stderr.splitlines()[-2:] == [
        f"{out}: error: the output file exists already",
        "  hint: choose another file name, or add --force to replace it; your answers are "
        f"kept: continue with `wimcheck assess --resume {session.stem}` (add --output FILE "
        "to save them elsewhere)",
    ]
    assert out.read_text(encoding="utf-8") == "written meanwhile"
    other = tmp_path / "other.toml"
    resumed = cli("assess", "--resume", session.stem, "-o", str(other), input="")
    assert resumed.exit_code == 0, resumed.stderr
    assert read_response_file(other).answers["MINI.PREP.1.b"] == 3
    assert list((tmp_path / "data" / "sessions").iterdir()) == []


def test_a_report_output_that_appears_meanwhile_is_not_replaced(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = _answers_file(tmp_path)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    import wimcheck.reports.person as person

    real = person.person_html

    def racing(result: object) -> str:
        out.write_text("someone else's report", encoding="utf-8")
        return real(result)  # type: ignore[arg-type]

    monkeypatch.setattr(person, "person_html", racing)
    done = cli("report", str(answers), "--framework", MINI, "--format", "html", "-o", str(out))
    assert done.exit_code == 2
    assert done.stderr.splitlines()[0] == f"{out}: error: the output file exists already"
    assert out.read_text(encoding="utf-8") == "someone else's report"
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html"]


def _answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(
        'format_version = 1\nframework = "mini"\nframework_version = "1.0.0"\n'
        'role = "facilitator"\nrespondent = "Kim"\n[answers]\n"MINI.PREP.1.a" = 2\n',
        encoding="utf-8",
    )
    return path


def test_concurrent_writers_of_one_name_each_get_a_file(tmp_path: Path) -> None:
    from wimcheck.tomlio import create_unique

    tmp_path = tmp_path / "out"
    start = threading.Barrier(8)
    written: list[Path] = []

    def writer(number: int) -> None:
        start.wait()
        for round_ in range(5):
            written.append(create_unique(tmp_path, "Kim", ".toml", f"{number}/{round_}\n"))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(written)) == 40
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"Kim.toml"} | {f"Kim-{n}.toml" for n in range(2, 41)}
    contents = {p.read_text(encoding="utf-8") for p in written}
    assert contents == {f"{n}/{r}\n" for n in range(8) for r in range(5)}


def test_two_assess_processes_for_one_respondent_keep_both_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {
        **os.environ,
        "WIMCHECK_DATA_DIR": str(data),
        "SOURCE_DATE_EPOCH": EPOCH,
        "NO_COLOR": "1",
    }
    args = [sys.executable, "-m", "wimcheck", "assess", MINI, "--role", "facilitator"]
    processes = [
        subprocess.Popen(
            [*args, "--respondent", "Kim"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    for process, first in zip(processes, ("0", "3"), strict=True):
        assert process.stdin is not None
        process.stdin.write(f"{first}\n1\n1\n1\n1\n")
        process.stdin.close()
    for process in processes:
        assert process.wait(timeout=60) == 0
    saved = sorted((data / "responses").iterdir())
    assert [p.name for p in saved] == [
        f"Kim-mini-facilitator-{STAMP}-2.toml",
        f"Kim-mini-facilitator-{STAMP}.toml",
    ]
    firsts = sorted(read_response_file(p).answers["MINI.PREP.1.a"] for p in saved)
    assert firsts == [0, 3]


def test_force_replaces_a_regular_file_and_keeps_its_permissions(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out" / "sheet.csv"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    done = cli("template", MINI, "--role", "facilitator", "-o", str(out), "--force")
    assert done.exit_code == 0
    assert done.stderr == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8").startswith("#wimcheck,format_version=1,framework=mini,")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in out.parent.iterdir()) == ["sheet.csv"]


# --- 4. permissions ----------------------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """Set the process's umask for one test."""
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_follow_the_umask(
    cli: Cli, tmp_path: Path, umask: Callable[[int], int], mask: int, mode: int
) -> None:
    umask(mask)
    answers = _answers_file(tmp_path)
    outputs = {
        "report.html": ["report", str(answers), "--framework", MINI, "--format", "html"],
        "sheet.xlsx": ["template", MINI, "--role", "facilitator", "--format", "xlsx"],
        "scores.csv": ["score", str(answers), "--framework", MINI, "--format", "csv"],
    }
    for name, args in outputs.items():
        done = cli(*args, "-o", str(tmp_path / "out" / name))
        assert done.exit_code == 0, done.stderr
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == mode, name
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o777 & ~mask


def test_the_data_folders_own_files_stay_private(
    cli: Cli, isolated: Path, umask: Callable[[int], int]
) -> None:
    umask(0o002)
    done = cli("assess", MINI, "--role", "facilitator", "--respondent", "Kim", input="1\n")
    assert done.exit_code == 2
    data = isolated / "data"
    (session,) = (data / "sessions").iterdir()
    assert stat.S_IMODE(session.stat().st_mode) == 0o600
    resumed = cli("assess", "--resume", input="3\n1\n1\n1\n")
    assert resumed.exit_code == 0, resumed.stderr
    (saved,) = (data / "responses").iterdir()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    for folder in (data, data / "sessions", data / "responses"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
