"""The ``wimcheck`` command: the typer application and its exit-code mapping.

Only typer and the standard library are imported here at module level; every command
imports what it needs when it runs, so ``wimcheck --version`` stays instant.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wimcheck import __version__
from wimcheck.errors import ExitCode, WimcheckError

EPILOG = (
    "Exit codes: 0 ok; 1 findings or rejected input; 2 usage error or unreadable input; "
    "130 interrupted; 70 internal error."
)


def print_error(exc: WimcheckError) -> None:
    """Print a user error as one line plus a hint, on stderr.

    Paths, ids and texts in it may come from files or arguments: anything a terminal
    would act on is shown escaped, so the error stays one line and only text.
    """
    from wimcheck.cli.output import terminal_safe

    where = exc.location
    prefix = f"{where}: error: " if where else "error: "
    sys.stderr.write(terminal_safe(f"{prefix}{exc.message}") + "\n")
    if exc.hint:
        sys.stderr.write("  hint: " + terminal_safe(exc.hint) + "\n")
    sys.stderr.flush()


class WimcheckGroup(TyperGroup):
    """Maps wimcheck errors and crashes to documented exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WimcheckError as exc:
            print_error(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort):
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

            sys.stderr.write(
                "error: "
                + t("cli.internal-error", kind=type(exc).__name__, detail=exc)
                + "\n  hint: "
                + t("cli.internal-error.hint")
                + "\n"
            )
            if os.environ.get("WIMCHECK_DEBUG"):
                import traceback

                traceback.print_exc()
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


app = typer.Typer(
    cls=WimcheckGroup,
    name="wimcheck",
    help=(
        "Competence self-assessment for workplace innovation, fully offline.\n\n"
        "Start with `wimcheck frameworks list`, then `wimcheck assess`."
    ),
    epilog=EPILOG,
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
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Competence self-assessment for workplace innovation, fully offline."""


def _register() -> None:
    from wimcheck.cli import (
        assess_cmd,
        compare_cmd,
        frameworks_cmd,
        report_cmd,
        score_cmd,
        sessions_cmd,
        template_cmd,
    )

    app.command("assess")(assess_cmd.assess)
    app.command("report")(report_cmd.report)
    app.command("score")(score_cmd.score)
    app.command("compare")(compare_cmd.compare)
    app.command("template")(template_cmd.template)
    app.add_typer(frameworks_cmd.app, name="frameworks")
    app.add_typer(sessions_cmd.app, name="sessions")


_register()


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
