"""Running the server: the socket, the addresses to announce, the QR code, uvicorn.

The socket is bound before anything is announced, so that the addresses printed are the
ones that answer (``--port 0`` takes a free port). Listening on every interface is said
plainly; ``--host 127.0.0.1`` keeps the workshop on the laptop.
"""

from __future__ import annotations

import contextlib
import io
import socket
import struct
from pathlib import Path

from wimcheck.errors import UsageError
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.web.app import create_app
from wimcheck.web.context import ServeContext
from wimcheck.web.security import Limits
from wimcheck.web.workshop import Workshop, WorkshopSettings

__all__ = ["ServeInfo", "bind", "prepare", "qr_text", "run"]

ANY_ADDRESSES = {"0.0.0.0", "::", ""}


@record
class ServeInfo:
    """What the terminal announces."""

    participant_urls: tuple[str, ...]
    join_code: str
    facilitator_url: str
    every_interface: bool
    folder: Path
    qr: str  # the QR code of the first participant address, as terminal text


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``.

    Raises:
        UsageError: the address cannot be used (taken, not this machine's).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except (OSError, OverflowError) as exc:
        sock.close()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(
            t("serve.cannot-listen", host=host, port=port, why=reason),
            hint=t("serve.cannot-listen.hint"),
        ) from None
    sock.set_inheritable(True)
    return sock


def _interface_addresses() -> list[str]:
    """The IPv4 address of each network interface (Linux; elsewhere the host name's), the
    one of the default route first (the QR code shows it), loopback last."""
    found: list[str] = []
    with contextlib.suppress(OSError, AttributeError, ImportError):
        import fcntl  # noqa: PLC0415 - POSIX only

        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        with probe:
            for _, name in socket.if_nameindex():
                request = struct.pack("256s", name.encode()[:15])
                with contextlib.suppress(OSError):
                    answer = fcntl.ioctl(probe.fileno(), 0x8915, request)  # SIOCGIFADDR
                    found.append(socket.inet_ntoa(answer[20:24]))
    with contextlib.suppress(OSError):  # the address of the default route (sends nothing)
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        with probe:
            probe.connect(("192.0.2.1", 9))
            found.insert(0, str(probe.getsockname()[0]))
    if len(found) <= 1:
        with contextlib.suppress(OSError):
            found += sorted(
                {
                    str(i[4][0])
                    for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
                }
            )
    outside = [a for a in found if not a.startswith("127.")]
    return [*dict.fromkeys(outside), "127.0.0.1"]


def addresses(host: str) -> tuple[str, ...]:
    """The addresses a phone can use for ``host``: every interface's for 0.0.0.0."""
    if host in ANY_ADDRESSES:
        return tuple(_interface_addresses())
    return (f"[{host}]" if ":" in host else host,)


def qr_text(url: str) -> str:
    """The QR code of ``url`` drawn with block characters for a terminal."""
    import segno  # noqa: PLC0415 - only when serving

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def prepare(
    settings: WorkshopSettings, host: str, port: int, facilitator_lang: str
) -> tuple[ServeContext, ServeInfo]:
    """The workshop opened (or continued) in its folder, and what to announce."""
    ctx = ServeContext(Workshop(settings), facilitator_lang)
    keys = ctx.workshop.keys
    urls = tuple(f"http://{a}:{port}/?code={keys.join_code}" for a in addresses(host))
    local = "127.0.0.1" if host in ANY_ADDRESSES else addresses(host)[0]
    info = ServeInfo(
        participant_urls=urls,
        join_code=keys.join_code,
        facilitator_url=f"http://{local}:{port}/f/{keys.facilitator_token}",
        every_interface=host in ANY_ADDRESSES,
        folder=settings.folder,
        qr=qr_text(urls[0]),
    )
    return ctx, info


def run(ctx: ServeContext, sock: socket.socket, limits: Limits | None = None) -> None:
    """Serve until interrupted (Ctrl-C raises KeyboardInterrupt after a clean stop)."""
    import uvicorn  # noqa: PLC0415 - only when serving

    config = uvicorn.Config(
        create_app(ctx, limits),
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=3,
    )
    uvicorn.Server(config).run(sockets=[sock])
