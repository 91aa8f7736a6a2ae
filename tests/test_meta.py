"""Meta-tests: every message key used exists; every command is documented and has help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wimcheck.messages import EN, PLURALS, REPORT_TEXT

ROOT = Path(__file__).parent.parent
SOURCES = sorted((ROOT / "src" / "wimcheck").rglob("*.py"))


def test_every_literal_message_key_exists() -> None:
    used: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt(?:_for)?\(\s*\"([a-z0-9.\-]+)\"", text))
    assert used, "no message keys found: the pattern is broken"
    missing = sorted(key for key in used if key not in EN and key not in PLURALS)
    assert missing == []


def test_easy_read_and_singular_variants_have_their_base_key() -> None:
    questionnaire = [k for k in EN if k.startswith(("assess.", "kiosk."))]
    variants = [k for k in questionnaire if k.endswith((".easy-read", ".one"))]
    assert len(variants) > 20
    for key in variants:
        base = key.removesuffix(".easy-read").removesuffix(".one")
        assert base in EN or base in PLURALS, key
    for key in [k for k in EN if k.endswith(".one")]:  # a singular has its easy-read form
        if f"{key.removesuffix('.one')}.easy-read" in EN:
            assert f"{key}.easy-read" in EN, key


def test_every_sentence_of_the_questionnaire_screens_has_an_easy_read_form() -> None:
    worker_sees = [
        "assess.respondent",
        "assess.resuming",
        "assess.size",
        "assess.size.left",
        "assess.progress",
        "assess.progress.again",
        "assess.na-choice",
        "assess.was-na",
        "assess.so-far",
        "assess.keys",
        "assess.help",
        "assess.na-help.person",
        "assess.not-an-answer",
        "assess.off-scale",
        "assess.review",
        "assess.paused",
        "assess.paused.nothing",
        "assess.saved",
        "assess.again",
        "assess.html",
        "kiosk.next",
    ]
    assert [key for key in worker_sees if f"{key}.easy-read" not in EN] == []
    jargon = ("applicable", "n/a", "statement", "area", "respondent", "anonymous", "session")
    for key in worker_sees:
        text = EN[f"{key}.easy-read"].lower()
        assert [word for word in jargon if word in text] == [], key


def test_t_for_picks_the_variant_that_fits() -> None:
    from wimcheck.messages import t_for

    assert t_for("assess.minutes", count=1) == "1 minute"
    assert t_for("assess.minutes", count=3, easy_read=True) == "3 minutes"
    assert (
        t_for("assess.size.left", count=1, time="1 minute") == "1 statement left, about 1 minute."
    )
    assert t_for("assess.size.left", count=1, easy_read=True, time="x") == (
        "1 question is left. This takes about x."
    )
    assert t_for("assess.size.left", count=4, easy_read=True, time="x") == (
        "4 questions are left. This takes about x."
    )
    assert t_for("assess.prompt", easy_read=True) == "Your answer: "


def test_subject_variants_exist_for_both_subjects() -> None:
    for key in [k for k in EN if k.endswith(".person")]:
        assert key.replace(".person", ".organisation") in EN, key
    assert "person.heading" in REPORT_TEXT


def _commands() -> list[str]:
    import typer.main

    from wimcheck.cli.app import app

    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            names += [f"{name} {child}" for child in sub]
        else:
            names.append(name)
    return sorted(names)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme_and_has_help(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"wimcheck {command}" in readme
    from typer.testing import CliRunner

    from wimcheck.cli.app import app

    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
