"""The ``wimcheck`` command: the typer application and its exit-code mapping.

Only typer and the standard library are imported here at module level; every command
imports what it needs when it runs, so ``wimcheck --version`` stays instant.
"""

from __future__ import annotations

import os
import sys
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
    """Print a user error as one line plus a hint, on stderr."""
    where = exc.location
    prefix = f"{where}: error: " if where else "error: "
    sys.stderr.write(f"{prefix}{exc.message}\n")
    if exc.hint:
        sys.stderr.write(f"  hint: {exc.hint}\n")
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


def main() -> None:
    """Entry point of the ``wimcheck`` console script."""
    app(prog_name="wimcheck")
