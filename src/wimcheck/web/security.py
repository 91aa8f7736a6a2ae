"""Security on a room's network: form tokens, request limits, rate limits, headers.

See docs/web-threat-model.md for what each measure is against.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from wimcheck.records import record

__all__ = [
    "PAGE_CSP",
    "REPORT_CSP",
    "AttemptLimiter",
    "Limits",
    "LimitsMiddleware",
    "RateLimiter",
    "SecurityHeadersMiddleware",
    "csrf_ok",
    "csrf_token",
    "same_secret",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
# What a middleware sends when it refuses a request: the status and the page, for a scope.
Refusal = Callable[[Scope, int], bytes]

# The pages of wimcheck serve: no script at all, styles and images only from the server.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# The reports are the self-contained HTML files of `wimcheck report` (inline styles, inline
# SVG): still no script, no form, nothing from elsewhere.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


def csrf_token(secret: str, subject: str) -> str:
    """The form token of ``subject`` (a participant, the facilitator, a visitor)."""
    return hmac.new(secret.encode(), subject.encode(), hashlib.sha256).hexdigest()


def same_secret(sent: str, expected: str) -> bool:
    """Whether ``sent`` is ``expected``, compared in constant time (any text may be sent)."""
    return hmac.compare_digest(
        sent.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )


def csrf_ok(secret: str, subject: str, sent: str | None) -> bool:
    """Whether ``sent`` is the form token of ``subject`` (compared in constant time)."""
    return bool(sent) and same_secret(str(sent), csrf_token(secret, subject))


class RateLimiter:
    """A token bucket per client: ``burst`` requests at once, ``rate`` a second after that.

    At most ``clients`` buckets are kept (the least recently used go first).
    """

    def __init__(self, rate: float, burst: int, clients: int = 10_000) -> None:
        self.rate, self.burst, self.clients = rate, burst, clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        """Whether ``key`` may make one more request now (and count it)."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.burst), moment))
            tokens = min(float(self.burst), tokens + (moment - last) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, moment)
            while len(self._buckets) > self.clients:
                self._buckets.popitem(last=False)
            return allowed


class AttemptLimiter:
    """Failed guesses (a join or resume code) per client: ``limit`` in ``window`` seconds."""

    def __init__(self, limit: int = 10, window: float = 300.0) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, key: str) -> bool:
        """Whether ``key`` has failed too often lately."""
        with self._lock:
            return len(self._recent(key)) >= self.limit

    def failed(self, key: str) -> None:
        """Count one failed guess of ``key``."""
        with self._lock:
            self._recent(key).append(time.monotonic())

    def _recent(self, key: str) -> list[float]:
        since = time.monotonic() - self.window
        kept = [moment for moment in self._failures.get(key, []) if moment > since]
        self._failures[key] = kept
        return kept


def client_address(scope: Scope) -> str:
    """Who a request comes from: its address (cookies are the client's to change)."""
    client = scope.get("client") or ("?", 0)
    return str(client[0])


def is_loopback(address: str) -> bool:
    """Whether ``address`` is this computer itself (its users can read the files anyway)."""
    return address.startswith("127.") or address == "::1"


@record
class Limits:
    """Bounds on what one request may be."""

    max_body: int = 16 * 1024  # a form of a statement is well under 1 KB
    rate: float = 20.0  # requests a second per address, after the burst
    burst: int = 120
    exempt_loopback: bool = True  # the laptop itself (the benchmark, a local browser)


class LimitsMiddleware:
    """Refuses too large bodies (413), bodies of unknown length (411) and too many
    requests from one address (429), before the application reads anything. A phone in a
    room has an address of its own; requests from the laptop itself are not limited."""

    def __init__(self, app: ASGIApp, limits: Limits, refuse: Refusal) -> None:
        self.app, self.limits, self.refuse = app, limits, refuse
        self.rates = RateLimiter(limits.rate, limits.burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = self._status(scope)
        if status is not None:
            await _send_page(send, status, self.refuse(scope, status))
            return
        await self.app(scope, receive, send)

    def _status(self, scope: Scope) -> int | None:
        address = client_address(scope)
        exempt = self.limits.exempt_loopback and is_loopback(address)
        if not exempt and not self.rates.allow(address):
            return 429
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return None
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is None:
            return 411
        if not length.isdigit() or int(length) > self.limits.max_body:
            return 413
        return None


async def _send_page(send: Send, status: int, body: bytes) -> None:
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    if status == 429:
        headers.append((b"retry-after", b"5"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    """Adds the security headers to every response, and the page CSP where none is set."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                if b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
