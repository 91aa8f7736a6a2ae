"""Commands built when they are used: the mapping behind the root group's commands."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main

from wimcheck.cli.lazy import LazyCommands


def _mapping(made: list[str]) -> LazyCommands:
    def maker(name: str) -> Any:
        def make() -> str:
            made.append(name)
            return f"command {name}"

        return make

    return LazyCommands({"first": "built"}, {name: maker(name) for name in ("b", "a", "first")})


def test_names_are_listed_in_order_without_building_anything() -> None:
    made: list[str] = []
    commands = _mapping(made)
    assert list(commands) == ["first", "b", "a"]
    assert len(commands) == 3 and "a" in commands and "z" not in commands
    assert made == []
    assert commands.built() == ["first"]


def test_a_command_is_built_once_when_looked_up() -> None:
    made: list[str] = []
    commands = _mapping(made)
    assert commands["a"] == "command a"
    assert commands.get("a") == "command a"
    assert commands["first"] == "built"  # given built: its maker is never called
    assert made == ["a"]
    assert list(commands) == ["first", "b", "a"]  # order kept after building
    assert commands.get("z") is None
    with pytest.raises(KeyError):
        commands["z"]


def test_adding_replacing_and_removing_commands() -> None:
    made: list[str] = []
    commands = _mapping(made)
    commands["b"] = "replaced"
    commands["c"] = "added"
    del commands["a"]
    assert dict(commands.items()) == {"first": "built", "b": "replaced", "c": "added"}
    assert made == []


def test_the_application_builds_the_same_commands_as_typer_would() -> None:
    """Every command and subcommand of wimcheck, built lazily, has the same names, help
    keys and parameters as typer building them all at once."""
    from wimcheck.cli.app import COMMANDS, app

    group = typer.main.get_command(app)
    assert list(group.commands) == [entry.name for entry in COMMANDS]  # type: ignore[attr-defined]
    for entry in COMMANDS:
        built = group.commands[entry.name]  # type: ignore[attr-defined]
        module = __import__(entry.module, fromlist=[entry.attribute])
        target = getattr(module, entry.attribute)
        if entry.kind == "group":
            eager = typer.main.get_command(target)
            assert list(built.commands) == list(eager.commands)  # type: ignore[attr-defined]
            pairs = [(built.commands[n], eager.commands[n]) for n in eager.commands]  # type: ignore[attr-defined]
        else:
            holder = typer.Typer(add_completion=False)
            holder.command(entry.name, help=entry.help)(target)
            pairs = [(built, typer.main.get_command(holder))]
        for lazy, eager in pairs:
            assert lazy.help == eager.help
            own = [p.name for p in lazy.params if p.name != "lang" or "lang" in _names(eager)]
            assert own == _names(eager)
            assert any("--lang" in p.opts for p in lazy.params)


def _names(command: Any) -> list[str]:
    return [p.name for p in command.params]
