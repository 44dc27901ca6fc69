"""What every answer of the server carries, and which ``Host`` names it answers to.

- ``Host`` check: a page on another site can make a browser send requests to a server on
  127.0.0.1 by pointing its own name at 127.0.0.1 (DNS rebinding), and then read the answers.
  Those requests carry the other site's name in ``Host``, so the server answers only to the
  names it was configured with: the loopback names, the address given to ``--host``, names
  added with ``--allowed-host`` or ``COMMUNIQUE_ALLOWED_HOSTS`` (comma-separated; ``*``
  turns the check off, e.g. behind a proxy that checks). A bare IP address in ``Host``
  cannot come from a rebinding page, so on a wildcard address (0.0.0.0) any is accepted.
- Headers: ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and a
  Content-Security-Policy that allows only the server's own scripts, styles and images,
  no inline script or style, no framing (the pages are written to pass it).
"""
from __future__ import annotations

import ipaddress
import json
import os
import socket
from typing import Iterable, Optional, Sequence

ALLOWED_HOSTS_ENV = "COMMUNIQUE_ALLOWED_HOSTS"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def allowed_host_names(host: Optional[str] = None, extra: Iterable[str] = ()) -> list[str]:
    """The names the server answers to: loopback names, ``host`` (the listening address),
    ``extra`` and ``$COMMUNIQUE_ALLOWED_HOSTS``; on a wildcard address, this machine's names too."""
    names = list(LOOPBACK_NAMES)
    if host in WILDCARD_ADDRESSES:
        names += [socket.gethostname(), socket.getfqdn()]
    elif host:
        names.append(host)
    names += list(extra)
    names += [n for n in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",")]
    seen: list[str] = []
    for name in names:
        name = normalise_host(name)
        if name and name not in seen:
            seen.append(name)
    return seen


def normalise_host(value: str) -> str:
    """'Example.org.:8000' -> 'example.org', '[::1]:8000' -> '::1'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class SecurityMiddleware:
    """ASGI middleware: refuse unknown Host names with 400, add the security headers."""

    def __init__(self, app, allowed_hosts: Sequence[str], any_ip_literal: bool = False):
        self.app = app
        self.allow_all = "*" in allowed_hosts
        self.allowed = frozenset(normalise_host(h) for h in allowed_hosts if h != "*")
        self.any_ip_literal = any_ip_literal
        self.shown = ", ".join(sorted(self.allowed))

    def host_allowed(self, scope) -> tuple[bool, str]:
        raw = next((v for k, v in scope.get("headers", ()) if k == b"host"), None)
        if raw is None:
            return self.allow_all, ""
        name = normalise_host(raw.decode("latin-1"))
        if self.allow_all or name in self.allowed:
            return True, name
        return self.any_ip_literal and is_ip_literal(name), name

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        ok, name = self.host_allowed(scope)
        if not ok:
            return await self.refuse(scope, send, name)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": list(message.get("headers", ())) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def refuse(self, scope, send, name: str) -> None:
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        detail = (f"this server does not answer to the host name {name!r} (allowed: {self.shown}); "
                  f"add it with --allowed-host or {ALLOWED_HOSTS_ENV}") if name else \
            "a Host header is required"
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body})
