"""Mistakes on the command line as one line plus a hint, in the chosen language.

Typer (the click it carries) raises a usage error for a missing argument, an unknown
option or command, a value that is not valid ...; it would print it as a box of English.
:func:`usage_error` turns one into a :class:`wimcheck.errors.UsageError` (exit code 2)
whose message and hint are wimcheck's own sentences, with what the user typed in them.
Click's English is shown only for a kind of mistake wimcheck does not know.

This module is imported only when such a mistake happened.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

from typer._click import exceptions as click_errors  # the click typer carries

from wimcheck.cli.language import given_arguments
from wimcheck.errors import UsageError
from wimcheck.messages import t

__all__ = ["is_usage_error", "usage_error"]

# Two usage errors of click carry no data but their (untranslated) English sentence.
_EXTRA_ARGUMENTS = re.compile(
    r"Got unexpected extra argument(?:\(s\)|s)? \((?P<arguments>.*)\)\Z", re.S
)
_NO_SUCH_COMMAND = re.compile(r"No such command (?P<name>'.*'|\".*\")\.", re.S)


def is_usage_error(exc: BaseException) -> bool:
    """Whether ``exc`` is a usage error of the command line (help shown for no arguments is not)."""
    return isinstance(exc, click_errors.UsageError) and not isinstance(
        exc, click_errors.NoArgsIsHelpError
    )


def usage_error(exc: click_errors.UsageError, root: Any) -> UsageError:
    """The wimcheck error that says what ``exc`` says, in the current language.

    ``root`` is the context of the root group, for a mistake click gives no context.
    """
    command = exc.ctx.command_path if exc.ctx is not None else _command_path(root)
    see_help = t("cli.usage.see-help", command=command)
    if isinstance(exc, click_errors.MissingParameter):
        return UsageError(_missing(exc), hint=see_help)
    if isinstance(exc, click_errors.BadParameter):
        return _bad_value(exc, see_help)
    if isinstance(exc, click_errors.NoSuchOption):
        message = t("cli.usage.no-such-option", option=exc.option_name)
        return UsageError(message, hint=_did_you_mean(exc.possibilities, command) or see_help)
    if isinstance(exc, click_errors.BadOptionUsage):
        takes_none = "does not take a value" in exc.message
        key = "cli.usage.option-takes-no-value" if takes_none else "cli.usage.option-needs-value"
        return UsageError(t(key, option=exc.option_name), hint=see_help)
    if type(exc) is click_errors.UsageError and exc.message == "Missing command.":
        return UsageError(t("cli.usage.missing-command"), hint=_list_commands(command))
    unknown = _unknown_command(exc)
    if unknown is not None:
        return _no_such_command(unknown, exc, command)
    extra = _EXTRA_ARGUMENTS.match(exc.message)
    if extra is not None:
        message = t("cli.usage.extra-arguments", arguments=extra["arguments"])
        return UsageError(message, hint=see_help)
    return UsageError(t("cli.usage.other", detail=exc.format_message()), hint=see_help)


def _command_path(root: Any) -> str:
    """``wimcheck`` and the (sub)commands named on the command line: ``wimcheck report``."""
    words = [root.command_path]
    group = root.command
    for arg in given_arguments(root):
        commands = getattr(group, "commands", None)
        if arg == "--" or commands is None:
            break
        if not arg.startswith("-") and arg in commands:
            words.append(arg)
            group = commands[arg]
    return " ".join(words)


def _parameter_name(param: Any) -> str:
    """The parameter as the user types it: ``--role``, or an argument's ``RESPONSE_FILE``."""
    if _is_argument(param) or not getattr(param, "opts", None):
        return str(param.name or "").upper()
    return str(max(param.opts, key=len))  # the long form: --role rather than -r


def _missing(exc: click_errors.MissingParameter) -> str:
    kind = exc.param_type or getattr(exc.param, "param_type_name", "option")
    name = _parameter_name(exc.param) if exc.param is not None else str(exc.param_hint or "")
    key = "cli.usage.missing-argument" if kind == "argument" else "cli.usage.missing-option"
    return t(key, name=name)


def _bad_value(exc: click_errors.BadParameter, see_help: str) -> UsageError:
    param = exc.param
    name = _parameter_name(param) if param is not None else str(exc.param_hint or "")
    given = _value_given(param, exc.ctx)
    choices = getattr(getattr(param, "type", None), "choices", None)
    if choices:
        value = given if given is not None else exc.message
        hint = t("cli.usage.choose", choices=", ".join(_shown(choice) for choice in choices))
        return UsageError(t("cli.usage.invalid-value", name=name, value=value), hint=hint)
    # wimcheck's own sentence (``--lang``), else the value given; click's English at last
    translated = getattr(exc, "translated", False)
    value = exc.message if translated or given is None else given
    return UsageError(t("cli.usage.invalid-value", name=name, value=value), hint=see_help)


def _value_given(param: Any, ctx: Any) -> str | None:
    """The value the user gave the option ``param`` (the last one), if it can be found."""
    opts = getattr(param, "opts", None)
    if not opts or _is_argument(param) or ctx is None:
        return None
    args = given_arguments(ctx)
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg in opts and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--") and arg.partition("=")[0] in opts and "=" in arg:
            found = arg.partition("=")[2]
    return found


def _unknown_command(exc: click_errors.UsageError) -> str | None:
    """The command name a group did not know, when that is what ``exc`` is about."""
    if type(exc) is not click_errors.UsageError:
        return None
    found = _NO_SUCH_COMMAND.match(exc.message)
    return str(ast.literal_eval(found["name"])) if found is not None else None


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", None) == "argument"


def _shown(choice: object) -> str:
    return str(choice.value) if isinstance(choice, Enum) else str(choice)


def _no_such_command(name: str, exc: click_errors.UsageError, command: str) -> UsageError:
    group = exc.ctx.command if exc.ctx is not None else None
    names = list(getattr(group, "commands", {}))
    close = difflib.get_close_matches(name, names)
    hint = _did_you_mean(close, command) or _list_commands(command)
    return UsageError(t("cli.usage.no-such-command", name=name), hint=hint)


def _list_commands(command: str) -> str:
    return t("cli.usage.list-commands", command=command)


def _did_you_mean(possibilities: Sequence[str] | None, command: str) -> str | None:
    if not possibilities:
        return None
    listed = ", ".join(sorted(possibilities))
    return t("cli.usage.did-you-mean", possibilities=listed, command=command)
