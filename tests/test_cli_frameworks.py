"""``wimcheck frameworks ...`` and the top-level command: output and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from wimcheck import __version__

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
MINI = str(DATA / "frameworks" / "mini.toml")


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"wimcheck {__version__}\n")


def test_no_arguments_shows_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 2
    assert "frameworks" in result.stdout + result.stderr


def test_unknown_option_is_a_usage_error(cli: Cli) -> None:
    result = cli("frameworks", "list", "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: invalid value for --format: xml\n  hint: choose one of: table, json\n"
    )


def test_list_json(cli: Cli) -> None:
    result = cli("frameworks", "list", "--format", "json")
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["wim"]["origin"] == "bundled"
    assert rows["wim"]["languages"] == ["en", "de", "it", "el", "sl", "hu", "bg"]
    assert rows["wim"]["statements"] == 75
    assert rows["wim"]["roles"] == ["wim", "owner-manager", "team-leader", "innovation-champion"]
    assert rows["bwise"]["statements"] == 96


def test_list_table(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # a table on a wide terminal only (issue 11: at 80 columns it shrank titles to "B-…")
    monkeypatch.setenv("COLUMNS", "160")
    result = cli("frameworks", "list")
    assert result.exit_code == 0
    assert "│ wim " in result.stdout
    assert "│ 1.0.0   │ en, de, it,    │ Workplace Innovation Manager [wim]" in result.stdout
    assert "│         │ el, sl, hu, bg │" in result.stdout  # seven languages on two lines
    assert "│ Team leader or line manager [team-leader]" in result.stdout
    assert "bundled" in result.stdout
    assert "…" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 160
    assert result.stderr == ""


def test_show_text_for_a_role(cli: Cli) -> None:
    result = cli("frameworks", "show", MINI, "--role", "participant")
    assert result.exit_code == 0
    assert "Role 'participant': Team member" in result.stdout
    assert "MINI.PREP.1.a  I can say why we meet." in result.stdout
    assert "MINI.RUN.1" not in result.stdout  # not targeted by this role
    assert "MINI.M1  Meeting basics (3 h, EQF 3, workshop)" in result.stdout


def test_show_text_in_german(cli: Cli) -> None:
    result = cli("frameworks", "show", MINI, "--lang", "de")
    assert "Mini-Kompetenzrahmen für Moderation  [mini 1.0.0]" in result.stdout


def test_show_json_is_the_whole_framework(cli: Cli) -> None:
    result = cli("frameworks", "show", MINI, "--format", "json")
    data = json.loads(result.stdout)
    assert data["framework"]["id"] == "mini"
    assert [c["id"] for c in data["competences"]] == ["MINI.PREP.1", "MINI.RUN.1", "MINI.RUN.2"]
    assert data["roles"][0]["targets"]["MINI.RUN.2"] == {"level": 2, "weight": 3}
    assert data["competences"][0]["statements"][1]["reverse"] is True
    assert data["modules"][1]["prerequisites"] == ["MINI.M1"]
    assert data["competences"][0]["translations"]["de"]["title"] == "Ein klares Ziel setzen"


def test_show_unknown_framework_and_role(cli: Cli) -> None:
    result = cli("frameworks", "show", "nosuch")
    assert result.exit_code == 2
    known = ", ".join(sorted(p.stem for p in (DATA.parent.parent / "frameworks").glob("*.toml")))
    assert result.stderr == (
        "error: no framework called 'nosuch'\n"
        f"  hint: available: {known}; or give the path of a .toml file\n"
    )
    result = cli("frameworks", "show", "wim", "--role", "boss")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: framework 'wim' has no role 'boss'\n  hint: roles: wim,"
    )


def test_show_invalid_framework_file(cli: Cli) -> None:
    result = cli("frameworks", "show", str(DATA / "broken" / "cycle.toml"))
    assert result.exit_code == 1
    assert "cycle.toml:193:18: error: the framework file has 1 problem; the first:" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_ok(cli: Cli) -> None:
    result = cli("frameworks", "validate", MINI)
    assert result.exit_code == 0
    assert result.stdout == f"{MINI}: ok (5 statements, 2 roles, 2 modules)\n"


def test_validate_bundled_folder(cli: Cli) -> None:
    root = Path(__file__).parent.parent / "frameworks"
    result = cli("frameworks", "validate", str(root))
    assert result.exit_code == 0
    assert result.stdout.count(": ok (") == len(list(root.glob("*.toml")))


def test_validate_lists_every_problem_with_hints(cli: Cli) -> None:
    path = str(DATA / "broken" / "dangling.toml")
    result = cli("frameworks", "validate", MINI, path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1:3] == [
        f"{path}:113:8: error[unknown-reference]: competence 'MINI.RUN.1' names area 'RNU', "
        "which is not defined",
        "  hint: did you mean 'RUN'? Known ids of this kind: PREP, RUN",
    ]
    assert len([line for line in lines if "error[" in line]) == 3
    assert result.stderr == "1 of 2 files not valid, 3 problems\n"


def test_validate_syntax_error_gives_line_and_column(cli: Cli) -> None:
    path = str(DATA / "broken" / "syntax.toml")
    result = cli("frameworks", "validate", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}:85:30: error[toml-syntax]: TOML syntax error: a text is not closed on its "
        'line: its closing quote is missing (a text of several lines needs three quotes, """)'
    )


def test_validate_missing_file_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "gone.toml"
    result = cli("frameworks", "validate", str(missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{missing}: error: file not found\n  hint: check the path")


def test_schema_is_json_schema(cli: Cli) -> None:
    result = cli("frameworks", "schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "wimcheck framework"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {
        "format_version",
        "framework",
        "scales",
        "areas",
        "competences",
        "roles",
        "modules",
    }


def test_internal_error_is_exit_70_without_traceback(cli: Cli, monkeypatch) -> None:
    import wimcheck.frameworks.catalog

    def boom() -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(wimcheck.frameworks.catalog, "list_frameworks", boom)
    result = cli("frameworks", "list")
    assert result.exit_code == 70
    assert result.stderr.startswith(
        "error: internal error: RuntimeError: kaputt\n  hint: this is a bug"
    )
    assert "Traceback" not in result.stderr


def test_interrupt_is_exit_130(cli: Cli, monkeypatch) -> None:
    import wimcheck.frameworks.catalog

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(wimcheck.frameworks.catalog, "list_frameworks", interrupted)
    assert cli("frameworks", "list").exit_code == 130


def test_show_role_lists_only_modules_meant_for_it(cli: Cli) -> None:
    worker = cli("frameworks", "show", "bwise", "--role", "wsn-starter").stdout
    assert "BW.M1" in worker
    assert "BW.M4" not in worker  # a supporters' module
    data = json.loads(
        cli("frameworks", "show", "bwise", "--role", "wsn-starter", "--format", "json").stdout
    )
    # the workers' three core modules and, since issue 16, their three short modules
    workers_modules = {"BW.M1", "BW.M2", "BW.M3", "BW.M10", "BW.M11", "BW.M12"}
    assert {m["id"] for m in data["modules"]} <= workers_modules
