"""The HTTP server around the app: uvicorn with limits that a slow or hostile client cannot outlast.

uvicorn's own settings cover idle keep-alive connections (``timeout_keep_alive``) and
answer 503 past ``limit_concurrency``, but a connection that sends nothing, or its headers
one byte at a time, is kept open for ever (slowloris). ``GuardedH11Protocol`` adds:

- a header deadline: a connection must deliver a complete request head within
  ``header_timeout`` seconds of opening, and of finishing the previous answer; else it is closed;
- a connection cap: past ``max_connections`` open connections, a new one is closed at once
  (the ones within the cap past ``limit_concurrency`` get uvicorn's 503).

Request heads are capped at ``MAX_HEAD_BYTES`` (h11's incomplete-event limit); bodies are
bounded in size and time by the API (see ``api.read_bounded_body``).
"""
from __future__ import annotations

import asyncio
from typing import Optional

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = 10.0
KEEP_ALIVE_S = 5.0
MAX_CONNECTIONS = 1000
MAX_HEAD_BYTES = 16 * 1024
BACKLOG = 2048


class GuardedH11Protocol(H11Protocol):
    header_timeout = HEADER_TIMEOUT_S
    max_connections = MAX_CONNECTIONS

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: Optional[asyncio.TimerHandle] = None
        if len(self.connections) > self.max_connections:
            transport.abort()  # no answer at all: writing one would cost what the cap saves
            return
        self._arm_head_deadline()

    def _arm_head_deadline(self) -> None:
        self._cancel_head_deadline()
        self._head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _cancel_head_deadline(self) -> None:
        if getattr(self, "_head_deadline", None) is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a complete request head arrived
            self._cancel_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_head_deadline()  # the next request's head is due in time too

    def connection_lost(self, exc) -> None:
        self._cancel_head_deadline()
        super().connection_lost(exc)


def protocol_class(header_timeout: float = HEADER_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS):
    return type("GuardedH11Protocol", (GuardedH11Protocol,),
                {"header_timeout": header_timeout, "max_connections": max_connections})


def server_config(app, host: str = "127.0.0.1", port: int = 8000, *,
                  header_timeout: float = HEADER_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS,
                  keep_alive: float = KEEP_ALIVE_S, log_level: str = "info",
                  access_log: bool = False) -> uvicorn.Config:
    """uvicorn settings for ``communique serve`` (and the tests and the load benchmark)."""
    return uvicorn.Config(
        app, host=host, port=port, log_level=log_level, access_log=access_log,
        http=protocol_class(header_timeout, max_connections),
        timeout_keep_alive=int(max(1, keep_alive)),
        limit_concurrency=max_connections,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        backlog=BACKLOG,
        # no --reload, one process: a DuckDB store has one writer, and that is this process
    )


def make_server(app, host: str = "127.0.0.1", port: int = 8000, **settings) -> uvicorn.Server:
    return uvicorn.Server(server_config(app, host, port, **settings))
