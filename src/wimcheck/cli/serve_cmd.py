"""``wimcheck serve``: the questionnaire on participants' phones over the room's network.

Thin: it checks the options, asks :mod:`wimcheck.web` (imported only here, when the
command runs) to open the workshop folder and bind the socket, prints the addresses, the
QR code, the join code and the facilitator's address, and serves until Ctrl-C (exit 130,
saying where the answers are).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from wimcheck.frameworks.model import Framework, Role
    from wimcheck.web.server import ServeInfo

FrameworkArgument = Annotated[str, typer.Argument(help="help.serve.framework")]
RolesOption = Annotated[list[str] | None, typer.Option("--role", "-r", help="help.serve.role")]
LangsOption = Annotated[list[str] | None, typer.Option("--lang", help="help.serve.lang")]
HostOption = Annotated[str, typer.Option("--host", help="help.serve.host")]
PortOption = Annotated[int, typer.Option("--port", min=0, max=65535, help="help.serve.port")]
WorkshopOption = Annotated[Path | None, typer.Option("--workshop", help="help.serve.workshop")]
MinGroupOption = Annotated[int, typer.Option("--min-group", min=1, help="help.serve.min-group")]


def serve(
    framework: FrameworkArgument = "wim",
    role: RolesOption = None,
    lang: LangsOption = None,
    host: HostOption = "0.0.0.0",
    port: PortOption = 8000,
    workshop: WorkshopOption = None,
    min_group: MinGroupOption = 3,
) -> None:
    """Run a workshop: participants answer on their phones, nothing leaves the room.

    Its help text is ``help.serve`` in :mod:`wimcheck.messages`.
    """
    from wimcheck.errors import ExitCode
    from wimcheck.frameworks.catalog import load_framework
    from wimcheck.i18n.language import current_language
    from wimcheck.web.server import bind, prepare, run
    from wimcheck.web.workshop import WorkshopSettings

    loaded = load_framework(framework)
    settings = WorkshopSettings(
        framework_name=framework,
        framework=loaded,
        roles=_roles(loaded, role or []),
        languages=_languages(lang or []),
        folder=_folder(workshop),
        min_group=min_group,
    )
    sock = bind(host, port)
    ctx, info = prepare(settings, host, sock.getsockname()[1], current_language())
    _announce(info, loaded)
    # The server stops only when interrupted: by Ctrl-C (KeyboardInterrupt), or by a
    # signal after which uvicorn returns (SIGINT where the shell ignores it, as for a
    # command started with `&`). Either way it says where the answers are.
    with contextlib.suppress(KeyboardInterrupt):
        run(ctx, sock)
    _stopped(info, len(ctx.workshop.finished_files()))
    raise typer.Exit(int(ExitCode.INTERRUPTED))


def _roles(framework: Framework, wanted: list[str]) -> tuple[Role, ...]:
    from wimcheck.errors import UnknownRoleError
    from wimcheck.messages import t

    if not wanted:
        return tuple(framework.roles.values())
    for role_id in wanted:
        if role_id not in framework.roles:
            raise UnknownRoleError(
                t("error.unknown-role", framework=framework.id, role=role_id),
                hint=t("hint.unknown-role", known=", ".join(framework.roles)),
            )
    return tuple(framework.roles[r] for r in dict.fromkeys(wanted))


def _languages(wanted: list[str]) -> tuple[str, ...]:
    from wimcheck.i18n.language import SUPPORTED_LANGUAGES, language_of

    if not wanted:
        return SUPPORTED_LANGUAGES
    return tuple(dict.fromkeys(code for w in wanted if (code := language_of(w)) is not None))


def _folder(workshop: Path | None) -> Path:
    from wimcheck.assessment.sessions import now
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    folder = workshop or Path(f"wimcheck-workshop-{now():%Y%m%d}")
    if folder.exists() and not folder.is_dir():
        raise UsageError(t("serve.not-a-folder"), path=folder, hint=t("serve.not-a-folder.hint"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(t("serve.not-a-folder"), path=folder, hint=str(exc.strerror)) from None
    return folder.resolve()


def _announce(info: ServeInfo, framework: Framework) -> None:
    from wimcheck.i18n.language import current_language
    from wimcheck.messages import t

    lang = current_language()
    out = sys.stdout
    out.write(t("serve.banner", framework=framework.title.get(lang), folder=info.folder) + "\n")
    if info.every_interface:
        out.write(t("serve.every-interface") + "\n")
    out.write(t("serve.participants", code=info.join_code) + "\n")
    for url in info.participant_urls:
        out.write(f"  {url}\n")
    out.write(info.qr)
    out.write(t("serve.facilitator", url=info.facilitator_url) + "\n")
    out.write(t("serve.stop-with") + "\n")
    out.flush()


def _stopped(info: ServeInfo, finished: int) -> None:
    from wimcheck.messages import t

    sys.stderr.write("\n" + t("serve.stopped", folder=info.folder, count=finished) + "\n")
    sys.stderr.flush()
