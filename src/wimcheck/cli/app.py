"""The ``wimcheck`` command: the typer application and its exit-code mapping.

Only typer and the standard library are imported here at module level; every command
imports what it needs when it runs, so ``wimcheck --version`` stays instant.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wimcheck import __version__
from wimcheck.cli.help_text import translate_help_when_shown
from wimcheck.cli.language import (
    ARGUMENTS,
    LANGUAGE_ARGUMENT,
    add_language_option,
    chosen_language,
    language_argument,
)
from wimcheck.cli.lazy import LazyCommand, LazyCommands
from wimcheck.errors import ExitCode, WimcheckError

# The commands, in the order help lists them; each is imported and built when it is used.
COMMANDS = [
    LazyCommand("assess", "wimcheck.cli.assess_cmd", "assess", "help.assess"),
    LazyCommand("report", "wimcheck.cli.report_cmd", "report", "help.report"),
    LazyCommand("score", "wimcheck.cli.score_cmd", "score", "help.score"),
    LazyCommand("compare", "wimcheck.cli.compare_cmd", "compare", "help.compare"),
    LazyCommand("template", "wimcheck.cli.template_cmd", "template", "help.template"),
    LazyCommand("serve", "wimcheck.cli.serve_cmd", "serve", "help.serve"),
    LazyCommand("frameworks", "wimcheck.cli.frameworks_cmd", "app", kind="group"),
    LazyCommand("sessions", "wimcheck.cli.sessions_cmd", "app", kind="group"),
    LazyCommand("mapping", "wimcheck.cli.mapping_cmd", "app", kind="group"),
]


def _prepare(command: Any) -> None:
    """What the root group gives every command as it is built: ``--lang``, translated help."""
    add_language_option(command)
    translate_help_when_shown(command)


def _builder(entry: LazyCommand) -> Callable[[], Any]:
    return lambda: entry.build(app, _prepare)


def print_error(exc: WimcheckError) -> None:
    """Print a user error as one line plus a hint, on stderr.

    Paths, ids and texts in it may come from files or arguments: anything a terminal
    would act on is shown escaped, so the error stays one line and only text.
    """
    from wimcheck.cli.output import terminal_safe
    from wimcheck.messages import t

    where = exc.location
    line = t("cli.error.at", where=where, message=exc.message) if where else None
    sys.stderr.write(terminal_safe(line or t("cli.error", message=exc.message)) + "\n")
    if exc.hint:
        sys.stderr.write(terminal_safe(t("cli.hint", hint=exc.hint)) + "\n")
    sys.stderr.flush()


def _exit_on_usage_error(exc: BaseException, ctx: Any) -> None:
    """A mistake on the command line: one line and a hint in the chosen language, exit 2."""
    from wimcheck.cli.usage_errors import is_usage_error, usage_error
    from wimcheck.i18n.language import use_language

    if is_usage_error(exc):
        with use_language(chosen_language(ctx)):
            error = usage_error(exc, ctx.find_root())  # type: ignore[arg-type] # is_usage_error checked it
            print_error(error)
        raise typer.Exit(int(error.exit_code)) from None


class WimcheckGroup(TyperGroup):
    """Speaks the chosen language; maps wimcheck errors and crashes to documented exit codes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_language_option(self)
        translate_help_when_shown(self)
        pending = {entry.name: _builder(entry) for entry in COMMANDS}
        self.commands = LazyCommands(self.commands, pending)

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: ARG002 - click passes it
        return list(self.commands)  # the names only: nothing is built to list them

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[LANGUAGE_ARGUMENT] = language_argument(args)
        ctx.meta[ARGUMENTS] = tuple(args)
        try:
            return super().parse_args(ctx, args)
        except typer.TyperException as exc:  # a root option: wimcheck --bogus
            _exit_on_usage_error(exc, ctx)
            raise

    def invoke(self, ctx: Any) -> Any:
        from wimcheck.i18n.language import use_language

        with use_language(chosen_language(ctx)):
            return self._invoke_mapping_errors(ctx)

    def _invoke_mapping_errors(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WimcheckError as exc:
            print_error(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort):
            raise
        except typer.TyperException as exc:  # click's usage errors: --bogus, a missing argument
            _exit_on_usage_error(exc, ctx)
            raise
        except KeyboardInterrupt:
            from wimcheck.messages import t

            with contextlib.suppress(OSError, ValueError):  # the terminal may be gone
                sys.stderr.write(f"\n{t('cli.interrupted')}\n")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            raise typer.Exit(int(ExitCode.OK)) from None
        except Exception as exc:
            if type(exc).__module__.startswith(("click", "typer")):
                raise
            from wimcheck.messages import t

            message = t("cli.internal-error", kind=type(exc).__name__, detail=exc)
            sys.stderr.write(t("cli.error", message=message) + "\n")
            sys.stderr.write(t("cli.hint", hint=t("cli.internal-error.hint")) + "\n")
            if os.environ.get("WIMCHECK_DEBUG"):
                import traceback

                traceback.print_exc()
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


app = typer.Typer(
    cls=WimcheckGroup,
    name="wimcheck",
    help="help.app",
    epilog="help.app.epilog",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"wimcheck {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="help.option.version"
        ),
    ] = False,
) -> None:
    """Competence self-assessment for workplace innovation, fully offline."""


_terminated: list[int] = []  # the termination signal received, if any


def _terminate(signum: int, _frame: FrameType | None) -> None:
    """SIGTERM or SIGHUP: stop as Ctrl-C does (temporary files removed, exit 130)."""
    if not _terminated:
        _terminated.append(signum)
        raise KeyboardInterrupt


def catch_termination() -> None:
    """Treat SIGTERM and SIGHUP like Ctrl-C: whatever is being written is cleaned up.

    A second signal while cleaning up is ignored, so the cleaning finishes.
    """
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _terminate)


def tolerant_streams() -> None:
    """Never crash on a console that cannot show a character (cp1250, ASCII).

    Such characters, and bytes that were not UTF-8 in file names, are written as
    backslash escapes; undecodable typed input becomes U+FFFD.
    """
    for stream, errors in ((sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


def main() -> None:
    """Entry point of the ``wimcheck`` console script."""
    tolerant_streams()
    catch_termination()
    try:
        app(prog_name="wimcheck")
    except BaseException:
        if not _terminated:
            raise
    if _terminated:  # whatever failed while stopping, the documented code is 130
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(int(ExitCode.INTERRUPTED))
