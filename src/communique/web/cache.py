"""Answers cached per store version: the store changes only when something is written, so a
page computed at version N is served again, from memory, until the version moves.

- ``VersionWatch`` knows the current store version. Commits made in this process are
  counted as they happen (``versioning.WriteCounter``), so after one the next request reads
  the new version at once; writers in other processes (PostgreSQL) are seen by asking the
  store at most every ``max_age`` seconds. The question runs on a thread and connection of
  its own, so it never waits behind page queries.
- ``ResponseCache`` (ASGI middleware) gives every GET answer an ``ETag`` of the version and
  ``Cache-Control: no-cache``: a browser that sends it back in ``If-None-Match`` gets a 304
  while nothing was written. Successful answers are kept in memory (bounded in entries and
  bytes); when many requests for the same URL arrive while it is being computed, one
  computes it and the others wait for that answer (one query per URL and version, not
  one per client).
"""
from __future__ import annotations

import asyncio
import secrets
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Optional

MAX_ENTRIES = 2048
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024
VERSION_MAX_AGE_S = 0.25


class VersionWatch:
    def __init__(self, read_version: Callable[[], int], write_counter, max_age: float = VERSION_MAX_AGE_S):
        self._read_version = read_version
        self._counter = write_counter
        self._max_age = max_age
        self._value: Optional[int] = None
        self._seen_writes = -1
        self._read_at = 0.0
        self._refreshing: Optional[asyncio.Future] = None
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="communique-version")

    def fresh(self) -> bool:
        return (self._value is not None and self._counter.value == self._seen_writes
                and time.monotonic() - self._read_at < self._max_age)

    async def current(self) -> int:
        if self.fresh():
            return self._value  # type: ignore[return-value]
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.ensure_future(self._refresh())
        return await asyncio.shield(self._refreshing)

    async def _refresh(self) -> int:
        writes = self._counter.value  # counted before reading: a commit in between reads again
        started = time.monotonic()
        value = await asyncio.get_running_loop().run_in_executor(self._executor, self._read_version)
        self._value, self._seen_writes, self._read_at = value, writes, started
        return value

    def close(self) -> None:
        self._executor.shutdown(wait=False)


class _Entry:
    __slots__ = ("version", "status", "headers", "body")

    def __init__(self, version: int, status: int, headers: list, body: bytes):
        self.version, self.status, self.headers, self.body = version, status, headers, body


class ResponseCache:
    """ASGI middleware; ``skip`` lists path prefixes served as they are (static files)."""

    def __init__(self, app, version: VersionWatch, skip: tuple[str, ...] = ("/static/",),
                 max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.app = app
        self.version = version
        self.skip = skip
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.boot = secrets.token_hex(4)  # a restarted server (maybe new code) never reuses an ETag
        self.entries: "OrderedDict[tuple, _Entry]" = OrderedDict()
        self.bytes = 0
        self.inflight: dict[tuple, asyncio.Future] = {}
        self.hits = self.misses = 0
        self.last_version: Optional[int] = None

    def etag(self, version: int) -> bytes:
        return f'W/"{self.boot}-{version}"'.encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(self.skip):
            return await self.app(scope, receive, send)
        version = await self.version.current()
        if self.last_version is None or version > self.last_version:  # all kept is stale: free it
            self.last_version = version
            self.entries.clear()
            self.bytes = 0
        etag = self.etag(version)
        validators = [(b"etag", etag), (b"cache-control", b"no-cache")]
        if etag in _if_none_match(scope):
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b""})
            return
        key = (scope["path"], scope.get("query_string", b""))
        for _ in range(2):
            entry = self._get(key, version)
            if entry is not None:
                self.hits += 1
                await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
                await send({"type": "http.response.body", "body": entry.body})
                return
            waiting = self.inflight.get(key)
            if waiting is None:
                break
            await asyncio.shield(waiting)  # another request computes this URL now: use its answer
        self.misses += 1
        done = asyncio.get_running_loop().create_future()
        self.inflight[key] = done
        try:
            await self._compute(scope, receive, send, key, version, validators)
        finally:
            if self.inflight.get(key) is done:
                del self.inflight[key]
            done.set_result(None)

    async def _compute(self, scope, receive, send, key, version, validators) -> None:
        captured: dict = {"status": None, "headers": None, "body": [], "size": 0}

        async def capture(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in (b"etag", b"cache-control")]
                headers += validators
                message = {**message, "headers": headers}
                captured["status"], captured["headers"] = message["status"], headers
            elif message["type"] == "http.response.body" and captured["size"] <= MAX_ENTRY_BYTES:
                chunk = message.get("body", b"")
                captured["body"].append(chunk)
                captured["size"] += len(chunk)
                if not message.get("more_body", False) and captured["status"] == 200 \
                        and captured["size"] <= MAX_ENTRY_BYTES:
                    self._put(key, _Entry(version, 200, captured["headers"], b"".join(captured["body"])))
            await send(message)

        await self.app(scope, receive, capture)

    def _get(self, key, version: int) -> Optional[_Entry]:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry.version != version:
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry

    def _put(self, key, entry: _Entry) -> None:
        if key in self.entries:
            self._drop(key)
        self.entries[key] = entry
        self.bytes += len(entry.body)
        while self.entries and (len(self.entries) > self.max_entries or self.bytes > self.max_bytes):
            self._drop(next(iter(self.entries)))

    def _drop(self, key) -> None:
        entry = self.entries.pop(key)
        self.bytes -= len(entry.body)


def _if_none_match(scope) -> list[bytes]:
    for name, value in scope.get("headers", ()):
        if name == b"if-none-match":
            return [v.strip() for v in value.split(b",")]
    return []
