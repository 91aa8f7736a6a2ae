"""Issue 10: faults while writing (not a file, read-only, disk full, signals, encodings)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Result
from wimcheck.assessment.responses import read_response_file

Cli = Callable[..., Result]
MINI = str(Path(__file__).parent / "data" / "frameworks" / "mini.toml")
NOT_A_FILE = "error: is not a regular file (a folder, link, device or pipe); it is never replaced"
NOT_A_FILE_HINT = "  hint: give the name of a new or ordinary file"
DISK_FULL = "error: cannot write the file: No space left on device"
DISK_FULL_HINT = "  hint: the disk is full: free some space, or write the file elsewhere"


def run(
    args: list[str | bytes], data: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "wimcheck", *args],
        input=stdin.encode(),
        capture_output=True,
        env={**os.environ, "WIMCHECK_DATA_DIR": str(data), "NO_COLOR": "1", **env},
        timeout=120,
    )


def answers_file(folder: Path, respondent: str = "Kim") -> Path:
    path = folder / "answers.toml"
    path.write_text(
        'format_version = 1\nframework = "mini"\nframework_version = "1.0.0"\n'
        f'role = "facilitator"\nrespondent = "{respondent}"\n[answers]\n"MINI.PREP.1.a" = 2\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


# --- an output that is not a regular file ------------------------------------------------


def _make(kind: str, path: Path) -> Callable[[Path], bool]:
    """Create a ``kind`` at ``path``; returns a check that it is still that."""
    if kind == "folder":
        path.mkdir()
        return lambda p: p.is_dir() and not p.is_symlink()
    if kind == "fifo":
        os.mkfifo(path)
        return lambda p: stat.S_ISFIFO(p.lstat().st_mode)
    target = path.parent / "target.csv"
    target.write_text("target", encoding="utf-8")
    path.symlink_to(target)
    return lambda p: p.is_symlink() and target.read_text(encoding="utf-8") == "target"


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize("kind", ["folder", "fifo", "link"])
def test_an_output_that_is_not_a_regular_file_is_never_replaced(
    cli: Cli, out_dir: Path, kind: str, force: list[str]
) -> None:
    out = out_dir / "sheet.csv"
    still = _make(kind, out)
    before = sorted(p.name for p in out_dir.iterdir())
    done = cli("template", MINI, "--role", "facilitator", "-o", str(out), *force)
    assert done.exit_code == 2
    assert done.stderr == f"{out}: {NOT_A_FILE}\n{NOT_A_FILE_HINT}\n"
    assert still(out)
    assert sorted(p.name for p in out_dir.iterdir()) == before


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_dev_null_is_never_replaced(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, force: list[str]
) -> None:
    real_replace, real_link = os.replace, os.link

    def guarded(real: Callable[..., None]) -> Callable[..., None]:
        def call(src: object, dst: object, *args: object, **kwargs: object) -> None:
            if str(dst).startswith("/dev/"):
                raise AssertionError(f"wimcheck tried to replace {dst}")
            real(src, dst, *args, **kwargs)

        return call

    # a safety net for this machine: even a wimcheck with this bug cannot break /dev/null
    monkeypatch.setattr(os, "replace", guarded(real_replace))
    monkeypatch.setattr(os, "link", guarded(real_link))
    done = cli("template", MINI, "--role", "facilitator", "-o", "/dev/null", *force)
    assert done.exit_code == 2
    assert done.stderr == f"/dev/null: {NOT_A_FILE}\n{NOT_A_FILE_HINT}\n"
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert not [p for p in Path("/dev").glob(".null.*")]


def test_a_parent_that_is_a_file(cli: Cli, out_dir: Path) -> None:
    (out_dir / "notes.txt").write_text("notes", encoding="utf-8")
    out = out_dir / "notes.txt" / "sub" / "sheet.csv"
    done = cli("template", MINI, "--role", "facilitator", "-o", str(out), "--force")
    assert done.exit_code == 2
    assert done.stderr == (
        f"{out}: error: cannot write here: {out_dir / 'notes.txt'} is a file, not a folder\n"
        "  hint: give a path whose folders are folders\n"
    )
    assert (out_dir / "notes.txt").read_text(encoding="utf-8") == "notes"


# --- a full disk, a read-only folder -------------------------------------------------------


def _fail_writes(
    monkeypatch: pytest.MonkeyPatch, call: str, code: int, after: int = 0
) -> Callable[[], None]:
    """Make ``os.<call>`` on files (not the standard streams) fail with ``code`` after
    ``after`` successful calls, as a full disk or a broken stick does; returns a function
    that ends the fault."""
    real = getattr(os, call)
    calls = [0]

    def failing(fd: int, *args: object) -> object:
        if fd > 2:
            calls[0] += 1
            if calls[0] > after:
                raise OSError(code, os.strerror(code))
        return real(fd, *args)

    monkeypatch.setattr(os, call, failing)
    return lambda: monkeypatch.setattr(os, call, real)


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_a_full_disk_gives_one_line_and_leaves_nothing(
    cli: Cli, tmp_path: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    answers = answers_file(tmp_path)
    out = out_dir / "new" / "report.html"
    _fail_writes(monkeypatch, call, errno.ENOSPC)
    done = cli("report", str(answers), "--framework", MINI, "--format", "html", "-o", str(out))
    assert done.exit_code == 2
    assert done.stderr == f"{out}: {DISK_FULL}\n{DISK_FULL_HINT}\n"
    assert list(out_dir.iterdir()) == []  # no temporary file, not even the new folder


def test_a_full_disk_while_streaming_scores(
    cli: Cli, tmp_path: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = answers_file(tmp_path)
    out = out_dir / "scores.csv"
    _fail_writes(monkeypatch, "write", errno.ENOSPC)
    done = cli("score", str(answers), "--framework", MINI, "--format", "csv", "-o", str(out))
    assert done.exit_code == 2
    assert done.stderr == f"{out}: {DISK_FULL}\n{DISK_FULL_HINT}\n"
    assert list(out_dir.iterdir()) == []


def test_a_full_disk_during_assess_keeps_the_earlier_answers(
    cli: Cli, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    space_again = _fail_writes(monkeypatch, "write", errno.ENOSPC, after=2)  # 1 answer saved
    done = cli("assess", MINI, "--role", "facilitator", input="1\n3\n1\n1\n1\n")
    assert done.exit_code == 2
    sessions = isolated / "data" / "sessions"
    (saved,) = sessions.iterdir()
    assert done.stderr.splitlines()[-2:] == [
        f"{saved}: {DISK_FULL}",
        f"{DISK_FULL_HINT}; your earlier answers are saved: continue with "
        f"`wimcheck assess --resume {saved.stem}`",
    ]
    space_again()
    from wimcheck.assessment.sessions import load_session

    assert load_session(saved.stem).answers == {"MINI.PREP.1.a": 1}
    resumed = cli("assess", "--resume", saved.stem, input="3\n1\n1\n1\n")
    assert resumed.exit_code == 0, resumed.stderr
    (response,) = (isolated / "data" / "responses").iterdir()
    assert read_response_file(response).answers["MINI.PREP.1.b"] == 3


def test_a_file_system_without_hard_links_still_creates_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wimcheck.errors import OutputExistsError
    from wimcheck.tomlio import atomic_write_text, create_unique

    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    folder = tmp_path / "stick"
    assert create_unique(folder, "Kim", ".toml", "first\n") == folder / "Kim.toml"
    assert create_unique(folder, "Kim", ".toml", "second\n") == folder / "Kim-2.toml"
    with pytest.raises(OutputExistsError):
        atomic_write_text(folder / "Kim.toml", "third\n")
    assert sorted(p.name for p in folder.iterdir()) == ["Kim-2.toml", "Kim.toml"]
    assert (folder / "Kim.toml").read_text(encoding="utf-8") == "first\n"
    assert (folder / "Kim-2.toml").read_text(encoding="utf-8") == "second\n"


def test_a_folder_made_at_the_same_moment_by_another_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wimcheck.tomlio import create_unique

    real_mkdir = Path.mkdir

    def racing(self: Path, *args: object, **kwargs: object) -> None:
        real_mkdir(self)  # the other run is a moment faster
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", racing)
    path = create_unique(tmp_path / "responses", "Kim", ".toml", "answers\n")
    assert path.read_text(encoding="utf-8") == "answers\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in read-only folders")
def test_a_read_only_folder(cli: Cli, out_dir: Path) -> None:
    out_dir.chmod(0o555)
    try:
        done = cli("template", MINI, "--role", "facilitator", "-o", str(out_dir / "s.csv"))
    finally:
        out_dir.chmod(0o755)
    assert done.exit_code == 2
    assert done.stderr == (
        f"{out_dir / 's.csv'}: error: cannot write the file: Permission denied\n"
        "  hint: the folder is read-only or not yours: write the file elsewhere\n"
    )
    assert list(out_dir.iterdir()) == []


def _mounted(tmp_path: Path, options: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run wimcheck with a tmpfs (``options``) mounted on ``tmp_path/mnt``, in a user
    namespace (no root needed); prints what the mount holds afterwards."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not available")
    mount = tmp_path / "mnt"
    mount.mkdir()
    script = (
        'mount -t tmpfs -o "$1" wimcheck-test "$2" || exit 99; shift 2; "$@"; c=$?; '
        'ls -A "$0"; exit $c'
    )
    namespace = [unshare, "--user", "--map-root-user", "--mount"]
    wimcheck = [sys.executable, "-m", "wimcheck", *args]
    done = subprocess.run(
        [*namespace, "sh", "-c", script, str(mount), options, str(mount), *wimcheck],
        capture_output=True,
        text=True,
        env={**os.environ, "WIMCHECK_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"},
        timeout=60,
    )
    if done.returncode == 99 or "unshare: " in done.stderr:
        pytest.skip("no tmpfs in a user namespace here")
    return done


@pytest.mark.parametrize(
    ("options", "why", "hint"),
    [
        ("size=16k", "No space left on device", "the disk is full: free some space, or write "),
        ("ro", "Read-only file system", "the folder is read-only or not yours: write "),
    ],
)
def test_a_real_small_or_read_only_disk(tmp_path: Path, options: str, why: str, hint: str) -> None:
    answers = answers_file(tmp_path)
    out = tmp_path / "mnt" / "report.html"
    args = ["report", str(answers), "--framework", MINI, "--format", "html", "-o", str(out)]
    done = _mounted(tmp_path, options, args)
    assert done.returncode == 2
    assert done.stderr == (
        f"{out}: error: cannot write the file: {why}\n  hint: {hint}the file elsewhere\n"
    )
    assert done.stdout == ""  # `ls -A` of the disk: nothing left on it


# --- signals -------------------------------------------------------------------------------


@pytest.fixture
def termination() -> Iterator[None]:
    """wimcheck's handling of SIGTERM and SIGHUP, undone after the test."""
    from wimcheck.cli import app

    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    app.catch_termination()
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
        app._terminated.clear()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_removes_the_temporary_file(
    tmp_path: Path, termination: None, signum: int
) -> None:
    from wimcheck.tomlio import atomic_writer

    out = tmp_path / "out" / "result.csv"
    with pytest.raises(KeyboardInterrupt), atomic_writer(out) as handle:
        handle.write("half of it")
        os.kill(os.getpid(), signum)
        handle.write("never written")
    assert not (tmp_path / "out").exists()


CSV_OUT = ["--format", "csv", "-o", "scores.csv"]


def _big_sheet(folder: Path, rows: int) -> Path:
    sheet = folder / "big.csv"
    lines = ["respondent,role,MINI.PREP.1.a,MINI.PREP.1.b,MINI.RUN.1.a,MINI.RUN.1.b,MINI.RUN.2.a"]
    lines += [f"r{i},facilitator,{i % 4},{(i + 1) % 4},{(i + 2) % 4},1,2" for i in range(rows)]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sheet


def _wait_for(check: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if check():
            return
        if process.poll() is not None:
            raise AssertionError("wimcheck ended before the signal")
        time.sleep(0.01)
    process.kill()
    raise AssertionError("timed out")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_scoring_to_a_file_leaves_nothing(tmp_path: Path, signum: int) -> None:
    work = tmp_path / "work"
    work.mkdir()
    _big_sheet(work, 100_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "wimcheck", "score", "big.csv", "--framework", MINI, *CSV_OUT],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "WIMCHECK_DATA_DIR": str(tmp_path / "data")},
    )
    _wait_for(lambda: any(work.glob(".scores.csv.*")), process)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.decode().endswith("\ninterrupted\n")
    assert sorted(p.name for p in work.iterdir()) == ["big.csv"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_assess_keeps_a_resumable_session(tmp_path: Path, signum: int) -> None:
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "wimcheck", "assess", MINI, "--role", "facilitator"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "WIMCHECK_DATA_DIR": str(data), "NO_COLOR": "1"},
    )
    assert process.stdin is not None
    process.stdin.write(b"1\n3\n0\n")
    process.stdin.flush()

    def three_saved() -> bool:
        files = list((data / "sessions").glob("*.toml"))
        return bool(files) and files[0].read_text(encoding="utf-8").count('"MINI.') == 3

    _wait_for(three_saved, process)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Interrupted after 3 of 5 statements. Your answers are saved." in stderr.decode()
    (session,) = (data / "sessions").iterdir()
    assert sorted(p.name for p in (data / "sessions").iterdir()) == [session.name]
    resumed = run(
        ["assess", "--resume", session.stem, "-o", str(tmp_path / "a.toml")], data, "1\n1\n"
    )
    assert resumed.returncode == 0, resumed.stderr
    assert list(read_response_file(tmp_path / "a.toml").answers.values()) == [1, 3, 0, 1, 1]


# --- consoles and names that are not UTF-8 ---------------------------------------------------


def test_a_cp1250_console_never_crashes(tmp_path: Path) -> None:
    answers = answers_file(tmp_path, respondent="Zoë 🙂 → Ann")
    done = run(
        ["report", str(answers), "--framework", MINI], tmp_path / "data", PYTHONIOENCODING="cp1250"
    )
    assert done.returncode == 0, done.stderr
    first = done.stdout.decode("cp1250").splitlines()[0]
    assert first == "Result for Zoë \\U0001f642 \\u2192 Ann: Meeting facilitator"


def test_a_latin1_respondent_argument_is_read_as_latin1(tmp_path: Path) -> None:
    out = tmp_path / "a.toml"
    done = run(
        ["assess", MINI, "--role", "facilitator", "--respondent", b"Jos\xe9", "-o", str(out)],
        tmp_path / "data",
        "1\n3\n1\n1\n1\n",
        PYTHONIOENCODING="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "Result for José: Meeting facilitator" in done.stdout.decode()
    assert read_response_file(out).respondent == "José"


def test_a_latin1_file_name_on_a_utf8_console(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    latin1 = folder + b"/caf\xe9.toml"
    Path(os.fsdecode(latin1)).write_bytes(answers_file(tmp_path).read_bytes())
    scored = run(["score", latin1, "--framework", MINI, "--format", "json"], tmp_path / "d")
    assert scored.returncode == 0, scored.stderr
    (person,) = json.loads(scored.stdout)["respondents"]
    assert person["source"] == os.fsdecode(latin1)
    report = run(
        ["report", latin1, "--framework", MINI, "--format", "html", "-o", folder + b"/r\xe9.html"],
        tmp_path / "d",
        PYTHONIOENCODING="utf-8",
    )
    assert report.returncode == 0, report.stderr
    assert report.stderr == b"wrote " + folder + b"/r\\xe9.html\n"
    assert Path(os.fsdecode(folder + b"/r\xe9.html")).is_file()
    missing = run(["report", folder + b"/n\xe9.toml"], tmp_path / "d", PYTHONIOENCODING="utf-8")
    assert missing.returncode == 2
    assert missing.stderr.splitlines()[0] == folder + b"/n\\xe9.toml: error: file not found"


def test_an_error_never_sends_terminal_commands(cli: Cli, tmp_path: Path) -> None:
    name = str(tmp_path / "\x1b]0;owned\x07\x1b[2J\u202e.toml")
    done = cli("report", name)
    assert done.exit_code == 2
    shown = str(tmp_path) + "/\\x1b]0;owned\\x07\\x1b[2J\\u202e.toml"
    assert done.stderr == (
        f"{shown}: error: file not found\n  hint: check the path and the spelling\n"
    )
