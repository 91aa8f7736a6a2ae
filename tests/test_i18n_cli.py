"""The command line in the chosen language: --lang anywhere, WIMCHECK_LANG, the locale, --help.

German is a pseudo-translation here (tests/pseudo.py): every text of wimcheck's own that
comes from the catalogue starts with ``¤``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main

from conftest import Result
from pseudo import marked, write_pseudo_catalogue
from test_i18n_catalogues import INCOMPLETE
from wimcheck.i18n import catalogues
from wimcheck.i18n.language import SUPPORTED_LANGUAGES
from wimcheck.messages import HELP, report_text

BROKEN = Path(__file__).parent / "data" / "broken"
# P05 of the trainer data, answered with the framework texts in German
ANSWERS_DE = str(Path(__file__).parent / "data" / "i18n" / "answers-de.toml")
Cli = Callable[..., Result]


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_pseudo_catalogue(tmp_path / "locale", "de")
    monkeypatch.setattr(catalogues, "LOCALE_ROOT", root)
    monkeypatch.setenv("COLUMNS", "250")  # help rows on one line each
    return root


def test_an_unknown_language_is_a_usage_error(cli: Cli) -> None:
    result = cli("--lang", "xx", "frameworks", "list")
    assert result.exit_code == 2
    assert (
        "'xx' is not a language of wimcheck; choose one of: en, de, it, el, sl, hu, bg"
        in _normalised(result.stderr)
    )


VALIDATE_ERRORS = (
    f"¤{BROKEN / 'cycle.toml'}:193:18: error[prerequisite-cycle]: "
    "¤modules require each other in a cycle: MINI.M1 -> MINI.M2 -> MINI.M1\n"
    "  ¤hint: ¤remove one of these prerequisites\n"
)


@pytest.mark.parametrize(
    ("arguments", "environ"),
    [
        (["--lang", "de"], {}),
        ([], {"WIMCHECK_LANG": "de"}),
        ([], {"LANG": "de_DE.UTF-8"}),
        ([], {"LC_ALL": "de_AT.UTF-8", "LANG": "it_IT.UTF-8"}),
    ],
)
def test_messages_speak_the_chosen_language(
    arguments: list[str],
    environ: dict[str, str],
    pseudo: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = cli(*arguments, "frameworks", "validate", str(BROKEN / "cycle.toml"))
    assert result.exit_code == 1
    assert result.stdout == VALIDATE_ERRORS
    assert result.stderr == "¤0:1 of ¤0:1 file not valid, ¤0:1 problem\n"  # plural: 1 not valid


def test_an_explicit_lang_wins_over_the_environment(
    pseudo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIMCHECK_LANG", "de")
    result = cli("frameworks", "validate", str(BROKEN / "cycle.toml"), "--lang", "en")
    assert result.stderr == "1 of 1 file not valid, 1 problem\n"
    assert "¤" not in result.stdout


def test_lang_after_the_command_and_the_frameworks_table(pseudo: Path, cli: Cli) -> None:
    result = cli("frameworks", "list", "--lang", "de")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "¤Frameworks"
    assert "¤statements" in lines[2] and "¤origin" in lines[2]
    assert "¤bundled" in result.stdout


def test_errors_and_hints_speak_the_chosen_language(pseudo: Path, cli: Cli) -> None:
    result = cli("--lang", "de", "frameworks", "show", "no-such-framework")
    assert result.exit_code == 2
    first, hint = result.stderr.splitlines()
    assert first == "¤error: ¤no framework called 'no-such-framework'"
    assert hint.startswith("  ¤hint: ¤available: ")


def _normalised(text: str) -> str:
    """Help output without the boxes, its whitespace collapsed."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


def _help_keys(path: list[str]) -> list[str]:
    """The help keys shown by ``wimcheck PATH --help``: the command's and its parts'."""
    from wimcheck.cli.app import app

    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    texts = [command.help, command.epilog]
    texts += [getattr(p, "help", None) for p in command.params]
    texts += [sub.help for sub in getattr(command, "commands", {}).values()]
    return [text for text in texts if text in HELP]


@pytest.mark.parametrize(
    "path",
    [
        [],
        ["frameworks"],
        ["frameworks", "list"],
        ["frameworks", "show"],
        ["frameworks", "validate"],
        ["frameworks", "schema"],
        ["sessions"],
        ["sessions", "list"],
        ["sessions", "discard"],
        ["template"],
        ["assess"],
        ["report"],
        ["score"],
        ["compare"],
    ],
)
def test_help_speaks_the_chosen_language(path: list[str], pseudo: Path, cli: Cli) -> None:
    result = cli("--lang", "de", *path, "--help")
    assert result.exit_code == 0
    shown = _normalised(result.stdout)
    keys = _help_keys(path)
    assert len(keys) >= 2
    for key in keys:
        first = _normalised(
            HELP[key].split("\n\n")[0].format(languages="en, de, it, el, sl, hu, bg")
        )
        assert marked(first) in shown, key
        assert not re.search(rf"(?<!¤){re.escape(first)}", shown), key
    for word in ("Usage:", "Options", "Show this message and exit."):
        assert marked(word) in shown
    assert "help." not in shown


def test_help_follows_the_language_wherever_lang_stands(pseudo: Path, cli: Cli) -> None:
    after = cli("template", "--help", "--lang", "de")
    assert "¤Make a blank response sheet" in after.stdout


def _every_command() -> list[list[str]]:
    from wimcheck.cli.app import app

    group = typer.main.get_command(app)
    paths: list[list[str]] = [[]]
    for name, command in group.commands.items():
        paths.append([name])
        paths += [[name, sub] for sub in getattr(command, "commands", {})]
    return paths


@pytest.mark.parametrize("path", _every_command())
def test_no_help_key_is_ever_shown(path: list[str], cli: Cli) -> None:
    result = cli(*path, "--help")
    assert result.exit_code == 0
    assert not re.search(r"\bhelp\.[a-z]", result.stdout), result.stdout
    assert "--lang" in result.stdout


def _help_lines(text: str) -> set[str]:
    """The lines of a help screen with words in them, without boxes and extra spaces."""
    lines = {_normalised(line) for line in text.splitlines()}
    return {line for line in lines if re.search(r"[^\W\d_]{2}", line)}


@pytest.mark.parametrize("lang", sorted(set(SUPPORTED_LANGUAGES) - INCOMPLETE - {"en"}))
@pytest.mark.parametrize("path", _every_command(), ids=lambda path: "-".join(path) or "app")
def test_help_in_a_language_has_no_english_line(
    path: list[str], lang: str, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # help rows on one line each
    english = cli(*path, "--help", "--lang", "en")
    translated = cli(*path, "--help", "--lang", lang)
    assert english.exit_code == translated.exit_code == 0
    assert len(_help_lines(english.stdout)) >= 3
    assert _help_lines(translated.stdout) & _help_lines(english.stdout) == set()


def _modules_after(argv: list[str]) -> set[str]:
    code = (
        f"import sys\nsys.argv = {argv!r}\nfrom wimcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import json; print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return {name.split(".")[0] for name in json.loads(out.stdout.splitlines()[-1])}


@pytest.mark.parametrize(
    "argv",
    [
        ["wimcheck", "--lang", "de", "frameworks", "list", "--format", "json"],
        ["wimcheck", "--lang", "sl", "frameworks", "list", "--help"],
    ],
)
def test_babel_is_not_imported_to_start(argv: list[str]) -> None:
    assert "babel" not in _modules_after(argv)


def _report_heading(markdown: str) -> str:
    return markdown.splitlines()[0]


def test_a_report_speaks_the_language_of_its_answers(cli: Cli) -> None:
    default = cli("report", ANSWERS_DE, "--format", "markdown")
    german = cli("report", ANSWERS_DE, "--format", "markdown", "--lang", "de")
    assert default.exit_code == 0
    assert _report_heading(default.stdout) == "# " + report_text("person.heading", "de")
    assert default.stdout == german.stdout


@pytest.mark.parametrize(
    ("arguments", "environ", "lang"),
    [
        (["--lang", "en"], {}, "en"),
        ([], {"WIMCHECK_LANG": "en"}, "en"),
        ([], {"LANG": "it_IT.UTF-8"}, "it"),
        ([], {"LC_ALL": "en_GB.UTF-8"}, "en"),
    ],
)
def test_a_chosen_language_wins_over_the_answers_language(
    arguments: list[str],
    environ: dict[str, str],
    lang: str,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = cli(*arguments, "report", ANSWERS_DE, "--format", "markdown")
    assert result.exit_code == 0
    assert _report_heading(result.stdout) == "# " + report_text("person.heading", lang)
