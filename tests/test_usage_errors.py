"""Mistakes on the command line: one line plus a hint in the chosen language, exit code 2.

Typer would show its English in a box ("Error", "Missing argument ..."); wimcheck says it
in its own sentences (issue 13), the same in-process and as a real program.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest

from conftest import DATA, Result

Cli = Callable[..., Result]
RESPONSE = str(DATA / "trainer" / "P05.toml")

# (name, arguments after the language, stderr in en, de, bg)
CASES = [
    (
        "missing argument",
        ["report"],
        {
            "en": "error: missing argument RESPONSE_FILE\n  hint: see 'wimcheck report --help'\n",
            "de": "Fehler: Argument RESPONSE_FILE fehlt\n"
            "  Hinweis: siehe 'wimcheck report --help'\n",
            "bg": "грешка: липсва аргумент RESPONSE_FILE\n"
            "  подсказка: вижте „wimcheck report --help“\n",
        },
    ),
    (
        "missing required option",
        ["template", "wim"],
        {
            "en": "error: missing option --role\n  hint: see 'wimcheck template --help'\n",
            "de": "Fehler: Option --role fehlt\n  Hinweis: siehe 'wimcheck template --help'\n",
            "bg": "грешка: липсва опция --role\n  подсказка: вижте „wimcheck template --help“\n",
        },
    ),
    (
        "unknown option with a suggestion",
        ["report", RESPONSE, "--formt", "html"],
        {
            "en": "error: no such option: --formt\n"
            "  hint: did you mean --force, --format? See 'wimcheck report --help'\n",
            "de": "Fehler: unbekannte Option: --formt\n"
            "  Hinweis: meinten Sie --force, --format? Siehe 'wimcheck report --help'\n",
            "bg": "грешка: непозната опция: --formt\n"
            "  подсказка: имахте предвид --force, --format? Вижте „wimcheck report --help“\n",
        },
    ),
    (
        "option without its value",
        ["report", RESPONSE, "--format"],
        {
            "en": "error: the option --format needs a value\n"
            "  hint: see 'wimcheck report --help'\n",
            "de": "Fehler: die Option --format braucht einen Wert\n"
            "  Hinweis: siehe 'wimcheck report --help'\n",
            "bg": "грешка: опцията --format изисква стойност\n"
            "  подсказка: вижте „wimcheck report --help“\n",
        },
    ),
    (
        "invalid choice",
        ["report", RESPONSE, "--format", "xml"],
        {
            "en": "error: invalid value for --format: xml\n"
            "  hint: choose one of: text, json, html, markdown\n",
            "de": "Fehler: ungültiger Wert für --format: xml\n"
            "  Hinweis: wählen Sie einen von: text, json, html, markdown\n",
            "bg": "грешка: невалидна стойност за --format: xml\n"
            "  подсказка: изберете една от: text, json, html, markdown\n",
        },
    ),
    (
        "unknown command",
        ["reprt", RESPONSE],
        {
            "en": "error: no such command: reprt\n"
            "  hint: did you mean report? See 'wimcheck --help'\n",
            "de": "Fehler: unbekannter Befehl: reprt\n"
            "  Hinweis: meinten Sie report? Siehe 'wimcheck --help'\n",
            "bg": "грешка: непозната команда: reprt\n"
            "  подсказка: имахте предвид report? Вижте „wimcheck --help“\n",
        },
    ),
    (
        "extra argument",
        ["report", RESPONSE, "extra.toml"],
        {
            "en": "error: unexpected extra arguments: extra.toml\n"
            "  hint: see 'wimcheck report --help'\n",
            "de": "Fehler: unerwartete zusätzliche Argumente: extra.toml\n"
            "  Hinweis: siehe 'wimcheck report --help'\n",
            "bg": "грешка: неочаквани допълнителни аргументи: extra.toml\n"
            "  подсказка: вижте „wimcheck report --help“\n",
        },
    ),
]
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
@pytest.mark.parametrize(("name", "args", "expected"), CASES, ids=IDS)
def test_a_usage_error_is_one_line_and_a_hint(
    cli: Cli, lang: str, name: str, args: list[str], expected: dict[str, str]
) -> None:
    result = cli("--lang", lang, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected[lang]), name
    assert "╭" not in result.stderr and "Error" not in result.stderr


@pytest.mark.parametrize(("name", "args", "expected"), CASES, ids=IDS)
def test_the_language_may_come_after_the_mistake(
    cli: Cli, name: str, args: list[str], expected: dict[str, str]
) -> None:
    result = cli(*args, "--lang", "de")
    if name == "option without its value":  # --lang is then the value of --format
        assert (result.exit_code, result.stderr) == (
            2,
            "Fehler: ungültiger Wert für --format: --lang\n"
            "  Hinweis: wählen Sie einen von: text, json, html, markdown\n",
        )
    else:
        assert (result.exit_code, result.stderr) == (2, expected["de"]), name


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_a_usage_error_of_the_real_program(lang: str) -> None:
    env = {**os.environ, "COLUMNS": "80"}
    for name, args, expected in CASES:
        run = subprocess.run(
            [sys.executable, "-m", "wimcheck", "--lang", lang, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=False,
        )
        assert (run.returncode, run.stdout, run.stderr) == (2, "", expected[lang]), name


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--bogus"],
            "error: no such option: --bogus\n  hint: see 'wimcheck --help'\n",
        ),
        (
            ["frameworks", "bogus"],
            "error: no such command: bogus\n"
            "  hint: 'wimcheck frameworks --help' lists the commands\n",
        ),
        (
            ["frameworks", "lst"],
            "error: no such command: lst\n"
            "  hint: did you mean list? See 'wimcheck frameworks --help'\n",
        ),
        (
            ["frameworks", "show", "wim", "--role"],
            "error: the option --role needs a value\n"
            "  hint: see 'wimcheck frameworks show --help'\n",
        ),
        (
            ["report", RESPONSE, "--force=yes"],
            "error: the option --force takes no value\n  hint: see 'wimcheck report --help'\n",
        ),
        (
            ["report", RESPONSE, "extra.toml", "more.toml"],
            "error: unexpected extra arguments: extra.toml more.toml\n"
            "  hint: see 'wimcheck report --help'\n",
        ),
        (
            ["serve", "--port", "abc"],
            "error: invalid value for --port: abc\n  hint: see 'wimcheck serve --help'\n",
        ),
        (
            ["frameworks", "list", "--format=xml"],
            "error: invalid value for --format: xml\n  hint: choose one of: table, json\n",
        ),
        (
            ["--lang", "xx", "frameworks", "list"],
            "error: invalid value for --lang: 'xx' is not a language of wimcheck; choose one "
            "of: en, de, it, el, sl, hu, bg\n  hint: see 'wimcheck --help'\n",
        ),
        (
            ["--lang", "de"],
            "Fehler: ein Befehl fehlt\n  Hinweis: 'wimcheck --help' listet die Befehle auf\n",
        ),
    ],
)
def test_more_usage_errors(cli: Cli, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)


def test_a_typed_value_is_shown_escaped(cli: Cli) -> None:
    result = cli("report", RESPONSE, "--format", "x\x1b[31my")
    assert result.stderr == (
        "error: invalid value for --format: x\\x1b[31my\n"
        "  hint: choose one of: text, json, html, markdown\n"
    )


def test_no_arguments_still_show_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 2
    assert "Usage: wimcheck [OPTIONS] COMMAND [ARGS]..." in result.stdout + result.stderr
    assert "error:" not in result.stdout + result.stderr


def test_a_group_without_its_command_still_shows_its_help(cli: Cli) -> None:
    result = cli("--lang", "de", "frameworks")
    assert result.exit_code == 2
    assert "Aufruf: wimcheck frameworks [OPTIONS] COMMAND [ARGS]..." in result.stdout
    assert "Fehler" not in result.stdout + result.stderr


def test_help_is_unchanged(cli: Cli) -> None:
    result = cli("report", "--help")
    assert result.exit_code == 0
    assert "Usage: wimcheck report [OPTIONS]" in result.stdout
    assert result.stderr == ""
