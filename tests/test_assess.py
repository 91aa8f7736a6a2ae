"""``wimcheck assess`` scripted through a pipe, interruptions and resuming, report parity."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from wimcheck.assessment.responses import read_response_file

Cli = Callable[..., Result]
MINI = str(Path(__file__).parent / "data" / "frameworks" / "mini.toml")
ANSWERS = ["1", "3", "1", "1", "1"]  # the hand-computed case of test_scoring


def run(args: list[str], stdin: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wimcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(env_dir),
        timeout=60,
    )


def _env(env_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "WIMCHECK_DATA_DIR": str(env_dir),
        "SOURCE_DATE_EPOCH": "1795000000",
        "NO_COLOR": "1",
    }


def test_template_csv_header_is_the_questionnaire_order(cli: Cli) -> None:
    result = cli("template", MINI, "--role", "facilitator", "--format", "csv")
    assert result.exit_code == 0
    # the first line records framework and role (issue 11), the second is the header
    assert result.stdout.splitlines()[1] == (
        "respondent,role,MINI.PREP.1.a,MINI.PREP.1.b,MINI.RUN.1.a,MINI.RUN.1.b,MINI.RUN.2.a"
    )


def test_scripted_session_writes_file_and_report_has_the_same_numbers(tmp_path: Path) -> None:
    out = tmp_path / "t1.toml"
    done = run(
        [
            "assess",
            MINI,
            "--role",
            "facilitator",
            "--respondent",
            "T1",
            "-o",
            str(out),
            "--assisted-by",
            "Ana (job coach)",
        ],
        "\n".join(ANSWERS) + "\n",
        tmp_path / "data",
    )
    assert done.returncode == 0, done.stderr
    assert "Readiness: 35.7% of the target levels reached." in done.stdout
    assert "1. Setting a clear goal (MINI.PREP.1): gap 1.5 x weight 2 = priority 3" in done.stdout
    assert "Answered with the help of: Ana (job coach)" in done.stdout
    assert f"Your answers are saved in {out}" in done.stderr
    saved = read_response_file(out)
    assert saved.respondent == "T1"
    assert saved.assisted_by == "Ana (job coach)"
    assert dict(saved.answers) == dict(
        zip(
            ["MINI.PREP.1.a", "MINI.PREP.1.b", "MINI.RUN.1.a", "MINI.RUN.1.b", "MINI.RUN.2.a"],
            [1, 3, 1, 1, 1],
            strict=True,
        )
    )
    report = run(
        ["report", str(out), "--framework", MINI, "--format", "json"], "", tmp_path / "data"
    )
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    assert data["readiness"] == 35.7
    assert [
        (c["id"], c["level"], c["target"], c["gap"], c["priority"], c["answered"])
        for c in data["competences"]
    ] == [
        ("MINI.PREP.1", 0.5, 2, 1.5, 3, 2),
        ("MINI.RUN.1", 1, 3, 2, 2, 2),
        ("MINI.RUN.2", 1, 2, 1, 3, 1),
    ]
    assert [(p["module"], p["hours"], p["covers"]) for p in data["plan"]] == [
        ("MINI.M1", 3, ["MINI.PREP.1"]),
        ("MINI.M2", 6, ["MINI.RUN.1", "MINI.RUN.2"]),
    ]
    assert data["assisted_by"] == "Ana (job coach)"
    assert [a["level"] for a in data["areas"]] == [0.5, 1]
    text = run(["report", str(out), "--framework", MINI, "--plain"], "", tmp_path / "data")
    assert text.stdout.splitlines()[4:6] == ["", "Readiness: 35.7% of the target levels reached."]


def _uninterrupted(tmp_path: Path) -> bytes:
    out = tmp_path / "full.toml"
    done = run(
        ["assess", MINI, "--role", "facilitator", "--respondent", "R", "-o", str(out)],
        "\n".join(ANSWERS) + "\n",
        tmp_path / "full-data",
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def _sessions(data: Path) -> list[Path]:
    return sorted((data / "sessions").glob("*.toml"))


def _resume_and_compare(tmp_path: Path, data: Path, k: int, out: Path) -> None:
    from wimcheck.assessment.sessions import list_sessions

    os.environ["WIMCHECK_DATA_DIR"] = str(data)
    kept = list_sessions()
    assert len(kept) == 1
    assert kept[0].answers == {
        sid: int(value)
        for sid, value in zip(
            ["MINI.PREP.1.a", "MINI.PREP.1.b", "MINI.RUN.1.a", "MINI.RUN.1.b"],
            ANSWERS[:k],
            strict=False,
        )
    }
    resumed = run(["assess", "--resume"], "\n".join(ANSWERS[k:]) + "\n", data)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{k} answers kept" in resumed.stderr
    assert out.read_bytes() == _uninterrupted(tmp_path)
    assert _sessions(data) == []


def test_end_of_input_leaves_a_resumable_session(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "resumed.toml"
    stopped = run(
        ["assess", MINI, "--role", "facilitator", "--respondent", "R", "-o", str(out)],
        "1\n3\n",
        data,
    )
    assert stopped.returncode == 2  # the end of input is no interruption
    assert "The input ended after 2 of 5 statements. Your answers are saved." in stopped.stderr
    assert not out.exists()
    _resume_and_compare(tmp_path, data, 2, out)


def _start_and_feed(data: Path, out: Path, k: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wimcheck",
            "assess",
            MINI,
            "--role",
            "facilitator",
            "--respondent",
            "R",
            "-o",
            str(out),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(data),
    )
    assert process.stdin is not None
    for answer in ANSWERS[:k]:
        process.stdin.write(answer + "\n")
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # wait until the k-th answer is saved
        files = _sessions(data)
        if files and files[0].read_text().count(" = ", files[0].read_text().find("[answers]")) == k:
            return process
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the session was not saved in time")


@pytest.mark.parametrize(("how", "code"), [(signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_interrupt_and_kill_leave_a_resumable_session(tmp_path: Path, how: int, code: int) -> None:
    data, out = tmp_path / "data", tmp_path / "resumed.toml"
    process = _start_and_feed(data, out, 3)
    process.send_signal(how)
    process.wait(timeout=30)  # stdin stays open: the signal, not the end of input, stops it
    assert process.stdin is not None and process.stderr is not None
    process.stdin.close()
    stderr = process.stderr.read()
    assert process.returncode == code
    if how == signal.SIGINT:
        assert "Interrupted after 3 of 5 statements. Your answers are saved." in stderr
    _resume_and_compare(tmp_path, data, 3, out)


def test_sessions_list_and_discard(tmp_path: Path, cli: Cli, isolated: Path) -> None:
    data = isolated / "data"
    run(["assess", MINI, "--role", "facilitator", "--respondent", "Kim"], "1\n", data)
    listed = cli("sessions", "list")
    assert listed.exit_code == 0
    session_id = listed.stdout.split()[0]
    assert "Kim  mini/facilitator  1 of 5 answered" in listed.stdout
    assert cli("sessions", "discard", session_id).exit_code == 0
    assert cli("sessions", "list").stderr == "No unfinished sessions.\n"
    gone = cli("sessions", "discard", session_id)
    assert gone.exit_code == 2
    assert gone.stderr.startswith(f"error: no unfinished session '{session_id}'")


def test_bad_scripted_answer_is_rejected_with_its_line(tmp_path: Path) -> None:
    done = run(["assess", MINI, "--role", "facilitator"], "1\n7\n", tmp_path / "data")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "error: line 2: 7 is not on the scale: type 0, 1, 2, 3, or n for not applicable"
    )
    assert "Traceback" not in done.stderr


def test_pipe_without_role_is_a_usage_error(tmp_path: Path) -> None:
    done = run(["assess", "wim"], "", tmp_path / "data")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "error: name the role with --role when answers come from a file or pipe"
    )


def test_existing_output_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "exists.toml"
    out.write_text("keep me")
    done = run(["assess", MINI, "--role", "participant", "-o", str(out)], "1\n1\n", tmp_path / "d")
    assert done.returncode == 2
    assert "the output file exists already" in done.stderr
    assert out.read_text() == "keep me"


def test_report_rejects_answers_off_the_scale(tmp_path: Path, cli: Cli) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'format_version = 1\nframework = "wim"\nframework_version = "1.0.0"\n'
        'role = "team-leader"\nrespondent = "X"\n[answers]\n"WIM.NOPE.1.a" = 9\n',
        encoding="utf-8",
    )
    result = cli("report", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}: error: unknown statement id 'WIM.NOPE.1.a'")
    broken = tmp_path / "broken.toml"
    broken.write_text('format_version = 1\nframwork = "wim"\n', encoding="utf-8")
    result = cli("report", str(broken))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{broken}:2:1: error: not a valid response file: unknown key")


def test_easy_read_role_gets_an_easy_read_result(tmp_path: Path) -> None:
    from wimcheck.frameworks.catalog import load_framework

    bwise = load_framework("bwise")
    count = len(bwise.questionnaire(bwise.roles["wsn-starter"]))
    done = run(
        [
            "assess",
            "bwise",
            "--role",
            "wsn-starter",
            "--respondent",
            "Sam",
            "--assisted-by",
            "Ana",
            "--plain",
        ],
        "1\n" * count,
        tmp_path / "data",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        "Your result, Sam",
        "",
        "Ana helped you to answer.",
        "These are your own answers.",
    ]
    assert (
        "  > Sending messages. You said: With help (1). Your goal: On my own (2)." in lines
    )  # the easy-read title of BW.COM.1 (Communicating with digital tools)
    assert "Training for you:" in lines
    assert "  - Safe with my phone. It takes 6 hours." in lines
    # piped: no "press Enter" step, the supporter's part follows under its heading
    assert "Press Enter to show the details for your supporter." not in done.stdout
    details = lines.index("Details for your supporter")
    assert lines[details + 2].startswith("Result for Sam")
    assert "  BW.COM.1  Communicating with digital tools: level 1, target 2" in "\n".join(lines)


def test_german_statements_with_lang(tmp_path: Path) -> None:
    from wimcheck.frameworks.catalog import load_framework

    wim = load_framework("wim")
    count = len(wim.questionnaire(wim.roles["team-leader"]))
    out = tmp_path / "de.toml"
    done = run(
        ["assess", "wim", "--role", "team-leader", "--lang", "de", "-o", str(out)],
        "3\n" * count,
        tmp_path / "data",
    )
    assert done.returncode == 0, done.stderr
    german_role = wim.roles["team-leader"].title.get("de")
    assert german_role != wim.roles["team-leader"].title.en
    assert f"Ergebnis für anonyme Person: {german_role}" in done.stdout  # --lang: interface too
    assert 'language = "de"' in out.read_text(encoding="utf-8")
    report = run(["report", str(out), "--format", "json"], "", tmp_path / "data")
    data = json.loads(report.stdout)
    assert data["competences"][0]["title"] == wim.competences["WIM.FND.1"].title.get("de")
    assert data["answers"][0]["text"].startswith("Ich kann")


def test_report_on_a_framework_file_says_what_it_is(tmp_path: Path) -> None:
    done = run(["report", MINI], "", tmp_path / "data")
    assert done.returncode == 1
    assert (
        done.stderr.splitlines()[0]
        == f"{MINI}: error: this is a framework file, not a response file"
    )


def test_empty_input_leaves_no_empty_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run(["assess", MINI, "--role", "facilitator"], "", data)
    assert done.returncode == 2  # the end of input is no interruption
    assert done.stderr == (
        "\nStandard input ended before the first answer. Nothing was saved. Type the answers in "
        "a terminal, or give one answer a line (a scale value, n/a, or an empty line to skip).\n"
    )
    assert _sessions(data) == []


def test_piped_skips_are_not_asked_again(tmp_path: Path) -> None:
    out = tmp_path / "skips.toml"
    done = run(
        ["assess", MINI, "--role", "facilitator", "-o", str(out)], "1\n\n2\ns\n3\n", tmp_path / "d"
    )
    assert done.returncode == 0, done.stderr
    assert dict(read_response_file(out).answers) == {
        "MINI.PREP.1.a": 1,
        "MINI.RUN.1.a": 2,
        "MINI.RUN.2.a": 3,
    }


def test_the_end_says_how_to_get_the_web_page(tmp_path: Path) -> None:
    out = tmp_path / "my answers.toml"
    done = run(
        ["assess", MINI, "--role", "facilitator", "-o", str(out)],
        "\n".join(ANSWERS) + "\n",
        tmp_path / "data",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-5:] == [  # each command on a line of its own
        f"Your answers are saved in {out}",
        "See this result again with:",
        f"  wimcheck report '{out}'",
        "Get it as a web page to print or share:",
        f"  wimcheck report '{out}' --format html -o 'my answers.html'",
    ]
    command = done.stderr.splitlines()[-1].split()
    assert command[:2] == ["wimcheck", "report"]


def test_the_end_in_easy_read(tmp_path: Path) -> None:
    out = tmp_path / "easy.toml"
    done = run(
        ["assess", MINI, "--role", "participant", "-o", str(out)], "1\n2\n", tmp_path / "data"
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-5:] == [
        f"Your answers are kept in {out}",
        "To see your result again, type:",
        f"  wimcheck report {out}",
        "To get your result as a page to print, type:",
        f"  wimcheck report {out} --format html -o easy.html",
    ]


def _session_of(data: Path, respondent: str, answers: str) -> None:
    stopped = run(
        ["assess", MINI, "--role", "facilitator", "--respondent", respondent], answers, data
    )
    assert stopped.returncode == 2, stopped.stderr


def test_resume_never_takes_someone_elses_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _session_of(data, "Kim", "1\n")
    _session_of(data, "Lou", "2\n3\n")
    guessed = run(["assess", "--resume"], "", data)
    assert guessed.returncode == 2
    assert guessed.stderr.splitlines() == [
        "error: unfinished sessions of several people: Kim, Lou",
        "  hint: say whose with --respondent NAME, or name the session: wimcheck assess "
        "--resume ID (see `wimcheck sessions list`)",
    ]
    nobody = run(["assess", "--resume", "--respondent", "Max"], "", data)
    assert nobody.returncode == 2
    assert nobody.stderr.splitlines()[0] == "error: no unfinished session for 'Max'"
    kim = run(["assess", "--resume", "--respondent", " kim"], "1\n1\n1\n1\n", data)
    assert kim.returncode == 0, kim.stderr
    assert "Resuming session " in kim.stderr and " for Kim: 1 answers kept." in kim.stderr
    assert "Result for Kim: Meeting facilitator" in kim.stdout
    lou = run(["assess", "--resume"], "1\n1\n1\n", data)  # only Lou's is left
    assert "Result for Lou: Meeting facilitator" in lou.stdout
    assert _sessions(data) == []


def test_missing_language_and_a_changed_framework_are_warned_about(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run(["assess", MINI, "--role", "facilitator", "--lang", "fr"], "1\n", data)
    assert done.stderr.splitlines()[0] == "warning: mini has no 'fr' texts; using English"
    (session,) = _sessions(data)
    session.write_text(
        session.read_text(encoding="utf-8").replace(
            'framework_version = "1.0.0"', 'framework_version = "0.9.0"'
        ),
        encoding="utf-8",
    )
    resumed = run(["assess", "--resume"], "1\n1\n1\n1\n", data)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr.splitlines()[0] == (
        "warning: the session was started with mini 0.9.0; now 1.0.0 is installed"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resume"], "error: kiosk mode does not resume sessions"),
        (
            ["--respondent", "Kim"],
            "error: --respondent names one person, but in kiosk mode each person types their own",
        ),
        ([], "error: kiosk mode needs a terminal"),
    ],
)
def test_kiosk_misuse_is_refused(tmp_path: Path, args: list[str], message: str) -> None:
    done = run(["assess", MINI, "--role", "facilitator", "--kiosk", *args], "", tmp_path / "d")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == message
    assert _sessions(tmp_path / "d") == []


def test_kiosk_output_must_be_a_folder(tmp_path: Path) -> None:
    a_file = tmp_path / "results.toml"
    a_file.write_text("", encoding="utf-8")
    done = run(["assess", MINI, "--kiosk", "-o", str(a_file)], "", tmp_path / "d")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"{a_file}: error: with --kiosk, --output is a folder for everyone's response files",
        "  hint: name a folder (it is made when missing), or leave out --output",
    ]
