"""Faults a first hour of real use found: each is a promise kept from now on."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, Result

Cli = Callable[..., Result]
MINI = str(DATA / "frameworks" / "mini.toml")
RESPONSE = str(DATA / "trainer" / "P05.toml")
SHEET = str(DATA / "trainer" / "workshop.csv")


def _words(text: str) -> str:
    """``text`` without the frame a usage error may be drawn in, its spaces collapsed."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


@pytest.mark.parametrize("hours", ["nan", "inf", "1e30", "-5", "100000.5"])
@pytest.mark.parametrize(
    "command",
    [["report", RESPONSE], ["score", SHEET], ["assess", MINI, "--role", "facilitator"]],
)
def test_hours_beyond_a_working_life_or_not_a_number_is_a_usage_error(
    cli: Cli, command: list[str], hours: str
) -> None:
    result = cli(*command, "--hours", hours, input="1\n")
    assert result.exit_code == 2
    assert "give the hours of training as a number from 0 to 100,000" in _words(result.stderr)
    assert "internal error" not in result.stderr


def test_hours_message_in_german(cli: Cli) -> None:
    result = cli("--lang", "de", "report", RESPONSE, "--hours", "nan")
    assert result.exit_code == 2
    assert "geben Sie die Schulungsstunden als Zahl von 0 bis 100.000 an" in _words(result.stderr)


def test_the_most_hours_still_give_a_plan(cli: Cli) -> None:
    result = cli("report", RESPONSE, "--hours", "100000")
    assert result.exit_code == 0
    assert "Training plan within 100,000 hours" in result.stdout


@pytest.mark.parametrize("name", ["answers.toml", "answers.csv", "answers.xlsx", "answers.json"])
def test_report_names_an_empty_file_as_empty(cli: Cli, tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    result = cli("report", str(empty))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{empty}: error: the file is empty\n"
        "  hint: give a response file (.toml) written by `wimcheck assess`\n"
    )
    german = cli("--lang", "de", "report", str(empty))
    assert german.stderr == (
        f"{empty}: Fehler: die Datei ist leer\n"
        "  Hinweis: geben Sie eine Antwortdatei (.toml) an, die `wimcheck assess` geschrieben hat\n"
    )


def test_score_table_names_the_largest_gap_in_the_run_language(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    english = cli("score", str(DATA / "trainer" / "workshop.csv"))
    german = cli("--lang", "de", "score", str(DATA / "trainer" / "workshop.csv"))
    assert english.exit_code == german.exit_code == 0
    assert "│ Jobs and teams: room to decide and real teamwork (0.7) │" in english.stdout
    row = "│ Tätigkeiten und Teams: Handlungsspielraum und echte Teamarbeit (0,7) │"
    assert row in german.stdout
    assert "Jobs and teams" not in german.stdout


def test_compare_names_the_side_that_holds_no_answers(cli: Cli, tmp_path: Path) -> None:
    blank = tmp_path / "blank.csv"
    assert cli("template", MINI, "--role", "facilitator", "-o", str(blank)).exit_code == 0
    result = cli("compare", RESPONSE, str(blank))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"{blank}: error: nothing to compare: it holds nobody's answers\n"
        "  hint: give a response file, a filled-in sheet or a folder of them: compare needs "
        "answers on both sides\n"
    )
    german = cli("--lang", "de", "compare", str(blank), RESPONSE)
    assert german.exit_code == 2
    assert german.stderr.endswith(
        f"{blank}: Fehler: nichts zu vergleichen: darin stehen keine Antworten\n"
        "  Hinweis: geben Sie eine Antwortdatei, einen ausgefüllten Bogen oder einen Ordner "
        "damit an: compare braucht auf beiden Seiten Antworten\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{folder}"],
        ["mapping", "show", "{folder}"],
        ["score", RESPONSE, "--mapping", "{folder}"],
    ],
)
def test_a_folder_where_a_file_is_needed_gets_a_hint(
    cli: Cli, tmp_path: Path, command: list[str]
) -> None:
    args = [arg.replace("{folder}", str(tmp_path)) for arg in command]
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{tmp_path}: error: is a folder, not a file\n  hint: name one file in the folder\n"
    )
    german = cli("--lang", "de", *args)
    assert german.stderr == (
        f"{tmp_path}: Fehler: ist ein Ordner, keine Datei\n"
        "  Hinweis: nennen Sie eine Datei in dem Ordner\n"
    )


def test_mapping_show_on_a_wimcheck_sheet_says_to_score_it_in_german(cli: Cli) -> None:
    result = cli("--lang", "de", "mapping", "show", SHEET)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"  Hinweis: werten Sie sie so aus, wie sie ist: `wimcheck score {SHEET}`\n"
    )
