"""``--lang`` on every command, and the language chosen for a run.

The language is chosen once per run (:func:`wimcheck.i18n.language.resolve_language`)
from the ``--lang`` found in the arguments, wherever it stands: help and usage errors are
shown while the arguments are still being parsed, before any option's value is known.
Every command that has no ``--lang`` of its own gets one (:func:`add_language_option`);
a command's own ``--lang`` (the language of a framework's texts) chooses wimcheck's
language too, when wimcheck has it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperOption

__all__ = [
    "ARGUMENTS",
    "LANGUAGE_ARGUMENT",
    "add_language_option",
    "check_language",
    "chosen_language",
    "given_arguments",
    "language_argument",
    "translated_bad_parameter",
]

LANGUAGE_ARGUMENT = "wimcheck.lang-argument"  # key in Context.meta: the --lang given, if any
ARGUMENTS = "wimcheck.arguments"  # key in Context.meta: the command line's arguments, all


def given_arguments(ctx: Any) -> list[str]:
    """Every argument of this run's command line (the root group keeps them)."""
    return list(ctx.meta.get(ARGUMENTS, ()))


def language_argument(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` or ``--lang=X`` in ``args`` (before a ``--``)."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    return found


def chosen_language(ctx: Any) -> str:
    """The language of this run: ``--lang``, ``WIMCHECK_LANG``, the system's, else English."""
    from wimcheck.i18n.language import resolve_language

    return resolve_language(ctx.meta.get(LANGUAGE_ARGUMENT), os.environ)


def check_language(ctx: Any, _param: Any, value: str | None) -> str | None:
    """A usage error for a ``--lang`` that names no language of wimcheck."""
    from wimcheck.i18n.language import SUPPORTED_LANGUAGES, language_of

    if value is not None and language_of(value) is None:
        from wimcheck.messages import t

        raise translated_bad_parameter(
            t(
                "cli.unknown-language",
                chosen_language(ctx),
                lang=value,
                languages=", ".join(SUPPORTED_LANGUAGES),
            )
        )
    return value


def add_language_option(command: Any) -> None:
    """Give ``command`` and every command under it a ``--lang`` unless it has its own.

    The option's value is not passed to the command: the language was chosen from the
    arguments already (:func:`chosen_language`).
    """
    if not any("--lang" in getattr(param, "opts", ()) for param in command.params):
        command.params.append(
            TyperOption(
                param_decls=["--lang"],
                metavar="LANG",
                expose_value=False,
                callback=check_language,
                help="help.option.lang",
            )
        )
    for sub in getattr(command, "commands", {}).values():
        add_language_option(sub)


def translated_bad_parameter(message: str) -> typer.BadParameter:
    """A bad value whose message is already wimcheck's own sentence in the run's language:
    :mod:`wimcheck.cli.usage_errors` shows it as it is instead of the value typed."""
    error = typer.BadParameter(message)
    error.translated = True  # type: ignore[attr-defined]
    return error
