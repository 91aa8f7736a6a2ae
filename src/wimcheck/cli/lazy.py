"""Commands built when they are used, so a run pays only for the command it runs.

Building a command costs importing its module (and what that imports) and typer reading
the signature of its function (every parameter's annotations, evaluated). The root group
knows each command by name and where it lives (:class:`LazyCommand`); its ``commands``
are a :class:`LazyCommands` mapping that builds a command on first access, and so are
the subcommands of a group. ``wimcheck --version`` builds none of them,
``wimcheck frameworks list`` builds the ``frameworks`` group and its ``list`` only; help,
which lists every command, builds them all.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any, Literal

import typer
import typer.main
from typer.models import CommandInfo

from wimcheck.records import record

__all__ = ["LazyCommand", "LazyCommands"]

Prepare = Callable[[Any], None]


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name; a pending one is built when it is first looked up.

    ``pending`` maps a name to the function that builds that command. Names keep their
    order: the commands given built, then the pending ones as given, then any added.
    """

    def __init__(self, built: Mapping[str, Any], pending: Mapping[str, Callable[[], Any]]) -> None:
        self._built: dict[str, Any] = dict(built)
        self._pending = {name: make for name, make in pending.items() if name not in built}
        self._order = [*self._built, *self._pending]

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            make = self._pending.pop(name)  # KeyError for an unknown name, as a dict
            self._built[name] = make()
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        if name not in self:
            self._order.append(name)
        self._pending.pop(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if self._pending.pop(name, None) is None:
            del self._built[name]
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._pending

    def built(self) -> list[str]:
        """The names of the commands built so far."""
        return list(self._built)


def _command(info: CommandInfo, app: typer.Typer, prepare: Prepare) -> Any:
    command = typer.main.get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )
    prepare(command)
    return command


def _command_name(info: CommandInfo) -> str:
    return info.name or typer.main.get_command_name(getattr(info.callback, "__name__", ""))


@record
class LazyCommand:
    """A command of the root group: its name, where it lives and its help key.

    ``kind`` is ``"command"`` for a function (``attribute`` names it) or ``"group"`` for
    a :class:`typer.Typer` of subcommands (``attribute`` names the instance; its
    subcommands are built lazily in turn).
    """

    name: str
    module: str
    attribute: str
    help: str | None = None
    kind: Literal["command", "group"] = "command"

    def build(self, app: typer.Typer, prepare: Prepare) -> Any:
        """The click command typer makes of this entry (its module imported now).

        ``prepare`` is applied to it, and to each of its subcommands as it is built.
        """
        target = getattr(importlib.import_module(self.module), self.attribute)
        holder = typer.Typer()
        if self.kind == "command":
            holder.command(self.name, help=self.help)(target)
            return _command(holder.registered_commands[0], app, prepare)
        shell = copy.copy(target)  # the group itself: its subcommands come later
        shell.registered_commands = []
        holder.add_typer(shell, name=self.name)
        group = typer.main.get_group_from_info(
            holder.registered_groups[0],
            pretty_exceptions_short=app.pretty_exceptions_short,
            suggest_commands=app.suggest_commands,
            rich_markup_mode=app.rich_markup_mode,
        )
        prepare(group)
        pending: dict[str, Callable[[], Any]] = {
            _command_name(info): _builder(info, app, prepare) for info in target.registered_commands
        }
        group.commands = LazyCommands(group.commands, pending)
        return group


def _builder(info: CommandInfo, app: typer.Typer, prepare: Prepare) -> Callable[[], Any]:
    return lambda: _command(info, app, prepare)
