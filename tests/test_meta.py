"""Meta-tests: every message key used exists; every command is documented and has help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wimcheck.messages import EN, REPORT_TEXT

ROOT = Path(__file__).parent.parent
SOURCES = sorted((ROOT / "src" / "wimcheck").rglob("*.py"))


def test_every_literal_message_key_exists() -> None:
    used: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9.\-]+)\"", text))
    assert used, "no message keys found: the pattern is broken"
    missing = sorted(key for key in used if key not in EN)
    assert missing == []


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
