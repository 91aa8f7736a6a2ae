"""Small promises of the command line: a missing input is exit code 2 for every command,
``report`` says what a file is when it is not a response file, and switches are flags."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
import typer.core
import typer.main
from typer.testing import CliRunner

from conftest import DATA, Result
from wimcheck.cli.app import app

Cli = Callable[..., Result]
MINI = str(DATA / "frameworks" / "mini.toml")
RESPONSE = str(DATA / "trainer" / "P05.toml")
NOT_FOUND = "error: file not found\n  hint: check the path and the spelling\n"


@pytest.mark.parametrize(
    "args",
    [
        ["report", "{missing}"],
        ["report", RESPONSE, "--framework", "{missing}"],
        ["score", "{missing}"],
        ["score", RESPONSE, "--framework", "{missing}"],
        ["compare", "{missing}", RESPONSE],
        ["compare", RESPONSE, "{missing}"],
        ["frameworks", "show", "{missing}"],
        ["template", "{missing}", "--role", "facilitator"],
        ["assess", "{missing}", "--role", "facilitator"],
    ],
)
def test_a_missing_input_is_a_usage_error(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "missing.toml"
    result = cli(*(a.replace("{missing}", str(missing)) for a in args))
    assert result.exit_code == 2
    assert result.stderr == f"{missing}: {NOT_FOUND}"


def test_validate_names_a_missing_file_and_still_checks_the_others(
    cli: Cli, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.toml"
    result = cli("frameworks", "validate", str(missing), MINI)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{MINI}: ok (5 statements, 2 roles, 2 modules)")
    assert result.stderr.startswith(f"{missing}: {NOT_FOUND}")


def test_every_missing_input_is_named_at_once(cli: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b"
    result = cli("score", str(first), RESPONSE, str(second))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{first}: error: file not found\n"
        f"  hint: check the path and the spelling; also missing: {second}\n"
    )
    assert result.stdout == ""


def _json_result(cli: Cli, tmp_path: Path, *args: str) -> Path:
    path = tmp_path / f"{args[0]}.json"
    path.write_text(cli(*args, "--format", "json").stdout, encoding="utf-8")
    return path


def _answers_as_json(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    answers = {"MINI.PREP.1.a": 1}
    data = {"format_version": 1, "framework": "mini", "framework_version": "1.0.0"}
    data |= {"role": "facilitator", "respondent": "J", "answers": answers}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_report_says_what_a_json_file_is(cli: Cli, tmp_path: Path) -> None:
    # a result of `report --format json` is shown again (tests/test_result_model.py)
    kinds = {
        _json_result(cli, tmp_path, "score", RESPONSE): "a result of `wimcheck score --format "
        "json`, not a response file",
        _json_result(cli, tmp_path, "compare", RESPONSE, RESPONSE): "a result of `wimcheck "
        "compare --format json`, not a response file",
    }
    for path, what in kinds.items():
        result = cli("report", str(path))
        assert result.exit_code == 1
        assert result.stderr == (
            f"{path}: error: this is {what}\n"
            "  hint: give the response file (.toml) that the result was made from\n"
        )
    answers = _answers_as_json(tmp_path)
    assert cli("report", str(answers)).stderr == (
        f"{answers}: error: these are answers as JSON; report reads one TOML response file\n"
        f"  hint: score them with `wimcheck score {answers}`\n"
    )


@pytest.mark.parametrize("name", ["workshop.txt", "workshop.dat", "online.data"])
def test_report_recognises_a_sheet_by_its_content(cli: Cli, tmp_path: Path, name: str) -> None:
    source = DATA / "trainer" / ("online.xlsx" if name.startswith("online") else "workshop.csv")
    sheet = tmp_path / name
    shutil.copyfile(source, sheet)
    result = cli("report", str(sheet))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {sheet} is a sheet of many respondents; report shows one response file\n"
    )


def test_report_on_a_session_a_web_page_and_anything_else(cli: Cli, tmp_path: Path) -> None:
    cli("assess", MINI, "--role", "facilitator", input="1\n")
    (session,) = (tmp_path / "data" / "sessions").glob("*.toml")
    page = tmp_path / "page.html"
    page.write_text(cli("report", RESPONSE, "--format", "html").stdout, encoding="utf-8")
    notes, binary = tmp_path / "notes.txt", tmp_path / "photo.jpg"
    notes.write_text("Bring the flip chart.\nrespondent: all\n", encoding="utf-8")
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    expected = {
        session: (
            "this is an unfinished session, not a response file",
            f"continue it with `wimcheck assess --resume {session.stem}`",
        ),
        page: ("this is a web page (HTML), not a response file", "open it in a web browser"),
        notes: (
            "this is not a response file, nor any other file wimcheck knows",
            "give a response file (.toml) written by `wimcheck assess`",
        ),
    }
    expected[binary] = expected[notes]
    for path, (message, hint) in expected.items():
        result = cli("report", str(path))
        assert (result.exit_code, result.stderr) == (
            1,
            f"{path}: error: {message}\n  hint: {hint}\n",
        )


def test_report_still_reads_a_broken_response_file_as_one(cli: Cli, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(Path(RESPONSE).read_bytes().replace(b'"P05"', b'"J\xfcrgen"'))
    result = cli("report", str(latin1))
    assert result.exit_code == 2
    assert "error: the file is not UTF-8 text" in result.stderr
    assert cli("report", MINI).stderr.startswith(
        f"{MINI}: error: this is a framework file, not a response file"
    )


# --- switches are flags -----------------------------------------------------------------


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every command under ``group`` by its full name (typer's own copy of click's classes)."""
    found: dict[str, Any] = {}
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found |= _commands(command, (*prefix, name))
        else:
            found[" ".join((*prefix, name))] = command
    return found


def switches_that_are_not_flags(command: Any, help_text: str) -> list[str]:
    """Yes/no parameters that take a value (an argument, or an on/off pair of options), and
    ``<bool>`` in the help."""
    found = []
    for param in command.params:
        if type(param.type).__name__ != "BoolParamType":
            continue
        if param.param_type_name == "argument":
            found.append(param.name)
        elif not param.is_flag or param.secondary_opts:
            found.append("/".join(param.opts + param.secondary_opts))
    if "<bool>" in help_text.lower() or "boolean" in help_text.lower():
        found.append("<bool> in the help")
    return found


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("rich_help", [True, False])
def test_switches_show_as_flags_in_help(
    name: str, rich_help: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(typer.core, "HAS_RICH", rich_help)  # TYPER_USE_RICH=0 gives plain help
    result = CliRunner().invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert ("╭─" in result.stdout) == rich_help
    assert switches_that_are_not_flags(COMMANDS[name], result.stdout) == []


def test_the_flag_check_finds_pairs_and_values() -> None:
    made_up = typer.Typer()

    @made_up.command()
    def run(
        answer: Annotated[bool, typer.Argument()] = False,
        plain: Annotated[bool, typer.Option(help="Plain.")] = False,
        quiet: Annotated[bool, typer.Option("--quiet")] = False,
    ) -> None:
        """Made up."""

    command = typer.main.get_command(made_up)
    help_text = CliRunner().invoke(made_up, ["--help"]).stdout
    assert switches_that_are_not_flags(command, help_text) == ["answer", "--plain/--no-plain"]
    assert switches_that_are_not_flags(command, "  --strict <bool>") == [
        "answer",
        "--plain/--no-plain",
        "<bool> in the help",
    ]
