"""``--help`` in the chosen language.

Help texts of the command line are keys of :data:`wimcheck.messages.HELP` (for example
``help="help.frameworks.list"``), not sentences. Typer builds the commands with these keys;
when help is shown, :class:`TranslatedHelpContext` puts every key of the command tree into
the chosen language first, along with the words of the help screen that come from typer
(``Usage:``, ``Options``, ``[default: ...]``). A help text that is no key is left as it is.

The language is the one chosen for the run (:mod:`wimcheck.cli.language`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from wimcheck.cli.language import chosen_language

__all__ = ["TranslatedHelpContext", "translate_command", "translate_help_when_shown"]

# The words typer's help screens take from module-level names of typer.rich_utils.
_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help.panel.arguments",
    "OPTIONS_PANEL_TITLE": "help.panel.options",
    "COMMANDS_PANEL_TITLE": "help.panel.commands",
    "DEFAULT_STRING": "help.default",
    "REQUIRED_LONG_STRING": "help.required",
}


def _translated(text: str | None, lang: str) -> str | None:
    """``text`` in ``lang`` when it is a help key; anything else unchanged."""
    from wimcheck.i18n.language import SUPPORTED_LANGUAGES
    from wimcheck.messages import HELP, help_text

    if text is None or text not in HELP:
        return text
    return help_text(text, lang, languages=", ".join(SUPPORTED_LANGUAGES))


def translate_command(command: Any, lang: str) -> None:
    """Put the help keys of ``command``, its parameters and subcommands into ``lang``."""
    for name in ("help", "short_help", "epilog"):
        setattr(command, name, _translated(getattr(command, name, None), lang))
    for param in command.params:
        if hasattr(param, "help"):
            param.help = _translated(param.help, lang)
    for sub in getattr(command, "commands", {}).values():
        translate_command(sub, lang)


@contextmanager
def _typer_words(lang: str) -> Iterator[None]:
    """Typer's own words of the help screen in ``lang`` while help is formatted."""
    from typer import rich_utils

    from wimcheck.messages import help_text

    saved = {name: getattr(rich_utils, name) for name in _TYPER_WORDS}
    for name, key in _TYPER_WORDS.items():
        setattr(rich_utils, name, help_text(key, lang, value="{}"))
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)


# typer's help formatter (click's, which typer carries inside): its class, from the context.
_HelpFormatter: Any = typer.Context.formatter_class


class UsageFormatter(_HelpFormatter):  # type: ignore[misc]
    """A help formatter whose usage line starts with ``usage_prefix`` (``Usage:``)."""

    usage_prefix: str | None = None

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else self.usage_prefix)


class TranslatedHelpContext(typer.Context):
    """A context whose help (and usage line) is shown in the chosen language."""

    def make_formatter(self) -> Any:
        from wimcheck.messages import help_text

        formatter = UsageFormatter(width=self.terminal_width, max_width=self.max_content_width)
        formatter.usage_prefix = help_text("help.usage", chosen_language(self)) + " "
        return formatter

    def get_help(self) -> str:
        lang = chosen_language(self)
        translate_command(self.find_root().command, lang)
        help_option = self.command.get_help_option(self)
        if help_option is not None:
            help_option.help = _translated("help.option.help", lang)
        with _typer_words(lang):
            return super().get_help()


def translate_help_when_shown(command: Any) -> None:
    """Let ``command`` and every command under it show help in the chosen language."""
    command.context_class = TranslatedHelpContext
    for sub in getattr(command, "commands", {}).values():
        translate_help_when_shown(sub)
